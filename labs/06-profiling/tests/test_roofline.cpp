// Task 6: the roofline model exactly (traffic, attainable FLOP/s, the bound), and the two
// measuring kernels' results (bit for bit for the FMA chains).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "hpc/data.hpp"
#include "lab06/roofline.hpp"

namespace {

using namespace hpc::lab06;

void expect_traffic(Kernel kernel, std::size_t n, double flops, double bytes, const char* what) {
  const Traffic t = kernel_traffic(kernel, n);
  EXPECT_EQ(t.flops, flops) << what << ", n = " << n << ": flops";
  EXPECT_EQ(t.bytes, bytes) << what << ", n = " << n << ": bytes";
}

TEST(Traffic, VectorKernels) {
  for (const double n : {1.0, 1000.0}) {
    const auto size = static_cast<std::size_t>(n);
    expect_traffic(Kernel::daxpy, size, 2 * n, 24 * n, "daxpy");
    expect_traffic(Kernel::dot, size, 2 * n, 16 * n, "dot");
    expect_traffic(Kernel::triad, size, 2 * n, 24 * n, "triad");
  }
}

TEST(Traffic, MatrixKernels) {
  expect_traffic(Kernel::matvec, 1000, 2e6, 8 * (1e6 + 2000), "matvec");
  expect_traffic(Kernel::matmul, 1000, 2e9, 24e6, "matmul");
  expect_traffic(Kernel::matmul, 1, 2, 24, "matmul");
}

TEST(Traffic, StencilCountsTheInteriorOnly) {
  expect_traffic(Kernel::stencil, 3, 6, 8 * (9 + 1), "stencil");
  expect_traffic(Kernel::stencil, 1002, 6e6, 8 * (1002.0 * 1002 + 1e6), "stencil");
}

TEST(Roofline, AttainableIsTheLowerRoof) {
  const double peak = 50e9, bandwidth = 20e9;  // ridge at 2.5 flops/byte
  EXPECT_DOUBLE_EQ(attainable_flops(0.125, peak, bandwidth), 2.5e9) << "daxpy-like: memory-bound";
  EXPECT_DOUBLE_EQ(attainable_flops(2.5, peak, bandwidth), 50e9);
  EXPECT_DOUBLE_EQ(attainable_flops(80, peak, bandwidth), 50e9) << "matmul-like: compute-bound";
}

TEST(Roofline, BoundChangesAtTheRidgePoint) {
  EXPECT_EQ(bound_of(0.125, 50e9, 20e9), Bound::memory);
  EXPECT_EQ(bound_of(2.4999, 50e9, 20e9), Bound::memory);
  EXPECT_EQ(bound_of(2.5, 50e9, 20e9), Bound::compute);
  EXPECT_EQ(bound_of(80, 50e9, 20e9), Bound::compute);
  // The same kernel is memory-bound on a machine with a higher peak.
  const Traffic matvec = kernel_traffic(Kernel::matvec, 4096);
  EXPECT_EQ(bound_of(matvec.flops / matvec.bytes, 1e12, 200e9), Bound::memory);
}

std::vector<double> fma_reference(std::vector<double> acc, double a, double b, long iterations) {
  for (double& x : acc) {
    for (long it = 0; it < iterations; ++it) x = std::fma(x, a, b);
  }
  return acc;
}

TEST(FmaChains, EqualsTheFmaLoopBitForBit) {
  for (const std::size_t n : {16u, 48u, 256u, 1040u}) {
    for (const long iterations : {0L, 1L, 999L}) {
      std::vector<double> acc = hpc::random_doubles(n, hpc::test_seed() + n, 0.5, 2.0);
      const auto want = fma_reference(acc, 0.9999999, 1e-7, iterations);
      fma_chains(acc, 0.9999999, 1e-7, iterations);
      for (std::size_t k = 0; k < n; ++k)
        ASSERT_EQ(acc[k], want[k]) << "element " << k << " of " << n << " after " << iterations << " iterations";
    }
  }
}

TEST(Triad, EveryElementOnAwkwardSizes) {
  for (const std::size_t n : {1u, 7u, 1000u, (1u << 20) + 3}) {
    const auto b = hpc::random_doubles(n, hpc::test_seed()), c = hpc::random_doubles(n, hpc::test_seed() + 1);
    std::vector<double> a(n, 42.0);
    triad(a, b, c, 3.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double want = b[i] + 3.0 * c[i];
      ASSERT_NEAR(a[i], want, 4e-16 * (std::abs(b[i]) + std::abs(3.0 * c[i]))) << "element " << i << " of " << n;
    }
  }
}

}  // namespace
