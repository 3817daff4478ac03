// Error checking for every CUDA call (given): CUDA_CHECK(call) throws a CudaError with the call,
// the file and line, and CUDA's own message (hpc/cuda_check.hpp).
#pragma once

#include "hpc/cuda_check.hpp"

namespace hpc::lab05 {
using hpc::CudaError;
}  // namespace hpc::lab05
