"""Every platform format, written by the adapters, accepted by a validator written from the
platform's contract; and each validator rejecting what the platform would reject."""
import base64
import json
import unittest

from grader import adapters, classroom, reports
from grader.results import LabResult, TestResult, summary_json
from grader.validators import autolab, classroom50, github_classroom, gradescope, junit, prairielearn

ITEMS = [{"id": "kernel", "name": "kernel: correct", "max_score": 2},
         {"id": "speed", "name": "kernel: speedup", "max_score": 5}]
IDENTITY = {"CLASSROOM": "hpc-2026", "ASSIGNMENT": "lab01", "OWNER": "ada", "SUBMISSION_TAG": "submit/20261125-abc1234",
            "COMMIT_URL": "https://example.org/c", "RELEASE_URL": "https://example.org/r"}


def lab(kind: str) -> dict:
    """One lab's results.json: 'passing', 'failing' (a partial perf score, output with terminal
    colours and a bell) or 'unbuildable'."""
    if kind == "unbuildable":
        labs = [LabResult("01-demo", "Demo", gradable=False, status="not built", max_score=7, items=ITEMS,
                          problem="build failed; the compiler's first error:\nsrc/k.cpp:3: error: oops")]
    else:
        passing = kind == "passing"
        tests = [TestResult("01-demo", "kernel", "kernel: correct", "unit", "passed" if passing else "failed",
                            2 if passing else 0, 2, "ok" if passing else "\x1b[31mexpected 1, got 2\x1b[0m\x07"),
                 TestResult("01-demo", "speed", "kernel: speedup", "perf", "passed" if passing else "failed",
                            5 if passing else 3, 5, "speedup 9.1", measured=9.1, required=4.0, metric="speedup",
                            wall_s=1.5)]
        labs = [LabResult("01-demo", "Demo", tests, max_score=7, items=ITEMS)]
    return summary_json(labs, "submission", {"cpu": "test"})


KINDS = ("passing", "failing", "unbuildable")


class FormatsAreAccepted(unittest.TestCase):
    def test_gradescope(self):
        for kind in KINDS:
            doc = adapters.gradescope(lab(kind))
            self.assertEqual(gradescope.validate(doc), [], kind)
            self.assertEqual(doc["score"], {"passing": 7, "failing": 3, "unbuildable": 0}[kind])
        self.assertIn("error: oops", adapters.gradescope(lab("unbuildable"))["output"])

    def test_classroom50(self):
        for kind in KINDS:
            doc = adapters.classroom50(lab(kind), adapters.classroom50_identity(IDENTITY))
            self.assertEqual(classroom50.validate(doc, "hpc-2026", "lab01"), [], kind)
            self.assertEqual((doc["score"], doc["max-score"]), ({"passing": 7, "failing": 3, "unbuildable": 0}[kind], 7))
            self.assertTrue(all(type(t["score"]) is int for t in doc["tests"]))

    def test_classroom50_whole_scores_from_floats(self):
        results = lab("failing")
        for test in results["tests"]:
            test["score"], test["max_score"] = float(test["score"]), float(test["max_score"])
        doc = adapters.classroom50(results, adapters.classroom50_identity(IDENTITY))
        self.assertEqual(classroom50.validate(doc, "hpc-2026", "lab01"), [])

    def test_prairielearn(self):
        for kind in KINDS:
            doc = adapters.prairielearn(lab(kind))
            self.assertEqual(prairielearn.validate(doc), [], kind)
        self.assertEqual(adapters.prairielearn(lab("unbuildable"))["gradable"], False)
        self.assertAlmostEqual(adapters.prairielearn(lab("failing"))["score"], 3 / 7)

    def test_prairielearn_keeps_other_labs_points_when_one_does_not_build(self):
        both = lab("passing")
        both["labs"] += lab("unbuildable")["labs"]
        both["max_score"] += 7
        doc = adapters.prairielearn(both)
        self.assertEqual(prairielearn.validate(doc), [])
        self.assertTrue(doc["gradable"])
        self.assertAlmostEqual(doc["score"], 7 / 14)
        self.assertIn("error: oops", doc["message"])

    def test_autolab_keys_are_the_problems_even_when_nothing_built(self):
        for kind in KINDS:
            line = json.dumps(adapters.autolab_scores(lab(kind)))
            self.assertEqual(autolab.validate(f"building...\n{line}\n", {"kernel", "speed"}), [], kind)
        self.assertEqual(adapters.autolab_scores(lab("unbuildable")), {"scores": {"kernel": 0, "speed": 0}})

    def test_junit(self):
        for kind in KINDS:
            self.assertEqual(junit.validate(reports.junit_xml(lab(kind))), [], kind)
        self.assertNotIn("\x1b", reports.junit_xml(lab("failing")))

    def test_github_classroom_payload_agrees_with_the_reporters_log(self):
        for kind in KINDS:
            results = lab(kind)
            encoded = classroom.encoded(results["labs"][0])
            self.assertEqual(github_classroom.validate(encoded), [], kind)
            payload = json.loads(base64.b64decode(encoded))
            self.assertEqual(sum(t["score"] for t in payload["tests"]), results["score"])


class ValidatorsReject(unittest.TestCase):
    def test_classroom50(self):
        good = adapters.classroom50(lab("failing"), adapters.classroom50_identity(IDENTITY))
        self.assertEqual(classroom50.validate(good, "hpc-2026", "lab01"), [])
        for change, expected in (({"score": 3.0}, "score must be a non-negative integer"),
                                 ({"classroom": "other"}, "classroom is"),
                                 ({"submission": "v1"}, "submission must be"),
                                 ({"commit": ""}, "commit must be"),
                                 ({"score": 9}, "score (9) > max-score"),
                                 ({"datetime": "2026-11-25 10:00"}, "is not YYYY"),
                                 ({"max_score": 7}, "unknown top-level key"),
                                 ({"tests": [{"test-name": "t", "passed": 1, "score": 0, "max-score": 1}]},
                                  "passed must be a boolean")):
            problems = classroom50.validate({**good, **change}, "hpc-2026", "lab01")
            self.assertTrue(any(expected in p for p in problems), (change, problems))
        bare = {"schema": "classroom50/result/v1", "score": 3, "max-score": 7, "tests": []}
        self.assertTrue(any("owner" in p for p in classroom50.validate(bare, "hpc-2026", "lab01")))

    def test_gradescope(self):
        self.assertTrue(gradescope.validate({"tests": [{"name": "a", "status": "pass", "score": 1}], "score": 1}))
        self.assertTrue(gradescope.validate({"tests": [{"name": "a"}]}), "no score anywhere")
        self.assertTrue(gradescope.validate({"score": 1, "visibility": "students"}))

    def test_prairielearn(self):
        self.assertTrue(prairielearn.validate({"gradable": True, "score": 7}), "a score is a fraction")
        self.assertTrue(prairielearn.validate({"gradable": False}), "says why in format_errors")
        self.assertTrue(prairielearn.validate_file("x" * (1024 * 1024 + 1)))

    def test_autolab(self):
        line = json.dumps({"scores": {"kernel": 2}})
        self.assertTrue(autolab.validate(f"{line}\nmake: *** [Makefile:3: autograde] Error 3\n", {"kernel"}))
        self.assertTrue(autolab.validate(json.dumps({"scores": {"01-demo/build": 0}}), {"kernel"}))

    def test_junit(self):
        with_properties = ('<testsuites><testsuite name="a" tests="1"><testcase name="t"><properties>'
                           '<property name="score" value="1"/></properties></testcase></testsuite></testsuites>')
        self.assertTrue(junit.validate(with_properties), "no properties inside a testcase")
        self.assertTrue(junit.validate('<testsuite name="a" tests="1"><testcase name="t">\x1b[31m</testcase></testsuite>'))
        self.assertTrue(junit.validate('<testsuite name="a" tests="2"><testcase name="t"/></testsuite>'), "count")
        self.assertTrue(junit.validate('<testsuite name="a" tests="1"><testcase name="t"><system-out/>'
                                       '<failure/></testcase></testsuite>'), "order")

    def test_github_classroom(self):
        self.assertTrue(github_classroom.validate(""), "an empty payload voids every lab")
        weighted = {"version": 1, "status": "fail", "max_score": 5,
                    "tests": [{"name": "a", "status": "fail", "score": 3, "max_score": 5}]}
        problems = github_classroom.validate(base64.b64encode(json.dumps(weighted).encode()).decode())
        self.assertTrue(any("record 3 but print 0.00" in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
