#include <vector>

#include "hpc/data.hpp"
#include "lab05/vector_add.hpp"
#include "lab05_testing.hpp"

namespace {

using namespace hpc::lab05;
using LaunchConfiguration = lab05_testing::CudaTest;
using VectorAdd = lab05_testing::CudaTest;

TEST_F(LaunchConfiguration, CoversEveryElementRoundingUp) {
  EXPECT_EQ(launch_config(1000, 256).grid, 4u);
  EXPECT_EQ(launch_config(1000, 256).block, 256u);
  EXPECT_EQ(launch_config(1024, 256).grid, 4u);
  EXPECT_EQ(launch_config(1025, 256).grid, 5u);
  EXPECT_EQ(launch_config(0, 128).grid, 1u) << "at least one block";
}

TEST_F(LaunchConfiguration, CapsTheGridAndRejectsBadBlocks) {
  EXPECT_EQ(launch_config(std::size_t{1} << 40, 256, 1000).grid, 1000u);
  EXPECT_THROW(launch_config(100, 0), std::invalid_argument);
  EXPECT_THROW(launch_config(100, 2048), std::invalid_argument);
}

void expect_sum_correct(std::size_t n, unsigned block_size) {
  const auto a = hpc::random_floats(n, hpc::test_seed()), b = hpc::random_floats(n, hpc::test_seed() + 1);
  DeviceBuffer<float> da(a), db(b), dc(n);
  vector_add(da.data(), db.data(), dc.data(), n, block_size);
  const auto c = dc.download();
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(c[i], a[i] + b[i]) << "element " << i << " of " << n << ", block " << block_size;
  }
}

TEST_F(VectorAdd, OddSizesAndBlockSizes) {
  for (const std::size_t n : {std::size_t{1}, std::size_t{255}, std::size_t{1000}, (std::size_t{1} << 20) + 3}) {
    for (const unsigned block : {32u, 256u, 1024u}) expect_sum_correct(n, block);
  }
}

TEST_F(VectorAdd, MoreElementsThanTheGridHasThreads) {
  // 65535 blocks of 64 threads cover 4.2 M elements: the grid-stride loop must do the rest.
  expect_sum_correct(std::size_t{65535} * 64 * 3 + 7, 64);
}

}  // namespace
