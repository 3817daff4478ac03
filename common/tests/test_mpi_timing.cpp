// The collective timing harness, run under mpirun like the MPI lab's perf tests.
#include <gtest/gtest.h>
#include <mpi.h>

#include <chrono>
#include <thread>

#include "hpc/machine.hpp"
#include "hpc/mpi_timing.hpp"

namespace {

// Work of known length that needs no core, so these tests hold on a loaded machine too.
void wait_ms(double ms) { std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms)); }

int world_size() {
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

TEST(MpiTiming, AKernelTwiceAsLongOnRootMeasuresTwo) {
  // The "serial" side takes 8 ms on rank 0; the "distributed" side 4 ms on every rank.
  const auto c = hpc::mpi::compare_interleaved(
      MPI_COMM_WORLD, [] { wait_ms(8); }, [] { wait_ms(4); }, {.pairs = 5});
  EXPECT_NEAR(c.speedup, 2.0, 0.3);
}

TEST(MpiTiming, TheResultIsTheSameOnEveryRank) {
  const auto c = hpc::mpi::compare_interleaved(
      MPI_COMM_WORLD, [] { wait_ms(1); }, [] { wait_ms(1); }, {.pairs = 3});
  double lo = c.speedup, hi = c.speedup;
  MPI_Allreduce(MPI_IN_PLACE, &lo, 1, MPI_DOUBLE, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(MPI_IN_PLACE, &hi, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  EXPECT_EQ(lo, hi);
}

TEST(MpiTiming, TheSlowestRankSetsTheTime) {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  // Rank 0 alone is fast, but the last rank takes 6 ms: the distributed side must measure ~6 ms.
  const int last = world_size() - 1;
  const auto c = hpc::mpi::compare_interleaved(
      MPI_COMM_WORLD, [] { wait_ms(6); }, [&] { wait_ms(rank == last ? 6 : 1); }, {.pairs = 3});
  if (last > 0) {
    EXPECT_NEAR(c.speedup, 1.0, 0.25);
  }
}

TEST(MpiTiming, MeasuredParallelismIsBetweenOneAndTheRanks) {
  const double p = hpc::mpi::measured_parallelism(MPI_COMM_WORLD);
  EXPECT_GE(p, 1.0);
  EXPECT_LE(p, world_size());
  double lo = p, hi = p;
  MPI_Allreduce(MPI_IN_PLACE, &lo, 1, MPI_DOUBLE, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(MPI_IN_PLACE, &hi, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  EXPECT_EQ(lo, hi);
  // Two ranks on two free cores run the calibration loop side by side.
  if (world_size() == 2 && hpc::usable_cores() >= 2) {
    EXPECT_GT(p, 1.3);
  }
}

}  // namespace
