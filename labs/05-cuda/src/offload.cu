// Exercise 4 — what offloading costs. Graded by test_offload (on a GPU); bench_cuda plots the phases
// against the CPU. Edit only this file.
#include "hpc/todo.hpp"
#include "lab05/device.hpp"
#include "lab05/offload.hpp"

namespace hpc::lab05 {

OffloadTimes saxpy_offload(float a, const std::vector<float>& x, std::vector<float>& y, bool pinned) {
  // TODO(student): device buffers for x and y (DeviceBuffer); for pinned, host buffers from
  // cudaMallocHost (freed with cudaFreeHost) with x and y copied in; four cudaEvent_t recorded
  // around cudaMemcpy of x and y to the device, a grid-stride saxpy kernel, and cudaMemcpy of y
  // back; cudaEventSynchronize the last one and read the three phases with cudaEventElapsedTime
  // (milliseconds). Copy y out of the pinned buffer. Check every call; destroy the events.
  hpc::todo("saxpy_offload");
}

}  // namespace hpc::lab05
