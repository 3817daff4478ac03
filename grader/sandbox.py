"""Runs one test process under limits, so a crash, hang, fork bomb or memory blow-up costs that
test's points and nothing else.

The child gets its own session (process group), rlimits on CPU time, address space, process
count and core dumps, and a wall-clock timeout after which the whole group is killed. Output is
read through a pipe with a size cap: a test that prints without end is cut off and killed.

When the grader runs as root (CI, containers), tests run as a dedicated unprivileged uid instead:
root ignores RLIMIT_NPROC, so only then is a fork bomb contained; the test cannot write to the
repository (the grader's own files, results included); and every process of that uid — even one
that left the process group with setsid() — is killed when the test ends.

A timed-out test first gets SIGTERM, then SIGKILL a grace period later: `mpirun` needs the SIGTERM
to take its ranks down (they run in process groups of their own, and a SIGKILLed mpirun leaves
them running). As a last line, the grader is a child subreaper: whatever the test left behind is
re-parented to the grader, found by walking /proc, and killed, as root or not.
"""
from __future__ import annotations

import ctypes
import fcntl
import os
import pwd
import resource
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from grader.config import Limits


@dataclass
class Outcome:
    returncode: int | None      # None when killed by the grader (timeout or output cap)
    output: str                 # stdout and stderr together, truncated to the output cap
    wall_s: float
    timed_out: bool = False
    output_overflow: bool = False

    @property
    def signal(self) -> int | None:
        return -self.returncode if self.returncode is not None and self.returncode < 0 else None

    def describe_failure(self, limits: Limits) -> str | None:
        """Why the process did not finish normally, in words for a student; None if it did."""
        if self.timed_out:
            return f"timed out after {limits.timeout_s:g} s (killed)"
        if self.output_overflow:
            return f"printed more than {limits.output_kb} KiB of output (killed)"
        if self.signal is not None:
            name = signal.Signals(self.signal).name if self.signal in signal.valid_signals() else "?"
            hint = {
                "SIGSEGV": "invalid memory access",
                "SIGABRT": "aborted (failed assertion, uncaught exception or std::terminate)",
                "SIGFPE": "arithmetic error (integer division by zero?)",
                "SIGXCPU": f"CPU time limit of {limits.cpu_s} s exceeded",
                "SIGKILL": "killed (memory or process limit?)",
                "SIGBUS": "bus error (misaligned or truncated mapping)",
            }.get(name, "killed by a signal")
            return f"crashed: {name} (signal {self.signal}): {hint}"
        return None


SANDBOX_UID_RANGE = range(64900, 65000)  # uids with no account: their processes are the tests'
_claimed: dict[str, object] = {}  # the uid this grader process holds, and its lock file


def sandbox_uid() -> int | None:
    """The uid tests run as when the grader is root, or None (not root: they run as the user).

    Each grader process claims its own uid with an exclusive lock held until it exits, so two
    graders running at once (a batch of submissions graded in parallel) never kill each other's
    tests when they kill every process of "their" uid."""
    if os.geteuid() != 0:
        return None
    if "uid" in _claimed:
        return _claimed["uid"]  # type: ignore[return-value]
    for uid in SANDBOX_UID_RANGE:
        try:
            pwd.getpwuid(uid)
            continue  # a real account: never ours to kill
        except KeyError:
            pass
        lock = open(f"/tmp/hpc-grader-sandbox-{uid}.lock", "a")  # noqa: SIM115 - held for the process's life
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue  # another grader holds it
        _claimed.update(uid=uid, lock=lock)
        return uid
    return None


def _processes_of(uid: int) -> list[int]:
    pids = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def kill_all_of(uid: int) -> None:
    """SIGKILL every process of the sandbox uid, repeatedly, until a fork loop has none left."""
    for _ in range(100):
        pids = _processes_of(uid)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.02)


def _apply_limits(limits: Limits, uid: int | None) -> None:
    """Runs in the child between fork and exec."""
    def cap(which, value, hard_extra=0):
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        new_hard = value + hard_extra
        if hard != resource.RLIM_INFINITY:
            new_hard = min(new_hard, hard)
        resource.setrlimit(which, (value, new_hard))

    # The soft CPU limit sends SIGXCPU (a message that names the cause); the hard one, a few
    # seconds later, SIGKILL for a program that ignores it.
    cap(resource.RLIMIT_CPU, int(limits.cpu_s), hard_extra=5)
    cap(resource.RLIMIT_AS, int(limits.memory_mb) * 1024 * 1024)
    cap(resource.RLIMIT_CORE, 0)
    # Counts every process of this user, the grader's included: a fork bomb hits it at once.
    # (root is exempt from RLIMIT_NPROC; the timeout and the group kill still end a bomb there.)
    if uid is not None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    # Counts every process of the (now current) user: for the sandbox uid only the test's own,
    # for an ordinary user theirs too, the grader included.
    cap(resource.RLIMIT_NPROC, int(limits.processes) + len(_processes_of(os.getuid())))


def _kill_group(pid: int, sig: int = signal.SIGKILL) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


TERMINATION_GRACE_S = 3.0  # mpirun needs about 2 s to take its ranks down after SIGTERM


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the test's group, then SIGKILL if it has not exited within the grace period."""
    _kill_group(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=TERMINATION_GRACE_S)
    except subprocess.TimeoutExpired:
        pass
    _kill_group(process.pid)


_PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> None:
    """Orphans of the test (an MPI rank whose mpirun died) become the grader's children, not
    init's, so _kill_descendants() still finds them. Linux only; elsewhere a no-op."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _descendants() -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in (...) may contain spaces
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _kill_descendants() -> None:
    """SIGKILL and reap every process below the grader (called when no other child is running)."""
    for _ in range(50):
        pids = _descendants()
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        for pid in pids:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass  # not our child: its own parent reaps it
        time.sleep(0.02)


def run_limited(command: list[str], limits: Limits, cwd: Path, env: dict[str, str],
                uid: int | None = None) -> Outcome:
    """Runs `command` under `limits`, as `uid` when given (the grader must be root for that)."""
    _become_subreaper()
    start = time.monotonic()
    try:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   preexec_fn=lambda: _apply_limits(limits, uid))
    except OSError as error:
        return Outcome(returncode=127, output=f"cannot start {command[0]}: {error}", wall_s=0.0)

    cap_bytes = int(limits.output_kb) * 1024
    chunks: list[bytes] = []
    size = 0
    timed_out = overflow = False
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = start + limits.timeout_s
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            if not selector.select(timeout=min(remaining, 0.1)):
                # Quiet pipe: done once the test itself has exited, even if a child it left
                # behind still holds the pipe open (that child is killed below).
                if process.poll() is not None:
                    break
                continue
            data = os.read(process.stdout.fileno(), 65536)
            if not data:
                break  # every writer closed the pipe
            size += len(data)
            if size > cap_bytes:
                chunks.append(data[: max(0, cap_bytes - (size - len(data)))])
                overflow = True
                break
            chunks.append(data)
    finally:
        selector.close()
        if timed_out or overflow:
            _stop(process)
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            timed_out = True
            _stop(process)
            process.wait()
        # Whatever the test left running in its group (a forked child, a stray worker) goes too,
        # and under the sandbox uid anything that escaped the group, and any orphan re-parented
        # to the grader.
        _kill_group(process.pid)
        if uid is not None:
            kill_all_of(uid)
        _kill_descendants()
        process.stdout.close()

    output = b"".join(chunks).decode("utf-8", errors="replace")
    return Outcome(returncode=None if (timed_out or overflow) else process.returncode, output=output,
                   wall_s=time.monotonic() - start, timed_out=timed_out, output_overflow=overflow)
