#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"

namespace {

namespace lab = hpc::lab01;

void expect_summaries_close(const lab::Summary& got, const lab::Summary& expected, double rtol) {
  EXPECT_EQ(got.count, expected.count);
  EXPECT_NEAR(got.mean, expected.mean, rtol * (1 + std::abs(expected.mean)));
  EXPECT_NEAR(got.variance, expected.variance, rtol * expected.variance);
  EXPECT_NEAR(got.skewness, expected.skewness, rtol * (1 + std::abs(expected.skewness)));
  EXPECT_NEAR(got.kurtosis, expected.kurtosis, rtol * (1 + std::abs(expected.kurtosis)));
  EXPECT_EQ(got.min, expected.min);
  EXPECT_EQ(got.max, expected.max);
}

// Skewed data (cubes) so that every moment is far from zero and a wrong merge term shows.
std::vector<double> skewed(std::size_t n, std::uint64_t seed) {
  auto v = hpc::random_doubles(n, seed, 0, 2);
  for (auto& x : v) x = x * x * x;
  return v;
}

TEST(Statistics, MergeOfTwoHalvesEqualsTheWhole) {
  const auto data = skewed(1001, hpc::test_seed());
  const auto direct = lab::baseline::describe(data);
  lab::PartialMoments left, right;
  // Build partials through merge itself: single values are exact moments (mean = x, m_k = 0).
  for (std::size_t i = 0; i < data.size(); ++i) {
    const lab::PartialMoments one{1, data[i], 0, 0, 0, data[i], data[i]};
    (i < 400 ? left : right) = lab::merge(i < 400 ? left : right, one);
  }
  const auto all = lab::merge(left, right);
  EXPECT_EQ(all.count, data.size());
  EXPECT_NEAR(all.mean, direct.mean, 1e-12);
  EXPECT_NEAR(all.m2 / static_cast<double>(all.count - 1), direct.variance, 1e-10);
  EXPECT_EQ(lab::merge(all, lab::PartialMoments{}).m4, all.m4) << "merging an empty part changes nothing";
}

TEST(Statistics, DescribeMatchesTwoPassFormulas) {
  for (std::size_t n : {2u, 3u, 17u, 1000u, 100'003u, 1'000'000u}) {
    const auto data = skewed(n, hpc::test_seed() + n);
    expect_summaries_close(lab::describe(data), lab::baseline::describe(data), 1e-9);
  }
}

// The classic failure of one-pass formulas: sum(x^2) - n mean^2 with a mean of 1e9 and a spread
// of 1 cancels every significant digit. Merged central moments keep them.
TEST(Statistics, DescribeIsStableForALargeMean) {
  auto data = hpc::random_doubles(200'000, hpc::test_seed(), -1, 1);
  for (auto& x : data) x += 1e9;
  const auto got = lab::describe(data);
  const auto expected = lab::baseline::describe(data);
  EXPECT_NEAR(got.variance, expected.variance, 1e-6 * expected.variance);
  EXPECT_NEAR(got.kurtosis, expected.kurtosis, 1e-3);
}

TEST(Statistics, DescribeRejectsTooFewValues) {
  const std::vector<double> one{1.0};
  EXPECT_THROW(lab::describe(one), std::invalid_argument);
}

TEST(Statistics, PercentilesInterpolateLikeNumpy) {
  const std::vector<double> data{15, 20, 35, 40, 50};
  const std::vector<double> q{0, 25, 40, 50, 90, 100};
  // numpy.percentile([15, 20, 35, 40, 50], [0, 25, 40, 50, 90, 100])
  const std::vector<double> expected{15, 20, 29, 35, 46, 50};
  EXPECT_TRUE(hpc::all_close(lab::percentiles(data, q), expected, 1e-12, 1e-12));
}

TEST(Statistics, PercentilesMatchSorting) {
  const std::vector<double> q{0, 0.1, 1, 12.5, 50, 75, 99, 99.9, 100};
  for (std::size_t n : {1u, 2u, 10u, 9'999u}) {
    const auto data = hpc::random_doubles(n, hpc::test_seed() + n);
    EXPECT_TRUE(hpc::all_close(lab::percentiles(data, q), lab::baseline::percentiles(data, q), 1e-12, 1e-12)) << n;
  }
  const std::vector<double> bad_q{101};
  EXPECT_THROW(lab::percentiles(std::vector<double>{1.0}, bad_q), std::invalid_argument);
  EXPECT_THROW(lab::percentiles(std::vector<double>{}, q), std::invalid_argument);
}

TEST(Statistics, CorrelationMatrixMatchesPairwiseFormula) {
  for (const auto& [rows, cols] :
       std::vector<std::pair<std::size_t, std::size_t>>{{2, 1}, {10, 3}, {1000, 17}, {5000, 40}}) {
    auto data = hpc::random_doubles(rows * cols, hpc::test_seed() + rows);
    // Correlate the columns: column c gets a share of column 0.
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 1; c < cols; ++c) data[r * cols + c] += 0.1 * static_cast<double>(c) * data[r * cols];
    }
    EXPECT_TRUE(hpc::all_close(lab::correlation_matrix(data, rows, cols),
                               lab::baseline::correlation_matrix(data, rows, cols), 1e-9, 1e-12))
        << rows << " x " << cols;
  }
  EXPECT_THROW(lab::correlation_matrix(std::vector<double>{1, 2}, 1, 2), std::invalid_argument);
}

}  // namespace
