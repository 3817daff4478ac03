#include <gtest/gtest.h>

#include <cmath>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab04/sgd.hpp"
#include "lab04_testing.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

constexpr std::size_t kFeatures = 16;
constexpr std::uint64_t kRows = 40'000;

Dataset my_shard(MPI_Comm comm = MPI_COMM_WORLD) {
  const Block block = block_of(kRows, size_of(comm), rank_of(comm));
  return make_regression_rows(kFeatures, hpc::test_seed(), block.begin, block.end);
}

double mean_squared_error(const Dataset& data, const LinearModel& model) {
  return squared_error_sum(data, model) / static_cast<double>(data.rows());
}

TEST(Sgd, ConvergesToTheSerialLoss) {
  const SgdOptions options{.epochs = 4, .batch_size = 500, .learning_rate = 0.05};
  const LinearModel model = train_sgd(MPI_COMM_WORLD, my_shard(), kRows, options);
  if (world_rank() == 0) {
    const Dataset all = make_regression_rows(kFeatures, hpc::test_seed(), 0, kRows);
    const double serial = mean_squared_error(all, baseline::train_sgd(all, options));
    const double distributed = mean_squared_error(all, model);
    // The noise has variance 0.01 / 3: both must be near it, and near each other.
    EXPECT_LT(serial, 0.005);
    EXPECT_NEAR(distributed, serial, 0.05 * serial) << "distributed MSE " << distributed << ", serial " << serial;
  }
}

TEST(Sgd, EveryRankHoldsTheSameModel) {
  const LinearModel model = train_sgd(MPI_COMM_WORLD, my_shard(), kRows, {.epochs = 1, .batch_size = 256});
  std::vector<double> mine = model.weights, lowest = model.weights;
  mine.push_back(model.bias);
  lowest.push_back(model.bias);
  std::vector<double> highest = lowest;
  MPI_Allreduce(MPI_IN_PLACE, lowest.data(), static_cast<int>(lowest.size()), MPI_DOUBLE, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(MPI_IN_PLACE, highest.data(), static_cast<int>(highest.size()), MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  EXPECT_EQ(lowest, highest);
  EXPECT_EQ(mine, lowest);
}

// One step over every row: the gradient summed over the ranks and divided by the whole batch is
// the serial gradient, up to the order of the additions. Dividing by a rank's own share of the
// batch (a step `ranks` times too long) still converges, but not to this.
TEST(Sgd, OneFullBatchStepEqualsTheSerialStep) {
  const SgdOptions options{.epochs = 1, .batch_size = kRows, .learning_rate = 0.05};
  const LinearModel model = train_sgd(MPI_COMM_WORLD, my_shard(), kRows, options);
  const Dataset all = make_regression_rows(kFeatures, hpc::test_seed(), 0, kRows);
  const LinearModel serial = baseline::train_sgd(all, options);
  ASSERT_EQ(model.weights.size(), serial.weights.size());
  for (std::size_t j = 0; j < serial.weights.size(); ++j) {
    EXPECT_NEAR(model.weights[j], serial.weights[j], 1e-9 * (std::abs(serial.weights[j]) + 1e-6)) << "weight " << j;
  }
  EXPECT_NEAR(model.bias, serial.bias, 1e-9 * (std::abs(serial.bias) + 1e-6));
}

TEST(Sgd, OneRankIsTheSerialAlgorithmExactly) {
  const SgdOptions options{.epochs = 2, .batch_size = 300, .learning_rate = 0.05};
  const Dataset all = make_regression_rows(kFeatures, hpc::test_seed(), 0, kRows);
  const LinearModel alone = train_sgd(MPI_COMM_SELF, all, kRows, options);
  const LinearModel serial = baseline::train_sgd(all, options);
  EXPECT_EQ(alone.weights, serial.weights);
  EXPECT_EQ(alone.bias, serial.bias);
}

}  // namespace
