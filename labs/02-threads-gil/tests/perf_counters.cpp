#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/machine.hpp"
#include "hpc/perf_test.hpp"
#include "lab02_thresholds.hpp"

namespace {

using namespace hpc::lab02;

// Per-thread partial sums against one shared atomic: sharing nothing beats contending.
TEST(CountersPerf, PartialSumsAgainstASharedAtomic) {
  const int threads = std::max(2, hpc::usable_cores());
  const std::int64_t increments = 2'000'000;
  ASSERT_EQ(count_with_partial_sums(threads, increments), threads * increments);
  volatile std::int64_t sink = 0;
  hpc::expect_speedup_at_least(targets::partial_sums_speedup, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { sink = count_with_atomic(threads, increments); },
                                 [&] { sink = count_with_partial_sums(threads, increments); }, {.pairs = 5}),
        threads);
  });
}

}  // namespace
