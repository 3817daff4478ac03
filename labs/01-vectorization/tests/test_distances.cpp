#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"

namespace {

using hpc::lab01::pairwise_distances;

class DistanceShape : public ::testing::TestWithParam<std::tuple<std::size_t, std::size_t, std::size_t>> {};

TEST_P(DistanceShape, MatchesThePairByPairDefinition) {
  const auto [n, m, d] = GetParam();
  const auto seed = hpc::test_seed() + n * 1000 + m * 10 + d;
  const auto x = hpc::random_doubles(n * d, seed, -10, 10);
  const auto y = hpc::random_doubles(m * d, seed + 1, -10, 10);
  std::vector<double> out(n * m, -1.0), expected(n * m);
  pairwise_distances(x, y, out, n, m, d);
  hpc::lab01::baseline::pairwise_distances(x, y, expected, n, m, d);
  // The expansion loses digits to cancellation for close points: tolerate an absolute error
  // that is a tiny fraction of the data's scale (|x| ~ 10 sqrt(d)).
  EXPECT_TRUE(hpc::all_close(out, expected, 1e-9, 1e-5));
}

INSTANTIATE_TEST_SUITE_P(Shapes, DistanceShape,
                         ::testing::Values(std::make_tuple(1, 1, 1), std::make_tuple(1, 7, 3),
                                           std::make_tuple(13, 1, 5), std::make_tuple(31, 29, 17),
                                           std::make_tuple(100, 513, 8), std::make_tuple(257, 130, 64),
                                           std::make_tuple(64, 1031, 3)));

TEST(Distances, IdenticalPointsAreExactlyZeroApart) {
  const std::size_t n = 50, d = 16;
  const auto x = hpc::random_doubles(n * d, hpc::test_seed(), -100, 100);
  std::vector<double> out(n * n);
  pairwise_distances(x, x, out, n, n, d);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_GE(out[i * n + i], 0.0) << "a negative squared distance reached sqrt: clamp at zero";
    EXPECT_NEAR(out[i * n + i], 0.0, 1e-4);
  }
}

}  // namespace
