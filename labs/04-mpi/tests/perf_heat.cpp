#include <gtest/gtest.h>

#include <algorithm>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/mpi_timing.hpp"
#include "lab04/heat.hpp"
#include "lab04_testing.hpp"
#include "lab04_thresholds.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

// Whether every rank's block equals the serial rod's (bit for bit, as test_heat checks): the serial
// result, on rank 0 only, is broadcast, each rank compares its block, and all ranks agree on the
// verdict. Collective: every rank calls it at the same point.
bool blocks_equal_serial(const std::vector<double>& serial, const std::vector<double>& mine, const Block& block,
                         std::size_t n) {
  std::vector<double> rod(n);
  if (world_rank() == 0 && serial.size() == n) rod = serial;
  MPI_Bcast(rod.data(), static_cast<int>(n), MPI_DOUBLE, 0, MPI_COMM_WORLD);
  const auto begin = rod.begin() + static_cast<std::ptrdiff_t>(block.begin);
  const auto end = rod.begin() + static_cast<std::ptrdiff_t>(block.end);
  return on_every_rank((world_rank() != 0 || serial.size() == n) && std::equal(mine.begin(), mine.end(), begin, end));
}

TEST(HeatPerf, ParallelEfficiencyOverTheSerialSolver) {
  const std::size_t n = 1 << 20;
  const int steps = 40;
  const double alpha = 0.25;
  auto rod = hpc::random_doubles(n, 9, 0.0, 100.0);
  const Block block = block_of(n, world_size(), world_rank());
  std::vector<double> local(rod.begin() + static_cast<std::ptrdiff_t>(block.begin),
                            rod.begin() + static_cast<std::ptrdiff_t>(block.end));
  const auto serial = baseline::heat_diffusion(rod, alpha, steps);
  const auto mine = heat_diffusion(MPI_COMM_WORLD, local, alpha, steps);
  ASSERT_TRUE(
      on_every_rank(std::equal(mine.begin(), mine.end(), serial.begin() + static_cast<std::ptrdiff_t>(block.begin),
                               serial.begin() + static_cast<std::ptrdiff_t>(block.end))))
      << "heat_diffusion must equal the serial solver before its speed counts";

  // Checked timing: a new rod before every pair (the same on every rank, never seen before, not
  // even in an earlier attempt; `rod` and `local` overwritten in place), and every timed call's
  // blocks compared with the serial rod. vary and same run on every rank at the same point.
  std::uint64_t draw = 0;
  std::vector<double> serial_out, mine_out;
  hpc::expect_speedup_at_least(targets::heat_efficiency, [&] {
    return hpc::mpi::measure(
        MPI_COMM_WORLD, [&] { serial_out = baseline::heat_diffusion(rod, alpha, steps); },
        [&] { mine_out = heat_diffusion(MPI_COMM_WORLD, local, alpha, steps); },
        {.pairs = 5,
         .vary =
             [&](int) {
               const auto fresh = hpc::random_doubles(n, 9 + ++draw, 0.0, 100.0);
               std::copy(fresh.begin(), fresh.end(), rod.begin());
               std::copy(rod.begin() + static_cast<std::ptrdiff_t>(block.begin),
                         rod.begin() + static_cast<std::ptrdiff_t>(block.end), local.begin());
             },
         .same = [&] { return blocks_equal_serial(serial_out, mine_out, block, n); }});
  });
}

}  // namespace
