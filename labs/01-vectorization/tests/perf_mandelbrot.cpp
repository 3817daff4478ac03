#include <gtest/gtest.h>
#include <omp.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/perf_test.hpp"
#include "lab01_thresholds.hpp"

namespace {

// Parallel efficiency: speedup / min(threads, cores), so the same target holds on 2 or 64 cores.
TEST(MandelbrotPerf, ParallelEfficiency) {
  const hpc::lab01::MandelbrotGrid grid{.width = 640, .height = 480, .max_iterations = 500};
  std::vector<int> got(grid.width * grid.height), expected(got.size());
  hpc::lab01::mandelbrot(grid, got);
  hpc::lab01::baseline::mandelbrot(grid, expected);
  ASSERT_EQ(got, expected);

  const int threads = omp_get_max_threads();
  hpc::expect_speedup_at_least(hpc::lab01::targets::mandelbrot_efficiency, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved([&] { hpc::lab01::baseline::mandelbrot(grid, expected); },
                                                         [&] { hpc::lab01::mandelbrot(grid, got); }, {.pairs = 7}),
                                threads);
  });
}

}  // namespace
