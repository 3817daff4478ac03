// Exercise 3 — reference solution.
#include <algorithm>
#include <cstdint>

#include "lab05/cuda_check.hpp"
#include "lab05/device.hpp"
#include "lab05/reduction.hpp"

namespace hpc::lab05 {
namespace {

constexpr unsigned kThreads = 256;

// 3a: each thread adds a grid-stride slice, then the block halves its partial sums in shared
// memory until one is left.
__global__ void shared_memory_sums(const float* __restrict__ x, std::size_t n, float* __restrict__ partial) {
  __shared__ float sums[kThreads];
  float sum = 0.0f;
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) sum += x[i];
  sums[threadIdx.x] = sum;
  __syncthreads();
  for (unsigned half = blockDim.x / 2; half > 0; half /= 2) {
    if (threadIdx.x < half) sums[threadIdx.x] += sums[threadIdx.x + half];
    __syncthreads();
  }
  if (threadIdx.x == 0) partial[blockIdx.x] = sums[0];
}

// The 32 lanes of a warp exchange registers directly: no shared memory, no __syncthreads().
__device__ float warp_sum(float value) {
  for (int offset = 16; offset > 0; offset /= 2) value += __shfl_down_sync(0xffffffffu, value, offset);
  return value;
}

// 3b: 16-byte loads (four floats per instruction, so more bytes in flight per thread), a warp
// shuffle within each warp, and shared memory only for the one value per warp.
__global__ void shuffle_sums(const float* __restrict__ x, std::size_t n, float* __restrict__ partial) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  const std::size_t first = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  float sum = 0.0f;
  if (reinterpret_cast<std::uintptr_t>(x) % sizeof(float4) == 0) {
    const float4* x4 = reinterpret_cast<const float4*>(x);
    for (std::size_t i = first; i < n / 4; i += stride) {
      const float4 v = x4[i];
      sum += (v.x + v.y) + (v.z + v.w);
    }
    for (std::size_t i = n / 4 * 4 + first; i < n; i += stride) sum += x[i];  // the last n % 4
  } else {
    for (std::size_t i = first; i < n; i += stride) sum += x[i];
  }
  __shared__ float warp_sums[kThreads / 32];
  sum = warp_sum(sum);
  const unsigned lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  if (lane == 0) warp_sums[warp] = sum;
  __syncthreads();
  if (warp == 0) {
    sum = warp_sum(lane < blockDim.x / 32 ? warp_sums[lane] : 0.0f);
    if (lane == 0) partial[blockIdx.x] = sum;
  }
}

using Kernel = void (*)(const float*, std::size_t, float*);

// Enough blocks to keep every multiprocessor busy several times over: more only queue up.
unsigned max_blocks() {
  static const unsigned blocks = static_cast<unsigned>(device_info().multiprocessors) * 8;
  return blocks;
}

unsigned blocks_for(std::size_t n, std::size_t per_thread) {
  const std::size_t needed = (n + kThreads * per_thread - 1) / (kThreads * per_thread);
  return static_cast<unsigned>(std::clamp<std::size_t>(needed, 1, max_blocks()));
}

// Pass 1 reduces x to one partial sum per block, pass 2 the partial sums with a single block.
float two_pass_sum(Kernel kernel, const float* x, std::size_t n, unsigned blocks) {
  if (n == 0) return 0.0f;
  // Allocated once: a cudaMalloc/cudaFree pair per call would cost more than summing a few MB.
  static DeviceBuffer<float> partial(max_blocks()), total(1);
  kernel<<<blocks, kThreads>>>(x, n, partial.data());
  CUDA_CHECK(cudaGetLastError());
  kernel<<<1, kThreads>>>(partial.data(), blocks, total.data());
  CUDA_CHECK(cudaGetLastError());
  return total.download()[0];  // cudaMemcpy waits for both kernels
}

}  // namespace

float sum_shared_memory(const float* x, std::size_t n) {
  return two_pass_sum(shared_memory_sums, x, n, blocks_for(n, 1));
}

float sum_warp_shuffle(const float* x, std::size_t n) { return two_pass_sum(shuffle_sums, x, n, blocks_for(n, 4)); }

}  // namespace hpc::lab05
