// Exercise 2 — reference solution.
#include <cstddef>

#include "lab05/cuda_check.hpp"
#include "lab05/matmul.hpp"

namespace hpc::lab05 {
namespace {

// 2a: thread (x, y) computes C[y][x]. Neighbouring threads (x) read neighbouring elements of B
// (coalesced) and the same element of A (a broadcast); every operand comes from global memory, so
// the kernel moves 2 n^3 floats for 2 n^3 flops.
__global__ void naive_kernel(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int n) {
  const int col = blockIdx.x * blockDim.x + threadIdx.x;
  const int row = blockIdx.y * blockDim.y + threadIdx.y;
  if (row >= n || col >= n) return;
  float sum = 0.0f;
  for (int k = 0; k < n; ++k)
    sum += a[static_cast<std::size_t>(row) * n + k] * b[static_cast<std::size_t>(k) * n + col];
  c[static_cast<std::size_t>(row) * n + col] = sum;
}

// 2b: a block of 256 threads computes a 128 x 128 tile of C. For each slice of 8 columns of A and
// 8 rows of B, the block stages both in shared memory (every element read from global memory once
// per block, not once per thread), then each thread computes an 8 x 8 piece of the tile from
// registers: 64 fused multiply-adds per 16 shared-memory loads.
constexpr int kTile = 128, kDepth = 8, kThreads = 256;

__global__ __launch_bounds__(kThreads) void tiled_kernel(const float* __restrict__ a, const float* __restrict__ b,
                                                         float* __restrict__ c, int n) {
  // A's slice is stored transposed (a_tile[k][row]) so a thread reads its 8 rows as two float4;
  // the padding of 4 puts the 32 stores of a warp in 32 different banks.
  __shared__ __align__(16) float a_tile[kDepth][kTile + 4];
  __shared__ __align__(16) float b_tile[kDepth][kTile];
  const int tid = threadIdx.x, tx = tid % 16, ty = tid / 16;
  const int row0 = blockIdx.y * kTile, col0 = blockIdx.x * kTile;
  // A thread's rows are ty*4 + 0..3 and 64 + ty*4 + 0..3 (columns likewise with tx): split in two
  // so that a warp's float4 reads of b_tile are consecutive (no bank conflicts).
  float acc[8][8] = {};

  for (int k0 = 0; k0 < n; k0 += kDepth) {
    for (int i = 0; i < (kTile * kDepth) / kThreads; ++i) {
      const int index = tid + i * kThreads;
      const int a_row = index / kDepth, a_k = index % kDepth;  // 8 threads read 8 consecutive floats of a row
      const int gr = row0 + a_row, gk = k0 + a_k;
      a_tile[a_k][a_row] = (gr < n && gk < n) ? a[static_cast<std::size_t>(gr) * n + gk] : 0.0f;
      const int b_k = index / kTile, b_col = index % kTile;  // a warp reads 32 consecutive floats
      const int bk = k0 + b_k, bc = col0 + b_col;
      b_tile[b_k][b_col] = (bk < n && bc < n) ? b[static_cast<std::size_t>(bk) * n + bc] : 0.0f;
    }
    __syncthreads();
#pragma unroll
    for (int k = 0; k < kDepth; ++k) {
      const float4 a_lo = *reinterpret_cast<const float4*>(&a_tile[k][ty * 4]);
      const float4 a_hi = *reinterpret_cast<const float4*>(&a_tile[k][64 + ty * 4]);
      const float4 b_lo = *reinterpret_cast<const float4*>(&b_tile[k][tx * 4]);
      const float4 b_hi = *reinterpret_cast<const float4*>(&b_tile[k][64 + tx * 4]);
      const float av[8] = {a_lo.x, a_lo.y, a_lo.z, a_lo.w, a_hi.x, a_hi.y, a_hi.z, a_hi.w};
      const float bv[8] = {b_lo.x, b_lo.y, b_lo.z, b_lo.w, b_hi.x, b_hi.y, b_hi.z, b_hi.w};
#pragma unroll
      for (int i = 0; i < 8; ++i) {
#pragma unroll
        for (int j = 0; j < 8; ++j) acc[i][j] += av[i] * bv[j];
      }
    }
    __syncthreads();  // the tiles are overwritten next: everyone must be done reading them
  }
#pragma unroll
  for (int i = 0; i < 8; ++i) {
    const int row = row0 + (i < 4 ? ty * 4 + i : 64 + ty * 4 + i - 4);
#pragma unroll
    for (int j = 0; j < 8; ++j) {
      const int col = col0 + (j < 4 ? tx * 4 + j : 64 + tx * 4 + j - 4);
      if (row < n && col < n) c[static_cast<std::size_t>(row) * n + col] = acc[i][j];
    }
  }
}

unsigned blocks_for(int n, int per_block) { return static_cast<unsigned>((n + per_block - 1) / per_block); }

}  // namespace

void matmul_naive(const float* a, const float* b, float* c, int n) {
  const dim3 block(16, 16), grid(blocks_for(n, 16), blocks_for(n, 16));
  naive_kernel<<<grid, block>>>(a, b, c, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
}

void matmul_tiled(const float* a, const float* b, float* c, int n) {
  const dim3 grid(blocks_for(n, kTile), blocks_for(n, kTile));
  tiled_kernel<<<grid, kThreads>>>(a, b, c, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
}

}  // namespace hpc::lab05
