"""The grader end to end on fake test programs: points, step tables, gating, and every way a
test program can misbehave."""
import os
from pathlib import Path
import tempfile
import unittest

from unittest import mock

from grader import adapters, reports
from grader.config import load_lab
from grader.results import summary_json
from grader.sandbox import Outcome
from grader.scoring import grade_lab, judge
from grader.tests.helpers import TempLab

TOML = """
[lab]
title = "Demo"
timeout = 3
output_kb = 64

[[unit]]
id = "{unit}"
binary = "{unit}"
filter = "*"
points = 2

[[perf]]
id = "speed"
binary = "{perf}"
filter = "*"
requires = ["{unit}"]
steps = [{{ at = 2, points = 1 }}, {{ at = 5, points = 3 }}]
"""


def grade(unit: str, perf: str = "perf_3.5"):
    lab_files = TempLab(TOML.format(unit=unit, perf=perf), [unit, perf])
    try:
        lab = load_lab(lab_files.lab_dir)
        return grade_lab(lab, lab_files.bin_dir, dict(os.environ))
    finally:
        lab_files.close()


class ScoringTest(unittest.TestCase):
    def test_passing_unit_and_perf_step_points(self):
        result = grade("pass", "perf_3.5")
        unit, perf = result.tests
        self.assertEqual((unit.status, unit.score), ("passed", 2))
        self.assertEqual((perf.status, perf.score, perf.measured), ("passed", 1, 3.5))
        self.assertEqual(result.score, 3)
        self.assertEqual(result.max_score, 5)

    def test_top_step(self):
        self.assertEqual(grade("pass", "perf_7").tests[1].score, 3)

    def test_perf_points_need_correctness(self):
        result = grade("fail", "perf_9")
        unit, perf = result.tests
        self.assertEqual((unit.status, unit.score), ("failed", 0))
        self.assertIn("Expected equality", unit.output)
        self.assertEqual(perf.score, 0)
        self.assertIn("not run", perf.output)

    def test_crash_costs_only_that_test(self):
        unit = grade("crash").tests[0]
        self.assertEqual((unit.status, unit.score), ("failed", 0))
        self.assertIn("SIGSEGV", unit.output)

    def test_hang_is_a_timeout(self):
        unit = grade("hang").tests[0]
        self.assertEqual(unit.status, "failed")
        self.assertIn("timed out after 3 s", unit.output)

    def test_flood_is_cut(self):
        unit = grade("flood").tests[0]
        self.assertEqual(unit.status, "failed")
        self.assertIn("more than 64 KiB", unit.output)

    def test_skip_is_reported_not_passed(self):
        unit = grade("skip").tests[0]
        self.assertEqual((unit.status, unit.score), ("skipped", 0))
        self.assertIn("no CUDA device", unit.output)

    def test_perf_of_a_skipped_kernel_is_skipped_too(self):
        perf = grade("skip", "perf_9").tests[1]
        self.assertEqual((perf.status, perf.score), ("skipped", 0))
        self.assertIn("were skipped: no CUDA device", perf.output)

    def test_missing_report_is_an_error(self):
        unit = grade("noreport").tests[0]
        self.assertEqual((unit.status, unit.score), ("error", 0))
        self.assertIn("without writing its report", unit.output)

    def test_nonzero_exit_after_passing_fails(self):
        unit = grade("exit3").tests[0]
        self.assertEqual((unit.status, unit.score), ("failed", 0))
        self.assertIn("code 3", unit.output)

    def test_forked_child_does_not_outlive_grading(self):
        self.assertEqual(grade("forker").tests[0].status, "passed")
        leftovers = [p for p in os.listdir("/proc") if p.isdigit() and _cmdline(p).endswith("forker")]
        self.assertEqual(leftovers, [])

    def test_inconclusive_measurement_is_reported_as_such_never_as_a_score(self):
        with mock.patch("grader.scoring.RETRY_PAUSES_S", (0,)):
            perf = grade("pass", "inconclusive").tests[1]
        self.assertEqual(perf.status, "inconclusive")
        self.assertEqual(perf.score, 0)
        self.assertIn("inconclusive: machine busy: measured parallelism 1.02", perf.output)
        self.assertIn("grade again", perf.output)
        results = summary_json([grade("pass", "inconclusive")], "student", {})
        self.assertEqual(results["inconclusive"], ["01-demo: speed"])
        self.assertIn("Inconclusive", adapters.gradescope(results)["output"])
        self.assertIn("<skipped", reports.junit_xml(results))
        self.assertIn("Inconclusive", reports.console_table(results))

    def test_perf_tests_are_told_the_cores_counted_and_their_time_budget(self):
        perf = grade("pass", "budget_env").tests[1]
        cores = len(os.sched_getaffinity(0))
        self.assertAlmostEqual(perf.measured, float(f"{cores}.{round(0.7 * 3)}"))  # timeout = 3 s in TOML

    def test_a_passed_perf_verdict_shows_the_spread(self):
        lab_files = TempLab(TOML.format(unit="pass", perf="perf_3"), ["pass", "perf_3"])
        try:
            lab = load_lab(lab_files.lab_dir)
            outcome = Outcome(returncode=0, output="", wall_s=1.0)
            report = lab_files.root / "report.xml"
            report.write_text('<testsuites><testsuite name="S"><testcase name="T" status="run" result="completed" '
                              'classname="S" value="3.0" spread="0.25"/></testsuite></testsuites>')
            verdict = judge(lab, lab.item("speed"), outcome, report)
        finally:
            lab_files.close()
        self.assertIn("timings spread 25%", verdict.output)

    def test_a_report_naming_tests_the_program_lacks_is_no_verdict(self):
        lab_files = TempLab(TOML.format(unit="pass", perf="perf_3"), ["pass", "perf_3"])
        try:
            lab = load_lab(lab_files.lab_dir)
            report = lab_files.root / "report.xml"
            report.write_text('<testsuites><testsuite name="Matmul"><testcase name="AlwaysPasses" status="run" '
                              'result="completed" classname="Matmul"/></testsuite></testsuites>')
            outcome = Outcome(returncode=0, output="", wall_s=0.2)
            forged = judge(lab, lab.item("pass"), outcome, report, frozenset({"Matmul_IdentityLeavesTheMatrixUnchanged_Test"}))
            genuine = judge(lab, lab.item("pass"), outcome, report, frozenset({"Matmul_AlwaysPasses_Test"}))
        finally:
            lab_files.close()
        self.assertEqual((forged.status, forged.score), ("error", 0))
        self.assertIn("does not have (Matmul.AlwaysPasses)", forged.output)
        self.assertEqual(genuine.status, "passed")

    def test_missing_program(self):
        lab_files = TempLab(TOML.format(unit="pass", perf="perf_3"), ["perf_3"])
        try:
            result = grade_lab(load_lab(lab_files.lab_dir), lab_files.bin_dir, dict(os.environ))
        finally:
            lab_files.close()
        self.assertEqual(result.tests[0].status, "error")
        self.assertIn("was not built", result.tests[0].output)

    def test_compute_sanitizer_items_wrap_the_program_and_quote_its_first_report(self):
        from unittest import mock
        from grader import scoring
        toml = TOML.format(unit="pass", perf="perf_3").replace("points = 2", 'points = 2\nsanitizer = "memcheck"')
        lab_files = TempLab(toml, ["pass", "perf_3"])
        # Where a test can see it (as root its /tmp is a fresh one, as compute-sanitizer's
        # /usr/local/cuda is not).
        tool_dir = tempfile.TemporaryDirectory(dir=scoring.scratch_parent())
        self.addCleanup(tool_dir.cleanup)
        os.chmod(tool_dir.name, 0o755)
        tool = Path(tool_dir.name) / "compute-sanitizer"
        # A stand-in with compute-sanitizer's output format: runs the test, then reports an error.
        tool.write_text("#!/bin/sh\nwhile [ \"${1#--}\" != \"$1\" ]; do shift 2; done\n\"$@\"\n"
                        "echo '========= COMPUTE-SANITIZER'\n"
                        "echo '========= Invalid __global__ write of size 4 bytes'\n"
                        "echo '=========     at tiled_kernel+0x1f0'\n"
                        "echo '========= ERROR SUMMARY: 1 error'\nexit 86\n")
        tool.chmod(0o755)
        try:
            lab = load_lab(lab_files.lab_dir)
            with mock.patch.object(scoring, "gpu_present", return_value=True), \
                    mock.patch.object(scoring, "compute_sanitizer_command", return_value=[str(tool), "--tool", "memcheck"]):
                found = grade_lab(lab, lab_files.bin_dir, dict(os.environ))
            with mock.patch.object(scoring, "gpu_present", return_value=False):
                no_gpu = grade_lab(lab, lab_files.bin_dir, dict(os.environ))
        finally:
            lab_files.close()
        self.assertEqual(found.tests[0].status, "failed")
        self.assertIn("compute-sanitizer memcheck", found.tests[0].output)
        self.assertIn("Invalid __global__ write of size 4 bytes", found.tests[0].output)
        self.assertEqual(no_gpu.tests[0].status, "skipped")
        self.assertIn("no CUDA device", no_gpu.tests[0].output)

    def test_smt_siblings_count_as_one_core(self):
        from unittest import mock
        from grader import scoring
        with mock.patch.object(scoring.os, "sched_getaffinity", return_value={0, 1, 2, 3}), \
                mock.patch.object(scoring, "_physical_core", side_effect=lambda cpu: ("0", str(cpu % 2))), \
                mock.patch.object(scoring.Path, "read_text", side_effect=OSError):
            self.assertEqual(scoring.counted_cores(), 2)

    def test_a_gpu_item_without_its_program_is_skipped_for_want_of_nvcc(self):
        toml = TOML.format(unit="pass", perf="perf_3").replace("points = 2", "points = 2\ngpu = true")
        lab_files = TempLab(toml, ["perf_3"])
        try:
            result = grade_lab(load_lab(lab_files.lab_dir), lab_files.bin_dir, dict(os.environ))
        finally:
            lab_files.close()
        self.assertEqual((result.tests[0].status, result.tests[0].score), ("skipped", 0))
        self.assertIn("no CUDA compiler (nvcc)", result.tests[0].output)
        self.assertEqual(result.tests[1].status, "skipped", "its perf item is not run either")


def _cmdline(pid: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
        return os.path.basename(args[1].decode()) if len(args) > 1 else ""
    except OSError:
        return ""


if __name__ == "__main__":
    unittest.main()
