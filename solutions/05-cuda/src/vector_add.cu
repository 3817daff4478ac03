// Exercise 1 — reference solution.
#include <algorithm>
#include <stdexcept>

#include "lab05/cuda_check.hpp"
#include "lab05/vector_add.hpp"

namespace hpc::lab05 {
namespace {

// Grid-stride loop: correct for any n and any grid, so the grid can be sized for the GPU (or
// capped, as launch_config does) instead of for the problem.
__global__ void add_kernel(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c,
                           std::size_t n) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    c[i] = a[i] + b[i];
  }
}

}  // namespace

LaunchConfig launch_config(std::size_t n, unsigned block_size, unsigned max_blocks) {
  if (block_size == 0 || block_size > 1024) throw std::invalid_argument("launch_config: block_size must be 1..1024");
  if (max_blocks == 0) throw std::invalid_argument("launch_config: max_blocks must be positive");
  const std::size_t blocks = (n + block_size - 1) / block_size;
  return {static_cast<unsigned>(std::clamp<std::size_t>(blocks, 1, max_blocks)), block_size};
}

void vector_add(const float* a, const float* b, float* c, std::size_t n, unsigned block_size) {
  if (n == 0) return;
  const LaunchConfig config = launch_config(n, block_size);
  add_kernel<<<config.grid, config.block>>>(a, b, c, n);
  CUDA_CHECK(cudaGetLastError());       // a bad launch configuration shows here
  CUDA_CHECK(cudaDeviceSynchronize());  // a fault inside the kernel shows here
}

}  // namespace hpc::lab05
