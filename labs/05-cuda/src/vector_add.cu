// Exercise 1 — vector add. Graded by test_vector_add (on a GPU). Edit only this file.
#include "hpc/todo.hpp"
#include "lab05/cuda_check.hpp"
#include "lab05/vector_add.hpp"

namespace hpc::lab05 {

// TODO(student): a __global__ kernel add_kernel(a, b, c, n) with a grid-stride loop:
//   for (i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) c[i] = a[i] + b[i];
// (use std::size_t for i: n may exceed 2^31).

LaunchConfig launch_config(std::size_t n, unsigned block_size, unsigned max_blocks) {
  // TODO(student): throw std::invalid_argument unless 1 <= block_size <= 1024; blocks =
  // ceil(n / block_size), clamped to [1, max_blocks]; return {blocks, block_size}.
  hpc::todo("launch_config");
}

void vector_add(const float* a, const float* b, float* c, std::size_t n, unsigned block_size) {
  // TODO(student): return at once for n == 0; launch add_kernel<<<grid, block>>> with
  // launch_config(n, block_size); then CUDA_CHECK(cudaGetLastError()) and
  // CUDA_CHECK(cudaDeviceSynchronize()).
  hpc::todo("vector_add");
}

}  // namespace hpc::lab05
