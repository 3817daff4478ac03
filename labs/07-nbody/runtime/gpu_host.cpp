// Given: the host side of task 6. The bodies go to the GPU as fp32 (x, y, z, m) records, one
// 16-byte load per body; the accelerations come back as fp64.
#include <climits>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include "hpc/cuda_check.hpp"
#include "lab07/gpu.hpp"
#include "lab07/gpu_kernel.hpp"

namespace hpc::lab07 {

namespace {

// Device memory for n records, freed when it goes out of scope (also when a call throws).
class DeviceRecords {
 public:
  explicit DeviceRecords(std::size_t n) {
    CUDA_CHECK(cudaMalloc(reinterpret_cast<void**>(&data_), n * sizeof(float4)));
  }
  ~DeviceRecords() { cudaFree(data_); }
  DeviceRecords(const DeviceRecords&) = delete;
  DeviceRecords& operator=(const DeviceRecords&) = delete;
  float4* get() const { return data_; }

 private:
  float4* data_ = nullptr;
};

}  // namespace

bool cuda_device_available() {
  int devices = 0;
  return cudaGetDeviceCount(&devices) == cudaSuccess && devices > 0;
}

void gpu_direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc) {
  const std::size_t n = m.size();
  if (pos.x.size() != n || pos.y.size() != n || pos.z.size() != n || acc.x.size() != n || acc.y.size() != n ||
      acc.z.size() != n) {
    throw std::invalid_argument("gpu_direct_accelerations: positions, masses and accelerations differ in length");
  }
  if (n > static_cast<std::size_t>(INT_MAX)) throw std::invalid_argument("gpu_direct_accelerations: n > INT_MAX");
  if (n == 0) return;
  std::vector<float4> host(n);
  for (std::size_t i = 0; i < n; ++i) {
    host[i] = {static_cast<float>(pos.x[i]), static_cast<float>(pos.y[i]), static_cast<float>(pos.z[i]),
               static_cast<float>(m[i])};
  }
  DeviceRecords bodies(n), accelerations(n);
  CUDA_CHECK(cudaMemcpy(bodies.get(), host.data(), n * sizeof(float4), cudaMemcpyHostToDevice));
  gpu_accelerations(bodies.get(), static_cast<int>(n), static_cast<float>(softening), accelerations.get());
  CUDA_CHECK(cudaMemcpy(host.data(), accelerations.get(), n * sizeof(float4), cudaMemcpyDeviceToHost));
  for (std::size_t i = 0; i < n; ++i) acc.x[i] = host[i].x, acc.y[i] = host[i].y, acc.z[i] = host[i].z;
}

}  // namespace hpc::lab07
