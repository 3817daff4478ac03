// Exercise 5 — reference solution.
#include <cufft.h>

#include <stdexcept>
#include <string>

#include "lab05/device.hpp"
#include "lab05/fft.hpp"

namespace hpc::lab05 {
namespace {

void cufft_check(cufftResult result, const char* call) {
  if (result != CUFFT_SUCCESS) throw CudaError(std::string(call) + " failed: cufftResult " + std::to_string(result));
}

// The plan owns work memory on the GPU: destroyed on every way out.
class Plan {
 public:
  explicit Plan(int n) { cufft_check(cufftPlan1d(&plan_, n, CUFFT_C2C, 1), "cufftPlan1d"); }
  ~Plan() { cufftDestroy(plan_); }
  Plan(const Plan&) = delete;
  Plan& operator=(const Plan&) = delete;
  cufftHandle get() const { return plan_; }

 private:
  cufftHandle plan_{};
};

}  // namespace

std::vector<std::complex<float>> fft_gpu(const std::vector<std::complex<float>>& signal) {
  if (signal.empty()) return {};
  // std::complex<float> and cufftComplex (float2) have the same layout: two floats, real first.
  static_assert(sizeof(std::complex<float>) == sizeof(cufftComplex));
  const int n = static_cast<int>(signal.size());
  DeviceBuffer<cufftComplex> data(signal.size());
  CUDA_CHECK(cudaMemcpy(data.data(), signal.data(), signal.size() * sizeof(cufftComplex), cudaMemcpyHostToDevice));
  const Plan plan(n);
  cufft_check(cufftExecC2C(plan.get(), data.data(), data.data(), CUFFT_FORWARD), "cufftExecC2C");
  std::vector<std::complex<float>> spectrum(signal.size());
  CUDA_CHECK(cudaMemcpy(spectrum.data(), data.data(), spectrum.size() * sizeof(cufftComplex), cudaMemcpyDeviceToHost));
  return spectrum;
}

}  // namespace hpc::lab05
