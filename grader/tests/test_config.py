import tempfile
import textwrap
import unittest
from pathlib import Path

from grader.config import ConfigError, load_lab

VALID = """
[lab]
title = "Demo"
timeout = 5

[[unit]]
id = "kernel"
binary = "test_kernel"
filter = "*"
points = 2

[[perf]]
id = "kernel_speedup"
binary = "perf_kernel"
filter = "*"
requires = ["kernel"]
metric = "efficiency"
steps = [{ at = 0.5, points = 1 }, { at = 0.8, points = 3 }]
timeout = 30
"""


def load(text: str):
    with tempfile.TemporaryDirectory() as tmp:
        lab = Path(tmp) / "07-demo"
        lab.mkdir()
        (lab / "grading.toml").write_text(textwrap.dedent(text))
        return load_lab(lab)


class ConfigTest(unittest.TestCase):
    def test_valid_config(self):
        lab = load(VALID)
        self.assertEqual(lab.number, "07")
        self.assertEqual(lab.max_points, 5)
        perf = lab.item("kernel_speedup")
        self.assertEqual(perf.metric, "efficiency")
        self.assertEqual(perf.limits.timeout_s, 30)
        self.assertEqual(lab.item("kernel").limits.timeout_s, 5, "lab default applies")

    def test_every_metric_the_perf_tests_know_is_accepted(self):
        for metric in ("speedup", "efficiency", "parallel_speedup", "concurrency", "fraction"):
            self.assertEqual(load(VALID.replace('metric = "efficiency"', f'metric = "{metric}"'))
                             .item("kernel_speedup").metric, metric)
        self.assertRejected(VALID.replace('metric = "efficiency"', 'metric = "gflops"'), "metric 'gflops'")

    def test_step_table(self):
        perf = load(VALID).item("kernel_speedup")
        self.assertEqual(perf.points_for(0.49), 0)
        self.assertEqual(perf.points_for(0.5), 1)
        self.assertEqual(perf.points_for(0.79), 1)
        self.assertEqual(perf.points_for(2.0), 3)

    def assertRejected(self, text: str, fragment: str):
        with self.assertRaises(ConfigError) as caught:
            load(text)
        self.assertIn(fragment, str(caught.exception))

    def test_step_feedback_says_how_far_the_next_step_is(self):
        item = load(VALID).item("kernel_speedup")  # steps 0.5 -> 1, 0.8 -> 3
        self.assertEqual(item.step_feedback(0.4), "below the first step; next: >= 0.5 -> 1 pt, 1.2x your value")
        self.assertEqual(item.step_feedback(0.6), "step 1 of 2 reached (>= 0.5 -> 1 pt); next: >= 0.8 -> 3 pt, 1.3x your value")
        self.assertEqual(item.step_feedback(0.9), "top step reached (>= 0.8 -> 3 pt)")

    def test_errors_name_the_problem(self):
        self.assertRejected("[lab]\ntitle = 'x'\n", "nothing to grade")
        self.assertRejected("[lab\n", "not valid TOML")
        self.assertRejected(VALID.replace('metric = "efficiency"', 'metric = "gflops"'), "metric 'gflops'")
        self.assertRejected(VALID.replace('requires = ["kernel"]', 'requires = ["nope"]'), "unknown unit id")
        self.assertRejected(VALID.replace("at = 0.8, points = 3", "at = 0.4, points = 3"), "must rise")
        self.assertRejected(VALID.replace("points = 2", "points = -1"), "positive")
        # Classroom 50 and Autolab record whole points only.
        self.assertRejected(VALID.replace("points = 2", "points = 1.5"), "'points' must be int")
        self.assertRejected(VALID.replace("at = 0.8, points = 3", "at = 0.8, points = 2.5"), "'points' must be int")
        self.assertRejected(VALID.replace('binary = "test_kernel"\n', ""), "missing 'binary'")
        self.assertRejected(VALID.replace('id = "kernel_speedup"', 'id = "kernel"'), "duplicate id")
        self.assertRejected(VALID.replace("timeout = 5", "timeout = 0"), "'timeout' must be positive")
        self.assertRejected(VALID + "\n[extra]\n", "unknown section")
        self.assertRejected(VALID.replace('id = "kernel"', 'id = "Kernel-1"', 1), "lower_snake_case")

    def test_report_and_gpu_items(self):
        lab = load(VALID + '\n[report]\nprogram = "report_kernel"\nrenderer = "plots.kernel_report"\n')
        self.assertEqual((lab.report.program, lab.report.renderer), ("report_kernel", "plots.kernel_report"))
        self.assertIsNone(load(VALID).report)
        self.assertTrue(load(VALID.replace("points = 2", "points = 2\ngpu = true", 1)).items[0].gpu)
        self.assertRejected(VALID + '\n[report]\nprogram = "../x"\nrenderer = "plots.r"\n', "a module of plots/")
        self.assertRejected(VALID + '\n[report]\nprogram = "r"\nrenderer = "os"\n', "a module of plots/")
        self.assertRejected(VALID + '\n[report]\nprogram = "r"\n', "missing 'renderer'")
        self.assertRejected(VALID.replace("points = 2", "points = 2\ngpu = 1", 1), "'gpu' must be true or false")

    def test_flops_and_bytes_per_call(self):
        work = "\nflops = 2_000_000\nbytes = 0\n"
        item = load(VALID + work).item("kernel_speedup")
        self.assertEqual((item.flops, item.bytes), (2e6, 0.0))
        self.assertIsNone(load(VALID).item("kernel_speedup").flops)
        self.assertRejected(VALID + "\nflops = 1e6\n", "'flops' needs 'bytes' too")
        self.assertRejected(VALID + "\nbytes = 8\n", "'bytes' needs 'flops' too")
        self.assertRejected(VALID + "\nflops = 0\nbytes = 8\n", "'flops' must be a number > 0")
        self.assertRejected(VALID + "\nflops = 1e6\nbytes = -8\n", "'bytes' must be a number >= 0")
        self.assertRejected(VALID + '\nflops = "2 n^3"\nbytes = 8\n', "'flops' must be a number > 0")
        self.assertRejected(VALID + "\nflops = true\nbytes = 8\n", "'flops' must be a number > 0")
        self.assertRejected(VALID + "\nflops = inf\nbytes = 8\n", "'flops' must be a number > 0")
        self.assertRejected(VALID + "\nflops = 1e6\nbytes = nan\n", "'bytes' must be a number >= 0")

    def test_programs_a_test_runs(self):
        item = load(VALID + '\nprograms = ["log_analytics_slow", "helper-2"]\n').item("kernel_speedup")
        self.assertEqual(item.programs, ("log_analytics_slow", "helper-2"))
        self.assertEqual(load(VALID).item("kernel_speedup").programs, ())
        for bad in ('"log_analytics_slow"', '["../runner"]', '["bin/x"]', '[""]', '[3]'):
            self.assertRejected(VALID + f"\nprograms = {bad}\n", "'programs' must be a list of program names")

    def test_course_perf_items_declare_their_exact_work(self):
        """The analytic counts in Labs 01 and 07 at their perf tests' sizes (tests/perf_*.cpp)."""
        from grader.labs import select_labs
        edge_taps = sum(1 for i in range(1024) for u in range(7) if 0 <= i + 3 - u < 1024)  # same mode, 7 taps
        want = {
            "01-vectorization": {
                "matmul_speedup": (2 * 1024 ** 3, 8 * 3 * 1024 ** 2),
                "distances_speedup": (1000 * 1000 * (3 * 32 + 1), 8 * (2 * 1000 * 32 + 1000 * 1000)),
                "monte_carlo_pi_efficiency": (5 * 20_000_000, 0),
                "statistics_speedup": (8 * 4_000_000, 8 * 4_000_000),
                "convolution_speedup": (2 * edge_taps ** 2, 8 * (2 * 1024 * 1024 + 49)),
            },
            "07-nbody": {
                "direct_speedup": (19 * 4096 * 4095, 8 * 7 * 4096),
                "direct_parallel_speedup": (19 * 8192 * 8191, 8 * 7 * 8192),
            },
        }
        for lab in select_labs(["01", "07"]):
            declared = {item.id: (item.flops, item.bytes) for item in lab.items
                        if item.kind == "perf" and item.flops is not None}
            self.assertEqual(declared, want[lab.name], lab.name)

    def test_missing_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaises(ConfigError):
                load_lab(Path(tmp))

    def test_every_lab_of_the_course_loads(self):
        from grader.labs import select_labs
        labs = select_labs([])
        self.assertTrue(labs)
        for lab in labs:
            self.assertGreater(lab.max_points, 0, lab.name)


if __name__ == "__main__":
    unittest.main()
