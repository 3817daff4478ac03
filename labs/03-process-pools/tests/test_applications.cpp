#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

using namespace hpc::lab03;

TEST(Transfer, SharedMemoryCarriesTheChildsArray) {
  for (std::size_t count : {1u, 1000u, 1u << 20}) {
    SharedDoubles shared(count);
    produce_in_child_shared(shared);
    const auto values = shared.values();
    ASSERT_EQ(values.size(), count);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < count; ++i) wrong += values[i] != produced_value(i);
    EXPECT_EQ(wrong, 0u) << count;
  }
}

TEST(MonteCarlo, SameAsSerialWhateverThePoolSize) {
  register_lab_tasks();
  const std::uint64_t samples = 2'000'003, seed = hpc::test_seed();
  const auto expected = baseline::monte_carlo_pi(samples, seed, 16);
  for (std::size_t workers : {1u, 2u, 5u}) {
    ProcessPool pool(workers);
    const auto got = monte_carlo_pi(pool, samples, seed, 16);
    EXPECT_EQ(got.value, expected.value) << workers;
    EXPECT_EQ(got.standard_error, expected.standard_error) << workers;
  }
}

TEST(MonteCarlo, WithinFiveStandardErrors) {
  register_lab_tasks();
  ProcessPool pool(2);
  const auto estimate = monte_carlo_pi(pool, 4'000'000, hpc::test_seed() + 1, 8);
  EXPECT_NEAR(estimate.standard_error, 4 * std::sqrt(std::numbers::pi / 4 * (1 - std::numbers::pi / 4) / 4e6), 1e-5);
  EXPECT_NEAR(estimate.value, std::numbers::pi, 5 * estimate.standard_error);
}

TEST(GridSearch, IdenticalToTheSerialSearch) {
  register_lab_tasks();
  const std::vector<double> lambdas{0.0, 0.01, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 1000.0};
  const auto expected = baseline::grid_search(lambdas);
  ProcessPool pool(3);
  const auto got = grid_search(pool, lambdas);
  EXPECT_EQ(got.mean_errors, expected.mean_errors);
  EXPECT_EQ(got.best_lambda, expected.best_lambda);
  EXPECT_EQ(got.mean_errors.size(), lambdas.size());
}

}  // namespace
