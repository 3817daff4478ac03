import tempfile
import unittest
from pathlib import Path

from grader.gtest_xml import ReportError, parse_report

REPORT = """<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="4" failures="1">
  <testsuite name="Perf" tests="1">
    <testcase name="Speed" status="run" result="completed" classname="Perf" value="12.5" metric="speedup">
      <properties><property name="threads" value="2"/></properties>
    </testcase>
  </testsuite>
  <testsuite name="Unit" tests="3">
    <testcase name="Good" status="run" result="completed" classname="Unit"/>
    <testcase name="Bad" status="run" result="completed" classname="Unit">
      <failure message="unknown file&#x0A;C++ exception with description &quot;not implemented yet: f&quot;" type=""/>
    </testcase>
    <testcase name="Gpu" status="run" result="skipped" classname="Unit"><skipped message="labs/05-cuda/tests/lab05_testing.hpp:14&#x0A;no CUDA device"/></testcase>
    <testcase name="DISABLED_Old" status="notrun" result="suppressed" classname="Unit"/>
  </testsuite>
</testsuites>
"""


class GtestXmlTest(unittest.TestCase):
    def parse(self, text: str):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "r.xml"
            path.write_text(text)
            return parse_report(path)

    def test_verdicts_messages_and_properties(self):
        cases = {c.name: c for c in self.parse(REPORT)}
        self.assertEqual(set(cases), {"Perf.Speed", "Unit.Good", "Unit.Bad", "Unit.Gpu"})
        self.assertEqual(cases["Perf.Speed"].properties, {"value": "12.5", "metric": "speedup", "threads": "2"})
        self.assertEqual(cases["Unit.Good"].status, "passed")
        self.assertEqual(cases["Unit.Bad"].status, "failed")
        self.assertEqual(cases["Unit.Bad"].messages, ['C++ exception with description "not implemented yet: f"'])
        self.assertEqual((cases["Unit.Gpu"].status, cases["Unit.Gpu"].messages), ("skipped", ["no CUDA device"]))

    def test_broken_report(self):
        with self.assertRaises(ReportError):
            self.parse("<testsuites><testcase")


if __name__ == "__main__":
    unittest.main()
