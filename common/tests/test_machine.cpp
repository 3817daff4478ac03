#include "hpc/machine.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <thread>

namespace {

TEST(Machine, CoreCountsAreConsistent) {
  const auto info = hpc::machine_info();
  EXPECT_GE(info.logical_cores, 1);
  EXPECT_GE(info.physical_cores, 1);
  EXPECT_LE(info.physical_cores, info.logical_cores);
  EXPECT_GE(info.usable_cores, 1);
  EXPECT_LE(info.usable_cores, info.logical_cores);
  EXPECT_EQ(info.openmp_threads, omp_get_max_threads());
  EXPECT_FALSE(info.simd.empty());
  std::cout << "machine: " << hpc::describe(info) << "\n";
}

TEST(Machine, EffectiveParallelismIsCappedByThreadsAndCores) {
  EXPECT_EQ(hpc::effective_parallelism(1), 1);
  EXPECT_EQ(hpc::effective_parallelism(0), 1);
  EXPECT_EQ(hpc::effective_parallelism(100000), hpc::usable_cores());
}

TEST(Machine, MpiRanksComeFromTheLauncher) {
  setenv("OMPI_COMM_WORLD_SIZE", "4", 1);
  EXPECT_EQ(hpc::machine_info().mpi_ranks, 4);
  unsetenv("OMPI_COMM_WORLD_SIZE");
  EXPECT_EQ(hpc::machine_info().mpi_ranks, 1);
}

}  // namespace
