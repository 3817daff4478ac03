"""./grade --calibrate: factors from the reference's runs, refused when the runs disagree or the
factor is implausible, step tables scaled with the same margins, the old calibration set aside
while measuring, and every output naming the calibration."""
import json
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from grader import calibration
from grader.results import LabResult, TestResult
from grader.tests.test_config import VALID, load

CALIBRATED = VALID.replace('metric = "efficiency"', 'metric = "speedup"\nreference = 10.0')  # steps 0.5 / 0.8


class CalibrationTest(unittest.TestCase):
    def setUp(self):
        self.lab = load(CALIBRATED)

    def doc(self, values):
        return calibration.summarise([self.lab], {f"{self.lab.name}/kernel_speedup": values})

    def test_factor_is_the_median_over_the_course_figure(self):
        entry = self.doc([5.0, 5.2, 4.9])["items"]["07-demo/kernel_speedup"]
        self.assertEqual(entry["factor"], 0.5)
        self.assertNotIn("problem", entry)

    def test_runs_that_disagree_or_an_implausible_factor_are_not_applied(self):
        self.assertIn("spread", self.doc([5.0, 9.0])["items"]["07-demo/kernel_speedup"]["problem"])
        self.assertIn("outside", self.doc([1.0, 1.0])["items"]["07-demo/kernel_speedup"]["problem"])
        self.assertIn("no measurement", self.doc([None, None])["items"]["07-demo/kernel_speedup"]["problem"])
        for values in ([5.0, 9.0], [1.0, 1.0]):
            scaled = calibration.apply(self.lab, self.doc(values))
            self.assertEqual(scaled.item("kernel_speedup").steps, self.lab.item("kernel_speedup").steps)

    def test_steps_scale_with_the_same_margins(self):
        scaled = calibration.apply(self.lab, self.doc([20.0, 20.0, 20.0])).item("kernel_speedup")
        self.assertEqual([(s.at, s.points) for s in scaled.steps], [(1.0, 1), (1.6, 3)])
        uncalibrated = load(VALID)  # no `reference`: never scaled
        self.assertEqual(calibration.apply(uncalibrated, {"items": {"07-demo/kernel_speedup": {"factor": 2.0}}})
                         .item("kernel_speedup").steps, uncalibrated.item("kernel_speedup").steps)

    def test_describe_names_the_machine_or_says_as_shipped(self):
        self.assertIn("as shipped", calibration.describe(None))
        doc = self.doc([5.0, 5.0])
        doc["machine"]["cpu"] = "Another CPU"
        text = calibration.describe(doc)
        self.assertIn("calibrated on Another CPU", text)
        self.assertIn("WARNING: this machine is", text)

    def test_calibrate_sets_the_old_file_aside_and_writes_the_new_one(self):
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "calibration.json"
            target.write_text('{"items": {}, "old": true}')
            seen = []

            def grade(labs, only):
                seen.append((target.exists(), only))
                test = TestResult("07-demo", "kernel_speedup", "k", "perf", "passed", 3, 3, "", measured=12.0)
                return [LabResult("07-demo", "Demo", [test])]

            with mock.patch.object(calibration, "CALIBRATION_FILE", target):
                doc = calibration.calibrate([self.lab], 2, grade, log=lambda _: None)
            self.assertEqual(seen, [(False, {"kernel_speedup"})] * 2)
            self.assertEqual(json.loads(target.read_text())["items"]["07-demo/kernel_speedup"]["factor"], 1.2)
            self.assertEqual(doc["items"]["07-demo/kernel_speedup"]["measured"], [12.0, 12.0])

            def broken(labs, only):
                raise RuntimeError("build failed")

            with mock.patch.object(calibration, "CALIBRATION_FILE", target), self.assertRaises(RuntimeError):
                calibration.calibrate([self.lab], 1, broken, log=lambda _: None)
            self.assertIn("kernel_speedup", target.read_text(), "an interrupted calibration keeps the last one")


if __name__ == "__main__":
    unittest.main()
