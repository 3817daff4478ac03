// Hidden test: inputs a student would not think of, checked against the baseline bit for bit
// where the result is exact.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

TEST(HiddenMatmul, ZeroBlocksStayExactlyZero) {
  const std::size_t n = 97;
  auto a = hpc::random_doubles(n * n, hpc::test_seed() + 41);
  auto b = hpc::random_doubles(n * n, hpc::test_seed() + 42);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < n / 2; ++k) a[i * n + k] = 0.0;  // left half of A is zero
  }
  for (std::size_t k = n / 2; k < n; ++k) {
    for (std::size_t j = 0; j < n; ++j) b[k * n + j] = 0.0;  // bottom half of B is zero
  }
  std::vector<double> c(n * n, 1.0);
  hpc::lab01::matmul(a, b, c, n);
  for (double v : c) ASSERT_EQ(v, 0.0);
}

TEST(HiddenMatmul, InfinityPropagates) {
  const std::size_t n = 33;
  auto a = hpc::random_doubles(n * n, hpc::test_seed() + 43, 1.0, 2.0);  // all positive
  auto b = hpc::random_doubles(n * n, hpc::test_seed() + 44, 1.0, 2.0);
  a[5 * n + 7] = std::numeric_limits<double>::infinity();
  std::vector<double> c(n * n);
  hpc::lab01::matmul(a, b, c, n);
  // Every entry of row 5 is +inf (all products positive); every other row stays finite: a kernel
  // that lets the infinity (or a NaN from inf * 0 in padding) leak into a neighbouring row fails.
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double v = c[i * n + j];
      if (i == 5) {
        ASSERT_TRUE(std::isinf(v) && v > 0) << "C(5, " << j << ") = " << v;
      } else {
        ASSERT_TRUE(std::isfinite(v)) << "C(" << i << ", " << j << ") = " << v << ": the infinity leaked";
      }
    }
  }
}

}  // namespace
