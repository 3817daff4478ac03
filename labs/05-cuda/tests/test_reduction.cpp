#include <cmath>
#include <vector>

#include "hpc/data.hpp"
#include "lab05/reduction.hpp"
#include "lab05_testing.hpp"

namespace {

using namespace hpc::lab05;
using Reduction = lab05_testing::CudaTest;

using Sum = float (*)(const float*, std::size_t);

void expect_sums(Sum sum) {
  for (const std::size_t n : {std::size_t{1}, std::size_t{255}, std::size_t{256}, std::size_t{257},
                              std::size_t{1'000'003}, std::size_t{1} << 24}) {
    const auto x = hpc::random_floats(n + 1, hpc::test_seed() + n, 0.0f, 1.0f);
    DeviceBuffer<float> dx(x);
    for (const std::size_t offset : {std::size_t{0}, std::size_t{1}}) {  // 1: a pointer not 16-byte aligned
      double exact = 0;
      for (std::size_t i = offset; i < offset + n; ++i) exact += x[i];
      const float got = sum(dx.data() + offset, n);
      EXPECT_NEAR(got, exact, 1e-5 * exact + 1e-6) << n << " elements, offset " << offset;
    }
  }
  EXPECT_EQ(sum(nullptr, 0), 0.0f) << "the sum of nothing";
}

TEST_F(Reduction, SharedMemoryTree) { expect_sums(sum_shared_memory); }

TEST_F(Reduction, WarpShuffle) { expect_sums(sum_warp_shuffle); }

}  // namespace
