#include <cmath>
#include <numeric>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab05/mlp.hpp"
#include "lab05_testing.hpp"

namespace {

using namespace hpc::lab05;
using Mlp = lab05_testing::CudaTest;

TEST_F(Mlp, TheLossCurveMatchesTheCpu) {
  const Classification data = make_blobs(2000, 16, 4, hpc::test_seed());
  MlpParams gpu = init_mlp(16, 32, 4, hpc::test_seed()), cpu = gpu;
  const auto gpu_losses = train_mlp_gpu(gpu, data, 128, 0.1f, 3);
  const auto cpu_losses = baseline::train_mlp_cpu(cpu, data, 128, 0.1f, 3);
  ASSERT_EQ(gpu_losses.size(), cpu_losses.size()) << "one loss per batch: 16 batches (the last of 80 rows) x 3 epochs";
  for (std::size_t i = 0; i < cpu_losses.size(); ++i) {
    EXPECT_NEAR(gpu_losses[i], cpu_losses[i], 1e-3 * (1 + cpu_losses[i])) << "batch " << i;
  }
  for (std::size_t i = 0; i < cpu.w1.size(); ++i) ASSERT_NEAR(gpu.w1[i], cpu.w1[i], 1e-3) << "W1[" << i << "]";
  for (std::size_t i = 0; i < cpu.b2.size(); ++i) ASSERT_NEAR(gpu.b2[i], cpu.b2[i], 1e-3) << "b2[" << i << "]";
}

TEST_F(Mlp, ItLearns) {
  const Classification data = make_blobs(4000, 8, 3, hpc::test_seed() + 1);
  MlpParams params = init_mlp(8, 64, 3, hpc::test_seed() + 1);
  const auto losses = train_mlp_gpu(params, data, 200, 0.2f, 5);
  ASSERT_EQ(losses.size(), 100u);
  const double first = losses.front();
  const double last = std::accumulate(losses.end() - 20, losses.end(), 0.0) / 20;
  EXPECT_LT(last, 0.25 * first)
      << "mean loss of the last epoch against the first batch's (the CPU reference reaches 0.005-0.03 of it)";
}

}  // namespace
