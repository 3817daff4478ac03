// The direct sum on an NVIDIA GPU (task 6), as the tests, the benchmark and your own programs call
// it: host arrays in, host arrays out. Built only where nvcc is found; its tests need a GPU.
#pragma once

#include <span>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// Given (runtime/gpu_host.cpp): converts the bodies to fp32 (x, y, z, m) records, copies them to
// the GPU, runs task 6 (lab07/gpu_kernel.hpp), copies the accelerations back as fp64.
void gpu_direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc);

// Given: true when this process can use a CUDA device (a driver and at least one GPU).
bool cuda_device_available();

}  // namespace hpc::lab07
