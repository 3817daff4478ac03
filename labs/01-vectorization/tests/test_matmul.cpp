#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/timing.hpp"

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

// Above any block size a kernel is likely to use (the reference's B panel is 2048 wide), where a
// bound that only holds below the block size fails. Checked with Freivalds' test, C x = A (B x)
// for a random x, which costs O(n^2) instead of the naive product's O(n^3).
TEST(Matmul, AboveTheLargestBlocksFreivalds) {
  constexpr std::size_t n = 2049, probe = 256;
  {  // A kernel too slow for n = 2049 in a third of this item's time has no large blocks to get wrong.
    const auto pa = hpc::random_doubles(probe * probe, 1), pb = hpc::random_doubles(probe * probe, 2);
    std::vector<double> pc(probe * probe);
    const auto start = std::chrono::steady_clock::now();
    matmul(pa, pb, pc, probe);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    const double projected = took.count() * std::pow(static_cast<double>(n) / probe, 3);
    if (projected > std::min(20.0, hpc::time_limit_seconds() / 3)) {
      std::cout << "n = 2049 not checked: it would take about " << projected << " s with this kernel\n";
      return;
    }
  }
  const auto seed = hpc::test_seed() + 2049;
  const auto a = hpc::random_doubles(n * n, seed), b = hpc::random_doubles(n * n, seed + 1);
  const auto x = hpc::random_doubles(n, seed + 2);
  std::vector<double> c(n * n, std::numeric_limits<double>::quiet_NaN());
  matmul(a, b, c, n);

  const auto times = [&](const std::vector<double>& m, const std::vector<double>& v, bool absolute) {
    std::vector<double> out(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < n; ++k)
        out[i] += absolute ? std::abs(m[i * n + k]) * std::abs(v[k]) : m[i * n + k] * v[k];
    }
    return out;
  };
  const auto cx = times(c, x, false), abx = times(a, times(b, x, false), false);
  const auto scale = times(a, times(b, x, true), true);  // |A| (|B| |x|): the size of the rounding
  const double eps = std::numeric_limits<double>::epsilon();
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_LE(std::abs(cx[i] - abx[i]), 9 * eps * static_cast<double>(n) * scale[i])
        << "row " << i << " of C is wrong at n = " << n << " (C x = " << cx[i] << ", A (B x) = " << abx[i] << ")";
  }
}

TEST(Matmul, IdentityLeavesTheMatrixUnchanged) {
  const std::size_t n = 37;
  const auto a = hpc::random_doubles(n * n, hpc::test_seed());
  std::vector<double> identity(n * n, 0.0), c(n * n);
  for (std::size_t i = 0; i < n; ++i) identity[i * n + i] = 1.0;
  matmul(a, identity, c, n);
  EXPECT_EQ(c, a);
}

}  // namespace
