// Lab 01's API as the tests see it: every call runs the student's function in the lab's runner
// process (hpc/remote.hpp), so the tests judge it without linking it.
#include "hpc/remote.hpp"
#include "lab01/convolution.hpp"
#include "lab01/distances.hpp"
#include "lab01/edit_distance.hpp"
#include "lab01/mandelbrot.hpp"
#include "lab01/matmul.hpp"
#include "lab01/memory_layout.hpp"
#include "lab01/monte_carlo_pi.hpp"
#include "lab01/statistics.hpp"
#include "lab01_codecs.hpp"

namespace hpc::lab01 {

using hpc::remote::call;

void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n) {
  return call<decltype(matmul)>("matmul", a, b, c, n);
}

void pairwise_distances(std::span<const double> x, std::span<const double> y, std::span<double> out, std::size_t n,
                        std::size_t m, std::size_t d) {
  return call<decltype(pairwise_distances)>("pairwise_distances", x, y, out, n, m, d);
}

void mandelbrot(const MandelbrotGrid& grid, std::span<int> iterations) {
  return call<decltype(mandelbrot)>("mandelbrot", grid, iterations);
}

double estimate_pi(std::uint64_t samples, std::uint64_t seed, int threads) {
  return call<decltype(estimate_pi)>("estimate_pi", samples, seed, threads);
}

PartialMoments merge(const PartialMoments& a, const PartialMoments& b) { return call<decltype(merge)>("merge", a, b); }

Summary describe(std::span<const double> data) { return call<decltype(describe)>("describe", data); }

std::vector<double> percentiles(std::span<const double> data, std::span<const double> q) {
  return call<decltype(percentiles)>("percentiles", data, q);
}

std::vector<double> correlation_matrix(std::span<const double> data, std::size_t rows, std::size_t cols) {
  return call<decltype(correlation_matrix)>("correlation_matrix", data, rows, cols);
}

Image convolve2d(const Image& image, const Image& kernel, ConvolutionMode mode) {
  return call<decltype(convolve2d)>("convolve2d", image, kernel, mode);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return call<decltype(edit_distance)>("edit_distance", a, b);
}

IntColumn narrowest_int_column(std::span<const std::int64_t> values) {
  return call<decltype(narrowest_int_column)>("narrowest_int_column", values);
}

RealColumn narrowest_real_column(std::span<const double> values) {
  return call<decltype(narrowest_real_column)>("narrowest_real_column", values);
}

CompactRecords compact(std::span<const Record> records) { return call<decltype(compact)>("compact", records); }

}  // namespace hpc::lab01
