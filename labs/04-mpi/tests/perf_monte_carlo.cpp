#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/mpi_timing.hpp"
#include "lab04/monte_carlo.hpp"
#include "lab04_testing.hpp"
#include "lab04_thresholds.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

TEST(MonteCarloPerf, ParallelEfficiencyOverTheSerialLoop) {
  const std::uint64_t samples = 24'000'000, seed = 5;
  const double estimate = distributed_pi(MPI_COMM_WORLD, samples, seed);
  ASSERT_TRUE(on_every_rank(world_rank() != 0 || estimate == baseline::serial_pi(samples, seed)))
      << "distributed_pi must equal the serial estimate before its speed counts";
  hpc::expect_speedup_at_least(targets::monte_carlo_efficiency, [&] {
    return hpc::mpi::measure(
        MPI_COMM_WORLD, [&] { baseline::serial_pi(samples, seed); },
        [&] { distributed_pi(MPI_COMM_WORLD, samples, seed); }, {.pairs = 5});
  });
}

}  // namespace
