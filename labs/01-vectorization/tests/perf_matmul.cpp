#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/remote.hpp"
#include "lab01_thresholds.hpp"

namespace {

// Whether C is within the rounding bound of test_matmul, |C - AB| <= 3 eps n (|A||B|), of the
// baseline's product, with (|A||B|)_ij bounded by |a_i| |b_j| (Cauchy-Schwarz: rows of A, columns
// of B), which costs O(n^2) instead of a second product. A correct kernel is inside it; a result
// computed for other inputs is off by O(1).
bool within_rounding_bound(std::span<const double> a, std::span<const double> b, std::span<const double> c,
                           std::span<const double> expected, std::size_t n) {
  std::vector<double> row_norm(n, 0.0), col_norm(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < n; ++k) {
      row_norm[i] += a[i * n + k] * a[i * n + k];
      col_norm[k] += b[i * n + k] * b[i * n + k];
    }
  }
  for (auto& x : row_norm) x = std::sqrt(x);
  for (auto& x : col_norm) x = std::sqrt(x);
  const double scale = 3 * std::numeric_limits<double>::epsilon() * static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (!(std::abs(c[i * n + j] - expected[i * n + j]) <= scale * row_norm[i] * col_norm[j])) return false;
    }
  }
  return true;
}

// Graded on one thread: the lesson is cache blocking and SIMD. (OpenMP shows in the benchmark.)
// n = 1024: at n = 512 everything fits in L2/L3 and the loop reorder alone comes close to the
// blocked kernel; at 1024 blocking and register tiling make the difference.
TEST(MatmulPerf, SpeedupOverTheNaiveLoopOnOneThread) {
  omp_set_num_threads(1);
  const std::size_t n = 1024;
  auto a = hpc::random_doubles(n * n, hpc::test_seed());
  auto b = hpc::random_doubles(n * n, hpc::test_seed() + 1);
  hpc::remote::OutputArray<double> c(n * n);  // written where this test reads it: nothing copied back
  std::vector<double> expected(n * n);
  hpc::lab01::matmul(a, b, c, n);  // a wrong (or empty) kernel must not earn a speedup
  hpc::lab01::baseline::matmul(a, b, expected, n);
  ASSERT_TRUE(hpc::all_close(c, expected, 1e-9, 1e-9));

  // Checked timing: new values in A and B before every pair (never seen before, not even in an
  // earlier attempt), and every timed product checked.
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab01::targets::matmul_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { hpc::lab01::baseline::matmul(a, b, expected, n); }, [&] { hpc::lab01::matmul(a, b, c, n); },
        // the naive loop takes seconds: few, long pairs
        {.pairs = 3,
         .warmup_calls = 0,
         .vary =
             [&](int) {
               ++draw;
               hpc::refill_random(a, hpc::test_seed() + 2 * draw + 2);
               hpc::refill_random(b, hpc::test_seed() + 2 * draw + 3);
             },
         .same = [&] { return within_rounding_bound(a, b, c, expected, n); }}));
  });
}

}  // namespace
