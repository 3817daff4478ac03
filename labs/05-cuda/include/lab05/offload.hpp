// Exercise 4: what offloading costs — the same kernel (y = a x + y, "saxpy") timed in its three
// phases, from pageable (ordinary) or pinned (page-locked) host memory.
#pragma once

#include <cstddef>
#include <vector>

namespace hpc::lab05 {

struct OffloadTimes {
  double to_device_s = 0;  // host -> device copies of x and y
  double kernel_s = 0;     // the kernel
  double to_host_s = 0;    // device -> host copy of y
  double total() const { return to_device_s + kernel_s + to_host_s; }
};

// 4. y = a * x + y on the GPU, the phases timed with cudaEvent_t (cudaEventRecord around each,
// cudaEventElapsedTime after cudaEventSynchronize). With pinned = true, stage x and y through host
// buffers from cudaMallocHost (copy in, copy out: that copy is not timed); otherwise copy straight
// from the vectors. y holds the result on return.
OffloadTimes saxpy_offload(float a, const std::vector<float>& x, std::vector<float>& y, bool pinned);

}  // namespace hpc::lab05
