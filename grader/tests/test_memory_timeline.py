"""plots/memory_timeline.py and the report's memory section: the peak is found where the heap was
highest, the leak report's shares add up from the tracker's figures, and bad input is a message."""
import contextlib
import importlib.util
import io
import json
import tempfile
import unittest
from pathlib import Path

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None

MIB = 1024 * 1024
SAMPLES = [[0.001, 1 * MIB, "etl;load"], [0.002, 2 * MIB, "etl;load"], [0.003, 4 * MIB, "etl;transform"],
           [0.004, 3 * MIB, "etl;transform"], [0.005, 3 * MIB, ""], [0.006, 1 * MIB, "etl;aggregate"]]
MEMORY = {"samples": SAMPLES, "peak_bytes": 4 * MIB, "allocations": 12, "frees": 9,
          "by_scope": [], "leaks": [{"path": "etl;cache", "allocations": 2, "bytes": 3 * MIB // 4},
                                    {"path": "", "allocations": 1, "bytes": MIB // 4}]}


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class MemoryTimelineTest(unittest.TestCase):
    def test_the_peak_is_the_first_highest_sample(self):
        from plots.memory_timeline import peak_sample
        self.assertEqual(peak_sample(SAMPLES), [0.003, 4 * MIB, "etl;transform"])
        self.assertEqual(peak_sample([[0, 5, "a"], [1, 5, "b"]])[2], "a")

    def test_no_samples_is_an_error_not_a_plot(self):
        from plots.memory_timeline import TimelineError, peak_sample
        with self.assertRaises(TimelineError):
            peak_sample([])

    def test_the_plot_fits_its_frame(self):
        from plots.layout import png_touches_border
        from plots.memory_timeline import timeline_plot
        with tempfile.TemporaryDirectory() as tmp:
            path = timeline_plot(SAMPLES, Path(tmp) / "memory.png")
            self.assertTrue(path.is_file())
            self.assertFalse(png_touches_border(path))

    def test_the_report_states_peak_phase_and_leak_shares(self):
        from plots.profiling_report import memory_lines
        text = "\n".join(memory_lines(MEMORY))
        self.assertIn("12 allocations, 9 frees. Peak 4.0 MiB", text)
        self.assertIn("in `etl;transform`: the phase to slim first", text)
        self.assertIn("Leak report: 1.00 MiB never freed.", text)
        self.assertIn("| `etl;cache` | 2 | 786432 | 75% |", text)
        self.assertIn("| `(no scope)` | 1 | 262144 | 25% |", text)
        self.assertIn("Free what `etl;cache` allocates", text)
        self.assertIn("no leak", "\n".join(memory_lines({**MEMORY, "leaks": []})))

    def test_the_command_line_says_what_is_wrong(self):
        from plots import memory_timeline
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.json"
            report.write_text(json.dumps({"profile": {}}))
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors):
                self.assertEqual(memory_timeline.main([str(report), str(Path(tmp) / "m.png")]), 2)
            self.assertIn("memory", errors.getvalue())
            report.write_text(json.dumps({"memory": MEMORY}))
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(memory_timeline.main([str(report), str(Path(tmp) / "m.png")]), 0)


if __name__ == "__main__":
    unittest.main()
