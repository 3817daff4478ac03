"""The runner broker (grader/runner_broker.py): as root, a test program's runner is started as a uid
of its own, cannot write where the test writes, and its end is reported in words."""
import os
import tempfile
import textwrap
import unittest
from pathlib import Path

from grader.config import Limits
from grader.runner_broker import RunnerBroker
from grader.sandbox import Isolation, run_limited, sandbox_uid
from grader.tests.test_sandbox import AS_ROOT, PYTHON

# A runner that reports its uid and whether it could write into the test's folder, then dies of
# SIGSEGV when told to.
RUNNER = textwrap.dedent("""\
    #!{python}
    import os, signal, socket, sys
    channel = socket.socket(fileno=int(os.environ["HPC_RUNNER_FD"]))
    try:
        open(sys.argv[0] + ".test-folder/forged", "w").write("x")
        wrote = "wrote"
    except OSError:
        wrote = "denied"
    channel.send(f"{{os.getuid()}} {{wrote}} seed={{os.environ.get('HPC_SEED')}}".encode())
    channel.recv(16)
    os.kill(os.getpid(), signal.SIGSEGV)
""")

# The test program: asks the broker for a runner, relays what it says, and how it ended.
TEST = textwrap.dedent("""\
    import os, socket
    broker = socket.socket(fileno=int(os.environ["HPC_RUNNER_BROKER_FD"]))
    broker.send(b"start")
    answer, fds, _, _ = socket.recv_fds(broker, 512, 1)
    runner = socket.socket(fileno=fds[0])
    print("runner:", runner.recv(512).decode(), "| test uid:", os.getuid(), "|", answer.decode(), flush=True)
    runner.send(b"die")
    runner.recv(16)
    broker.send(b"status " + answer.split()[0].split(b"=")[1])
    print("ended:", broker.recv(512).decode(), flush=True)
""")


@AS_ROOT
class RunnerBrokerTest(unittest.TestCase):
    def test_runner_runs_as_its_own_uid_cannot_write_the_tests_files_and_its_end_is_told(self):
        test_uid, runner_uid = sandbox_uid(), sandbox_uid("runner")
        self.assertNotEqual(test_uid, runner_uid)
        with tempfile.TemporaryDirectory() as tmp:
            scratch = Path(tmp)
            os.chmod(scratch, 0o755)
            program = scratch / "runner"
            program.write_text(RUNNER.format(python=PYTHON))
            program.chmod(0o755)
            test_folder = Path(str(program) + ".test-folder")  # the test's own, as its report folder is
            test_folder.mkdir()
            os.chown(test_folder, test_uid, test_uid)
            work = scratch / "work"
            work.mkdir()
            os.chown(work, test_uid, test_uid)
            limits = Limits(timeout_s=20)
            env = dict(os.environ, HPC_SEED="4242")
            broker = RunnerBroker(program, limits, env, runner_uid, scratch, Isolation())
            outcome = run_limited([PYTHON, "-c", TEST], limits, cwd=work, env=env, uid=test_uid, broker=broker)
        self.assertEqual(outcome.returncode, 0, outcome.output)
        self.assertIn(f"runner: {runner_uid} denied seed=None | test uid: {test_uid}", outcome.output)
        self.assertIn("ended: was killed by signal 11 (SIGSEGV)", outcome.output)


if __name__ == "__main__":
    unittest.main()
