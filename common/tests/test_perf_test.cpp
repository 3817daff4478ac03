#include "hpc/perf_test.hpp"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "hpc/machine.hpp"

namespace {

constexpr hpc::PerfTarget kSpeedup{"toy_speedup", "speedup", 2.0, 4.0};
constexpr hpc::PerfTarget kEfficiency{"toy_efficiency", "efficiency", 0.6, 0.8};

hpc::Measurement with_speedup(double speedup, int threads = 1) {
  hpc::Measurement m;
  m.speedup = speedup;
  m.threads = threads;
  return m;
}

TEST(ExpectSpeedup, PassesAndStopsAtTheTopStep) {
  int calls = 0;
  hpc::expect_speedup_at_least(kSpeedup, [&] { ++calls; return with_speedup(5.0); });
  EXPECT_EQ(calls, 1);
}

TEST(ExpectSpeedup, RetriesBelowTheTopStepAndKeepsTheBest) {
  int calls = 0;
  hpc::expect_speedup_at_least(kSpeedup, [&] { ++calls; return with_speedup(calls == 2 ? 3.0 : 2.5); });
  EXPECT_EQ(calls, hpc::kMaxPerfAttempts);
}

TEST(ExpectSpeedup, FailsWithMeasuredAndRequired) {
  int calls = 0;
  EXPECT_NONFATAL_FAILURE(
      hpc::expect_speedup_at_least(kSpeedup, [&] { ++calls; return with_speedup(1.5); }),
      "required: speedup >= 2");
  EXPECT_EQ(calls, hpc::kMaxPerfAttempts);
}

TEST(ExpectSpeedup, EfficiencyDividesByTheCoresActuallyAvailable) {
  const int cores = hpc::usable_cores();
  // 64 threads on this machine can only be credited for the cores present.
  const auto m = with_speedup(0.7 * cores, 64);
  EXPECT_NEAR(hpc::metric_value(kEfficiency, m), 0.7, 1e-12);
  hpc::expect_speedup_at_least(kEfficiency, [&] { return m; });
}

TEST(ExpectSpeedup, EfficiencyCountsOnlyTheParallelismMeasuredNow) {
  auto m = with_speedup(1.2, 64);
  m.parallelism = 1.25;  // e.g. another process keeps one of two cores busy
  if (hpc::usable_cores() >= 2) {
    EXPECT_NEAR(hpc::parallel_denominator(m), 1.25, 1e-12);
    EXPECT_NEAR(hpc::metric_value(kEfficiency, m), 1.2 / 1.25, 1e-12);
  }
  m.parallelism = 1000;  // never more than threads and cores
  EXPECT_EQ(hpc::parallel_denominator(m), hpc::effective_parallelism(64));
  m.parallelism = 0.3;  // never below one core
  EXPECT_EQ(hpc::parallel_denominator(m), 1.0);
}

TEST(ExpectSpeedup, ConcurrencyDividesByThreadsWhateverTheCores) {
  constexpr hpc::PerfTarget kConcurrency{"io", "concurrency", 0.7, 0.8};
  EXPECT_NEAR(hpc::metric_value(kConcurrency, with_speedup(6.0, 8)), 0.75, 1e-12);
}

TEST(ExpectSpeedup, UnknownMetricIsAnError) {
  constexpr hpc::PerfTarget bad{"bad", "gflops", 1, 2};
  EXPECT_THROW(hpc::metric_value(bad, with_speedup(1)), std::invalid_argument);
}

}  // namespace
