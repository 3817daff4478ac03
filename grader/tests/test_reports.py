import base64
import json
import os
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

from grader import classroom, reports
from grader.validators import github_classroom
from grader.results import LabResult, TestResult, summary_json


def sample() -> dict:
    ok = TestResult("01-demo", "kernel", "kernel: correct", "unit", "passed", 2, 2, "3 test(s) passed")
    slow = TestResult("01-demo", "speed", "kernel: speedup", "perf", "failed", 0, 3, "speedup 1.5", measured=1.5,
                      required=2.0, metric="speedup")
    broken = LabResult("02-other", "Other", gradable=False, problem="build failed: x.cpp:3: error: oops", max_score=4,
                       status="not built", items=[{"id": "queue", "name": "queue: correct", "max_score": 4}])
    demo = LabResult("01-demo", "Demo", [ok, slow], max_score=5,
                     items=[{"id": "kernel", "name": "kernel: correct", "max_score": 2},
                            {"id": "speed", "name": "kernel: speedup", "max_score": 3}])
    return summary_json([demo, broken], "student", {"cpu": "test"})


class ReportsTest(unittest.TestCase):
    def test_results_json_schema(self):
        results = sample()
        self.assertEqual((results["score"], results["max_score"]), (2, 9))
        for test in results["tests"]:
            for field in ("name", "score", "max_score", "status", "output"):
                self.assertIn(field, test)
        self.assertEqual(results["tests"][0]["name"], "01-demo: kernel: correct")

    def test_console_table_shows_measured_and_required(self):
        table = reports.console_table(sample())
        self.assertIn("1.5 speedup", table)
        self.assertIn(">= 2", table)
        self.assertIn("not built", table)
        self.assertIn("Total: 2/9 points", table)

    def test_junit_counts(self):
        root = ET.fromstring(reports.junit_xml(sample()).split("?>", 1)[1])
        suites = {s.get("name"): s for s in root.iter("testsuite")}
        self.assertEqual(suites["01-demo"].get("failures"), "1")
        self.assertEqual(suites["02-other"].get("errors"), "1")
        self.assertEqual(len(list(root.iter("testcase"))), 3)

    def test_hidden_items_are_marked_and_counted(self):
        results = sample()
        results["labs"][0]["tests"][0]["hidden"] = True
        results["tests"][0]["hidden"] = True
        table = reports.console_table(results)
        self.assertIn("kernel: correct (hidden)", table)
        self.assertIn("2 of these points are the instructor's hidden items", table)
        self.assertNotIn("hidden", reports.console_table(sample()))

    def test_partial_perf_score_names_the_next_step(self):
        test = {"steps": [[4, 1], [15, 2], [30, 3]], "required": 4}
        self.assertEqual(reports.next_step({**test, "measured": 20}), ">= 30 for 3 pt")
        self.assertEqual(reports.next_step({**test, "measured": 2}), ">= 4 for 1 pt")
        self.assertEqual(reports.next_step({**test, "measured": 31}), "top step")
        self.assertEqual(reports.next_step({"required": 2.0}), ">= 2")

    def test_markdown_and_step_summary(self):
        with tempfile.TemporaryDirectory() as tmp:
            summary = Path(tmp) / "summary"
            os.environ["GITHUB_STEP_SUMMARY"] = str(summary)
            try:
                written = reports.write_all(sample(), Path(tmp) / "out")
            finally:
                del os.environ["GITHUB_STEP_SUMMARY"]
            self.assertEqual({p.name for p in written}, {"results.json", "junit.xml", "summary.md"})
            self.assertIn("| 01-demo | kernel: speedup | ❌ failed | 1.5 speedup | >= 2 | 0/3 |", summary.read_text())
            self.assertEqual(json.loads((Path(tmp) / "out" / "results.json").read_text())["score"], 2)


class ClassroomTest(unittest.TestCase):
    def test_payload_gives_partial_credit_per_test(self):
        lab = sample()["labs"][0]
        decoded = json.loads(base64.b64decode(classroom.encoded(lab)))
        self.assertEqual(decoded["version"], 1)
        self.assertEqual(decoded["status"], "fail")
        self.assertEqual(decoded["max_score"], 5)
        # One reporter test per point, so the reporter's log (passed/total x max) and its record agree.
        self.assertEqual([(t["name"], t["status"], t["score"]) for t in decoded["tests"]],
                         [("kernel: correct (point 1 of 2)", "pass", 1), ("kernel: correct (point 2 of 2)", "pass", 1),
                          ("kernel: speedup (point 1 of 3)", "fail", 0), ("kernel: speedup (point 2 of 3)", "fail", 0),
                          ("kernel: speedup (point 3 of 3)", "fail", 0)])

    def test_unbuildable_lab_is_an_error_not_a_silent_zero(self):
        decoded = classroom.payload(sample()["labs"][1])
        self.assertEqual(decoded["status"], "error")
        self.assertIn("error: oops", decoded["tests"][0]["message"])

    def test_workflow_has_one_step_per_lab_and_the_reporter(self):
        text = classroom.workflow_text([("01", "A", 5), ("02", "B", 4)])
        self.assertIn("name: Autograding Tests", text)
        self.assertIn("run-autograding-tests:", text)
        self.assertIn("./grade 02 --classroom-output", text)
        self.assertIn("grep -q '^result=' \"$GITHUB_OUTPUT\" || python3 -m grader.classroom --fallback 02", text,
                      "a step always leaves a payload")
        self.assertIn('LAB01_RESULTS: "${{ steps.lab01.outputs.result }}"', text)
        self.assertIn("runners: lab01,lab02", text)

    def test_fallback_payload_is_a_valid_error_worth_the_labs_points(self):
        encoded = classroom.fallback_payload("03", 26)
        self.assertEqual(github_classroom.validate(encoded), [])
        decoded = json.loads(base64.b64decode(encoded))
        self.assertEqual((decoded["status"], decoded["max_score"], len(decoded["tests"])), ("error", 26, 1))

    def test_cuda_lab_only_with_a_gpu_runner(self):
        self.assertNotIn("./grade 05", classroom.current_workflow())
        with_gpu = classroom.current_workflow("gpu-a100")
        self.assertIn("./grade 05", with_gpu)
        self.assertEqual(classroom.committed_runner(with_gpu), "gpu-a100")
        self.assertIsNone(classroom.committed_runner(classroom.current_workflow()))

    def test_committed_workflow_is_current(self):
        self.assertEqual(classroom.main(["--check"]), 0)


if __name__ == "__main__":
    unittest.main()
