"""plots/flamegraph.py: folded stacks become boxes whose widths are inclusive weights, children
inside their caller, siblings by name; a malformed line gets a message and exit code 2."""
import contextlib
import importlib.util
import io
import tempfile
import unittest
from pathlib import Path

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None

FOLDED = """main 100
main;step 30
main;step;compute 120
main;load 80
main;step;exchange 30
worker;task 200
worker 5
"""


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class FlameGraphTest(unittest.TestCase):
    def test_widths_are_inclusive_weights_and_children_sit_inside_their_caller(self):
        from plots.flamegraph import boxes, parse
        placed = {b.name: b for b in boxes(parse(FOLDED))}
        self.assertEqual(placed["main"].width, 100 + 30 + 120 + 80 + 30)
        self.assertEqual(placed["step"].width, 180)
        self.assertEqual(placed["worker"].width, 205)
        self.assertEqual((placed["main"].depth, placed["step"].depth, placed["compute"].depth), (0, 1, 2))
        # siblings sorted by name: load before step, compute before exchange
        self.assertEqual(placed["load"].x, placed["main"].x)
        self.assertEqual(placed["step"].x, placed["load"].x + 80)
        self.assertEqual(placed["exchange"].x, placed["compute"].x + 120)
        for child, parent in (("step", "main"), ("compute", "step"), ("task", "worker")):
            self.assertGreaterEqual(placed[child].x, placed[parent].x)
            self.assertLessEqual(placed[child].x + placed[child].width, placed[parent].x + placed[parent].width)

    def test_repeated_paths_add_up(self):
        from plots.flamegraph import parse
        self.assertEqual(parse("a;b 2\na;b 3\n").children["a"].children["b"].own, 5)

    def test_renders_a_png_without_clipped_text(self):
        from plots.flamegraph import main
        from plots.layout import png_touches_border
        with tempfile.TemporaryDirectory() as tmp:
            folded, png = Path(tmp) / "stacks.txt", Path(tmp) / "flame.png"
            folded.write_text(FOLDED)
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(main([str(folded), str(png)]), 0)
            self.assertTrue(png.read_bytes().startswith(b"\x89PNG"))
            self.assertFalse(png_touches_border(png))

    def test_bad_input_gets_a_message_not_a_traceback(self):
        from plots.flamegraph import main
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp) / "bad.txt"
            bad.write_text("main;step twelve\n")
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors):
                self.assertEqual(main([str(bad), str(Path(tmp) / "x.png")]), 2)
                self.assertEqual(main([str(Path(tmp) / "missing.txt"), str(Path(tmp) / "x.png")]), 2)
                self.assertEqual(main([]), 2)
            self.assertIn("line 1", errors.getvalue())



class HotPathsTest(unittest.TestCase):
    def test_the_paths_with_most_time_of_their_own_come_first(self):
        from plots.flamegraph import hot_paths, parse
        hot = hot_paths(parse(FOLDED), 3)  # 565 in all
        self.assertEqual([path for path, _, _ in hot], ["worker;task", "main;step;compute", "main"])
        self.assertAlmostEqual(hot[0][1], 200 / 565)
        self.assertAlmostEqual(hot[2][2], (100 + 30 + 120 + 80 + 30) / 565)
        self.assertEqual(hot_paths(parse(""), 5), [])

if __name__ == "__main__":
    unittest.main()
