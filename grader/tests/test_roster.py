"""The roster runs students one after another, never stops for a bad one, resumes, and writes a
CSV an LMS can import and a self-contained HTML page."""
import csv
import html.parser
import io
import json
import tempfile
import unittest
from pathlib import Path

from grader import gradebook, roster
from grader.tests.test_platforms import lab


def graded_as(kind: str):
    def grade_one(submission: Path, out: Path) -> dict:
        results = lab(kind)
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps(results))
        return results
    return grade_one


class TagCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


class RosterTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = Path(self._tmp.name)
        for name in ("ada", "bob", "cy", "dee", "eve"):
            (self.tmp / "class" / name).mkdir(parents=True)

    def tearDown(self):
        self._tmp.cleanup()

    def test_grades_every_student_in_order_and_keeps_going(self):
        order, lines = [], []
        kinds = {"ada": "passing", "bob": "failing", "cy": "unbuildable", "dee": "passing"}

        def grade_one(submission, out):
            order.append(submission.name)
            if submission.name == "eve":
                raise RuntimeError("the grader itself broke")  # must not reach here: grade_submission never raises
            return graded_as(kinds[submission.name])(submission, out)

        with self.assertRaises(RuntimeError):
            roster.grade_roster(self.tmp / "class", self.tmp / "out", grade_one, log=lines.append)
        self.assertEqual(order, ["ada", "bob", "cy", "dee", "eve"])
        self.assertIn("5 of 5: eve", lines[-1])
        self.assertRegex(lines[1], r"2 of 5: bob \(about \d+ s left\)")

        # Resumed: the four finished students are not graded again.
        order.clear()
        results = roster.grade_roster(self.tmp / "class", self.tmp / "out",
                                      lambda s, o: (order.append(s.name), graded_as("failing")(s, o))[1], log=lines.append)
        self.assertEqual(order, ["eve"])
        self.assertEqual(sorted(results), ["ada", "bob", "cy", "dee", "eve"])
        self.assertTrue(any("ada: already graded (resumed)" in line for line in lines))

    def test_csv_has_a_row_per_student_and_a_column_per_lab_and_item(self):
        results = {"ada": lab("passing"), "bob": lab("failing"), "cy": lab("unbuildable")}
        rows = list(csv.reader(io.StringIO(gradebook.csv_text(results))))
        self.assertEqual(rows[0], ["student", "total", "max", "01-demo (7)", "01-demo/kernel (2)", "01-demo/speed (5)",
                                   "not graded", "inconclusive"])
        self.assertEqual(rows[1][:6], ["ada", "7", "7", "7", "2", "5"])
        self.assertEqual(rows[2][:6], ["bob", "3", "7", "3", "0", "3"])
        self.assertEqual(rows[3][:6], ["cy", "0", "7", "0", "0", "0"])
        self.assertIn("build failed", rows[3][6])

    def test_html_is_self_contained_and_escapes_student_output(self):
        results = {"ada": lab("passing"), "<script>x</script>": lab("failing")}
        page = gradebook.html_text(results)
        parser = TagCollector()
        parser.feed(page)
        self.assertEqual(parser.urls, [], "no external resources")
        self.assertNotIn("script", parser.tags)
        self.assertIn("&lt;script&gt;", page)
        self.assertEqual(parser.tags.count("details"), 2, "one drill-down per student")
        self.assertEqual(parser.tags.count("svg"), 1, "one distribution per lab")

    def test_an_empty_or_missing_roster_is_a_clear_error(self):
        with self.assertRaises(roster.RosterError):
            roster.submissions(self.tmp / "nope")
        (self.tmp / "empty").mkdir()
        with self.assertRaises(roster.RosterError):
            roster.submissions(self.tmp / "empty")


if __name__ == "__main__":
    unittest.main()
