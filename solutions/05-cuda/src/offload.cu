// Exercise 4 — reference solution.
#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "lab05/device.hpp"
#include "lab05/offload.hpp"

namespace hpc::lab05 {
namespace {

__global__ void saxpy_kernel(float a, const float* __restrict__ x, float* __restrict__ y, std::size_t n) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    y[i] = a * x[i] + y[i];
  }
}

// Page-locked host memory: the GPU's copy engine reads it directly. Pageable memory is first
// copied by the driver into a pinned staging buffer, which is why it transfers slower.
class PinnedBuffer {
 public:
  explicit PinnedBuffer(std::size_t bytes) { CUDA_CHECK(cudaMallocHost(&data_, bytes)); }
  ~PinnedBuffer() { cudaFreeHost(data_); }
  PinnedBuffer(const PinnedBuffer&) = delete;
  PinnedBuffer& operator=(const PinnedBuffer&) = delete;
  float* data() { return static_cast<float*>(data_); }

 private:
  void* data_ = nullptr;
};

class Event {
 public:
  Event() { CUDA_CHECK(cudaEventCreate(&event_)); }
  ~Event() { cudaEventDestroy(event_); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  void record() { CUDA_CHECK(cudaEventRecord(event_)); }
  // Seconds from `start` to this event (both recorded, this one waited for).
  double seconds_since(const Event& start) {
    CUDA_CHECK(cudaEventSynchronize(event_));
    float ms = 0;
    CUDA_CHECK(cudaEventElapsedTime(&ms, start.event_, event_));
    return ms / 1e3;
  }

 private:
  cudaEvent_t event_{};
};

}  // namespace

OffloadTimes saxpy_offload(float a, const std::vector<float>& x, std::vector<float>& y, bool pinned) {
  if (x.size() != y.size()) throw std::invalid_argument("saxpy_offload: x and y differ in size");
  const std::size_t n = x.size(), bytes = n * sizeof(float);
  if (n == 0) return {};
  DeviceBuffer<float> dx(n), dy(n);
  const float* x_host = x.data();
  float* y_host = y.data();
  std::unique_ptr<PinnedBuffer> px, py;
  if (pinned) {
    px = std::make_unique<PinnedBuffer>(bytes);
    py = std::make_unique<PinnedBuffer>(bytes);
    std::memcpy(px->data(), x.data(), bytes);
    std::memcpy(py->data(), y.data(), bytes);
    x_host = px->data();
    y_host = py->data();
  }
  Event start, copied_in, computed, copied_out;
  start.record();
  CUDA_CHECK(cudaMemcpy(dx.data(), x_host, bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dy.data(), y_host, bytes, cudaMemcpyHostToDevice));
  copied_in.record();
  const auto blocks = static_cast<unsigned>(std::min<std::size_t>((n + 255) / 256, 65535));
  saxpy_kernel<<<blocks, 256>>>(a, dx.data(), dy.data(), n);
  CUDA_CHECK(cudaGetLastError());
  computed.record();
  CUDA_CHECK(cudaMemcpy(y_host, dy.data(), bytes, cudaMemcpyDeviceToHost));
  copied_out.record();

  OffloadTimes times;
  times.to_device_s = copied_in.seconds_since(start);
  times.kernel_s = computed.seconds_since(copied_in);
  times.to_host_s = copied_out.seconds_since(computed);
  if (pinned) std::memcpy(y.data(), y_host, bytes);
  return times;
}

}  // namespace hpc::lab05
