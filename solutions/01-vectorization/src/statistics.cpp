// Reference solution. describe(): each thread summarises its share of the data block by block —
// a block's mean and central sums are computed while the block is still in L1 (two quick sweeps
// over 2 KiB), then merged into the thread's running moments with the exact pairwise formulas —
// and the per-thread moments are merged at the end. One pass over memory, in parallel, and
// stable: no sum of x^4 over raw values, whose cancellation destroys the variance of data with a
// large mean. percentiles(): nth_element instead of a full sort. correlation_matrix(): centre and
// scale each column once, then one symmetric product Z^T Z.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <omp.h>

#include "lab01/statistics.hpp"

namespace hpc::lab01 {
namespace {

constexpr std::size_t kBlock = 256;

PartialMoments moments_of_block(const double* x, std::size_t count) {
  PartialMoments p;
  p.count = count;
  double sum = 0, lo = x[0], hi = x[0];
  for (std::size_t i = 0; i < count; ++i) {
    sum += x[i];
    lo = std::min(lo, x[i]);
    hi = std::max(hi, x[i]);
  }
  p.mean = sum / static_cast<double>(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double d = x[i] - p.mean, d2 = d * d;
    p.m2 += d2;
    p.m3 += d2 * d;
    p.m4 += d2 * d2;
  }
  p.min = lo;
  p.max = hi;
  return p;
}

}  // namespace

PartialMoments merge(const PartialMoments& a, const PartialMoments& b) {
  if (a.count == 0) return b;
  if (b.count == 0) return a;
  const double na = static_cast<double>(a.count), nb = static_cast<double>(b.count), n = na + nb;
  const double delta = b.mean - a.mean, delta_n = delta / n;
  PartialMoments r;
  r.count = a.count + b.count;
  r.mean = a.mean + nb * delta_n;
  r.m2 = a.m2 + b.m2 + delta * delta_n * na * nb;
  r.m3 = a.m3 + b.m3 + delta * delta_n * delta_n * na * nb * (na - nb) + 3.0 * delta_n * (na * b.m2 - nb * a.m2);
  r.m4 = a.m4 + b.m4 + delta * delta_n * delta_n * delta_n * na * nb * (na * na - na * nb + nb * nb) +
         6.0 * delta_n * delta_n * (na * na * b.m2 + nb * nb * a.m2) + 4.0 * delta_n * (na * b.m3 - nb * a.m3);
  r.min = std::min(a.min, b.min);
  r.max = std::max(a.max, b.max);
  return r;
}

Summary describe(std::span<const double> data) {
  if (data.size() < 2) throw std::invalid_argument("describe needs at least 2 values");
  std::vector<PartialMoments> per_thread(static_cast<std::size_t>(omp_get_max_threads()));
  const std::size_t blocks = (data.size() + kBlock - 1) / kBlock;
#pragma omp parallel
  {
    PartialMoments mine;
    // static: thread t gets a contiguous run of blocks, so merging per_thread in order is merging
    // neighbouring data (better rounding than an arbitrary order, and reproducible).
#pragma omp for schedule(static)
    for (std::size_t block = 0; block < blocks; ++block) {
      const std::size_t begin = block * kBlock;
      mine = merge(mine, moments_of_block(data.data() + begin, std::min(kBlock, data.size() - begin)));
    }
    per_thread[static_cast<std::size_t>(omp_get_thread_num())] = mine;
  }
  PartialMoments all;
  for (const auto& p : per_thread) all = merge(all, p);

  const double n = static_cast<double>(all.count);
  const double m2 = all.m2 / n;
  Summary s;
  s.count = all.count;
  s.mean = all.mean;
  s.variance = all.m2 / (n - 1);
  s.skewness = (all.m3 / n) / std::pow(m2, 1.5);
  s.kurtosis = (all.m4 / n) / (m2 * m2) - 3.0;
  s.min = all.min;
  s.max = all.max;
  return s;
}

std::vector<double> percentiles(std::span<const double> data, std::span<const double> q) {
  if (data.empty()) throw std::invalid_argument("percentiles of empty data");
  for (double p : q) {
    if (!(p >= 0 && p <= 100)) throw std::invalid_argument("percentile outside [0, 100]");
  }
  std::vector<double> values(data.begin(), data.end());
  const std::size_t last = values.size() - 1;
  // Each order statistic costs O(n) with nth_element; the upper neighbour of rank lo is then the
  // smallest value above it.
  const auto order_statistic = [&](std::size_t rank) {
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
    return values[rank];
  };
  std::vector<double> result;
  result.reserve(q.size());
  for (double p : q) {
    const double h = static_cast<double>(last) * p / 100.0;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const double lower = order_statistic(lo);
    const double upper =
        lo < last ? *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end()) : lower;
    result.push_back(lower + (h - static_cast<double>(lo)) * (upper - lower));
  }
  return result;
}

std::vector<double> correlation_matrix(std::span<const double> data, std::size_t rows, std::size_t cols) {
  if (rows < 2) throw std::invalid_argument("correlation needs at least 2 rows");
  // z = (x - mean) / sqrt(sum of squares): then corr(a, b) = sum over rows of z_a * z_b.
  std::vector<double> mean(cols, 0.0), scale(cols, 0.0);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) mean[c] += data[r * cols + c];
  }
  for (auto& m : mean) m /= static_cast<double>(rows);
  std::vector<double> z(rows * cols);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      const double d = data[r * cols + c] - mean[c];
      z[r * cols + c] = d;
      scale[c] += d * d;
    }
  }
  for (auto& s : scale) s = 1.0 / std::sqrt(s);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) z[r * cols + c] *= scale[c];
  }
  // Z^T Z, accumulated row by row of Z: the inner loop runs along a contiguous row (vectorized).
  std::vector<double> result(cols * cols, 0.0);
#pragma omp parallel for schedule(dynamic)
  for (std::size_t a = 0; a < cols; ++a) {
    double* out = result.data() + a * cols;
    for (std::size_t r = 0; r < rows; ++r) {
      const double za = z[r * cols + a];
      const double* zr = z.data() + r * cols;
      for (std::size_t b = 0; b < cols; ++b) out[b] += za * zr[b];
    }
  }
  return result;
}

}  // namespace hpc::lab01
