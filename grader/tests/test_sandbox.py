import os
import subprocess
import sys
import time
import unittest
from pathlib import Path
import tempfile

from grader.config import Limits
from grader.sandbox import _processes_of, run_limited, sandbox_uid

PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


def run(code: str, uid=None, **limits):
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o777)
        return run_limited([PYTHON, "-c", code], Limits(**limits), cwd=Path(tmp), env=dict(os.environ), uid=uid)


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

    def test_missing_program(self):
        with tempfile.TemporaryDirectory() as tmp:
            outcome = run_limited(["/nonexistent/test_x"], Limits(), cwd=Path(tmp), env={})
        self.assertEqual(outcome.returncode, 127)
        self.assertIn("cannot start", outcome.output)


if __name__ == "__main__":
    unittest.main()
