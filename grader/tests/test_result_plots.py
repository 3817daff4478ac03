"""plots/speedups.py: points per lab as bars, each perf item against its whole step table, and no
text cut off at the figure's edge (checked on the figure and on the saved PNG)."""
import importlib.util
import tempfile
import unittest
from pathlib import Path

from grader.tests.test_platforms import lab

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class ResultPlotsTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def test_every_plot_fits_its_figure(self):
        from plots.layout import png_touches_border
        from plots.speedups import plot_results
        results = lab("failing")
        results["labs"][0]["tests"][1]["steps"] = [[2, 1], [4, 3], [8, 5]]
        results["labs"][0]["tests"][1]["name"] = "a perf item whose name is long enough to need the whole width: speedup"
        results["labs"] += lab("unbuildable")["labs"]
        paths = plot_results(results, self.tmp)
        self.assertEqual([p.name for p in paths], ["scores.png", "01-demo-speedups.png"])
        for path in paths:
            self.assertFalse(png_touches_border(path), path.name)

    def test_a_clipped_text_is_caught(self):
        import matplotlib.pyplot as plt
        from plots.layout import ClippedText, png_touches_border, save
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.text(1.3, 0.5, "a label far outside the axes", transform=ax.transAxes)
        with self.assertRaises(ClippedText):
            save(fig, self.tmp / "clipped.png")
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.text(0.9, 0.5, "cut at the edge", transform=ax.transAxes)
        fig.savefig(self.tmp / "raw.png")  # saved without save(): the PNG check still sees the ink
        plt.close(fig)
        self.assertTrue(png_touches_border(self.tmp / "raw.png"))


if __name__ == "__main__":
    unittest.main()
