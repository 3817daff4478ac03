"""Perf items of graders running at once take turns on the machine."""
import subprocess
import sys
import time
import unittest

from grader.labs import ROOT
from grader.perf_lock import perf_turn

HOLD = ("from grader.perf_lock import perf_turn; import time\n"
        "with perf_turn(log=lambda _: None):\n    print('held', flush=True); time.sleep(2)\n")


class PerfLockTest(unittest.TestCase):
    def test_a_second_grader_waits_for_the_first_ones_perf_test(self):
        other = subprocess.Popen([sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            self.assertEqual(other.stdout.readline().strip(), "held")
            said = []
            started = time.monotonic()
            with perf_turn(log=said.append):
                waited = time.monotonic() - started
            self.assertGreater(waited, 1.0)
            self.assertIn("waiting for another grader", said[0])
        finally:
            other.wait()
            other.stdout.close()

    def test_unit_tests_do_not_wait(self):
        other = subprocess.Popen([sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            other.stdout.readline()
            started = time.monotonic()
            with perf_turn(needed=False):
                pass
            self.assertLess(time.monotonic() - started, 0.5)
        finally:
            other.wait()
            other.stdout.close()


if __name__ == "__main__":
    unittest.main()
