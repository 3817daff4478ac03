// Given code: is there a GPU, and what is it.
#include "lab05/device.hpp"

namespace hpc::lab05 {

bool cuda_device_available() {
  int count = 0;
  const cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) {
    cudaGetLastError();  // clear it: "no driver" or "no device" is an answer, not an error
    return false;
  }
  return count > 0;
}

DeviceInfo device_info() {
  int device = 0;
  CUDA_CHECK(cudaGetDevice(&device));
  cudaDeviceProp properties{};
  CUDA_CHECK(cudaGetDeviceProperties(&properties, device));
  // CUDA 13 dropped the memory clock from cudaDeviceProp: it is an attribute (kHz).
  int memory_clock_khz = 0;
  CUDA_CHECK(cudaDeviceGetAttribute(&memory_clock_khz, cudaDevAttrMemoryClockRate, device));
  DeviceInfo info;
  info.name = properties.name;
  info.compute_capability = properties.major * 10 + properties.minor;
  info.multiprocessors = properties.multiProcessorCount;
  // Double data rate: two transfers per clock, over a bus of memoryBusWidth bits.
  info.peak_bandwidth_gbs = 2.0 * memory_clock_khz * 1e3 * (properties.memoryBusWidth / 8.0) / 1e9;
  return info;
}

}  // namespace hpc::lab05
