"""MPI items: the launcher, the merging of per-rank reports, and real mpirun runs of fake tests."""
import os
import tempfile
import time
import unittest
from unittest import mock
from pathlib import Path

from grader import mpi
from grader.config import ConfigError, load_lab
from grader.gtest_xml import ReportError
from grader.scoring import _head_and_tail, grade_lab
from grader.tests.helpers import TempLab

PASSING = '<testcase name="One" status="run" result="completed" classname="Suite"/>'
FAILING = ('<testcase name="One" status="run" result="completed" classname="Suite">'
           '<failure message="halo.cpp:9&#x0A;wrong halo" type=""/></testcase>')


def write_report(path: Path, case: str) -> None:
    path.write_text(f'<?xml version="1.0"?>\n<testsuites><testsuite name="Suite">{case}</testsuite></testsuites>\n')


def lab_with(items: str, programs: list[str]) -> TempLab:
    return TempLab('[lab]\ntitle = "MPI demo"\ntimeout = 20\nranks = 2\n' + items, programs)


class RankReportTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.report = Path(self._tmp.name) / "gtest.xml"

    def tearDown(self):
        self._tmp.cleanup()

    def test_a_failure_on_any_rank_fails_the_case(self):
        write_report(self.report, PASSING)
        write_report(self.report.with_name("gtest.rank1.xml"), FAILING)
        [case] = mpi.merge_rank_reports(self.report, ranks=2)
        self.assertEqual(case.status, "failed")
        self.assertIn("rank 1", case.messages[0])

    def test_all_ranks_passing_pass(self):
        for name in ("gtest.xml", "gtest.rank1.xml", "gtest.rank2.xml"):
            write_report(self.report.with_name(name), PASSING)
        self.assertEqual([c.status for c in mpi.merge_rank_reports(self.report, ranks=3)], ["passed"])

    def test_a_missing_rank_report_is_an_error(self):
        write_report(self.report, PASSING)
        with self.assertRaisesRegex(ReportError, r"rank\(s\) \[1\]"):
            mpi.merge_rank_reports(self.report, ranks=2)


class EnvironmentTest(unittest.TestCase):
    def test_root_is_allowed_and_waiting_ranks_yield(self):
        env = mpi.environment({"PATH": "/usr/bin"})
        self.assertEqual(env["OMPI_ALLOW_RUN_AS_ROOT"], "1")
        self.assertEqual(env["OMPI_MCA_mpi_yield_when_idle"], "1")

    def test_without_cross_memory_attach_large_messages_go_through_shared_memory(self):
        with mock.patch.object(mpi, "cross_memory_attach_works", return_value=False):
            env = mpi.environment({})
        self.assertEqual(env["OMPI_MCA_btl_vader_single_copy_mechanism"], "none")

    def test_the_launcher_oversubscribes_and_does_not_bind(self):
        with mock.patch.object(mpi, "mpirun", return_value="/usr/bin/mpirun"):
            self.assertEqual(mpi.launcher(4), ["/usr/bin/mpirun", "-np", "4", "--oversubscribe", "--bind-to", "none"])
        with mock.patch.object(mpi, "mpirun", return_value=None):
            with self.assertRaisesRegex(FileNotFoundError, "openmpi-bin"):
                mpi.launcher(2)


class RanksConfigTest(unittest.TestCase):
    def test_lab_default_and_item_override(self):
        lab = lab_with('[[unit]]\nid = "a"\nbinary = "pass"\nfilter = "*"\npoints = 1\n'
                       '[[unit]]\nid = "b"\nbinary = "pass"\nfilter = "*"\npoints = 1\nranks = 4\n', [])
        try:
            config = load_lab(lab.lab_dir)
            self.assertEqual([i.ranks for i in config.items], [2, 4])
            self.assertTrue(config.requires_mpi)
        finally:
            lab.close()

    def test_ranks_out_of_range_is_refused(self):
        lab = lab_with('[[unit]]\nid = "a"\nbinary = "pass"\nfilter = "*"\npoints = 1\nranks = 0\n', [])
        try:
            with self.assertRaisesRegex(ConfigError, "'ranks' must be between 1 and 64"):
                load_lab(lab.lab_dir)
        finally:
            lab.close()


def _processes_running(path_fragment: str) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if path_fragment in Path(entry.path, "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@unittest.skipIf(mpi.mpirun() is None, "mpirun not installed (sudo apt-get install openmpi-bin)")
class RealMpirunTest(unittest.TestCase):
    """The fake test programs are started by a real mpirun, as the grader starts the MPI lab."""

    def grade(self, behaviour: str, timeout: int = 20):
        lab = lab_with(f'[[unit]]\nid = "u"\nbinary = "{behaviour}"\nfilter = "*"\npoints = 2\ntimeout = {timeout}\n',
                       [behaviour])
        self.addCleanup(lab.close)
        return grade_lab(load_lab(lab.lab_dir), lab.bin_dir, env={"PATH": os.environ["PATH"]}).tests[0], lab

    def test_every_rank_passing_earns_the_points(self):
        test, _ = self.grade("pass")
        self.assertEqual((test.status, test.score), ("passed", 2))

    def test_a_failure_on_rank_1_only_fails_the_item(self):
        test, _ = self.grade("fail_on_rank1")
        self.assertEqual((test.status, test.score), ("failed", 0))
        self.assertIn("rank 1", test.output)

    def test_a_crashed_rank_fails_the_item_and_is_named(self):
        test, _ = self.grade("crash_on_rank1")
        self.assertEqual((test.status, test.score), ("failed", 0))
        self.assertIn("rank 1 was killed by signal 11", test.output)

    def test_long_output_keeps_its_first_lines_and_its_last(self):
        text = "Primary job terminated: the first line\n" + "noise\n" * 500 + "the last line\n"
        shown = _head_and_tail(text)
        self.assertTrue(shown.startswith("Primary job terminated: the first line"))
        self.assertTrue(shown.endswith("the last line"))
        self.assertLess(len(shown), 1100)

    def test_a_deadlocked_job_times_out_and_leaves_no_process(self):
        start = time.monotonic()
        test, lab = self.grade("hang", timeout=3)
        self.assertEqual(test.status, "failed")
        self.assertIn("timed out", test.output)
        self.assertLess(time.monotonic() - start, 15)
        time.sleep(0.2)
        self.assertEqual(_processes_running(str(lab.root)) + _processes_running("grade-01-u-"), [],
                         "no rank or mpirun may outlive its test")


if __name__ == "__main__":
    unittest.main()
