"""Running a test program under MPI, and reading back the verdicts of all its ranks.

Every rank is a GoogleTest process. The course's MPI test main (common/src/mpi_test_main.cpp)
leaves rank 0's report at the path given with --gtest_output and writes rank r's next to it as
<name>.rank<r>.xml, so a failure seen only by rank 3 still fails the test. stderr, where MPI
prints its warnings, is never read for a verdict: only the reports and the exit status count.
"""
from __future__ import annotations

import ctypes
import functools
import os
import re
import shutil
from pathlib import Path

from grader.gtest_xml import Case, ReportError, parse_report

# Environment for mpirun: allowed to run as root (containers, CI; the grader itself starts tests
# as an unprivileged uid, but ctest and students' shells may be root); quiet about the missing
# InfiniBand hardware of an ordinary machine; and a rank that waits in MPI yields its core
# instead of spinning. On a machine with a core to spare yielding costs nothing; on a busy one a
# spinning rank takes the core its partner needs, and a step-synchronous kernel (SGD) measured
# 0.33 efficiency instead of 0.73 with another process hogging one of two cores.
MPI_ENVIRONMENT = {
    "OMPI_ALLOW_RUN_AS_ROOT": "1",
    "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
    "OMPI_MCA_btl_base_warn_component_unused": "0",
    "OMPI_MCA_mpi_yield_when_idle": "1",
}


def mpirun() -> str | None:
    return shutil.which("mpirun")


def launcher(ranks: int) -> list[str]:
    """The command prefix that starts `ranks` copies of a program on this machine.

    --oversubscribe: more ranks than cores is allowed (Open MPI then yields instead of spinning).
    --bind-to none: each rank may use every core, so its view of the machine (usable cores) is
    the machine's, and ranks of two concurrent jobs are not pinned onto the same core.
    """
    program = mpirun()
    if program is None:
        raise FileNotFoundError("mpirun not found: install Open MPI (sudo apt-get install openmpi-bin libopenmpi-dev)")
    return [program, "-np", str(ranks), "--oversubscribe", "--bind-to", "none"]


# How mpirun (Open MPI 4) names the rank that ended a job: an MPI_Abort, a signal, an early exit.
_FAILED_RANK = (re.compile(r"MPI_ABORT was invoked on rank (\d+)"),
                re.compile(r"process rank (\d+) with PID \d+ on node \S+ exited on signal (\d+)"),
                re.compile(r"Process name: \[\[\d+,\d+\],(\d+)\]\s+Exit code:\s+(\d+)"))


def failed_rank(output: str) -> str | None:
    """'rank 1 called MPI_Abort' / 'rank 1 was killed by signal 11' / 'rank 1 exited with code 3', or None."""
    abort, signal_, exit_ = (pattern.search(output) for pattern in _FAILED_RANK)
    if abort:
        return f"rank {abort.group(1)} called MPI_Abort"
    if signal_:
        return f"rank {signal_.group(1)} was killed by signal {signal_.group(2)}"
    if exit_:
        return f"rank {exit_.group(1)} exited early with code {exit_.group(2)}"
    return None


def _rank_of(path: Path) -> int | None:
    suffix = path.stem.rsplit(".rank", 1)[-1]
    return int(suffix) if suffix.isdigit() else None


def rank_reports(report: Path) -> dict[int, Path]:
    """The reports present, by rank (rank 0's is `report` itself)."""
    found = {0: report} if report.exists() else {}
    for path in report.parent.glob(f"{report.stem}.rank*.xml"):
        rank = _rank_of(path)
        if rank:
            found[rank] = path
    return dict(sorted(found.items()))


def merge_rank_reports(report: Path, ranks: int) -> list[Case]:
    """One verdict per test case over all ranks: failed if any rank failed it, skipped if any
    skipped it, passed only if every rank passed it. Properties (perf measurements) are rank 0's.
    A rank whose report is missing makes the whole run unreadable (ReportError)."""
    paths = rank_reports(report)
    missing = [rank for rank in range(ranks) if rank not in paths]
    if missing:
        raise ReportError(f"rank(s) {missing} wrote no report")
    merged: dict[str, Case] = {}
    order: list[str] = []
    for rank, path in paths.items():
        for case in parse_report(path):
            if case.name not in merged:
                merged[case.name] = Case(case.name, case.status, list(case.messages), dict(case.properties))
                order.append(case.name)
                if rank > 0:
                    merged[case.name].messages = [f"rank {rank}: {m}" for m in case.messages]
                continue
            into = merged[case.name]
            if case.status == "failed" and into.status != "failed":
                into.status, into.messages = "failed", [f"rank {rank}: {m}" for m in case.messages]
            elif case.status == "skipped" and into.status == "passed":
                into.status, into.messages = "skipped", list(case.messages)
    return [merged[name] for name in order]


@functools.lru_cache(maxsize=1)
def cross_memory_attach_works() -> bool:
    """Whether process_vm_readv() is allowed here. Open MPI copies large messages between ranks
    with it; Docker's default seccomp profile forbids it, and every large message then fails with
    "Read -1, expected ..., errno = 1" (open-mpi/ompi#4948). A read of our own memory tells."""
    class IoVec(ctypes.Structure):
        _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        source, target = ctypes.create_string_buffer(b"probe", 8), ctypes.create_string_buffer(8)
        local, remote = IoVec(ctypes.addressof(target), 8), IoVec(ctypes.addressof(source), 8)
        read = libc.process_vm_readv(os.getpid(), ctypes.byref(local), 1, ctypes.byref(remote), 1, 0)
        return read == 8 and target.raw[:5] == b"probe"
    except (OSError, AttributeError):
        return False


def environment(base: dict[str, str]) -> dict[str, str]:
    env = dict(base, **MPI_ENVIRONMENT)
    if not cross_memory_attach_works():
        env["OMPI_MCA_btl_vader_single_copy_mechanism"] = "none"  # copy through shared memory instead
    env.setdefault("PATH", os.environ.get("PATH", "/usr/bin:/bin"))
    return env
