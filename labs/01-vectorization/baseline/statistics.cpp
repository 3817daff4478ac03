#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "baseline.hpp"

namespace hpc::lab01::baseline {

// Textbook two-pass formulas, one thread: the mean first, then the central moments.
Summary describe(std::span<const double> data) {
  if (data.size() < 2) throw std::invalid_argument("describe needs at least 2 values");
  const double n = static_cast<double>(data.size());
  double sum = 0;
  for (double x : data) sum += x;
  const double mean = sum / n;
  double m2 = 0, m3 = 0, m4 = 0;
  for (double x : data) {
    const double d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  Summary s;
  s.count = data.size();
  s.mean = mean;
  s.variance = m2 / (n - 1);
  s.skewness = (m3 / n) / std::pow(m2 / n, 1.5);
  s.kurtosis = (m4 / n) / ((m2 / n) * (m2 / n)) - 3.0;
  s.min = *std::min_element(data.begin(), data.end());
  s.max = *std::max_element(data.begin(), data.end());
  return s;
}

// Sorts a full copy, whatever the number of percentiles asked for.
std::vector<double> percentiles(std::span<const double> data, std::span<const double> q) {
  if (data.empty()) throw std::invalid_argument("percentiles of empty data");
  std::vector<double> sorted(data.begin(), data.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> result;
  for (double p : q) {
    if (!(p >= 0 && p <= 100)) throw std::invalid_argument("percentile outside [0, 100]");
    const double h = (static_cast<double>(sorted.size()) - 1) * p / 100.0;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    result.push_back(sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]));
  }
  return result;
}

// Pair by pair, each pair re-reading both columns (strided) three times.
std::vector<double> correlation_matrix(std::span<const double> data, std::size_t rows, std::size_t cols) {
  if (rows < 2) throw std::invalid_argument("correlation needs at least 2 rows");
  std::vector<double> result(cols * cols);
  for (std::size_t a = 0; a < cols; ++a) {
    for (std::size_t b = 0; b < cols; ++b) {
      double mean_a = 0, mean_b = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        mean_a += data[r * cols + a];
        mean_b += data[r * cols + b];
      }
      mean_a /= static_cast<double>(rows);
      mean_b /= static_cast<double>(rows);
      double cov = 0, var_a = 0, var_b = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        const double da = data[r * cols + a] - mean_a, db = data[r * cols + b] - mean_b;
        cov += da * db;
        var_a += da * da;
        var_b += db * db;
      }
      result[a * cols + b] = cov / std::sqrt(var_a * var_b);
    }
  }
  return result;
}

}  // namespace hpc::lab01::baseline
