#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/mpi_timing.hpp"
#include "lab04/heat.hpp"
#include "lab04_testing.hpp"
#include "lab04_thresholds.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

TEST(HeatPerf, ParallelEfficiencyOverTheSerialSolver) {
  const std::size_t n = 1 << 20;
  const int steps = 40;
  const double alpha = 0.25;
  const auto rod = hpc::random_doubles(n, 9, 0.0, 100.0);
  const Block block = block_of(n, world_size(), world_rank());
  const std::vector<double> local(rod.begin() + static_cast<std::ptrdiff_t>(block.begin),
                                  rod.begin() + static_cast<std::ptrdiff_t>(block.end));
  const auto serial = baseline::heat_diffusion(rod, alpha, steps);
  const auto mine = heat_diffusion(MPI_COMM_WORLD, local, alpha, steps);
  ASSERT_TRUE(on_every_rank(std::equal(mine.begin(), mine.end(), serial.begin() + static_cast<std::ptrdiff_t>(block.begin),
                                       serial.begin() + static_cast<std::ptrdiff_t>(block.end))))
      << "heat_diffusion must equal the serial solver before its speed counts";
  hpc::expect_speedup_at_least(targets::heat_efficiency, [&] {
    return hpc::mpi::measure(
        MPI_COMM_WORLD, [&] { baseline::heat_diffusion(rod, alpha, steps); },
        [&] { heat_diffusion(MPI_COMM_WORLD, local, alpha, steps); }, {.pairs = 5});
  });
}

}  // namespace
