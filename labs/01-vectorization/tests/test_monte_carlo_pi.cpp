#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

using hpc::lab01::estimate_pi;

TEST(MonteCarloPi, OneThreadEqualsTheSerialBaseline) {
  const auto seed = hpc::test_seed();
  EXPECT_EQ(estimate_pi(100'003, seed, 1), hpc::lab01::baseline::estimate_pi(100'003, seed));
}

TEST(MonteCarloPi, ReproducibleForAFixedSeedAndThreadCount) {
  const auto seed = hpc::test_seed();
  for (int threads : {2, 3, 4, 7}) {
    EXPECT_EQ(estimate_pi(1'000'001, seed, threads), estimate_pi(1'000'001, seed, threads)) << threads;
  }
}

TEST(MonteCarloPi, StreamsFollowTheContract) {
  // Three threads: stream t draws samples*t/3 .. samples*(t+1)/3 points.
  const std::uint64_t samples = 100'000, seed = hpc::test_seed();
  std::uint64_t hits = 0;
  for (std::uint64_t t = 0; t < 3; ++t) {
    auto rng = hpc::lab01::Rng::stream(seed, t);
    hits += hpc::lab01::count_hits(rng, samples * (t + 1) / 3 - samples * t / 3);
  }
  EXPECT_EQ(estimate_pi(samples, seed, 3), 4.0 * static_cast<double>(hits) / static_cast<double>(samples));
}

TEST(MonteCarloPi, AccurateWithinFiveStandardErrors) {
  const std::uint64_t samples = 4'000'000;
  // Each sample is 4 * Bernoulli(pi / 4): variance pi (4 - pi).
  const double standard_error = std::sqrt(std::numbers::pi * (4 - std::numbers::pi) / static_cast<double>(samples));
  for (int threads : {1, 2, 8}) {
    EXPECT_NEAR(estimate_pi(samples, hpc::test_seed() + 1, threads), std::numbers::pi, 5 * standard_error) << threads;
  }
}

TEST(MonteCarloPi, RejectsBadArguments) {
  EXPECT_THROW(estimate_pi(0, 1, 1), std::invalid_argument);
  EXPECT_THROW(estimate_pi(10, 1, 0), std::invalid_argument);
}

}  // namespace
