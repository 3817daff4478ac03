"""A lab's grading.toml, read and checked: points per test, perf step tables, limits.

    [lab]
    title = "Vectorization"
    timeout = 60                     # seconds per test process (default for every item)

    [[unit]]                         # a correctness test group, all-or-nothing
    id = "matmul"
    binary = "test_matmul"           # executable in build/<tree>/bin/<lab>/
    filter = "Matmul.*"              # --gtest_filter
    points = 3

    [[perf]]                         # a performance test, points from a step table
    id = "matmul_speedup"
    binary = "perf_matmul"
    filter = "MatmulPerf.*"
    requires = ["matmul"]            # perf points count only when these unit groups pass
    metric = "speedup"               # or "efficiency" = speedup / min(threads, cores), or
                                     # "parallel_speedup" = speedup on every core against a baseline that
                                     # runs on every core too (the cores must be busy: judged as parallel),
                                     # "concurrency" = speedup / threads (waiting overlaps on any core count),
                                     # or "fraction" of a ceiling (cuBLAS's speed, peak memory bandwidth)
    steps = [{ at = 5, points = 1 }, { at = 15, points = 3 }]
    flops = 2_147_483_648            # optional, with bytes: one call's floating-point operations and
    bytes = 25_165_824               # memory traffic (bytes >= 0) at the perf test's size, counted
                                     # analytically: the roofline feedback (GFLOP/s, % of this
                                     # machine's roof) in the results; never points

An MPI lab sets `ranks = N` (in [lab] as the default, or per item): the test program is then
started by `mpirun -np N` (see grader/mpi.py), and every rank writes its own report. An item with
`gpu = true` needs nvcc and a GPU, and is skipped, saying which is missing, without them. An item
whose test runs other programs of the lab (`programs = ["log_analytics_slow"]`, built in the same
bin folder) gets copies of them beside its test program, where the sandbox lets it run them. A
`[report]` table (program, renderer) names what `./grade --bench` runs after the benchmarks.
"""
from __future__ import annotations

import re
try:
    import tomllib
except ImportError:  # Python < 3.11 (Ubuntu 22.04): the same parser, packaged as python3-tomli
    import tomli as tomllib
from dataclasses import dataclass, field
from pathlib import Path

_PROGRAM = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
METRICS = ("speedup", "efficiency", "parallel_speedup", "concurrency", "fraction")
DEFAULT_TIMEOUT_S = 60
DEFAULT_MEMORY_MB = 4096
# unit items' `sanitizer`: rebuilt with ASan + UBSan or TSan, or run under a compute-sanitizer tool (CUDA)
TREE_SANITIZERS = ("address", "thread")
COMPUTE_SANITIZERS = ("memcheck", "racecheck", "synccheck")
DEFAULT_CPU_S = 600
DEFAULT_PROCESSES = 256
DEFAULT_OUTPUT_KB = 1024
DEFAULT_FILE_MB = 2048   # the largest file a test may write (RLIMIT_FSIZE)
DEFAULT_DISK_MB = 2048   # each private scratch file system a test gets (work folder, /tmp, /dev/shm)


class ConfigError(Exception):
    """A grading.toml that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Limits:
    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB
    cpu_s: int = DEFAULT_CPU_S
    processes: int = DEFAULT_PROCESSES
    output_kb: int = DEFAULT_OUTPUT_KB
    file_mb: int = DEFAULT_FILE_MB
    disk_mb: int = DEFAULT_DISK_MB
    # memory_mb caps the heap and writable mappings (RLIMIT_DATA) instead of the address space:
    # set for CUDA programs, whose driver reserves tens of GiB of address space it never fills.
    data_only: bool = False


@dataclass(frozen=True)
class Step:
    at: float
    points: int


@dataclass(frozen=True)
class Item:
    id: str
    kind: str  # "unit" or "perf"
    binary: str
    filter: str
    name: str
    limits: Limits
    points: int = 0                        # unit items
    requires: tuple[str, ...] = ()         # perf items
    metric: str = "speedup"                # perf items
    steps: tuple[Step, ...] = ()           # perf items, ascending
    hidden: bool = False                   # from hidden/<lab>/grading.toml
    ranks: int = 0                         # > 0: run under mpirun with this many ranks
    # perf items whose steps track the machine (speedups over a serial baseline): what the
    # reference solution measures on the course's machine, the anchor of ./grade --calibrate.
    reference: float | None = None
    # unit items: run the test program built with this sanitizer ("address" = ASan + UBSan, or
    # "thread" = TSan); the item fails on the sanitizer's first report.
    sanitizer: str | None = None
    # needs nvcc (its test program is built only with one) and a GPU (its tests skip without one):
    # where either is missing the item is skipped, saying which, like the CUDA lab.
    gpu: bool = False
    programs: tuple[str, ...] = ()         # other programs of the lab's bin folder the test runs
    # perf items: one call's floating-point operations and bytes moved, for the roofline feedback
    # (grader/roofline.py); both or neither.
    flops: float | None = None
    bytes: float | None = None

    @property
    def rebuilt_with_sanitizer(self) -> bool:
        """Its test program is built again with the sanitizer (ASan, TSan) in a sibling tree;
        compute-sanitizer's tools instead wrap the program as it is."""
        return self.sanitizer in TREE_SANITIZERS

    @property
    def max_points(self) -> float:
        return self.steps[-1].points if self.kind == "perf" else self.points

    def step_feedback(self, value: float) -> str:
        """Where a measurement stands in the step table: the step reached and what the next one
        needs, so a partial score says how far there is to go."""
        reached = [i for i, step in enumerate(self.steps) if value >= step.at]
        if reached and reached[-1] == len(self.steps) - 1:
            return f"top step reached (>= {self.steps[-1].at:g} -> {self.steps[-1].points:g} pt)"
        upcoming = self.steps[reached[-1] + 1 if reached else 0]
        now = (f"step {reached[-1] + 1} of {len(self.steps)} reached (>= {self.steps[reached[-1]].at:g} -> "
               f"{self.steps[reached[-1]].points:g} pt)" if reached else "below the first step")
        factor = f", {upcoming.at / value:.2g}x your value" if value > 0 else ""
        return f"{now}; next: >= {upcoming.at:g} -> {upcoming.points:g} pt{factor}"

    def points_for(self, value: float) -> float:
        """Points a perf measurement earns: the highest step reached."""
        earned = 0.0
        for step in self.steps:
            if value >= step.at:
                earned = step.points
        return earned


@dataclass(frozen=True)
class Report:
    """A lab's report: `program` (in the lab's bin folder) measures into the folder it is given
    (`--out FOLDER`), then `renderer` (a module of plots/ with render(folder) -> [paths]) draws it."""
    program: str
    renderer: str


@dataclass(frozen=True)
class LabConfig:
    name: str          # folder name, e.g. "01-vectorization"
    number: str        # "01"
    title: str
    path: Path
    items: tuple[Item, ...] = field(default_factory=tuple)
    requires_cuda: bool = False
    ranks: int = 0     # [lab] ranks: the MPI ranks of the lab's items by default, and of its benchmarks
    report: Report | None = None  # [report]: what ./grade --bench runs after the benchmarks

    @property
    def requires_mpi(self) -> bool:
        return self.ranks > 0 or any(item.ranks for item in self.items)

    @property
    def max_points(self) -> float:
        return sum(item.max_points for item in self.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _require(table: dict, key: str, kind: type | tuple, where: str):
    if key not in table:
        raise ConfigError(f"{where}: missing '{key}'")
    value = table[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"{where}: '{key}' must be {getattr(kind, '__name__', kind)}, not {value!r}")
    return value


def _limits(table: dict, defaults: Limits, where: str) -> Limits:
    values = {}
    for key, attr in (("timeout", "timeout_s"), ("memory_mb", "memory_mb"), ("cpu_seconds", "cpu_s"),
                      ("processes", "processes"), ("output_kb", "output_kb"),
                      ("file_mb", "file_mb"), ("disk_mb", "disk_mb")):
        if key in table:
            value = _require(table, key, (int, float), where)
            if value <= 0:
                raise ConfigError(f"{where}: '{key}' must be positive, not {value}")
            values[attr] = value
    return Limits(**{**defaults.__dict__, **values})


def _whole_points(table: dict, where: str) -> int:
    """Points are positive whole numbers: Classroom 50 and Autolab record integers, and a step
    table of whole points reads plainly to students."""
    points = _require(table, "points", int, where)
    if isinstance(points, bool) or points <= 0:
        raise ConfigError(f"{where}: 'points' must be a positive whole number, not {points!r}")
    return points


def _steps(raw, where: str) -> tuple[Step, ...]:
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{where}: 'steps' must be a non-empty list of {{ at = X, points = P }}")
    steps = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: steps[{i}] must be {{ at = X, points = P }}")
        at = _require(entry, "at", (int, float), f"{where} steps[{i}]")
        points = _whole_points(entry, f"{where} steps[{i}]")
        if at <= 0:
            raise ConfigError(f"{where}: steps[{i}] needs at > 0")
        steps.append(Step(float(at), points))
    for a, b in zip(steps, steps[1:]):
        if not (b.at > a.at and b.points > a.points):
            raise ConfigError(f"{where}: steps must rise in both 'at' and 'points'")
    return tuple(steps)


def _work(table: dict, where: str) -> dict:
    """A perf item's `flops` and `bytes` per call: both or neither, flops > 0, bytes >= 0 (0: no
    memory traffic, compute-bound whatever the machine)."""
    given = [key for key in ("flops", "bytes") if key in table]
    if not given:
        return {}
    if len(given) == 1:
        raise ConfigError(f"{where}: '{given[0]}' needs '{({'flops', 'bytes'} - set(given)).pop()}' too "
                          "(a roofline point needs both)")
    work = {}
    for key, least in (("flops", "> 0"), ("bytes", ">= 0")):
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
                or value in (float("inf"), float("-inf")) or not (value > 0 if key == "flops" else value >= 0):
            raise ConfigError(f"{where}: '{key}' must be a number {least} (one call's count), not {value!r}")
        work[key] = float(value)
    return work


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: not found") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


def _flag(table: dict, key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: '{key}' must be true or false, not {value!r}")
    return value


def _programs(table: dict, where: str) -> tuple[str, ...]:
    programs = table.get("programs", [])
    if not isinstance(programs, list) or not all(isinstance(p, str) and _PROGRAM.match(p) for p in programs):
        raise ConfigError(f"{where}: 'programs' must be a list of program names of the lab's bin folder "
                          f"(letters, digits, '_', '-'; no path), not {programs!r}")
    return tuple(programs)


def _ranks(table: dict, default: int, where: str) -> int:
    if "ranks" not in table:
        return default
    ranks = _require(table, "ranks", int, where)
    if not 1 <= ranks <= 64:
        raise ConfigError(f"{where}: 'ranks' must be between 1 and 64, not {ranks}")
    return ranks


def _items(data: dict, defaults: Limits, path: Path, hidden: bool, default_ranks: int = 0) -> list[Item]:
    items: list[Item] = []
    for kind in ("unit", "perf"):
        for index, table in enumerate(data.get(kind, [])):
            where = f"{path} [[{kind}]] #{index + 1}"
            item_id = _require(table, "id", str, where)
            if not _ID.match(item_id):
                raise ConfigError(f"{where}: id '{item_id}' must be lower_snake_case")
            where = f"{path} [[{kind}]] '{item_id}'"
            common = dict(
                id=item_id, kind=kind, hidden=hidden,
                binary=_require(table, "binary", str, where),
                filter=_require(table, "filter", str, where),
                name=table.get("name", item_id.replace("_", " ")),
                limits=_limits(table, defaults, where),
                ranks=_ranks(table, default_ranks, where),
                gpu=_flag(table, "gpu", where),
                programs=_programs(table, where),
            )
            if kind == "unit":
                points = _whole_points(table, where)
                sanitizer = table.get("sanitizer")
                if sanitizer is not None and sanitizer not in TREE_SANITIZERS + COMPUTE_SANITIZERS:
                    raise ConfigError(f"{where}: sanitizer '{sanitizer}' is not one of "
                                      f"{', '.join(TREE_SANITIZERS + COMPUTE_SANITIZERS)}")
                items.append(Item(**common, points=points, sanitizer=sanitizer))
            else:
                metric = table.get("metric", "speedup")
                if metric not in METRICS:
                    raise ConfigError(f"{where}: metric '{metric}' is not one of {METRICS}")
                requires = _require(table, "requires", list, where)
                reference = table.get("reference")
                if reference is not None and (isinstance(reference, bool) or not isinstance(reference, (int, float))
                                              or reference <= 0):
                    raise ConfigError(f"{where}: 'reference' must be a positive number, not {reference!r}")
                items.append(Item(**common, requires=tuple(requires), metric=metric,
                                  steps=_steps(table.get("steps"), where),
                                  reference=float(reference) if reference is not None else None,
                                  **_work(table, where)))
    return items


def load_lab(lab_dir: Path, hidden_dir: Path | None = None) -> LabConfig:
    """The lab's grading.toml, plus the items of hidden_dir/grading.toml when that exists (hidden
    tests live outside the student template: instructor repository and --submission grading)."""
    path = lab_dir / "grading.toml"
    data = _read_toml(path)
    lab_table = data.get("lab", {})
    title = _require(lab_table, "title", str, f"{path} [lab]")
    defaults = _limits(lab_table, Limits(), f"{path} [lab]")
    unknown = set(data) - {"lab", "unit", "perf", "report"}
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {sorted(unknown)}; expected [lab], [[unit]], [[perf]], [report]")
    default_ranks = _ranks(lab_table, 0, f"{path} [lab]")
    items = _items(data, defaults, path, hidden=False, default_ranks=default_ranks)

    hidden_path = hidden_dir / "grading.toml" if hidden_dir else None
    if hidden_path and hidden_path.exists():
        hidden = _read_toml(hidden_path)
        unknown = set(hidden) - {"unit", "perf"}
        if unknown:
            raise ConfigError(f"{hidden_path}: unknown section(s) {sorted(unknown)}; expected [[unit]], [[perf]]")
        items += _items(hidden, defaults, hidden_path, hidden=True, default_ranks=default_ranks)

    ids = [item.id for item in items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ConfigError(f"{path}: duplicate id(s) {duplicates}")
    unit_ids = {item.id for item in items if item.kind == "unit"}
    for item in items:
        missing = [r for r in item.requires if r not in unit_ids]
        if missing:
            raise ConfigError(f"{path}: perf '{item.id}' requires unknown unit id(s) {missing}")
    if not items:
        raise ConfigError(f"{path}: no [[unit]] or [[perf]] items: nothing to grade")

    number = lab_dir.name.split("-", 1)[0]
    return LabConfig(name=lab_dir.name, number=number, title=title, path=lab_dir, items=tuple(items),
                     requires_cuda=bool(lab_table.get("requires_cuda", False)), ranks=default_ranks,
                     report=_report(data.get("report"), f"{path} [report]"))


def _report(table: dict | None, where: str) -> Report | None:
    if table is None:
        return None
    program = _require(table, "program", str, where)
    renderer = _require(table, "renderer", str, where)
    if not re.fullmatch(r"[a-z_]+", program) or not re.fullmatch(r"plots\.[a-z_]+", renderer):
        raise ConfigError(f"{where}: 'program' must be a program's name and 'renderer' a module of plots/ "
                          f"(plots.name), not {program!r} and {renderer!r}")
    return Report(program=program, renderer=renderer)
