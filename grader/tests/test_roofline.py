"""The roofline feedback: its arithmetic, the machine probe (once per run, omitted with a reason
when it cannot run), and that it reaches results.json, the reports and every platform format
without touching a point."""
import json
import os
import stat
import tempfile
import unittest
from dataclasses import replace
from pathlib import Path

from grader import adapters, reports, roofline
from grader.config import load_lab
from grader.gtest_xml import Case
from grader.results import summary_json
from grader.scoring import _timing, grade_lab
from grader.tests.helpers import TempLab
from grader.validators import autolab, classroom50, gradescope, junit, prairielearn

CEILINGS = roofline.Ceilings(peak_flops_one_core=50e9, bandwidth=20e9, threads=2)

TOML = """
[lab]
title = "Demo"
timeout = 10

[[unit]]
id = "kernel"
binary = "pass"
filter = "*"
points = 2

[[perf]]
id = "speed"
binary = "perf_3.5"
filter = "*"
requires = ["kernel"]
reference = 20
steps = [{ at = 2, points = 1 }, { at = 5, points = 3 }]
flops = 4e8
bytes = 1e8
"""


def fake_probe(folder: Path, output: str, exit_code: int = 0) -> Path:
    """A stand-in for bin/machine_roofline that counts its runs in runs.txt."""
    program = folder / "machine_roofline"
    program.write_text(f"#!/bin/sh\necho run >> '{folder}/runs.txt'\necho '{output}'\nexit {exit_code}\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return program


class Arithmetic(unittest.TestCase):
    def test_memory_bound_roof_is_intensity_times_bandwidth(self):
        # 4e8 flops over 1e8 bytes in 20 ms: 20 GFLOP/s at 4 flop/byte; roof min(50, 4 x 20) = 50.
        entry = roofline.point(4e8, 1e8, 0.02, 1, CEILINGS)
        self.assertEqual((entry["gflops"], entry["intensity"], entry["roof_gflops"]), (20, 4, 50))
        self.assertEqual((entry["percent_of_roof"], entry["bound"]), (40, "compute"))
        entry = roofline.point(1e8, 1e8, 0.02, 1, CEILINGS)  # 1 flop/byte: 20 GB/s x 1 = 20 GFLOP/s roof
        self.assertEqual((entry["gflops"], entry["roof_gflops"], entry["percent_of_roof"], entry["bound"]),
                         (5, 20, 25, "memory"))

    def test_peak_counts_the_cores_used(self):
        entry = roofline.point(4e9, 1e6, 0.04, 2, CEILINGS)  # 100 GFLOP/s on 2 cores of 50
        self.assertEqual((entry["roof_gflops"], entry["percent_of_roof"], entry["cores"]), (100, 100, 2))
        self.assertEqual(roofline.cores_used({"threads": 1, "cpu_ratio": 1.02}), 1)
        self.assertEqual(roofline.cores_used({"threads": 1, "cpu_ratio": 1.5}), 1, "the runner's overhead")
        self.assertEqual(roofline.cores_used({"threads": 1, "cpu_ratio": 1.9}), 2, "threads it was not given")
        self.assertEqual(roofline.cores_used({"threads": 4, "cpu_ratio": 0.0}), 4, "CPU time not measured")

    def test_no_memory_traffic_is_compute_bound(self):
        entry = roofline.point(1e8, 0, 0.01, 1, CEILINGS)
        self.assertEqual((entry["intensity"], entry["roof_gflops"], entry["percent_of_roof"]), (None, 50, 20))

    def test_reference_point_from_this_runs_baseline(self):
        item = load_lab_from(TOML).item("speed")
        timing = {"candidate_s": 0.04, "baseline_s": 0.4, "threads": 1, "cpu_ratio": 1.0}
        entry = roofline.feedback(item, timing, CEILINGS, roofline.reference_speedup(item, "01-demo", None))
        # The reference: 20x the 0.4 s baseline = 20 ms a call, 20 GFLOP/s = 40% of the 50 GFLOP/s roof.
        self.assertEqual(entry["reference"], {"gflops": 20, "percent_of_roof": 40, "speedup": 20})
        calibration = {"items": {"01-demo/speed": {"factor": 0.5}}}
        self.assertEqual(roofline.reference_speedup(item, "01-demo", calibration), 10)
        self.assertNotIn("reference", roofline.feedback(replace(item, reference=None), timing, CEILINGS, None))
        self.assertIsNone(roofline.feedback(replace(item, flops=None, bytes=None), timing, CEILINGS, 20))
        self.assertIsNone(roofline.feedback(item, None, CEILINGS, 20), "inconclusive: nothing timed")

    def test_work_the_test_counted_when_grading_toml_declares_none(self):
        item = replace(load_lab_from(TOML).item("speed"), flops=None, bytes=None)
        timing = {"candidate_s": 0.02, "baseline_s": 0.2, "threads": 1, "cpu_ratio": 1.0,
                  "work_flops": 4e8, "work_bytes": 0.0}
        self.assertEqual(roofline.work_of(item, timing), (4e8, 0.0))
        entry = roofline.feedback(item, timing, CEILINGS, None)
        self.assertEqual((entry["gflops"], entry["intensity"], entry["percent_of_roof"]), (20, None, 40))
        self.assertEqual(roofline.work_of(load_lab_from(TOML).item("speed"), timing), (4e8, 1e8), "grading.toml first")
        self.assertIsNone(roofline.work_of(item, dict(timing, work_flops=0.0)))
        cases = [Case("S.T", "passed", properties={"candidate_ms": "20", "work_flops": "4e8", "work_bytes": "0"})]
        self.assertEqual((_timing(cases)["work_flops"], _timing(cases)["work_bytes"]), (4e8, 0.0))

    def test_timing_from_the_recorded_properties(self):
        cases = [Case("S.T", "passed", properties={"candidate_ms": "2.5", "baseline_ms": "25", "threads": "2",
                                                    "cpu_ratio": "1.97"})]
        self.assertEqual(_timing(cases), {"candidate_s": 0.0025, "baseline_s": 0.025, "threads": 2, "cpu_ratio": 1.97})
        self.assertIsNone(_timing([Case("S.T", "passed", properties={"value": "3"})]))


class Probe(unittest.TestCase):
    def setUp(self):
        roofline._measured.clear()
        self._tmp = tempfile.TemporaryDirectory()
        self.folder = Path(self._tmp.name)

    def tearDown(self):
        roofline._measured.clear()
        self._tmp.cleanup()

    def test_ceilings_parsed_and_checked(self):
        good = '{"peak_flops_one_core": 5.8e10, "bandwidth": 5.2e10, "threads": 2}'
        self.assertEqual(roofline.parse_ceilings(good), roofline.Ceilings(5.8e10, 5.2e10, 2))
        for bad, why in (("oops", "not JSON"), ("[1]", "not a JSON object"),
                         ('{"peak_flops_one_core": 0, "bandwidth": 1, "threads": 1}', "'peak_flops_one_core'"),
                         ('{"peak_flops_one_core": 1, "bandwidth": 1}', "'threads'")):
            with self.assertRaisesRegex(ValueError, why):
                roofline.parse_ceilings(bad)

    def test_measured_once_per_run(self):
        program = fake_probe(self.folder, '{"peak_flops_one_core": 5e10, "bandwidth": 2e10, "threads": 2}')
        for _ in range(3):
            self.assertEqual(roofline.probe(program, 2), roofline.Ceilings(5e10, 2e10, 2))
        self.assertEqual((self.folder / "runs.txt").read_text(), "run\n")

    def test_a_broken_probe_gives_a_reason(self):
        self.assertIn("was not built", roofline.probe(self.folder / "machine_roofline", 2))
        roofline._measured.clear()
        self.assertIn("exited with code 3", roofline.probe(fake_probe(self.folder, "", 3), 2))
        roofline._measured.clear()
        self.assertIn("not JSON", roofline.probe(fake_probe(self.folder, "garbage"), 2))


def load_lab_from(toml: str):
    files = TempLab(toml, [])
    try:
        return load_lab(files.lab_dir)
    finally:
        files.close()


class EndToEnd(unittest.TestCase):
    """A lab graded on fake programs (a 10x speedup of 2 ms a call), then the feedback attached."""

    def setUp(self):
        roofline._measured.clear()
        self.files = TempLab(TOML, ["pass", "perf_3.5"])
        self.lab = load_lab(self.files.lab_dir)
        self.graded = grade_lab(self.lab, self.files.bin_dir, dict(os.environ))

    def tearDown(self):
        roofline._measured.clear()
        self.files.close()

    def attach(self, program: Path):
        before = [(t.status, t.score) for t in self.graded.tests]
        roofline.attach([self.graded], [self.lab], program, 2)
        self.assertEqual([(t.status, t.score) for t in self.graded.tests], before, "feedback changed a verdict")
        return summary_json([self.graded], "student", {"cpu": "test"})

    def test_feedback_in_results_reports_and_every_platform_format(self):
        program = fake_probe(self.files.root, '{"peak_flops_one_core": 5e10, "bandwidth": 2e10, "threads": 2}')
        results = json.loads(json.dumps(self.attach(program)))  # what results.json holds
        perf = results["labs"][0]["tests"][1]
        # 4e8 flops in 2 ms = 200 GFLOP/s: 400% of one core's 50, a measurement the test reports as it is.
        self.assertEqual(perf["roofline"]["gflops"], 200)
        self.assertEqual(perf["roofline"]["roof_gflops"], 50)
        self.assertEqual(perf["roofline"]["reference"]["speedup"], 20)
        self.assertEqual(results["labs"][0]["roofline"], {"peak_gflops_one_core": 50, "bandwidth_gbs": 20, "threads": 2})
        self.assertEqual(results["score"], 3)
        self.assertIn("200 GFLOP/s", reports.console_table(results))
        self.assertIn("triad 20 GB/s on 2 core(s)", reports.console_table(results))
        self.assertIn("| 01-demo | speed | 200 GFLOP/s | 4 flop/byte |", reports.markdown(results))
        self.assert_formats_valid(results)

    def test_missing_probe_omits_the_feedback_with_its_reason(self):
        results = self.attach(self.files.root / "machine_roofline")
        self.assertNotIn("roofline", results["labs"][0]["tests"][1])
        self.assertIn("machine_roofline was not built", results["labs"][0]["roofline"]["omitted"])
        self.assertIn("roofline feedback omitted", reports.console_table(results))
        self.assertEqual(results["score"], 3)
        self.assert_formats_valid(results)

    def test_one_roofline_plot_per_lab_with_feedback(self):
        from plots.layout import png_touches_border
        from plots.roofline import plot_rooflines
        program = fake_probe(self.files.root, '{"peak_flops_one_core": 5e10, "bandwidth": 2e10, "threads": 2}')
        results = json.loads(json.dumps(self.attach(program)))
        with tempfile.TemporaryDirectory() as tmp:
            paths = plot_rooflines(results, Path(tmp))
            self.assertEqual([p.name for p in paths], ["01-demo-roofline.png"])
            self.assertFalse(png_touches_border(paths[0]), "text cut at the figure's edge")
            results["labs"][0]["roofline"] = {"omitted": "not built"}
            self.assertEqual(plot_rooflines(results, Path(tmp) / "none"), [])

    def assert_formats_valid(self, results: dict):
        self.assertEqual(gradescope.validate(adapters.gradescope(results)), [])
        doc = adapters.classroom50(results, adapters.classroom50_identity({}))
        self.assertEqual(classroom50.validate(doc, "local", "local"), [])
        self.assertEqual(prairielearn.validate_file(json.dumps(adapters.prairielearn(results))), [])
        names = {adapters.autolab_problem(results, lab, i["id"]) for lab in results["labs"] for i in lab["items"]}
        self.assertEqual(autolab.validate(json.dumps(adapters.autolab_scores(results)), names), [])
        self.assertEqual(junit.validate(reports.junit_xml(results)), [])


if __name__ == "__main__":
    unittest.main()
