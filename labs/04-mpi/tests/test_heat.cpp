#include <gtest/gtest.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab04/heat.hpp"
#include "lab04_testing.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

std::vector<double> block_of_rod(const std::vector<double>& rod, MPI_Comm comm) {
  const Block block = block_of(rod.size(), size_of(comm), rank_of(comm));
  return {rod.begin() + static_cast<std::ptrdiff_t>(block.begin), rod.begin() + static_cast<std::ptrdiff_t>(block.end)};
}

// The distributed result, block by block, must equal the serial solver's to the last bit.
void expect_identical_to_serial(std::size_t n, int steps, MPI_Comm comm = MPI_COMM_WORLD) {
  const auto rod = hpc::random_doubles(n, hpc::test_seed() + n, 0.0, 100.0);
  const double alpha = 0.25;
  const auto expected = block_of_rod(baseline::heat_diffusion(rod, alpha, steps), comm);
  const auto actual = heat_diffusion(comm, block_of_rod(rod, comm), alpha, steps);
  EXPECT_EQ(actual, expected) << n << " cells, " << steps << " steps, rank " << rank_of(comm) << " of "
                              << size_of(comm);
}

TEST(Heat, IdenticalToTheSerialSolver) { expect_identical_to_serial(10'007, 300); }

TEST(Heat, OneCellBlocksAndUnevenBlocks) {
  // One more cell than ranks: every block but the first has a single cell.
  expect_identical_to_serial(static_cast<std::size_t>(world_size()) + 1, 50);
  expect_identical_to_serial(static_cast<std::size_t>(world_size()) * 3 + 2, 50);
}

TEST(Heat, OneRankAlone) { expect_identical_to_serial(1000, 100, MPI_COMM_SELF); }

TEST(Heat, ZeroStepsChangeNothing) { expect_identical_to_serial(100, 0); }

TEST(Heat, TheEndsStayFixedAndHeatSpreads) {
  // A hot left end: after enough steps heat has reached the far half of the rod.
  const std::size_t n = 64;
  std::vector<double> rod(n, 0.0);
  rod[0] = 100.0;
  const auto after = heat_diffusion(MPI_COMM_WORLD, block_of_rod(rod, MPI_COMM_WORLD), 0.4, 4000);
  const Block block = block_of(n, world_size(), world_rank());
  if (block.begin == 0) {
    EXPECT_EQ(after.front(), 100.0);
  }
  if (block.end == n) {
    EXPECT_EQ(after.back(), 0.0);
  }
  if (block.begin <= n / 2 && n / 2 < block.end) {
    EXPECT_GT(after[n / 2 - block.begin], 1.0);
  }
}

}  // namespace
