"""Curated mutants (patches applied exactly, verdicts) and graded sanitizer items (their trees,
options and the report a student sees)."""
import tempfile
import unittest
from pathlib import Path

from grader import mutants
from grader.labs import ROOT, base_tree, build_dir, sanitizer_tree, select_labs
from grader.results import FAILED, PASSED, TestResult
from grader.sandbox import Outcome
from grader.scoring import judge, sanitizer_bin_dir, sanitizer_environment, sanitizer_report
from grader.tests.test_config import VALID, load

PATCH = """why: the loop stops one short
--- a/k.cpp
+++ b/k.cpp
@@ -1,3 +1,3 @@
 int f(int n) {
-  for (int i = 0; i <= n; ++i) {
+  for (int i = 0; i < n; ++i) {
     use(i);
"""
SOURCE = "int f(int n) {\n  for (int i = 0; i <= n; ++i) {\n    use(i);\n  }\n}\n"
TSAN_OUTPUT = """[ RUN      ] Counters.EveryMethodCountsExactly
==================
WARNING: ThreadSanitizer: data race (pid=123)
  Write of size 8 at 0x7ffd by thread T2:
    #0 count_with_mutex counters.cpp:37
"""


class MutantsTest(unittest.TestCase):
    def test_a_patch_applies_exactly_and_says_why(self):
        mutant = mutants.parse("loop_one_short", PATCH)
        self.assertEqual((mutant.file, mutant.why), ("k.cpp", "the loop stops one short"))
        self.assertIn("i < n;", mutants.apply(SOURCE, mutant))
        with self.assertRaises(mutants.MutantError):
            mutants.apply(SOURCE.replace("<= n", "!= n"), mutant)  # the reference moved on
        with self.assertRaises(mutants.MutantError):
            mutants.parse("no_why", PATCH.split("\n", 1)[1])

    def test_only_a_failing_correctness_item_kills(self):
        mutant = mutants.parse("m", PATCH)
        lab = load(VALID)
        ran = lambda status, output: TestResult("07-demo", "kernel", "k", "unit", status, 0, 2, output)
        self.assertTrue(mutants.judge(lab, mutant, [ran(FAILED, "1 of 3 test(s) failed")]).killed)
        self.assertFalse(mutants.judge(lab, mutant, [ran(FAILED, "timed out after 60 s")]).killed)
        self.assertIn("survived", mutants.judge(lab, mutant, [ran(PASSED, "3 test(s) passed")]).how)

    def test_every_shipped_mutant_applies_to_its_reference(self):
        for lab in select_labs([]):
            for mutant in mutants.load(lab):
                source = ROOT / "solutions" / lab.name / "src" / mutant.file
                mutants.apply(source.read_text(), mutant)  # raises when it does not


class SanitizerItemsTest(unittest.TestCase):
    def test_sanitizer_trees_share_their_base_trees_sources(self):
        self.assertEqual(sanitizer_tree("student", "thread"), "student-tsan")
        self.assertEqual(base_tree("submission-asan"), "submission")
        self.assertEqual(build_dir("student-tsan").name, "student-tsan")
        self.assertEqual(sanitizer_bin_dir(Path("/c/build/student/bin/02-x"), self.item("thread")),
                         Path("/c/build/student-tsan/bin/02-x"))

    def item(self, sanitizer):
        lab = load(VALID.replace('points = 2', f'points = 2\nsanitizer = "{sanitizer}"', 1))
        return lab.item("kernel")

    def test_options_halt_at_the_first_report_and_cap_memory(self):
        self.assertIn("halt_on_error=1", sanitizer_environment(self.item("thread"))["TSAN_OPTIONS"])
        self.assertIn("hard_rss_limit_mb=", sanitizer_environment(self.item("address"))["ASAN_OPTIONS"])

    def test_the_first_report_is_what_the_student_sees(self):
        self.assertIsNone(sanitizer_report("[  PASSED  ] 2 tests."))
        self.assertTrue(sanitizer_report(TSAN_OUTPUT).startswith("WARNING: ThreadSanitizer: data race"))
        lab = load(VALID.replace('points = 2', 'points = 2\nsanitizer = "thread"', 1))
        with tempfile.TemporaryDirectory() as tmp:
            verdict = judge(lab, lab.item("kernel"), Outcome(returncode=86, output=TSAN_OUTPUT, wall_s=0.5),
                            Path(tmp) / "missing.xml")
        self.assertEqual(verdict.status, FAILED)
        self.assertIn("ThreadSanitizer found a bug in your code", verdict.output)
        self.assertIn("count_with_mutex counters.cpp:37", verdict.output)

    def test_an_unknown_sanitizer_is_refused(self):
        from grader.config import ConfigError
        with self.assertRaises(ConfigError):
            load(VALID.replace('points = 2', 'points = 2\nsanitizer = "memory"', 1))


if __name__ == "__main__":
    unittest.main()
