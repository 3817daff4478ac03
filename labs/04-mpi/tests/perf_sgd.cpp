#include <gtest/gtest.h>

#include <cmath>

#include "baseline.hpp"
#include "hpc/mpi_timing.hpp"
#include "lab04/sgd.hpp"
#include "lab04_testing.hpp"
#include "lab04_thresholds.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

TEST(SgdPerf, ParallelEfficiencyOverSerialTraining) {
  const std::size_t features = 64;
  const std::uint64_t rows = 131'072, seed = 13;
  const SgdOptions options{.epochs = 1, .batch_size = 4096, .learning_rate = 0.02};
  const Block block = block_of(rows, world_size(), world_rank());
  const Dataset shard = make_regression_rows(features, seed, block.begin, block.end);
  const Dataset all = world_rank() == 0 ? make_regression_rows(features, seed, 0, rows) : Dataset{};

  const LinearModel model = train_sgd(MPI_COMM_WORLD, shard, rows, options);
  bool correct = true;
  if (world_rank() == 0) {
    const auto mse = [&](const LinearModel& m) { return squared_error_sum(all, m) / static_cast<double>(rows); };
    const double serial = mse(baseline::train_sgd(all, options));
    correct = std::abs(mse(model) - serial) < 0.05 * serial;
  }
  ASSERT_TRUE(on_every_rank(correct)) << "train_sgd must reach the serial loss before its speed counts";
  hpc::expect_speedup_at_least(targets::sgd_efficiency, [&] {
    return hpc::mpi::measure(
        MPI_COMM_WORLD, [&] { baseline::train_sgd(all, options); },
        [&] { train_sgd(MPI_COMM_WORLD, shard, rows, options); }, {.pairs = 5});
  });
}

}  // namespace
