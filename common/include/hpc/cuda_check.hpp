// Error checking for every CUDA call (Labs 05 and 07; needs the CUDA Toolkit's headers). A failed
// call throws with the call, the file and line, and CUDA's own message, so a test fails with the
// reason instead of computing on garbage.
//
//   CUDA_CHECK(cudaMalloc(&p, bytes));
//   my_kernel<<<grid, block>>>(...);
//   CUDA_CHECK(cudaGetLastError());        // a launch reports its errors here
#pragma once

#include <cuda_runtime_api.h>

#include <stdexcept>
#include <string>

namespace hpc {

class CudaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline void cuda_check(cudaError_t status, const char* call, const char* file, int line) {
  if (status != cudaSuccess) {
    throw CudaError(std::string(call) + " failed at " + file + ":" + std::to_string(line) + ": " +
                    cudaGetErrorName(status) + ": " + cudaGetErrorString(status));
  }
}

}  // namespace hpc

#define CUDA_CHECK(call) ::hpc::cuda_check((call), #call, __FILE__, __LINE__)
