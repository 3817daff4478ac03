#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab04/monte_carlo.hpp"
#include "lab04/vector_ops.hpp"
#include "lab04_testing.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

TEST(MonteCarlo, EqualsTheSerialEstimateExactly) {
  const std::uint64_t seed = hpc::test_seed();
  // A sample count that leaves the last chunk short, and one smaller than a chunk.
  for (const std::uint64_t samples : {std::uint64_t{3'000'017}, std::uint64_t{1000}}) {
    const double estimate = distributed_pi(MPI_COMM_WORLD, samples, seed);
    if (world_rank() == 0) {
      EXPECT_EQ(estimate, baseline::serial_pi(samples, seed)) << samples << " samples";
    }
  }
}

TEST(MonteCarlo, TheNumberOfRanksDoesNotChangeTheEstimate) {
  const std::uint64_t samples = 1'000'003, seed = hpc::test_seed() + 1;
  const double alone = distributed_pi(MPI_COMM_SELF, samples, seed);
  const double together = distributed_pi(MPI_COMM_WORLD, samples, seed);
  if (world_rank() == 0) {
    EXPECT_EQ(alone, together);
  }
}

TEST(MonteCarlo, IsAccurate) {
  const double estimate = distributed_pi(MPI_COMM_WORLD, 4'000'000, hpc::test_seed() + 2);
  if (world_rank() == 0) {
    EXPECT_NEAR(estimate, std::numbers::pi, 0.005);  // about 6 standard errors
  }
}

std::vector<double> full_vector(std::uint64_t n) { return hpc::random_doubles(n, hpc::test_seed()); }

TEST(VectorOps, ScatterThenGatherGivesTheVectorBack) {
  const int rank = world_rank(), size = world_size();
  for (const std::uint64_t n : {std::uint64_t{1001}, std::uint64_t{2}, std::uint64_t{0}}) {
    const auto full = full_vector(n);
    const auto local = scatter_blocks(MPI_COMM_WORLD, rank == 0 ? full : std::vector<double>{}, n);
    const Block block = block_of(n, size, rank);
    // Agreed by every rank before the gather, so a wrong size on one rank cannot hang the others.
    ASSERT_TRUE(on_every_rank(local.size() == block.size())) << "n = " << n << ": a rank's block has the wrong size";
    EXPECT_EQ(local, std::vector<double>(full.begin() + static_cast<std::ptrdiff_t>(block.begin),
                                         full.begin() + static_cast<std::ptrdiff_t>(block.end)));
    const auto gathered = gather_blocks(MPI_COMM_WORLD, local, n);
    EXPECT_EQ(gathered, rank == 0 ? full : std::vector<double>{}) << "n = " << n;
  }
}

TEST(VectorOps, DotAndNormAreKnownOnEveryRank) {
  const std::uint64_t n = 100'003;
  const auto x = hpc::random_doubles(n, hpc::test_seed() + 3), y = hpc::random_doubles(n, hpc::test_seed() + 4);
  double dot = 0, squares = 0;
  for (std::size_t i = 0; i < n; ++i) {
    dot += x[i] * y[i];
    squares += x[i] * x[i];
  }
  const Block block = block_of(n, world_size(), world_rank());
  const auto begin = static_cast<std::ptrdiff_t>(block.begin), end = static_cast<std::ptrdiff_t>(block.end);
  const std::vector<double> x_local(x.begin() + begin, x.begin() + end), y_local(y.begin() + begin, y.begin() + end);
  EXPECT_NEAR(distributed_dot(MPI_COMM_WORLD, x_local, y_local), dot, 1e-9 * n);
  EXPECT_NEAR(distributed_norm(MPI_COMM_WORLD, x_local), std::sqrt(squares), 1e-9 * n);
}

}  // namespace
