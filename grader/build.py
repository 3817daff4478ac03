"""Configures and builds a tree (student, submission or solution), lab by lab, so that one lab that
does not compile costs only that lab's points, and one student file that does not compile costs
only its own items.

Student code is built in two phases. Phase 1 compiles the files a student edits, copied (never
followed as links) into a staging folder, under limits on time, memory and file size, as the
sandbox uid in a mount namespace where the reference solutions, hidden tests, other build trees
and the repository's history do not exist: an `#include "../../solutions/..."` finds nothing, and a
compile bomb ends with a clear message. A file that fails there is replaced by its starter and the
lab is built again. Phase 2 builds the instructor's tests against the result (no student code is
compiled or run in it).
"""
from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from grader.config import LabConfig, Limits
from grader.gpu import gpu_present
from grader.labs import MARCH, ROOT, SANITIZER_OPTIMIZE, SANITIZERS, base_tree, build_dir, cmake_target, is_reference, sanitizer_tree
from grader.sandbox import Isolation, isolation_available, run_limited, sandbox_uid
from grader.symbols import baseline_calls, foreign_definitions, student_objects

# A lab's student files compile in well under a minute on 2 cores; a template-recursion bomb
# compiled for 66 s at 1.7 GB one level before it took 14 minutes and 6.4 GB.
BUILD_LIMITS = Limits(timeout_s=600, memory_mb=3072, cpu_s=600, processes=512, output_kb=8192, file_mb=1024,
                      disk_mb=2048)
MAX_SOURCE_BYTES = 1 << 20


class ConfigureError(Exception):
    pass


@dataclass
class BuildResult:
    ok: bool
    error: str = ""                                            # why the lab did not build
    fallbacks: dict[str, str] = field(default_factory=dict)    # student file -> its first compile error
    notes: list[str] = field(default_factory=list)             # files not taken as submitted, and why


def parallel_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def staging_dir(tree: str, root: Path = ROOT) -> Path:
    """Where a tree's student files are staged; a sanitizer tree compiles its base tree's."""
    base = build_dir(base_tree(tree), root)
    return base.with_name(base.name + "-src")


def _starter(lab_dir: Path, name: str) -> Path:
    return lab_dir / "src" / name


def _copy_if_changed(source: Path, target: Path) -> None:
    """Copies content only (a new mtime when it changed, so make rebuilds exactly what changed)."""
    data = source.read_bytes()
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)


def stage_sources(tree: str, labs: list[LabConfig], submission: Path | None, root: Path = ROOT) -> dict[str, list[str]]:
    """Copies every lab's student files into the staging folder: the submission's where it has a
    plain file of that name, else the starter. Returns, per lab, the files not taken and why."""
    notes: dict[str, list[str]] = {}
    for lab in labs:
        target_dir = staging_dir(tree, root) / "labs" / lab.name / "src"
        target_dir.mkdir(parents=True, exist_ok=True)
        source_dir = (submission if submission else root) / "labs" / lab.name / "src"
        for starter in sorted((lab.path / "src").iterdir()):
            if not starter.is_file():
                continue
            offered, why = source_dir / starter.name, None
            if offered.is_symlink():
                why = "is a symbolic link (links are not followed)"
            elif offered.exists() and not offered.is_file():
                why = "is not a regular file"
            elif offered.exists() and offered.stat().st_size > MAX_SOURCE_BYTES:
                why = f"is larger than {MAX_SOURCE_BYTES >> 20} MiB"
            if why:
                notes.setdefault(lab.name, []).append(f"src/{starter.name} {why}: graded as the starter")
            _copy_if_changed(offered if offered.is_file() and not why else starter, target_dir / starter.name)
    return notes


def configure(tree: str, root: Path = ROOT, staged: bool = False) -> Path:
    """tree: "student", "solution" or "submission"; staged: student files come from staging_dir."""
    out = build_dir(tree, root)
    impl = "solution" if is_reference(tree) else "student"
    command = ["cmake", "-S", str(root), "-B", str(out), f"-DHPC_IMPL={impl}", "-DCMAKE_BUILD_TYPE=Release",
               f"-DHPC_SUBMISSION_DIR={staging_dir(tree, root) if staged else ''}",
               f"-DHPC_MARCH={MARCH.get(tree, 'native')}"]
    # Without a GPU the CUDA lab's tests skip: one architecture is enough to prove it compiles.
    command.append(f"-DHPC_CUDA_ONE_ARCH={'OFF' if gpu_present() else 'ON'}")
    flags = next((f for kind, f in SANITIZERS.values() if tree.endswith(f"-{kind}")), None)
    if flags:  # a sanitizer tree: only the graded sanitizer items' test programs are built in it
        command += [f"-DCMAKE_CXX_FLAGS={flags}", f"-DHPC_OPTIMIZE={SANITIZER_OPTIMIZE}", "-DHPC_BUILD_BENCHMARKS=OFF",
                    "-DHPC_CUDA=OFF"]
    # A tree configured with these very arguments only needs CMake's own check (a regenerate if a
    # CMakeLists.txt, grading.toml or file list changed): here, as the grader, never later inside
    # the sandbox, where hidden tests are out of sight. Two seconds saved per grading.
    stamp = out / "hpc-configure-command.txt"
    if (out / "Makefile").exists() and stamp.exists() and stamp.read_text() == "\n".join(command):
        result = run_limited(["make", "-s", "-C", str(out), "cmake_check_build_system"], BUILD_LIMITS, cwd=root,
                             env=dict(os.environ))
        if result.returncode == 0:
            return out
    stamp.unlink(missing_ok=True)
    result = run_limited(command, BUILD_LIMITS, cwd=root, env=dict(os.environ))
    if result.returncode != 0:
        raise ConfigureError(f"cmake configure of the {tree} tree failed:\n{result.output[-3000:]}")
    stamp.write_text("\n".join(command))
    return out


_DIAGNOSTIC = re.compile(r"^(?P<file>[^\s:]+):\d+(:\d+)?: (fatal )?error: |undefined reference to |"
                         r"collect2: error:|virtual memory exhausted|cc1plus: out of memory")


def first_error(log: str, student_dirs: tuple[Path, ...] = (), root: Path = ROOT, in_file: str = "") -> str:
    """The compiler's first error (in `in_file` when given and found there), paths relative to the
    course: what a student needs to see first. Source lines are quoted only from the student's
    own files, never from course files."""
    def relative(line: str) -> str:
        for prefix in [*student_dirs, root]:
            line = line.replace(str(prefix) + "/", "")
        return line
    lines = log.splitlines()
    if in_file and any(f"/{in_file}:" in line and _DIAGNOSTIC.search(line) for line in lines):
        lines = lines[next(i for i, line in enumerate(lines) if f"/{in_file}:" in line and _DIAGNOSTIC.search(line)):]
    for i, line in enumerate(lines):
        match = _DIAGNOSTIC.search(line)
        if not match:
            continue
        own = match.group("file") and any(match.group("file").startswith(str(d)) for d in student_dirs)
        shown = lines[i: i + 4] if own else [line]
        return "\n".join(relative(s) for s in shown)
    return "\n".join(relative(s) for s in lines[-10:] if "Error" not in s or "***" not in s)


def _failed_student_files(log: str, lab: LabConfig) -> set[str]:
    """Student files whose object make reported as failed (make -k keeps building the others)."""
    failed = set(re.findall(rf"_impl\.dir/[^\s\]]*?src/([\w.-]+)\.o\]", log))
    return failed & {p.name for p in (lab.path / "src").iterdir()}


def _limit_message(outcome, limits: Limits) -> str | None:
    if outcome.timed_out:
        return f"build exceeded the time limit of {limits.timeout_s:g} s"
    if re.search(r"virtual memory exhausted|out of memory|std::bad_alloc", outcome.output):
        return f"build exceeded the memory limit of {limits.memory_mb} MiB per compiler process"
    if re.search(r"internal compiler error: (Killed|CPU time limit)", outcome.output):
        return f"build exceeded the CPU time limit of {limits.cpu_s} s per compiler process"
    if outcome.signal is not None:
        return outcome.describe_failure(limits)
    return None


class Progress:
    """Turns make's "[ 45%] Building CXX object ..." lines into a progress line every few seconds."""

    def __init__(self, label: str, log, every_s: float = 5.0):
        self.label, self.log, self.every_s, self.last = label, log, every_s, time.monotonic()
        self.pending = b""

    def __call__(self, data: bytes) -> None:
        self.pending = (self.pending + data)[-4096:]
        now = time.monotonic()
        if now - self.last < self.every_s:
            return
        found = re.findall(rb"\[\s*(\d+)%\] (?:Building \w+ object|Linking \w+ \w+) (\S+)", self.pending)
        if found:
            percent, what = found[-1]
            self.log(f"   {self.label}: {int(percent)}% ({Path(what.decode(errors='replace')).name})")
            self.last = now


def _build(tree: str, target: str | list[str], log, label: str, root: Path, limits: Limits, sandboxed: bool,
           keep_going: bool = False):
    targets = [target] if isinstance(target, str) else target
    command = ["cmake", "--build", str(build_dir(tree, root)), "--target", *targets, "-j", str(parallel_jobs())]
    if keep_going:
        command += ["--", "-k"]
    uid = sandbox_uid() if sandboxed and _others_can_reach(root) else None
    isolation = None
    if sandboxed and os.geteuid() == 0:
        if uid is not None:
            for path in (build_dir(tree, root), staging_dir(tree, root)):
                _chown_tree(path, uid)
        isolation = compile_isolation(tree, root)
    env = dict(os.environ, LANG="C")
    if sandboxed:
        env["CCACHE_DISABLE"] = "1"  # no compiler cache is shared with the sandbox (see CMakeLists.txt)
    return run_limited(command, limits, cwd=root, env=env, uid=uid, isolation=isolation, on_output=Progress(label, log))


def build_with_progress(command: list[str], label: str, root: Path = ROOT, log=print):
    """An instructor build (the self-test's trees: no student code), its progress shown."""
    return run_limited(command, replace(BUILD_LIMITS, timeout_s=3600), cwd=root, env=dict(os.environ, LANG="C"),
                       on_output=Progress(label, log))


def build_everything(tree: str, root: Path = ROOT, log=print):
    """Every target of a configured tree."""
    return build_with_progress(["cmake", "--build", str(build_dir(tree, root)), "-j", str(parallel_jobs())],
                               f"{tree} tree", root, log)


def unprotected_compile(root: Path = ROOT) -> str | None:
    """Why student code cannot be compiled here without access to instructor files, or None.

    As root, student files are compiled as the sandbox user (who cannot read the instructor's
    folders) or in a mount namespace that hides them. Where neither works (a chroot or a container
    without mount namespaces, the course in a folder others may not enter, such as /root) and the
    repository holds reference solutions or hidden tests, grading student code would let an
    `#include` read them: refused, saying how to fix it."""
    if os.geteuid() != 0 or _others_can_reach(root) or isolation_available():
        return None
    exposed = [name for name in ("solutions", "hidden") if (root / name).is_dir()]
    if not exposed:
        return None  # a student's template: nothing to protect
    return (f"not gradable here: student code would be compiled as root with {' and '.join(exposed)}/ readable "
            f"(no mount namespace here, and the sandbox user cannot enter {root}); move the course to a folder "
            "others may enter (e.g. /srv or /opt, not /root), or allow mount namespaces (CAP_SYS_ADMIN)")


def compile_isolation(tree: str, root: Path) -> Isolation:
    """What the compilers of student code see: no reference solutions, hidden tests, history,
    results or other build trees; fresh /tmp and /dev/shm, except one that holds the course itself
    (a clone in /tmp): replacing it would hide the sources being compiled."""
    mine = (build_dir(tree, root), staging_dir(tree, root))
    hidden = [root / "solutions", root / "hidden", root / ".git", root / "grader-results"]
    if (root / "build").is_dir():
        hidden += [p for p in (root / "build").iterdir() if p not in mine]
    private = tuple(d for d in (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")) if not root.is_relative_to(d))
    return Isolation(hidden=tuple(p for p in hidden if p.is_dir()), private_dirs=private)


def _others_can_reach(root: Path) -> bool:
    """Whether a user with no rights of its own can enter `root` (every folder above it lets others pass)."""
    return all(os.stat(folder).st_mode & 0o001 for folder in [root, *root.parents])


def _chown_tree(path: Path, uid: int) -> None:
    for folder, dirs, files in os.walk(path):
        for name in [folder, *(os.path.join(folder, f) for f in dirs + files)]:
            os.lchown(name, uid, uid)


def _foreign_symbols(tree: str, lab: LabConfig, impl: str, root: Path) -> dict[str, str]:
    """Student files that define what only instructor code may, or call the baseline (see
    grader/symbols.py), and why."""
    objects = student_objects(build_dir(tree, root), lab.name, impl)
    defined = foreign_definitions(list(objects.values()), lab.number)
    called = baseline_calls(list(objects.values()), lab.number)
    why = {}
    for name, obj in objects.items():
        if obj in defined:
            symbols = defined[obj]
            why[name] = (f"it defines {', '.join(symbols[:3])}{' …' if len(symbols) > 3 else ''}: a student file may "
                         f"define only the lab's own functions (namespace hpc::lab{lab.number}, outside its baseline), "
                         f"never the baseline's, the course's or the system's")
        elif obj in called:
            why[name] = (f"it calls the baseline ({', '.join(called[obj][:3])}): your code must do the work itself, "
                         f"not call what it is measured against")
    return why


def _fall_back(tree: str, lab: LabConfig, name: str, why: str, result: BuildResult, root: Path, log) -> None:
    """Grades the starter in place of a student file, remembering why."""
    result.fallbacks[name] = why
    _copy_if_changed(_starter(lab.path, name), staging_dir(tree, root) / "labs" / lab.name / "src" / name)
    log(f"   {lab.name}: src/{name} cannot be used; its items are graded with the starter's")


def build_lab(tree: str, lab: LabConfig, root: Path = ROOT, log=print, limits: Limits = BUILD_LIMITS,
              binaries: set[str] | None = None) -> BuildResult:
    """Builds one lab. Student trees: phase 1 (student files, sandboxed, starters substituted for
    files that do not compile), then phase 2 (the tests: only `binaries`, when given)."""
    result = BuildResult(ok=True)
    if not is_reference(tree) and (refused := unprotected_compile(root)):
        return BuildResult(ok=False, error=refused)
    if not is_reference(tree):
        student_dirs = (staging_dir(tree, root),)
        impl = f"{cmake_target(lab)}_impl"
        while True:  # each round replaces the files that failed by their starters; starters compile
            outcome = _build(tree, impl, log, f"{lab.name} (your code)", root, limits, sandboxed=True, keep_going=True)
            if outcome.returncode == 0:
                refused = _foreign_symbols(tree, lab, impl, root)
                if not refused:
                    break
                for name, why in refused.items():
                    _fall_back(tree, lab, name, why, result, root, log)
                continue
            limit = _limit_message(outcome, limits)
            broken = _failed_student_files(outcome.output, lab) - set(result.fallbacks)
            if outcome.timed_out or not broken:
                return BuildResult(ok=False, error=limit or first_error(outcome.output, student_dirs, root),
                                   fallbacks=result.fallbacks)
            for name in sorted(broken):
                error = first_error(outcome.output, student_dirs, root, in_file=name)
                _fall_back(tree, lab, name, f"it does not compile ({limit}):\n{error}" if limit
                           else f"it does not compile:\n{error}", result, root, log)
    targets = [f"{cmake_target(lab)}_{b}" for b in sorted(binaries)] if binaries else cmake_target(lab)
    outcome = _build(tree, targets, log, lab.name, root, limits, sandboxed=False)
    if outcome.returncode != 0:
        return BuildResult(ok=False, error=_limit_message(outcome, limits) or first_error(outcome.output, (), root),
                           fallbacks=result.fallbacks)
    return result


def build_sanitized(tree: str, lab: LabConfig, root: Path = ROOT, log=print, limits: Limits = BUILD_LIMITS,
                    trusted: bool = False, configured: bool = False) -> dict[str, str]:
    """Builds the test programs of the lab's sanitizer items, each sanitizer in its own tree
    (<tree>-asan, <tree>-tsan) from the sources build_lab staged (its starter fallbacks
    included), student code compiled as in phase 1 (unless `trusted`: the course's own mutants).
    Returns per sanitizer why it could not be built, or "" when it was."""
    problems: dict[str, str] = {}
    student = not is_reference(tree)
    for sanitizer in sorted({item.sanitizer for item in lab.items if item.rebuilt_with_sanitizer}):
        tree_s = sanitizer_tree(tree, sanitizer)
        try:
            if not configured:
                configure(tree_s, root, staged=student)
        except ConfigureError as error:
            problems[sanitizer] = str(error)
            continue
        targets = [f"{cmake_target(lab)}_impl"] if student else []
        targets += sorted({f"{cmake_target(lab)}_{item.binary}" for item in lab.items if item.sanitizer == sanitizer})
        problems[sanitizer] = ""
        for index, target in enumerate(targets):
            untrusted = student and index == 0 and not trusted
            outcome = _build(tree_s, target, log, f"{lab.name} ({SANITIZERS[sanitizer][0]})", root, limits,
                             sandboxed=untrusted)
            if outcome.returncode != 0:
                problems[sanitizer] = _limit_message(outcome, limits) or first_error(
                    outcome.output, (staging_dir(tree, root),) if untrusted else (), root)
                break
    return problems
