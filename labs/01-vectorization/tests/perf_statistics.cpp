#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/remote.hpp"
#include "lab01_thresholds.hpp"

namespace {

namespace lab = hpc::lab01;

// The comparison of test_statistics (expect_summaries_close), as a verdict.
bool summaries_close(const lab::Summary& got, const lab::Summary& expected, double rtol) {
  return got.count == expected.count && std::abs(got.mean - expected.mean) <= rtol * (1 + std::abs(expected.mean)) &&
         std::abs(got.variance - expected.variance) <= rtol * expected.variance &&
         std::abs(got.skewness - expected.skewness) <= rtol * (1 + std::abs(expected.skewness)) &&
         std::abs(got.kurtosis - expected.kurtosis) <= rtol * (1 + std::abs(expected.kurtosis)) &&
         got.min == expected.min && got.max == expected.max;
}

// Memory-bound: one pass instead of two (and several threads streaming) is the whole gain.
TEST(StatisticsPerf, DescribeSpeedupOverTwoPasses) {
  auto data = hpc::random_doubles(4'000'000, hpc::test_seed());
  std::vector<double> baseline_data(data.size());
  auto got = lab::describe(data);
  auto expected = lab::baseline::describe(data);
  ASSERT_NEAR(got.variance, expected.variance, 1e-9 * expected.variance);
  ASSERT_NEAR(got.kurtosis, expected.kurtosis, 1e-9 * std::abs(expected.kurtosis));

  // Checked timing: new values in `data` before every pair (never seen before, not even in an
  // earlier attempt), and every timed call's summary compared with the baseline's.
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab01::targets::statistics_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { expected = lab::baseline::describe(baseline_data); }, [&] { got = lab::describe(data); },
        {.pairs = 7,
         .vary = [&](int) { hpc::refill_random(data, hpc::test_seed() + ++draw); },
         .same = [&] { return summaries_close(got, expected, 1e-9); },
         // Memory-bound: each side reads a copy made just before its call (the remote call
         // copies the candidate's), so that both find the same share of it in cache.
         .before_sample =
             [&](hpc::Side side) {
               if (side == hpc::Side::baseline) std::copy(data.begin(), data.end(), baseline_data.begin());
             }}));
  });
}

}  // namespace
