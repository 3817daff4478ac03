// Exercise 5: descriptive statistics in one parallel pass (pandas.describe, scipy.stats).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace hpc::lab01 {

// The moments of a part of the data, as sums of powers of deviations from that part's mean.
// Two parts merge exactly (Chan et al., Pebay) without revisiting their data: the key to a
// parallel, one-pass and numerically stable computation.
struct PartialMoments {
  std::size_t count = 0;
  double mean = 0;
  double m2 = 0, m3 = 0, m4 = 0;  // sum (x - mean)^k for k = 2, 3, 4
  double min = 0, max = 0;
};

// The moments of the union of the data behind `a` and `b` (either may be empty: count == 0).
PartialMoments merge(const PartialMoments& a, const PartialMoments& b);

struct Summary {
  std::size_t count = 0;
  double mean = 0;
  double variance = 0;  // sample variance (divides by count - 1, like pandas)
  double skewness = 0;  // m3 / m2^1.5 with m_k = mean of (x - mean)^k  (scipy.stats.skew)
  double kurtosis = 0;  // m4 / m2^2 - 3, the excess kurtosis           (scipy.stats.kurtosis)
  double min = 0, max = 0;
};

// One pass over `data`, in parallel. Throws std::invalid_argument for fewer than 2 values.
Summary describe(std::span<const double> data);

// The q-th percentiles (q in [0, 100]) with linear interpolation between order statistics, like
// numpy.percentile's default. Throws std::invalid_argument for empty data or q outside [0, 100].
// NaN in `data` is not supported (numpy returns NaN; std::nth_element's order is then undefined):
// the tests never pass one.
std::vector<double> percentiles(std::span<const double> data, std::span<const double> q);

// The cols x cols Pearson correlation matrix of `data`, which holds `rows` observations of `cols`
// variables row-major. Needs rows >= 2 (std::invalid_argument otherwise). Rounding can put an
// entry a few ulps above 1 (numpy's corrcoef clips to [-1, 1]); the tests compare within 1e-9.
std::vector<double> correlation_matrix(std::span<const double> data, std::size_t rows, std::size_t cols);

}  // namespace hpc::lab01
