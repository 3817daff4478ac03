#include "hpc/cuda_check.hpp"
#include "lab07/gpu_kernel.hpp"

namespace hpc::lab07 {

namespace {

constexpr int kTile = 256;  // bodies per shared-memory tile = threads per block

// Thread i sums body i's pull from every body, a tile at a time: the block reads each body from
// global memory once per tile and every thread reuses it from shared memory (GPU Gems 3, ch. 31).
__global__ void accelerations_kernel(const float4* __restrict__ bodies, int n, float eps2, float4* __restrict__ acc) {
  __shared__ float4 tile[kTile];
  const int i = blockIdx.x * kTile + threadIdx.x;
  const float4 me = i < n ? bodies[i] : make_float4(0.f, 0.f, 0.f, 0.f);
  float ax = 0.f, ay = 0.f, az = 0.f;
  for (int start = 0; start < n; start += kTile) {
    const int j = start + threadIdx.x;
    tile[threadIdx.x] = j < n ? bodies[j] : make_float4(0.f, 0.f, 0.f, 0.f);  // massless padding
    __syncthreads();
#pragma unroll 16
    for (int k = 0; k < kTile; ++k) {
      const float4 other = tile[k];
      const float dx = other.x - me.x, dy = other.y - me.y, dz = other.z - me.z;
      const float r2 = fmaf(dx, dx, fmaf(dy, dy, fmaf(dz, dz, eps2)));
      const float inv_r = rsqrtf(r2);
      // r2 = 0 only for the body itself without softening: a select, not 0 * infinity.
      const float s = r2 > 0.f ? other.w * inv_r * inv_r * inv_r : 0.f;
      ax = fmaf(dx, s, ax);
      ay = fmaf(dy, s, ay);
      az = fmaf(dz, s, az);
    }
    __syncthreads();
  }
  if (i < n) acc[i] = make_float4(ax, ay, az, 0.f);
}

}  // namespace

void gpu_accelerations(const float4* bodies, int n, float softening, float4* acc) {
  const int blocks = (n + kTile - 1) / kTile;
  accelerations_kernel<<<blocks, kTile>>>(bodies, n, softening * softening, acc);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
}

}  // namespace hpc::lab07
