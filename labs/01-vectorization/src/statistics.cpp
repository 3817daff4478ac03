// Exercise 5 — statistics in one parallel pass. Graded by test_statistics (accuracy, also on
// data with a huge mean) and perf_statistics (speedup of describe over the two-pass baseline).
#include "hpc/todo.hpp"
#include "lab01/statistics.hpp"

namespace hpc::lab01 {

PartialMoments merge(const PartialMoments& a, const PartialMoments& b) {
  // TODO(student): the exact merge of two partial moments (Chan et al.; Pebay 2008, eq. 3.1),
  // with n = na + nb and delta = b.mean - a.mean:
  //   mean = a.mean + delta * nb / n
  //   m2 = a.m2 + b.m2 + delta^2 na nb / n
  //   m3 = a.m3 + b.m3 + delta^3 na nb (na - nb) / n^2 + 3 delta (na b.m2 - nb a.m2) / n
  //   m4 = a.m4 + b.m4 + delta^4 na nb (na^2 - na nb + nb^2) / n^3
  //        + 6 delta^2 (na^2 b.m2 + nb^2 a.m2) / n^2 + 4 delta (na b.m3 - nb a.m3) / n
  // min/max combine; an empty side (count == 0) returns the other unchanged.
  hpc::todo("merge");
}

Summary describe(std::span<const double> data) {
  // TODO(student): one pass, in parallel. Each OpenMP thread summarises its share (e.g. blocks of
  // a few hundred values: the block's moments computed directly, then merge()d), then merge the
  // threads' results. Turn the merged moments into a Summary (see the header for the formulas).
  // Throw std::invalid_argument for fewer than 2 values.
  hpc::todo("describe");
}

std::vector<double> percentiles(std::span<const double> data, std::span<const double> q) {
  // TODO(student): numpy's linear interpolation: h = (n - 1) q / 100, the value at rank floor(h)
  // plus (h - floor(h)) times the gap to the next rank. Use std::nth_element, not a full sort.
  // Throw std::invalid_argument for empty data or q outside [0, 100].
  hpc::todo("percentiles");
}

std::vector<double> correlation_matrix(std::span<const double> data, std::size_t rows, std::size_t cols) {
  // TODO(student): centre and scale every column once (z = (x - mean) / ||x - mean||), then
  // corr = Z^T Z; accumulate it row by row of Z so the inner loop is contiguous.
  // Throw std::invalid_argument when rows < 2.
  hpc::todo("correlation_matrix");
}

}  // namespace hpc::lab01
