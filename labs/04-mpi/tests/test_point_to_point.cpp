#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "lab04/point_to_point.hpp"
#include "lab04_testing.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

std::vector<double> values_of(int rank, std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = rank * 1e6 + static_cast<double>(i);
  return v;
}

TEST(RingShift, EveryRankGetsItsLeftNeighboursValues) {
  const int rank = world_rank(), size = world_size();
  const auto received = ring_shift(MPI_COMM_WORLD, values_of(rank, 5));
  EXPECT_EQ(received, values_of((rank + size - 1) % size, 5));
}

TEST(RingShift, EightMegabyteMessagesDoNotDeadlock) {
  // Far beyond Open MPI's eager limit: blocking sends on every rank at once would wait forever.
  const int rank = world_rank(), size = world_size();
  const auto received = ring_shift(MPI_COMM_WORLD, values_of(rank, 1 << 20));
  EXPECT_EQ(received, values_of((rank + size - 1) % size, 1 << 20));
}

TEST(RingShift, OneRankSendsToItself) {
  const auto mine = values_of(world_rank(), 1000);
  EXPECT_EQ(ring_shift(MPI_COMM_SELF, mine), mine);
}

TEST(PingPong, TheMessageArrivesAndComesBack) {
  const int rank = world_rank();
  for (const std::size_t bytes : {std::size_t{1}, std::size_t{1000}, std::size_t{1} << 22}) {
    std::vector<char> message(bytes, 0);
    if (rank == 0) std::iota(message.begin(), message.end(), char{1});
    const double seconds = ping_pong(MPI_COMM_WORLD, message, 3);
    std::vector<char> expected(bytes);
    std::iota(expected.begin(), expected.end(), char{1});
    if (rank <= 1) {
      EXPECT_EQ(message, expected) << "rank " << rank << ", " << bytes << " bytes";
      EXPECT_GT(seconds, 0.0);
      EXPECT_LT(seconds, 1.0);
    } else {
      EXPECT_EQ(seconds, 0.0) << "ranks above 1 take no part";
    }
  }
}

TEST(PingPong, ALargerMessageTakesLonger) {
  std::vector<char> small(8), large(8 << 20);
  const double small_seconds = ping_pong(MPI_COMM_WORLD, small, 50);
  const double large_seconds = ping_pong(MPI_COMM_WORLD, large, 5);
  if (world_rank() <= 1) {
    EXPECT_GT(large_seconds, small_seconds) << "8 MiB must take longer than 8 bytes";
  }
}

}  // namespace
