#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/machine.hpp"
#include "hpc/perf_test.hpp"
#include "lab03_thresholds.hpp"

namespace {

using namespace hpc::lab03;

TEST(MonteCarloPerf, ParallelEfficiency) {
  register_lab_tasks();
  const std::uint64_t samples = 40'000'000, seed = 11, chunks = 32;
  ProcessPool pool(static_cast<std::size_t>(std::max(2, hpc::usable_cores())));
  ASSERT_EQ(monte_carlo_pi(pool, samples / 10, seed, chunks).value, baseline::monte_carlo_pi(samples / 10, seed, chunks).value);
  hpc::expect_speedup_at_least(targets::monte_carlo_efficiency, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { baseline::monte_carlo_pi(samples, seed, chunks); },
                                 [&] { monte_carlo_pi(pool, samples, seed, chunks); }, {.pairs = 5}),
        static_cast<int>(pool.size()));
  });
}

}  // namespace
