#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "baseline.hpp"
#include "hpc/mpi_timing.hpp"
#include "lab04/sgd.hpp"
#include "lab04_testing.hpp"
#include "lab04_thresholds.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

// Overwrites `data`'s values in place (the same buffers) with those of `fresh`, rows [0, rows).
void overwrite(Dataset& data, const Dataset& fresh, std::size_t rows) {
  std::copy_n(fresh.x.begin(), rows * fresh.features, data.x.begin());
  std::copy_n(fresh.y.begin(), rows, data.y.begin());
}

TEST(SgdPerf, ParallelEfficiencyOverSerialTraining) {
  const std::size_t features = 64;
  const std::uint64_t rows = 131'072, first_seed = 13;
  const SgdOptions options{.epochs = 1, .batch_size = 4096, .learning_rate = 0.02};
  const Block block = block_of(rows, world_size(), world_rank());
  Dataset shard = make_regression_rows(features, first_seed, block.begin, block.end);
  Dataset all = world_rank() == 0 ? make_regression_rows(features, first_seed, 0, rows) : Dataset{};

  // The comparison of test_sgd: on rank 0, the model's mean squared error over all rows within 5%
  // of the serial model's; every rank gets the verdict. Collective.
  const auto mse = [&](const LinearModel& m) { return squared_error_sum(all, m) / static_cast<double>(rows); };
  const auto reaches_serial_loss = [&](const LinearModel& model, const LinearModel& serial_model) {
    bool correct = true;
    if (world_rank() == 0) {
      const double serial = mse(serial_model);
      correct = model.weights.size() == features && std::abs(mse(model) - serial) < 0.05 * serial;
    }
    return on_every_rank(correct);
  };
  const LinearModel model = train_sgd(MPI_COMM_WORLD, shard, rows, options);
  ASSERT_TRUE(reaches_serial_loss(model, world_rank() == 0 ? baseline::train_sgd(all, options) : LinearModel{}))
      << "train_sgd must reach the serial loss before its speed counts";

  // Checked timing: a new dataset before every pair (the rows of another seed, never used before,
  // not even in an earlier attempt, written over `shard` and `all` in place: rank 0 makes all rows
  // and takes its shard from them, the other ranks make their own shard), and every timed call's
  // model checked as above against the serial model of that pair.
  std::uint64_t seed = first_seed;
  LinearModel serial_model, distributed_model;
  hpc::expect_speedup_at_least(targets::sgd_efficiency, [&] {
    return hpc::mpi::measure(
        MPI_COMM_WORLD, [&] { serial_model = baseline::train_sgd(all, options); },
        [&] { distributed_model = train_sgd(MPI_COMM_WORLD, shard, rows, options); },
        {.pairs = 5,
         .vary =
             [&](int) {
               ++seed;
               if (world_rank() == 0) {
                 overwrite(all, make_regression_rows(features, seed, 0, rows), rows);
                 overwrite(shard, all, block.size());
               } else {
                 overwrite(shard, make_regression_rows(features, seed, block.begin, block.end), block.size());
               }
             },
         .same = [&] { return reaches_serial_loss(distributed_model, serial_model); }});
  });
}

}  // namespace
