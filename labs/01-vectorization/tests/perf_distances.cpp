#include <gtest/gtest.h>
#include <omp.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/remote.hpp"
#include "lab01_thresholds.hpp"

namespace {

// Graded on one thread, like matmul: the lesson is the algebra and the vectorized inner loop.
// (With threads the kernel lasts under a millisecond, less than a scheduler time slice, and
// anything else running on the machine would decide the measurement.)
TEST(DistancesPerf, SpeedupOverThePairByPairLoopOnOneThread) {
  omp_set_num_threads(1);
  const std::size_t n = 1000, m = 1000, d = 32;
  auto x = hpc::random_doubles(n * d, hpc::test_seed());
  auto y = hpc::random_doubles(m * d, hpc::test_seed() + 1);
  hpc::remote::OutputArray<double> out(n * m);  // written where this test reads it: nothing copied back
  std::vector<double> expected(n * m);
  hpc::lab01::pairwise_distances(x, y, out, n, m, d);
  hpc::lab01::baseline::pairwise_distances(x, y, expected, n, m, d);
  ASSERT_TRUE(hpc::all_close(out, expected, 1e-9, 1e-6));

  // Checked timing: new points before every pair (never seen before, not even in an earlier
  // attempt), and every timed call's matrix checked. Each sample is one call (~5 ms): 7 pairs.
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab01::targets::distances_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { hpc::lab01::baseline::pairwise_distances(x, y, expected, n, m, d); },
        [&] { hpc::lab01::pairwise_distances(x, y, out, n, m, d); },
        {.pairs = 7,
         .vary =
             [&](int) {
               ++draw;
               hpc::refill_random(x, hpc::test_seed() + 2 * draw + 2);
               hpc::refill_random(y, hpc::test_seed() + 2 * draw + 3);
             },
         .same = [&] { return static_cast<bool>(hpc::all_close(out, expected, 1e-9, 1e-6)); }}));
  });
}

}  // namespace
