// Exercise 1: dense matrix multiply, the kernel every HPC course starts from.
#pragma once

#include <cstddef>
#include <span>

namespace hpc::lab01 {

// C = A * B for square n x n matrices stored row-major (element (i, j) at index i * n + j).
// C is overwritten; it never aliases A or B.
void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n);

}  // namespace hpc::lab01
