"""Coverage filters, dependency messages, the command line and the plotting fallback."""
import io
import sys
import tempfile
import unittest
from unittest import mock
from contextlib import redirect_stderr
from pathlib import Path

from grader import deps, plotting
from grader.cli import grade_labs, main, parse_args
from grader.labs import select_labs
from grader.reports import console_table
from grader.results import summary_json
from grader.coverage import filter_matches
from grader.tests.test_reports import sample


class FilterTest(unittest.TestCase):
    def test_gtest_filter_semantics(self):
        self.assertTrue(filter_matches("*", "A.b"))
        self.assertTrue(filter_matches("Stats.Merge*:Stats.Describe*", "Stats.DescribeX"))
        self.assertFalse(filter_matches("Stats.Merge*:Stats.Describe*", "Stats.Percentiles"))
        self.assertFalse(filter_matches("*-*Slow*", "A.SlowOne"))
        self.assertTrue(filter_matches("-A.x", "A.y"))
        self.assertTrue(filter_matches("Sizes/M.T/*", "Sizes/M.T/3"))


class DepsTest(unittest.TestCase):
    def fake(self, what, present, required):
        return deps.Dependency(what, (f"pkg-{what}",), lambda: present, required)

    def test_missing_required_without_installer_prints_the_install_line(self):
        lines = []
        ok = deps.ensure(lines.append, [self.fake("a", False, True), self.fake("b", True, True)], installer=lambda: None)
        self.assertFalse(ok)
        self.assertIn("apt-get install pkg-a", lines[-1])
        self.assertNotIn("pkg-b", lines[-1])

    def test_no_install_names_what_is_missing_and_installs_nothing(self):
        lines, asked = [], []
        ok = deps.ensure(lines.append, [self.fake("cmake", False, True)], installer=lambda: asked.append(1) or [],
                         install=False)
        self.assertFalse(ok)
        self.assertEqual(asked, [])
        self.assertIn("missing cmake", lines[-1])

    def test_install_hint_fits_the_user(self):
        with mock.patch("os.geteuid", return_value=0):
            self.assertEqual(deps.install_hint(["b", "a"]), "apt-get install a b")
        with mock.patch("os.geteuid", return_value=1000), mock.patch("shutil.which", return_value="/usr/bin/sudo"):
            self.assertEqual(deps.install_hint(["a"]), "sudo apt-get install a")
        with mock.patch("os.geteuid", return_value=1000), mock.patch("shutil.which", return_value=None):
            hint = deps.install_hint(["a"])
            self.assertTrue(hint.startswith("su -c 'apt-get install a'"), hint)
            self.assertIn("no sudo", hint)

    def test_make_is_required(self):
        """A bare Debian root has cmake's dependencies but no make: CMake then stops."""
        self.assertTrue(any(d.required and "make" in d.packages for d in deps.DEPENDENCIES))

    def test_missing_optional_is_only_a_note(self):
        lines = []
        self.assertTrue(deps.ensure(lines.append, [self.fake("c", False, False)], installer=lambda: None))
        self.assertIn("optional", lines[-1])

    def test_all_present(self):
        self.assertTrue(deps.ensure(print, [self.fake("d", True, True)], installer=lambda: None))


class CliTest(unittest.TestCase):
    def test_bad_arguments_exit_2(self):
        for argv in (["01", "02", "--classroom-output"], ["--self-test", "01"], ["--seed", "-3"], ["--nope"],
                     ["--submission", "/nonexistent"], ["--submission", ".", "--solutions"], ["--format", "moodle"]):
            with redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as caught:
                parse_args(argv)
            self.assertEqual(caught.exception.code, 2, argv)

    def test_no_cuda_compiler_skips_the_cuda_lab_and_still_grades(self):
        """Every hosted runner lacks nvcc: the CUDA lab is a skip with its reason, not a failure."""
        cuda = select_labs(["05"])[0]
        with mock.patch("grader.cli.prepare_tree", return_value={}), mock.patch("grader.cli.tampering", return_value={}), \
                mock.patch("grader.cli.cuda_compiler_present", return_value=False), \
                mock.patch("grader.cli.build.build_lab") as build_lab:
            result = grade_labs([cuda], "student", {}, log=lambda _: None)[0]
        build_lab.assert_not_called()
        self.assertTrue(result.gradable)
        self.assertEqual(result.status, "skipped")
        self.assertIn("no CUDA compiler", result.problem)
        table = console_table(summary_json([result], "student", {}))
        self.assertIn("skipped", table)
        self.assertIn("no CUDA compiler", table)

    def test_unknown_lab_is_a_clear_error(self):
        err = io.StringIO()
        with redirect_stderr(err):
            self.assertEqual(main(["99", "--no-install"]), 2)
        self.assertIn("no lab '99'", err.getvalue())


class PlottingTest(unittest.TestCase):
    def test_without_matplotlib_one_warning_and_no_crash(self):
        saved = {k: sys.modules.get(k) for k in ("matplotlib", "plots.speedups")}
        sys.modules["matplotlib"] = None  # makes "import matplotlib" raise ImportError
        sys.modules.pop("plots.speedups", None)
        lines = []
        try:
            with tempfile.TemporaryDirectory() as tmp:
                self.assertEqual(plotting.plot_results(sample(), Path(tmp), log=lines.append), [])
        finally:
            for k, v in saved.items():
                if v is None:
                    sys.modules.pop(k, None)
                else:
                    sys.modules[k] = v
        self.assertEqual(len(lines), 1)
        self.assertIn("warning", lines[0])

    @unittest.skipUnless(__import__("importlib").util.find_spec("matplotlib"), "matplotlib not installed")
    def test_with_matplotlib_writes_pngs(self):
        with tempfile.TemporaryDirectory() as tmp:
            paths = plotting.plot_results(sample(), Path(tmp), log=self.fail)
            self.assertEqual({p.name for p in paths}, {"scores.png", "01-demo-speedups.png"})
            for p in paths:
                self.assertTrue(p.read_bytes().startswith(b"\x89PNG"))


if __name__ == "__main__":
    unittest.main()
