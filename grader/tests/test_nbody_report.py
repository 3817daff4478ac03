"""plots/nbody_report.py: fitted slopes and Amdahl's serial fraction on data of known shape; a
report.json becomes report.md with each figure against its target, the plots and the animation;
sections the program could not measure are listed with their reason."""
import contextlib
import importlib.util
import io
import json
import tempfile
import unittest
from pathlib import Path

from grader.tests.test_nbody_plots import write_run

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


def report(tree_slope: float, efficiency: float) -> dict:
    """A report.json whose figures are known: direct ~ n^2, tree ~ n^tree_slope, energy ~ dt^2,
    and 2 threads at `efficiency`."""
    return {
        "cores": 2, "simd": "avx2", "quick": False,
        "time_vs_n": {"direct": [[n, 1e-9 * n * n] for n in (4096, 16384, 65536)],
                      "tree": [[n, 1e-6 * n ** tree_slope] for n in (4096, 16384, 65536)]},
        "energy_vs_dt": {"system": "Kepler", "points": [[dt, 3 * dt * dt] for dt in (0.04, 0.02, 0.01)]},
        "theta_vs_error": {"n": 1024, "points": [[t, 1e-3 * t * t, 1e-2 * t * t, 0.01 / t] for t in (0.3, 0.5, 0.7)]},
        "strong_scaling": {"n": 1024, "points": [[1, 1.0], [2, 1 / (2 * efficiency)]]},
        "animation": {"folder": "run"},
        "errors": {"cells": "not implemented yet: close_pairs"},
    }


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class NbodyReportTest(unittest.TestCase):
    def test_fits_recover_what_the_data_was_made_with(self):
        from plots.fits import amdahl_serial_fraction, amdahl_speedup, loglog_slope
        self.assertAlmostEqual(loglog_slope([[n, 5 * n ** 1.2] for n in (10, 100, 1000)]), 1.2)
        times = [[p, 1 / amdahl_speedup(0.05, p)] for p in (1, 2, 4, 8)]
        self.assertAlmostEqual(amdahl_serial_fraction(times), 0.05)
        self.assertAlmostEqual(amdahl_serial_fraction([[1, 1.0], [2, 0.5]]), 0.0)

    def render(self, data: dict) -> tuple[str, Path]:
        from plots import nbody_report
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        folder = Path(tmp.name)
        (folder / "run").mkdir()
        write_run(folder / "run")
        (folder / "report.json").write_text(json.dumps(data))
        with contextlib.redirect_stdout(io.StringIO()):
            self.assertEqual(nbody_report.main([str(folder)]), 0)
        return (folder / "report.md").read_text(), folder

    def test_report_states_each_figure_against_its_target(self):
        from plots.layout import png_touches_border
        text, folder = self.render(report(tree_slope=1.1, efficiency=0.95))
        self.assertIn("| tree: time against n | n^1.10 | n^1.25 or less | met |", text)
        self.assertIn("| leapfrog: energy error against dt | dt^2.00 |", text)
        self.assertIn("| tree (theta 0.5) against the direct sum, n = 65536 |", text)
        self.assertIn("parallel efficiency on 2 threads | 0.95 | 0.9 or more | met |", text)
        self.assertIn("- cells: not measured: not implemented yet: close_pairs", text)
        for name in ("time_vs_n", "energy_vs_dt", "theta_vs_error", "strong_scaling"):
            self.assertFalse(png_touches_border(folder / f"{name}.png"), name)
            self.assertIn(f"![{name}]({name}.png)", text)
        self.assertTrue((folder / "run" / "nbody.gif").read_bytes().startswith(b"GIF8"))

    def test_a_missed_target_says_so(self):
        text, _ = self.render(report(tree_slope=1.5, efficiency=0.7))
        self.assertIn("| tree: time against n | n^1.50 | n^1.25 or less | **not met** |", text)
        self.assertIn("| 0.70 | 0.9 or more | **not met** |", text)

    def test_an_unreadable_report_gets_a_message_not_a_traceback(self):
        from plots import nbody_report
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "report.json").write_text("{not json")
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors):
                self.assertEqual(nbody_report.main([tmp]), 2)
                self.assertEqual(nbody_report.main([]), 2)
            self.assertIn("cannot read", errors.getvalue())


if __name__ == "__main__":
    unittest.main()
