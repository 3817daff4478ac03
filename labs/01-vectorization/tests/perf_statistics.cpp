#include <gtest/gtest.h>

#include <cmath>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab01_thresholds.hpp"

namespace {

// Memory-bound: one pass instead of two (and several threads streaming) is the whole gain.
TEST(StatisticsPerf, DescribeSpeedupOverTwoPasses) {
  const auto data = hpc::random_doubles(4'000'000, hpc::test_seed());
  const auto got = hpc::lab01::describe(data);
  const auto expected = hpc::lab01::baseline::describe(data);
  ASSERT_NEAR(got.variance, expected.variance, 1e-9 * expected.variance);
  ASSERT_NEAR(got.kurtosis, expected.kurtosis, 1e-9 * std::abs(expected.kurtosis));

  volatile double sink = 0;
  hpc::expect_speedup_at_least(hpc::lab01::targets::statistics_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved([&] { sink = hpc::lab01::baseline::describe(data).kurtosis; },
                                                         [&] { sink = hpc::lab01::describe(data).kurtosis; }, {.pairs = 7}));
  });
}

}  // namespace
