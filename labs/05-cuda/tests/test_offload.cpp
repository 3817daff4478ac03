#include <cmath>
#include <vector>

#include "hpc/data.hpp"
#include "lab05/offload.hpp"
#include "lab05_testing.hpp"

namespace {

using namespace hpc::lab05;
using Offload = lab05_testing::CudaTest;

void expect_saxpy(std::size_t n, bool pinned) {
  const auto x = hpc::random_floats(n, hpc::test_seed()), y0 = hpc::random_floats(n, hpc::test_seed() + 1);
  std::vector<float> y = y0;
  const OffloadTimes times = saxpy_offload(2.5f, x, y, pinned);
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_NEAR(y[i], 2.5f * x[i] + y0[i], 1e-6f) << "element " << i << (pinned ? ", pinned" : ", pageable");
  }
  EXPECT_GT(times.to_device_s, 0.0);
  EXPECT_GT(times.kernel_s, 0.0);
  EXPECT_GT(times.to_host_s, 0.0);
  EXPECT_LT(times.total(), 10.0);
}

TEST_F(Offload, PageableAndPinnedGiveTheSameResult) {
  for (const bool pinned : {false, true}) {
    expect_saxpy(1, pinned);
    expect_saxpy(1'000'003, pinned);
  }
}

TEST_F(Offload, CopiesOfLargeArraysCostMoreThanTheKernel) {
  // 64 MiB each way: the bus moves tens of GB/s, the GPU's memory a few TB/s.
  std::vector<float> x(16 << 20, 1.0f), y(16 << 20, 2.0f);
  const OffloadTimes times = saxpy_offload(3.0f, x, y, true);
  EXPECT_EQ(y[12345], 5.0f);
  EXPECT_GT(times.to_device_s, times.kernel_s);
}

}  // namespace
