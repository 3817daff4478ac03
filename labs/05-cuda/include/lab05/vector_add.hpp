// Exercise 1: the first kernel — c = a + b with a grid-stride loop.
#pragma once

#include <cstddef>

namespace hpc::lab05 {

struct LaunchConfig {
  unsigned grid = 0;   // blocks
  unsigned block = 0;  // threads per block
};

// 1a. The launch configuration for n elements, one per thread: `block_size` threads per block
// and enough blocks to cover n (rounded up), but at most `max_blocks` (a grid-stride loop covers
// the rest). At least one block. block_size must be in 1..1024 (std::invalid_argument otherwise).
LaunchConfig launch_config(std::size_t n, unsigned block_size, unsigned max_blocks = 65535);

// 1b. c[i] = a[i] + b[i] for i < n, on device pointers, with the kernel's grid-stride loop, a
// launch configured by launch_config, and every CUDA call checked (CUDA_CHECK). Returns once done.
void vector_add(const float* a, const float* b, float* c, std::size_t n, unsigned block_size = 256);

}  // namespace hpc::lab05
