import os
import subprocess
import sys
import time
import unittest
from unittest import mock
from pathlib import Path
import tempfile

from grader.config import Limits
from grader import sandbox
from grader.cli import test_environment
from grader.labs import ROOT
from grader.sandbox import Isolation, _processes_of, run_limited, sandbox_uid

AS_ROOT = unittest.skipUnless(os.geteuid() == 0, "the sandbox uid and its isolation are used only when the grader is root")

PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


def run(code: str, uid=None, isolation=None, env=None, **limits):
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o777)
        return run_limited([PYTHON, "-c", code], Limits(**limits), cwd=Path(tmp),
                           env=dict(os.environ) if env is None else env, uid=uid, isolation=isolation)


FORK_BOMB = ("import os\n"
             "while True:\n"
             "    try:\n        os.fork()\n"
             "    except OSError:\n        pass\n")


class SandboxTest(unittest.TestCase):
    def test_normal_exit_and_output(self):
        outcome = run("print('hello'); raise SystemExit(4)")
        self.assertEqual(outcome.returncode, 4)
        self.assertIn("hello", outcome.output)
        self.assertIsNone(outcome.describe_failure(Limits()))

    def test_crash_reports_the_signal(self):
        outcome = run("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")
        self.assertEqual(outcome.signal, 11)
        self.assertIn("SIGSEGV", outcome.describe_failure(Limits()))

    def test_timeout_kills_and_says_so(self):
        start = time.monotonic()
        outcome = run("import time; time.sleep(60)", timeout_s=0.5)
        self.assertLess(time.monotonic() - start, 5)
        self.assertTrue(outcome.timed_out)
        self.assertIn("timed out after 0.5 s", outcome.describe_failure(Limits(timeout_s=0.5)))

    def test_endless_output_is_cut(self):
        outcome = run("import sys\nwhile True: sys.stdout.write('x' * 4096)", output_kb=64, timeout_s=20)
        self.assertTrue(outcome.output_overflow)
        self.assertLessEqual(len(outcome.output), 64 * 1024)
        self.assertIn("more than 64 KiB", outcome.describe_failure(Limits(output_kb=64)))

    def test_data_only_memory_limit_allows_address_space_reservations(self):
        """CUDA programs reserve address space they never fill: they get RLIMIT_DATA instead of RLIMIT_AS."""
        reserve = ("import mmap; m = mmap.mmap(-1, 8 << 30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, "  # PROT_NONE
                   "prot=0); print('reserved')")
        self.assertIn("reserved", run(reserve, memory_mb=512, data_only=True).output)
        self.assertNotIn("reserved", run(reserve, memory_mb=512).output)
        self.assertNotEqual(run("x = bytearray(2 * 1024 ** 3)", memory_mb=512, data_only=True).returncode, 0)

    def test_memory_limit(self):
        outcome = run("x = bytearray(2 * 1024 ** 3)", memory_mb=256)
        self.assertNotEqual(outcome.returncode, 0)
        self.assertIn("MemoryError", outcome.output)

    def test_cpu_limit(self):
        outcome = run("while True: pass", cpu_s=1, timeout_s=20)
        self.assertEqual(outcome.signal, 24)  # SIGXCPU
        self.assertIn("CPU time limit", outcome.describe_failure(Limits(cpu_s=1)))

    def test_children_left_behind_are_killed(self):
        code = ("import os, time\n"
                "pid = os.fork()\n"
                "if pid == 0:\n    time.sleep(60); os._exit(0)\n"
                "print(pid, flush=True)\n")
        outcome = run(code, timeout_s=2)
        child = int(outcome.output.split()[0])
        time.sleep(0.2)
        alive = True
        try:
            os.kill(child, 0)
            status = Path(f"/proc/{child}/stat").read_text().split()[2]
            alive = status != "Z"
        except (ProcessLookupError, FileNotFoundError):
            alive = False
        self.assertFalse(alive, "the forked child must not survive its test")

    def test_fork_bomb_is_contained_and_cleaned_up(self):
        uid = sandbox_uid()  # as root, RLIMIT_NPROC only binds an unprivileged uid
        start = time.monotonic()
        outcome = run(FORK_BOMB, uid=uid, processes=30, timeout_s=2)
        self.assertTrue(outcome.timed_out)
        self.assertLess(time.monotonic() - start, 15)
        if uid is not None:
            self.assertEqual(_processes_of(uid), [])

    @unittest.skipUnless(os.geteuid() == 0, "the sandbox uid is used only when the grader is root")
    def test_sandbox_uid_kills_escapees_and_cannot_write_outside(self):
        uid = sandbox_uid()
        code = ("import os, time\n"
                "if os.fork() == 0:\n    os.setsid(); time.sleep(60); os._exit(0)\n"
                "try:\n    open('/etc/hpc-grader-probe', 'w')\n    print('WROTE')\n"
                "except OSError:\n    print('DENIED')\n")
        outcome = run(code, uid=uid, timeout_s=5)
        self.assertIn("DENIED", outcome.output)
        self.assertFalse(Path("/etc/hpc-grader-probe").exists())
        self.assertEqual(_processes_of(uid), [], "a child that left the process group must die too")

    @unittest.skipUnless(os.geteuid() == 0, "the sandbox uid is used only when the grader is root")
    def test_two_graders_at_once_get_different_uids(self):
        # Another grader process claims its uid; this one must not get the same.
        code = "from grader.sandbox import sandbox_uid; print(sandbox_uid(), flush=True); import time; time.sleep(5)"
        other = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                                 cwd=Path(__file__).resolve().parents[2])
        try:
            theirs = int(other.stdout.readline())
            self.assertNotEqual(theirs, sandbox_uid())
        finally:
            other.kill()
            other.wait()
            other.stdout.close()

    @AS_ROOT
    def test_fork_bomb_verdict_names_the_process_limit(self):
        outcome = run(FORK_BOMB, uid=sandbox_uid(), processes=30, timeout_s=2)
        self.assertTrue(outcome.process_limit_hit)
        self.assertIn("limit of 30 processes", outcome.describe_failure(Limits(processes=30, timeout_s=2)))

    def test_file_size_limit(self):
        with tempfile.TemporaryDirectory() as tmp:  # (Python ignores SIGXFSZ: a C program does not)
            outcome = run_limited(["dd", "if=/dev/zero", "of=big", "bs=1M", "count=3"], Limits(file_mb=1), cwd=Path(tmp),
                                  env=dict(os.environ))
        self.assertEqual(outcome.signal, 25)  # SIGXFSZ
        self.assertIn("larger than the limit of 1 MiB", outcome.describe_failure(Limits(file_mb=1)))

    def test_environment_is_an_allow_list(self):
        with mock.patch.dict(os.environ, {"PLATFORM_API_TOKEN": "secret-token", "LANG": "C.UTF-8"}):
            env = test_environment(seed=7)
        self.assertNotIn("PLATFORM_API_TOKEN", env)
        self.assertEqual(env["HPC_SEED"], "7")
        self.assertEqual(env["LANG"], "C.UTF-8")

    @AS_ROOT
    def test_isolated_test_cannot_read_the_repository_or_leave_files(self):
        with tempfile.TemporaryDirectory(dir="/var/tmp") as repository:  # stands for solutions/ and hidden/
            os.chmod(repository, 0o755)
            secret = Path(repository) / "solution.cpp"
            secret.write_text("the answer")
            os.chmod(secret, 0o644)
            code = ("import os\n"
                    f"try:\n    open({str(secret)!r}).read(); print('READ')\n"
                    "except OSError:\n    print('HIDDEN')\n"
                    "open('/tmp/hpc-leftover-probe', 'w').write('x'); open('/dev/shm/hpc-leftover-probe', 'w').write('x')\n")
            shown = run(code, uid=sandbox_uid(), timeout_s=10)
            self.assertIn("READ", shown.output)  # without isolation the file is world-readable...
            for leftover in ("/tmp/hpc-leftover-probe", "/dev/shm/hpc-leftover-probe"):
                self.assertFalse(Path(leftover).exists(), f"{leftover} outlived its test")  # ...but nothing survives
            if not sandbox.isolation_available():
                self.skipTest("no private mount namespace here (a chroot, a restricted container)")
            isolated = run(code, uid=sandbox_uid(), isolation=Isolation(hidden=(Path(repository),),
                           private_dirs=(Path("/tmp"), Path("/dev/shm"))), timeout_s=10)
        self.assertIn("HIDDEN", isolated.output, isolated.output)

    @AS_ROOT
    def test_instructor_folders_are_private_even_without_a_mount_namespace(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            os.chmod(root, 0o755)
            for folder in ("solutions", "hidden", "labs", "build/solution", "build/student"):
                (root / folder).mkdir(parents=True)
                os.chmod(root / folder, 0o755)
                (root / folder / "file.txt").write_text("secret")
                os.chmod(root / folder / "file.txt", 0o644)
            changed = sandbox.instructor_files_private(root)
            self.assertEqual(sorted(p.relative_to(root).as_posix() for p in changed),
                             ["build/solution", "hidden", "solutions"])
            code = "\n".join(f"try:\n    open({str(root / f / 'file.txt')!r}).read(); print({f!r}, 'READ')\n"
                              f"except OSError:\n    print({f!r}, 'DENIED')"
                              for f in ("solutions", "hidden", "build/solution", "labs", "build/student"))
            outcome = run(code, uid=sandbox_uid(), timeout_s=10)
        for folder in ("solutions", "hidden", "build/solution"):
            self.assertIn(f"{folder} DENIED", outcome.output)
        for folder in ("labs", "build/student"):
            self.assertIn(f"{folder} READ", outcome.output)

    @AS_ROOT
    def test_a_grader_that_cannot_see_our_lock_sees_our_anchor(self):
        """Another /tmp or /run (a chroot, a container): the lock is invisible, the anchor is not."""
        mine = sandbox_uid()
        self.assertIsNotNone(sandbox._claims['test']['anchor'].pid)
        with tempfile.TemporaryDirectory() as other_run:
            os.chmod(other_run, 0o755)
            claim = (f"from grader import sandbox; from pathlib import Path; sandbox.PRIVATE_FOLDER = Path({other_run!r}); "
                     "print(sandbox.sandbox_uid(), flush=True)")
            theirs = int(subprocess.run([sys.executable, "-c", claim], capture_output=True, text=True, cwd=ROOT).stdout)
        self.assertNotEqual(theirs, mine)
        run("pass", uid=mine, timeout_s=5)  # a test's clean-up must not kill our own anchor
        self.assertIsNone(subprocess.run(["kill", "-0", str(sandbox._claims['test']['anchor'].pid)]).returncode or None)

    @AS_ROOT
    def test_a_grader_killed_by_a_signal_leaves_no_anchor(self):
        """A grader killed from outside (a CI timeout) must not hold its uid after it is gone."""
        with tempfile.TemporaryDirectory() as other_run:
            os.chmod(other_run, 0o755)
            claim = (f"from grader import sandbox; from pathlib import Path; import time; "
                     f"sandbox.PRIVATE_FOLDER = Path({other_run!r}); print(sandbox.sandbox_uid(), flush=True); "
                     "time.sleep(60)")
            grader = subprocess.Popen([sys.executable, "-c", claim], stdout=subprocess.PIPE, text=True, cwd=ROOT)
            uid = int(grader.stdout.readline())
            anchors = set(sandbox._processes_of(uid, with_anchor=True))
            self.assertTrue(anchors, "the anchor runs while its grader does")
            grader.kill()
            grader.wait()
            grader.stdout.close()
            # (another grader may claim the freed uid at once: only this grader's anchor must go)
            deadline = time.monotonic() + 5
            while anchors & set(sandbox._processes_of(uid, with_anchor=True)) and time.monotonic() < deadline:
                sandbox.reap_orphans()  # a killed anchor is a zombie until its new parent (maybe this subreaper) reaps it
                time.sleep(0.05)
            self.assertFalse(anchors & set(sandbox._processes_of(uid, with_anchor=True)), "an anchor outlived its grader")

    @AS_ROOT
    def test_uid_with_a_live_process_is_not_claimed(self):
        """A grader in another /tmp (a container) holds no lock we can see, but its tests are alive."""
        claim = ("from grader.sandbox import sandbox_uid; print(sandbox_uid(), flush=True)")
        first = int(subprocess.run([sys.executable, "-c", claim], capture_output=True, text=True, cwd=ROOT).stdout)
        squatter = subprocess.Popen(["sleep", "30"], preexec_fn=lambda: (os.setgid(first), os.setuid(first)))
        try:
            second = int(subprocess.run([sys.executable, "-c", claim], capture_output=True, text=True, cwd=ROOT).stdout)
            self.assertNotEqual(first, second)
        finally:
            squatter.kill()
            squatter.wait()

    @AS_ROOT
    def test_lock_files_live_where_no_test_can_plant_a_link(self):
        folder = sandbox.private_folder()
        info = os.lstat(folder)
        self.assertEqual(info.st_uid, 0)
        self.assertEqual(info.st_mode & 0o022, 0)
        with tempfile.TemporaryDirectory() as tmp, mock.patch.object(sandbox, "PRIVATE_FOLDER", Path(tmp)):
            os.chmod(tmp, 0o1777)  # world-writable like /tmp: refused
            with self.assertRaises(RuntimeError):
                sandbox.private_folder()

    def test_orphans_are_reaped_as_they_go(self):
        sandbox._become_subreaper()
        subprocess.run(["sh", "-c", "sleep 0.1 & exit 0"])
        time.sleep(0.5)
        sandbox.reap_orphans()
        zombies = [pid for pid in sandbox._descendants()
                   if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"]
        self.assertEqual(zombies, [])

    def test_missing_program(self):
        with tempfile.TemporaryDirectory() as tmp:
            outcome = run_limited(["/nonexistent/test_x"], Limits(), cwd=Path(tmp), env={})
        self.assertEqual(outcome.returncode, 127)
        self.assertIn("cannot start", outcome.output)


if __name__ == "__main__":
    unittest.main()
