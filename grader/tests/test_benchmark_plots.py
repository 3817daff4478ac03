"""plots/benchmarks.py: which runs become which curve, on which axis, in which unit."""
import importlib.util
import unittest

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None

RUNS = [
    {"name": "BM_PingPong/bytes:8/iterations:20/manual_time", "real_time": 450.0, "time_unit": "ns"},
    {"name": "BM_PingPong/bytes:64/iterations:20/manual_time", "real_time": 540.0, "time_unit": "ns"},
    {"name": "BM_Heat/ranks:1/iterations:5/manual_time", "real_time": 11.0, "time_unit": "ms"},
    {"name": "BM_Heat/ranks:2/iterations:5/manual_time", "real_time": 4.5, "time_unit": "ms"},
    {"name": "BM_Heat/ranks:4/iterations:5/manual_time", "error_occurred": True, "real_time": 0, "time_unit": "ms"},
    {"name": "BM_Matmul/512/2", "real_time": 3.0, "time_unit": "ms"},
]


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class BenchmarkSeriesTest(unittest.TestCase):
    def test_named_arguments_get_their_own_axis_and_errors_are_dropped(self):
        from plots.benchmarks import UNNAMED, _seconds, series
        by_axis = series(RUNS, _seconds)
        self.assertEqual(set(by_axis), {"bytes", "ranks", UNNAMED})
        heat = by_axis["ranks"]["BM_Heat/iterations:5/manual_time"]
        self.assertEqual([x for x, _ in heat], [1.0, 2.0])  # the 4-rank run reported an error
        self.assertAlmostEqual(heat[1][1], 0.0045)            # milliseconds became seconds
        self.assertAlmostEqual(by_axis["bytes"]["BM_PingPong/iterations:20/manual_time"][0][1], 450e-9)
        self.assertIn("BM_Matmul/arg=2", by_axis[UNNAMED])   # a second unnamed argument names the curve


if __name__ == "__main__":
    unittest.main()
