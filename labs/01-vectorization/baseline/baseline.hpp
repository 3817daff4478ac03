// The slow reference implementations: what a first, straightforward version looks like. Tests
// check the students' results against them, and perf tests measure speedups over them.
#pragma once

#include <cstdint>
#include <string_view>

#include "lab01/convolution.hpp"
#include "lab01/distances.hpp"
#include "lab01/edit_distance.hpp"
#include "lab01/mandelbrot.hpp"
#include "lab01/matmul.hpp"
#include "lab01/memory_layout.hpp"
#include "lab01/monte_carlo_pi.hpp"
#include "lab01/statistics.hpp"

namespace hpc::lab01::baseline {

void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n);
void pairwise_distances(std::span<const double> x, std::span<const double> y, std::span<double> out, std::size_t n,
                        std::size_t m, std::size_t d);
void mandelbrot(const MandelbrotGrid& grid, std::span<int> iterations);
double estimate_pi(std::uint64_t samples, std::uint64_t seed);
Summary describe(std::span<const double> data);
std::vector<double> percentiles(std::span<const double> data, std::span<const double> q);
std::vector<double> correlation_matrix(std::span<const double> data, std::size_t rows, std::size_t cols);
Image convolve2d(const Image& image, const Image& kernel, ConvolutionMode mode);
std::size_t edit_distance(std::string_view a, std::string_view b);
double mean_price(std::span<const Record> records);

}  // namespace hpc::lab01::baseline
