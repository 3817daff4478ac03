"""Grades one lab: runs each item of its grading.toml in its own limited process and turns the
GoogleTest verdicts and recorded measurements into points. Perf points count only when the
kernel's correctness items passed (the perf test is then not even run)."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from dataclasses import replace

from grader.config import Item, LabConfig, Limits
from grader.gpu import NO_CUDA_COMPILER, gpu_present
from grader import mpi
from grader.gtest_xml import ReportError, parse_report
from grader.perf_lock import perf_turn
from grader.results import ERROR, FAILED, INCONCLUSIVE, PASSED, SKIPPED, LabResult, TestResult, items_of
from grader.labs import ROOT, SANITIZERS
from grader.test_names import declared_tests, unknown_cases
from grader.runner_broker import RunnerBroker
from grader.sandbox import Isolation, Outcome, private_folder, run_limited, sandbox_uid

MAX_MESSAGE = 1500
RETRY_PAUSES_S = (10,)  # an inconclusive perf item is run once more after this pause


def _clip(text: str, limit: int = MAX_MESSAGE) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + " […]"


def _result(lab: LabConfig, item: Item, status: str, score: float, output: str, **extra) -> TestResult:
    return TestResult(lab=lab.name, id=item.id, name=item.name, kind=item.kind, status=status, score=score,
                      max_score=item.max_points, output=_clip(output), metric=item.metric if item.kind == "perf" else None,
                      required=item.steps[0].at if item.kind == "perf" else None,
                      steps=[[step.at, step.points] for step in item.steps] if item.kind == "perf" else None,
                      hidden=True if item.hidden else None, **extra)


def _head_and_tail(output: str, each: int = 500) -> str:
    """The first and the last lines a program printed (MPI's own explanation comes first)."""
    output = output.strip()
    if len(output) <= 2 * each:
        return output
    return f"{output[:each].rsplit(chr(10), 1)[0]}\n[…]\n{output[-each:].split(chr(10), 1)[-1]}"


def judge(lab: LabConfig, item: Item, outcome: Outcome, report: Path,
          declared: frozenset[str] | None = None) -> TestResult:
    """The verdict on one finished test process, from its exit and its XML report only (checked
    against the tests the program really has, `declared`, when known)."""
    report_text = sanitizer_report(outcome.output) if item.sanitizer else None
    if report_text and outcome.returncode != 0:
        return _result(lab, item, FAILED, 0, f"{SANITIZER_NAMES[item.sanitizer]} found a bug in your code "
                       f"(its first report; fix it, don't silence it):\n{report_text}", wall_s=outcome.wall_s)
    failure = outcome.describe_failure(item.limits)
    tail = _head_and_tail(outcome.output)
    if failure:
        return _result(lab, item, FAILED, 0, f"{failure}\n{tail}", wall_s=outcome.wall_s)
    try:
        cases = mpi.merge_rank_reports(report, item.ranks) if item.ranks else parse_report(report)
    except ReportError as error:
        if item.ranks and outcome.returncode:
            # mpirun ended the job because a rank crashed or exited early: the test failed.
            who = mpi.failed_rank(outcome.output) or f"a rank ended abnormally ({error})"
            return _result(lab, item, FAILED, 0, f"{who}; mpirun exited with code {outcome.returncode}\n{tail}",
                           wall_s=outcome.wall_s)
        return _result(lab, item, ERROR, 0,
                       f"the test exited with code {outcome.returncode} without writing its report\n{tail}",
                       wall_s=outcome.wall_s)
    if not cases:
        return _result(lab, item, ERROR, 0, f"filter '{item.filter}' matched no test in {item.binary}",
                       wall_s=outcome.wall_s)
    forged = unknown_cases([c.name for c in cases], declared)
    if forged:
        return _result(lab, item, ERROR, 0, f"the report names test(s) that {item.binary} does not have "
                       f"({', '.join(forged[:3])}): it was not written by the course's tests, so it is no verdict",
                       wall_s=outcome.wall_s)
    inconclusive = [c for c in cases if c.properties.get("verdict") == INCONCLUSIVE]
    if inconclusive:
        reason = inconclusive[0].properties.get("reason", "the machine was too busy to measure")
        return _result(lab, item, INCONCLUSIVE, 0, f"inconclusive: {reason}. Not a verdict on your code: "
                       "grade again on a quieter machine", wall_s=outcome.wall_s)
    failed = [c for c in cases if c.status == FAILED]
    skipped = [c for c in cases if c.status == SKIPPED]
    if failed:
        lines = [f"{len(failed)} of {len(cases)} test(s) failed"]
        for case in failed[:3]:
            lines.append(f"- {case.name}: {case.messages[0] if case.messages else 'failed'}")
        measured = _measured(cases)
        if measured is not None and item.kind == "perf":
            lines.insert(1, f"{item.metric} {measured:.3g}: {item.step_feedback(measured)}")
        return _result(lab, item, FAILED, 0, "\n".join(lines), wall_s=outcome.wall_s, measured=measured,
                       timing=_timing(cases) if measured is not None else None)
    if outcome.returncode != 0:
        return _result(lab, item, FAILED, 0,
                       f"every test passed but the program exited with code {outcome.returncode}\n{tail}",
                       wall_s=outcome.wall_s)
    if skipped:
        reason = skipped[0].messages[0] if skipped[0].messages else "skipped"
        return _result(lab, item, SKIPPED, 0, f"{len(skipped)} of {len(cases)} test(s) skipped: {reason}",
                       wall_s=outcome.wall_s)
    if item.kind == "unit":
        return _result(lab, item, PASSED, item.points, f"{len(cases)} test(s) passed", wall_s=outcome.wall_s)

    measured = _measured(cases)
    if measured is None:
        return _result(lab, item, ERROR, 0, "the perf test passed but recorded no 'value' property",
                       wall_s=outcome.wall_s)
    points = item.points_for(measured)
    steps = ", ".join(f"{s.at:g} -> {s.points:g} pt" for s in item.steps)
    spread = _property(cases, "spread")
    noise = f", timings spread {100 * spread:.0f}%" if spread is not None else ""
    return _result(lab, item, PASSED, points, f"{item.metric} {measured:.3g}{noise}: {item.step_feedback(measured)} "
                   f"(steps: {steps})", wall_s=outcome.wall_s, measured=measured, timing=_timing(cases))


def _property(cases, name: str) -> float | None:
    for case in cases:
        if name in case.properties:
            try:
                return float(case.properties[name])
            except ValueError:
                return None
    return None


def _measured(cases) -> float | None:
    return _property(cases, "value")


def _timing(cases) -> dict | None:
    """What the perf test timed, as hpc/perf_test.cpp records it for its best attempt: seconds per
    call (medians over the interleaved pairs), the candidate's threads and the cores it kept busy
    (CPU time / wall time; 0: not measured). Feedback only (the roofline), never points."""
    candidate_ms, baseline_ms = _property(cases, "candidate_ms"), _property(cases, "baseline_ms")
    if candidate_ms is None or candidate_ms <= 0:
        return None
    timing = {"candidate_s": candidate_ms / 1e3, "baseline_s": baseline_ms / 1e3 if baseline_ms else None,
              "threads": int(_property(cases, "threads") or 1), "cpu_ratio": _property(cases, "cpu_ratio") or 0.0}
    work_flops, work_bytes = _property(cases, "work_flops"), _property(cases, "work_bytes")
    if work_flops is not None and work_bytes is not None:  # hpc::record_work: the work the test counted
        timing.update(work_flops=work_flops, work_bytes=work_bytes)
    return timing


def grade_lab(lab: LabConfig, bin_dir: Path, env: dict[str, str], on_result=None,
              only: set[str] | None = None, limits: Limits | None = None,
              sanitizer_problems: dict[str, str] | None = None) -> LabResult:
    """Grades every item of `lab` (or the `only` ones), under each item's limits (or `limits`)."""
    result = LabResult(lab=lab.name, title=lab.title, max_score=lab.max_points, items=items_of(lab))
    verdicts: dict[str, TestResult] = {}
    for item in lab.items:
        if only is not None and item.id not in only:
            continue
        if limits is not None:
            item = replace(item, limits=limits)
        blocking = [r for r in item.requires if r in verdicts and verdicts[r].status != PASSED]
        skipped = [r for r in blocking if verdicts[r].status == SKIPPED]
        if skipped and len(skipped) == len(blocking):
            # Its correctness tests could not run here (no GPU): neither can it.
            test = _result(lab, item, SKIPPED, 0, "not run: its correctness test(s) were skipped: "
                           + verdicts[skipped[0]].output.split(": ", 1)[-1])
        elif blocking:
            test = _result(lab, item, FAILED, 0,
                           "not run: performance counts only once the correctness test(s) "
                           + ", ".join(f"'{lab.item(r).name}'" for r in blocking) + " pass")
        elif item.sanitizer and (sanitizer_problems or {}).get(item.sanitizer):
            test = _result(lab, item, ERROR, 0, f"not built with the {SANITIZER_NAMES[item.sanitizer]}: "
                           + sanitizer_problems[item.sanitizer])
        else:
            test = run_item(lab, item, bin_dir, env)
            for pause_s in RETRY_PAUSES_S:  # back off, then measure again: the machine may calm down
                if test.status != INCONCLUSIVE:
                    break
                time.sleep(pause_s)
                test = run_item(lab, item, bin_dir, env)
        verdicts[item.id] = test
        result.tests.append(test)
        if on_result:
            on_result(test)
    return result


def scratch_parent() -> str | None:
    """Where scratch folders go: as root a folder no test can write to (the tests' own /tmp is
    private to them); otherwise the usual temporary folder."""
    return str(private_folder()) if sandbox_uid() is not None else None


def test_isolation(work: Path) -> Isolation:
    """The repository (solutions, hidden tests, build trees, results) is invisible to a test; its
    work folder, /tmp and /dev/shm are fresh for every test."""
    return Isolation(hidden=(ROOT,), private_dirs=(Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")), work_dir=work)


SANITIZER_NAMES = {"address": "AddressSanitizer and UBSan", "thread": "ThreadSanitizer",
                   "memcheck": "compute-sanitizer memcheck (with leak checking)",
                   "racecheck": "compute-sanitizer racecheck", "synccheck": "compute-sanitizer synccheck"}
# The first report ends the program (halt_on_error) with this exit code; memory is capped by the
# sanitizer's own RSS limit, since its shadow memory does not fit an address-space limit.
SANITIZER_EXIT = 86
# compute-sanitizer prefixes every line with "=========": its banner and a clean summary are no report.
_SANITIZER_REPORT = re.compile(r"^(==\d+==ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer|.*runtime error: "
                               r"|========= (?!COMPUTE-SANITIZER|ERROR SUMMARY: 0 errors)\S)", re.M)


def sanitizer_environment(item: Item) -> dict[str, str]:
    common = f"halt_on_error=1:exitcode={SANITIZER_EXIT}:hard_rss_limit_mb={item.limits.memory_mb}"
    if item.sanitizer == "address":
        return {"ASAN_OPTIONS": f"{common}:detect_leaks=0:abort_on_error=0",
                "UBSAN_OPTIONS": f"halt_on_error=1:print_stacktrace=1:exitcode={SANITIZER_EXIT}"}
    return {"TSAN_OPTIONS": f"{common}:second_deadlock_stack=1"}


def sanitizer_report(output: str) -> str | None:
    """The sanitizer's first report (its first lines), if the program printed one."""
    match = _SANITIZER_REPORT.search(output)
    if not match:
        return None
    lines = output[match.start():].splitlines()
    return "\n".join(lines[:18])


def compute_sanitizer_command(item: Item) -> list[str] | None:
    """compute-sanitizer's command line for a CUDA item, or None where it is not installed."""
    program = shutil.which("compute-sanitizer") or "/usr/local/cuda/bin/compute-sanitizer"
    if not os.access(program, os.X_OK):
        return None
    leaks = ["--leak-check", "full"] if item.sanitizer == "memcheck" else []
    return [program, "--tool", item.sanitizer, "--error-exitcode", str(SANITIZER_EXIT), *leaks]


def sanitizer_bin_dir(bin_dir: Path, item: Item) -> Path:
    """build/<tree>/bin/<lab> -> build/<tree>-tsan/bin/<lab>."""
    tree_dir = bin_dir.parents[1]
    return tree_dir.with_name(f"{tree_dir.name}-{SANITIZERS[item.sanitizer][0]}") / "bin" / bin_dir.name


def run_item(lab: LabConfig, item: Item, bin_dir: Path, env: dict[str, str]) -> TestResult:
    if lab.requires_cuda or item.gpu:  # the CUDA driver's address-space reservations fit no RLIMIT_AS
        item = replace(item, limits=replace(item.limits, data_only=True))
    wrapper: list[str] = []
    if item.rebuilt_with_sanitizer:
        bin_dir = sanitizer_bin_dir(bin_dir, item)
        env = dict(env, **sanitizer_environment(item))
        item = replace(item, limits=replace(item.limits, memory_mb=0))
    elif item.sanitizer:  # compute-sanitizer runs the CUDA program as it is built, on the GPU
        if not gpu_present():
            return _result(lab, item, SKIPPED, 0, "skipped: no CUDA device: compute-sanitizer needs a GPU")
        wrapper = compute_sanitizer_command(item) or []
        if not wrapper:
            return _result(lab, item, SKIPPED, 0, "skipped: compute-sanitizer not found (it ships with the CUDA Toolkit)")
    binary = bin_dir / item.binary
    if not binary.is_file() or not os.access(binary, os.X_OK):
        if item.gpu:  # only a build with nvcc has it: student code cannot take it away
            return _result(lab, item, SKIPPED, 0, f"skipped: {NO_CUDA_COMPILER}")
        return _result(lab, item, ERROR, 0, f"test program {item.binary} was not built")
    uid = sandbox_uid()
    # A fresh scratch folder per test, readable by the sandbox uid: a copy of the program (so
    # the build tree's permissions do not matter, and the tree itself can stay hidden), a report
    # folder and a working folder owned by the test. Files a test writes never leak into the next one.
    with tempfile.TemporaryDirectory(prefix=f"grade-{lab.number}-{item.id}-", dir=scratch_parent()) as scratch:
        root = Path(scratch)
        os.chmod(root, 0o755)
        program = root / item.binary
        shutil.copy2(binary, program)
        for other in item.programs:  # programs the test runs: beside it (see hpc test helpers' own_directory)
            if not (bin_dir / other).is_file():
                return _result(lab, item, ERROR, 0, f"program {other}, which {item.binary} runs, was not built")
            shutil.copy2(bin_dir / other, root / other)
        report_dir, work = root / "report", root / "work"
        for folder in (report_dir, work):
            folder.mkdir()
            if uid is not None:
                os.chown(folder, uid, uid)
        report = report_dir / "gtest.xml"
        command = wrapper + [str(program), f"--gtest_filter={item.filter}", f"--gtest_output=xml:{report}",
                             "--gtest_color=no"]
        test_env = dict(env, HOME=str(work), TMPDIR=str(work), HPC_GRADING_CORES=str(counted_cores()),
                        HPC_TIME_LIMIT_S=f"{item.limits.timeout_s:g}")
        if item.kind == "perf":  # (see hpc/timing.hpp: a slow baseline must not get the test killed)
            test_env["HPC_PERF_BUDGET_S"] = f"{PERF_BUDGET_SHARE * item.limits.timeout_s:.0f}"
        if item.ranks:
            try:
                command = mpi.launcher(item.ranks) + command
            except FileNotFoundError as error:
                return _result(lab, item, ERROR, 0, str(error))
            test_env = mpi.environment(test_env)
        broker = remote_runner(bin_dir, root, item, test_env, work)
        if broker is None and (root / RUNNER).exists():
            test_env["HPC_RUNNER_PROGRAM"] = str(root / RUNNER)
        with perf_turn(item.kind == "perf"):
            outcome = run_limited(command, item.limits, cwd=work, env=test_env, uid=uid, isolation=test_isolation(work),
                                  broker=broker)
        return judge(lab, item, outcome, report, declared_tests(binary))


RUNNER = "runner"  # a remote lab's program that runs the student's code (common/include/hpc/remote.hpp)


def remote_runner(bin_dir: Path, scratch: Path, item: Item, env: dict[str, str], work: Path) -> RunnerBroker | None:
    """For a remote lab: a copy of its runner in the scratch folder and, as root, the broker that
    starts it as a uid of its own when the test asks (without root the test starts it itself)."""
    if not (bin_dir / RUNNER).is_file():
        return None
    shutil.copy2(bin_dir / RUNNER, scratch / RUNNER)
    uid = sandbox_uid("runner")
    if uid is None:
        return None
    return RunnerBroker(scratch / RUNNER, item.limits, env, uid, scratch, test_isolation(work))


PERF_BUDGET_SHARE = 0.7  # of a perf item's timeout: the rest is for the attempt already running


def _physical_core(cpu: int) -> tuple[str, str]:
    topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
    try:
        return (topology / "physical_package_id").read_text().strip(), (topology / "core_id").read_text().strip()
    except OSError:
        return "", f"cpu{cpu}"


def counted_cores() -> int:
    """The cores this grader may use (the physical cores of its CPU affinity, its cgroup quota),
    counted here because code under test can pin its own process to one core. Two SMT siblings
    (hardware threads of one core) count once: they share the core's execution units, and a
    parallel efficiency over every hardware thread would hold compute-bound code to a speedup no
    core can give."""
    cores = len({_physical_core(cpu) for cpu in os.sched_getaffinity(0)})
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
        if quota != "max":
            cores = min(cores, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return cores
