// Task 6 (src/gpu.cu): the all-pairs sum of lab07/forces.hpp on the GPU, in fp32, with the bodies
// already in device memory. Compiled by nvcc; graded on a machine with a GPU.
#pragma once

#include <vector_types.h>  // float4

namespace hpc::lab07 {

// bodies[i] = (x, y, z, mass) and acc[i] = (ax, ay, az, 0) are device pointers, n >= 1. Writes
// every acc[i] = sum over j of m_j (r_j - r_i) / (|r_j - r_i|^2 + eps^2)^(3/2), and returns when
// the GPU has finished (errors thrown as hpc::CudaError, hpc/cuda_check.hpp).
// Checked against the fp64 baseline: |a_i - exact_i| <= 1e-4 * sum over j of |a_ij|, the
// round-off of an fp32 sum of n terms with room to spare; any n, softening 0 included.
void gpu_accelerations(const float4* bodies, int n, float softening, float4* acc);

}  // namespace hpc::lab07
