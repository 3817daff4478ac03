#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

using hpc::lab01::matmul;

// Sizes straddling powers of two and any block or vector width, as CS267's harness does.
class MatmulSize : public ::testing::TestWithParam<std::size_t> {};

// |C - AB| <= 3 eps n |A||B| element by element: the rounding error any correct summation order
// may make (Higham), so a blocked or reordered sum passes and a wrong one does not.
TEST_P(MatmulSize, MatchesTheProductWithinTheRoundingBound) {
  const std::size_t n = GetParam();
  const auto seed = hpc::test_seed() + n;
  const auto a = hpc::random_doubles(n * n, seed);
  const auto b = hpc::random_doubles(n * n, seed + 1);
  std::vector<double> c(n * n, std::numeric_limits<double>::quiet_NaN());  // must be overwritten
  matmul(a, b, c, n);

  std::vector<double> expected(n * n), abs_a(n * n), abs_b(n * n), bound(n * n);
  hpc::lab01::baseline::matmul(a, b, expected, n);
  for (std::size_t i = 0; i < n * n; ++i) {
    abs_a[i] = std::abs(a[i]);
    abs_b[i] = std::abs(b[i]);
  }
  hpc::lab01::baseline::matmul(abs_a, abs_b, bound, n);
  const double eps = std::numeric_limits<double>::epsilon();
  std::size_t bad = 0;
  for (std::size_t i = 0; i < n * n; ++i) {
    if (!(std::abs(c[i] - expected[i]) <= 3 * eps * static_cast<double>(n) * bound[i])) {
      if (bad++ == 0)
        ADD_FAILURE() << "n=" << n << ": C(" << i / n << ", " << i % n << ") = " << c[i] << ", expected "
                      << expected[i];
    }
  }
  EXPECT_EQ(bad, 0u) << "elements outside the rounding bound, n=" << n;
}

INSTANTIATE_TEST_SUITE_P(AwkwardSizes, MatmulSize,
                         ::testing::Values(1, 2, 3, 7, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 257));

TEST(Matmul, IdentityLeavesTheMatrixUnchanged) {
  const std::size_t n = 37;
  const auto a = hpc::random_doubles(n * n, hpc::test_seed());
  std::vector<double> identity(n * n, 0.0), c(n * n);
  for (std::size_t i = 0; i < n; ++i) identity[i * n + i] = 1.0;
  matmul(a, identity, c, n);
  EXPECT_EQ(c, a);
}

}  // namespace
