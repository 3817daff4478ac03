// Exercise 3: the sum of a float array in device memory.
#pragma once

#include <cstddef>

namespace hpc::lab05 {

// 3a. Tree reduction in shared memory: each block sums its part (a grid-stride loop first, then
// halving strides with __syncthreads()), writes one partial sum; the partial sums are summed the
// same way (or on the host, there are few). Accumulate in float per thread, exactly as written.
float sum_shared_memory(const float* x, std::size_t n);

// 3b. The same with warp shuffles (__shfl_down_sync) for the last 32 lanes, and vector loads
// (float4) where the pointer is 16-byte aligned: the goal is to read memory at >= 70% of the
// device's peak bandwidth (DeviceInfo::peak_bandwidth_gbs).
float sum_warp_shuffle(const float* x, std::size_t n);

}  // namespace hpc::lab05
