"""Runs one test process under limits, so a crash, hang, fork bomb or memory blow-up costs that
test's points and nothing else.

The child gets its own session (process group), rlimits on CPU time, address space, process
count and core dumps, and a wall-clock timeout after which the whole group is killed. Output is
read through a pipe with a size cap: a test that prints without end is cut off and killed.

When the grader runs as root (CI, containers), tests run as a dedicated unprivileged uid instead:
root ignores RLIMIT_NPROC, so only then is a fork bomb contained; the test cannot write to the
repository (the grader's own files, results included); and every process of that uid — even one
that left the process group with setsid() — is killed when the test ends.

As root, a test also runs in a private mount namespace (see Isolation): the repository (reference
solutions, hidden tests, the instructor's build trees) is replaced by an empty folder, and its work
folder, /tmp and /dev/shm are fresh size-limited file systems that vanish with it. It gets only
the environment the grader hands it (an allow-list), never the grader's own.

A timed-out test first gets SIGTERM, then SIGKILL a grace period later: `mpirun` needs the SIGTERM
to take its ranks down (they run in process groups of their own, and a SIGKILLed mpirun leaves
them running). As a last line, the grader is a child subreaper: whatever the test left behind is
re-parented to the grader, found by walking /proc, and killed, as root or not.
"""
from __future__ import annotations

import ctypes
import fcntl
import functools
import os
import pwd
import resource
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from grader.config import Limits


@dataclass(frozen=True)
class Isolation:
    """What a process started as the sandbox uid must not see. Needs root (a private mount
    namespace); without root nothing is hidden, and there is nothing to hide: a student grading
    their own clone runs as themselves, on files they already have."""
    hidden: tuple[Path, ...] = ()         # each replaced by an empty, read-only folder
    private_dirs: tuple[Path, ...] = ()   # each replaced by a fresh tmpfs of Limits.disk_mb
    work_dir: Path | None = None          # a fresh tmpfs of Limits.disk_mb owned by the sandbox uid


@dataclass
class Outcome:
    returncode: int | None      # None when killed by the grader (timeout or output cap)
    output: str                 # stdout and stderr together, truncated to the output cap
    wall_s: float
    timed_out: bool = False
    output_overflow: bool = False
    process_limit_hit: bool = False  # it had as many processes as allowed: a fork loop


    @property
    def signal(self) -> int | None:
        return -self.returncode if self.returncode is not None and self.returncode < 0 else None

    def describe_failure(self, limits: Limits) -> str | None:
        """Why the process did not finish normally, in words for a student; None if it did."""
        if self.process_limit_hit:
            return (f"hit the limit of {limits.processes} processes (a fork loop?) and was killed"
                    + (f" after the timeout of {limits.timeout_s:g} s" if self.timed_out else ""))
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
                "SIGXFSZ": f"wrote a file larger than the limit of {limits.file_mb} MiB",
            }.get(name, "killed by a signal")
            return f"crashed: {name} (signal {self.signal}): {hint}"
        return None


SANDBOX_UID_RANGE = range(64900, 65000)  # uids with no account: their processes are the tests'
# Each role's uid, lock file and anchor, as claimed by this grader process: "test" runs the test
# programs, "runner" the student's code of a remote lab (grader/runner_broker.py), so that neither
# can signal, trace or write to the other.
_claims: dict[str, dict] = {}


def sandbox_uid(role: str = "test") -> int | None:
    """The uid tests (or, role "runner", remote runners) run as when the grader is root, or None
    (not root: they run as the user).

    Each grader process claims its own uid per role, so two graders running at once (a batch of
    submissions graded in parallel) never kill each other's tests when they kill every process of
    "their" uid: an exclusive lock held until it exits, and an anchor, a sleeping process of that
    uid that lives as long as the grader. Graders that cannot see each other's locks (a chroot, a
    container sharing the PID namespace) see each other's anchors and claim another uid."""
    if os.geteuid() != 0:
        return None
    if role in _claims:
        return _claims[role]["uid"]
    taken = {claim["uid"] for claim in _claims.values()}
    for uid in SANDBOX_UID_RANGE:
        if uid in taken:
            continue
        try:
            pwd.getpwuid(uid)
            continue  # a real account: never ours to kill
        except KeyError:
            pass
        if _processes_of(uid):
            continue  # a grader we cannot see (another /tmp, a container) is using it
        try:
            lock = os.open(private_folder() / f"sandbox-{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        except OSError:
            continue  # not a plain file of ours: leave that uid alone
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            continue  # another grader holds it
        anchor = _start_anchor(uid)
        if set(_processes_of(uid)) - {anchor.pid}:  # another grader claimed it at the same moment
            anchor.kill()
            anchor.wait()
            os.close(lock)
            continue
        _claims[role] = {"uid": uid, "lock": lock, "anchor": anchor}
        return uid
    return None


_PR_SET_PDEATHSIG = 1


def _start_anchor(uid: int) -> subprocess.Popen:
    """A process of `uid` that sleeps until the grader ends (the kernel kills it then)."""
    grader = os.getpid()

    def become_anchor():
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        # After the uid change, which clears it: a grader killed by a signal must not leave its
        # anchor behind, holding the uid for a grader that no longer exists.
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != grader:  # the grader died before the line above
            os._exit(1)
    return subprocess.Popen(["sleep", "infinity"], preexec_fn=become_anchor, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _anchor_pids() -> set[int]:
    return {claim["anchor"].pid for claim in _claims.values()}


PRIVATE_FOLDER = Path("/run/hpc-grader")  # root's: uid locks and the tests' scratch folders


def private_folder() -> Path:
    """A folder only root may write to (so no test can plant a file or link there for the next
    grader), created if need be and refused if it is not what it should be."""
    try:
        PRIVATE_FOLDER.mkdir(mode=0o755, parents=True)
    except FileExistsError:
        pass
    info = os.lstat(PRIVATE_FOLDER)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != 0 or info.st_mode & 0o022:
        raise RuntimeError(f"{PRIVATE_FOLDER} is not a folder that only root may write to: remove it and grade again")
    return PRIVATE_FOLDER


def _processes_of(uid: int, with_anchor: bool = False) -> list[int]:
    """Every process of `uid` (but this grader's anchor, see sandbox_uid, unless `with_anchor`)."""
    pids = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid and (with_anchor or int(entry.name) not in _anchor_pids()):
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def kill_all_of(uid: int) -> int:
    """SIGKILL every process of the sandbox uid, repeatedly, until a fork loop has none left.
    Returns the most processes seen at once."""
    most = 0
    for _ in range(100):
        pids = _processes_of(uid)
        most = max(most, len(pids))
        if not pids:
            return most
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.02)
        reap_orphans()  # a killed process the grader adopted (subreaper) is gone once reaped
    return most


def _files_of(uid: int, folder: str) -> list[str]:
    try:
        return [e.path for e in os.scandir(folder) if e.stat(follow_symlinks=False).st_uid == uid]
    except OSError:
        return []


def remove_files_of(uid: int, folders=("/tmp", "/var/tmp", "/dev/shm")) -> None:
    """What the sandbox uid left in the world-writable folders (only its tests own files there)."""
    for folder in folders:
        for path in _files_of(uid, folder):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                try:
                    os.unlink(path)
                except OSError:
                    pass


_CLONE_NEWNS, _MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_REC, _MS_PRIVATE = 0x20000, 1, 2, 4, 0x4000, 1 << 18


def _mount(libc, source: bytes, target: str, fstype: bytes | None, flags: int, options: str | None) -> None:
    if libc.mount(source, target.encode(), fstype, flags, options.encode() if options else None) != 0:
        raise OSError(ctypes.get_errno(), f"mount on {target} failed")


def _isolate(isolation: Isolation, limits: Limits, uid: int) -> None:
    """In the child, as root, before dropping to `uid`: a private mount namespace in which the
    hidden folders are empty and the scratch folders are fresh."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNS) != 0:
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS) failed")
    _mount(libc, b"none", "/", None, _MS_REC | _MS_PRIVATE, None)  # nothing propagates back out
    size = f"size={int(limits.disk_mb)}m"
    for folder in isolation.private_dirs:
        if os.path.isdir(folder):
            _mount(libc, b"tmpfs", str(folder), b"tmpfs", _MS_NOSUID | _MS_NODEV, f"{size},mode=1777")
    if isolation.work_dir is not None:
        _mount(libc, b"tmpfs", str(isolation.work_dir), b"tmpfs", _MS_NOSUID | _MS_NODEV,
               f"{size},mode=700,uid={uid},gid={uid}")
    for folder in isolation.hidden:
        if os.path.isdir(folder):
            _mount(libc, b"tmpfs", str(folder), b"tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=4k,mode=755")


# Instructor-only folders of the repository, and the student-facing build trees among build/*.
INSTRUCTOR_ONLY = ("solutions", "hidden", ".git")
STUDENT_BUILD_TREES = ("student", "student-src", "submission", "submission-src")


def instructor_files_private(root: Path) -> list[Path]:
    """As root: takes every permission of "others" (the sandbox uid is one) from the reference
    solutions, the hidden tests, the repository's history and the instructor's build trees, so
    no test or compiler running as the sandbox uid can read them, with or without a private mount
    namespace. The owner and root keep their access. Returns the folders changed."""
    if os.geteuid() != 0:
        return []
    folders = [root / name for name in INSTRUCTOR_ONLY]
    if (root / "build").is_dir():
        folders += [p for p in (root / "build").iterdir() if p.name not in STUDENT_BUILD_TREES]
    changed = []
    for folder in folders:
        if folder.is_dir() and not folder.is_symlink():
            mode = stat.S_IMODE(folder.stat().st_mode)
            if mode & 0o007:
                os.chmod(folder, mode & ~0o007)
                changed.append(folder)
    return changed


@functools.lru_cache(maxsize=1)
def isolation_available() -> bool:
    """Whether this root may make a private mount namespace and mount in it without the mounts
    reaching the rest of the machine. A container without CAP_SYS_ADMIN forbids the first; in a
    chroot "/" is no mount point and cannot be made private, so nothing may be mounted there.
    Without it, instructor_files_private() still keeps the instructor's files from the tests."""
    if os.geteuid() != 0:
        return False
    def probe() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(_CLONE_NEWNS) != 0:
            os._exit(1)
        os._exit(0 if libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) == 0 else 1)
    pid = os.fork()
    if pid == 0:
        try:
            probe()
        finally:
            os._exit(1)
    return os.waitpid(pid, 0)[1] == 0


def _apply_limits(limits: Limits, uid: int | None, isolation: Isolation | None = None) -> None:
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
    if limits.memory_mb > 0:  # 0: sanitizer runs, which reserve terabytes of address space and
        # cap their memory themselves
        cap(resource.RLIMIT_DATA if limits.data_only else resource.RLIMIT_AS, int(limits.memory_mb) * 1024 * 1024)
    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_FSIZE, int(limits.file_mb) * 1024 * 1024)
    # Counts every process of this user, the grader's included: a fork bomb hits it at once.
    # (root is exempt from RLIMIT_NPROC; the timeout and the group kill still end a bomb there.)
    if isolation is not None and os.geteuid() == 0 and isolation_available():
        _isolate(isolation, limits, uid if uid is not None else 0)
    if uid is not None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    # Counts every process of the (now current) user: for the sandbox uid only the test's own,
    # for an ordinary user theirs too, the grader included.
    cap(resource.RLIMIT_NPROC, int(limits.processes) + len(_processes_of(os.getuid(), with_anchor=True)))


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
    found, todo = [], [pid for pid in children.get(os.getpid(), []) if pid not in _anchor_pids()]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def reap_orphans() -> None:
    """Collect the exit status of every finished child: orphans adopted as subreaper (an MPI
    daemon whose mpirun died) would otherwise stay zombies until the grader exits."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _kill_descendants() -> None:
    """SIGKILL and reap every process below the grader (called when no other child is running)."""
    for _ in range(50):
        reap_orphans()
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
                uid: int | None = None, isolation: Isolation | None = None, on_output=None, broker=None) -> Outcome:
    """Runs `command` under `limits`, as `uid` when given (the grader must be root for that),
    seeing the file system as `isolation` says (root only). on_output(bytes) sees the output as
    it comes (progress). A `broker` (grader/runner_broker.py) starts the runners the test asks
    for; their output counts as the test's."""
    _become_subreaper()
    start = time.monotonic()
    pass_fds = (broker.test_fd(),) if broker else ()
    if broker:
        env = dict(env, HPC_RUNNER_BROKER_FD=str(broker.test_fd()))
    try:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True, pass_fds=pass_fds,
                                   preexec_fn=lambda: _apply_limits(limits, uid, isolation))
    except (OSError, subprocess.SubprocessError) as error:
        return Outcome(returncode=127, output=f"cannot start {command[0]}: {error}", wall_s=0.0)

    cap_bytes = int(limits.output_kb) * 1024
    chunks: list[bytes] = []
    size = 0
    timed_out = overflow = False
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, "test")
    if broker:
        selector.register(broker, selectors.EVENT_READ, "broker")
    deadline = start + limits.timeout_s
    try:
        while not overflow:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            events = selector.select(timeout=min(remaining, 0.1))
            # Quiet pipes: done once the test itself has exited, even if a child it left behind
            # still holds a pipe open (that child is killed below).
            if not events and process.poll() is not None:
                break
            for key, _ in events:
                if key.data == "broker":
                    broker.handle()
                    for pipe in broker.new_outputs:
                        selector.register(pipe, selectors.EVENT_READ, "runner")
                    broker.new_outputs.clear()
                    continue
                data = os.read(key.fileobj.fileno(), 65536)
                if not data:  # every writer closed this pipe
                    selector.unregister(key.fileobj)
                    continue
                size += len(data)
                if size > cap_bytes:
                    chunks.append(data[: max(0, cap_bytes - (size - len(data)))])
                    overflow = True
                    break
                chunks.append(data)
                if on_output:
                    on_output(data)
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
        most = 0
        if uid is not None:
            most = kill_all_of(uid)
            remove_files_of(uid)
        if broker:
            most = max(most, broker.close())
        _kill_descendants()
        process.stdout.close()

    output = b"".join(chunks).decode("utf-8", errors="replace")
    return Outcome(returncode=None if (timed_out or overflow) else process.returncode, output=output,
                   wall_s=time.monotonic() - start, timed_out=timed_out, output_overflow=overflow,
                   process_limit_hit=most >= limits.processes)
