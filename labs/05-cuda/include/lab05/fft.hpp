// Exercise 5: the discrete Fourier transform with cuFFT.
#pragma once

#include <complex>
#include <vector>

namespace hpc::lab05 {

// 5. X[k] = sum_j x[j] exp(-2 pi i j k / n), unnormalised, for any n >= 1, with a cuFFT C2C plan
// (cufftPlan1d, cufftExecC2C with CUFFT_FORWARD, cufftDestroy; check every cufftResult).
std::vector<std::complex<float>> fft_gpu(const std::vector<std::complex<float>>& signal);

}  // namespace hpc::lab05
