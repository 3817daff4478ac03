"""plots/profiling_report.py: a report.json of known figures becomes report.md with the ridge point,
each kernel's bound and what to do about it, the scaling fit, a flame graph and a roofline plot;
sections that could not be measured are listed with their reason."""
import contextlib
import importlib.util
import io
import json
import tempfile
import unittest
from pathlib import Path

from grader.tests.test_flamegraph import FOLDED

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None

REPORT = {
    "cores": 4, "simd": "avx2", "quick": False,
    "profile": {"stacks": "stacks.txt", "trace": "trace.json"},
    "scaling": {"planted": 0.2, "fitted": 0.2, "points": [[1, 1.0], [2, 0.6], [4, 0.4]],
                "weak_points": [[1, 1.0], [2, 1.0], [4, 1.25]]},
    "roofline": {"peak_flops": 100e9, "peak_flops_one_core": 25e9, "bandwidth": 20e9,
                 "kernels": [{"name": "daxpy", "intensity": 1 / 12, "attainable": 20e9 / 12, "bound": "memory"},
                             {"name": "triad", "intensity": 1 / 12, "attainable": 20e9 / 12, "bound": "memory"},
                             {"name": "matmul", "intensity": 80.0, "attainable": 100e9, "bound": "compute"}]},
    "memory": {"samples": [[0.0, 1024, "etl"], [0.1, 4096, "etl;load"], [0.2, 2048, "etl"]], "peak_bytes": 4096,
               "allocations": 3, "frees": 1, "by_scope": [], "leaks": []},
    "errors": {"scaling_extra": "not implemented yet: amdahl_serial_fraction"},
}


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class ProfilingReportTest(unittest.TestCase):
    def test_the_report_derives_every_figure_and_recommendation(self):
        from plots import profiling_report
        from plots.layout import png_touches_border
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "stacks.txt").write_text(FOLDED)
            (folder / "report.json").write_text(json.dumps(REPORT))
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(profiling_report.main([tmp]), 0)
            text = (folder / "report.md").read_text()
            for png in ("flame", "memory", "scaling", "weak_scaling", "roofline"):
                self.assertFalse(png_touches_border(folder / f"{png}.png"), png)
                self.assertIn(f"![{png}]({png}.png)", text)
        self.assertIn("ridge point 5 flops/byte", text)
        self.assertIn("| daxpy | 0.0833 | 1.7 | memory-bound at 0.083 flops/byte (60x below the ridge)", text)
        self.assertIn("| matmul | 80 | 100.0 | compute-bound at 80 flops/byte", text)
        self.assertIn("your fit 0.200, the course's 0.200", text)
        self.assertIn("Parallel efficiency S(p)/p: 1.00 on 1, 0.83 on 2, 0.62 on 4.", text)
        # Weak scaling: f + (1 - f) p units of work in T(p): 1.8 on 2 in the same time, 3.4 / 1.25 on 4.
        self.assertIn("scaled speedup 1.00 on 1, 1.80 on 2, 2.72 on 4; Gustafson predicts 1.00, 1.80, 3.40.", text)
        self.assertIn("| `worker;task` | 35% | 35% |", text)
        self.assertIn("`worker;task` spends 35% of the profiled time in its own code: look there first", text)
        self.assertIn("the highest sample 0.0 MiB, in `etl;load`", text)
        self.assertIn("- scaling_extra: not measured: not implemented yet: amdahl_serial_fraction", text)

    def test_an_unreadable_report_gets_a_message_not_a_traceback(self):
        from plots import profiling_report
        with tempfile.TemporaryDirectory() as tmp:
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors):
                self.assertEqual(profiling_report.main([tmp]), 2)
            self.assertIn("cannot read", errors.getvalue())


if __name__ == "__main__":
    unittest.main()
