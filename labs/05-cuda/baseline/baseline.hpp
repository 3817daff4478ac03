// What the GPU code is compared with: cuBLAS (the ceiling for matmul) and plain CPU code (the
// reference results, and the single-thread baseline the GPU's 1000x is measured against).
#pragma once

#include <complex>
#include <cstddef>
#include <vector>

#include "lab05/mlp.hpp"

namespace hpc::lab05::baseline {

// C = A B with cuBLAS SGEMM, n x n row-major matrices in device memory.
void cublas_matmul(const float* a, const float* b, float* c, int n);

// Rows [0, rows) of C = A B on one CPU core, the textbook triple loop (i, j, k).
void cpu_matmul_naive_rows(const float* a, const float* b, float* c, int n, int rows);

// The DFT on the CPU: radix-2 FFT in double precision for powers of two, the O(n^2) sum otherwise.
std::vector<std::complex<float>> cpu_dft(const std::vector<std::complex<float>>& signal);

// Exercise 6's training on the CPU, the same arithmetic in the same order of batches: the losses
// the GPU's must match.
std::vector<float> train_mlp_cpu(MlpParams& params, const Classification& data, std::size_t batch, float learning_rate,
                                 int epochs);

}  // namespace hpc::lab05::baseline
