// Lab 05 benchmarks (./grade --bench 05 plots them; they need a GPU and report an error without).
//
//   Matmul{Naive,Tiled,Cublas}/n      GFLOP/s at n = 512 .. 4096
//   Reduction{Shared,Shuffle}/n       GB/s and the fraction of the device's peak bandwidth
//   Offload{Pageable,Pinned}/n        saxpy on the GPU with copies: to_device, kernel, to_host (ms)
//   SaxpyCpu/n                        the same on one CPU core: where the lines cross is break-even
//   Fft{Gpu,Cpu}/n                    cuFFT against the CPU FFT
#include <benchmark/benchmark.h>

#include <complex>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab05/device.hpp"
#include "lab05/fft.hpp"
#include "lab05/matmul.hpp"
#include "lab05/offload.hpp"
#include "lab05/reduction.hpp"

namespace {

using namespace hpc::lab05;

bool skip_without_gpu(benchmark::State& state) {
  if (cuda_device_available()) return false;
  state.SkipWithError("no CUDA device");
  return true;
}

template <void (*Multiply)(const float*, const float*, float*, int)>
void BM_Matmul(benchmark::State& state) {
  if (skip_without_gpu(state)) return;
  const int n = static_cast<int>(state.range(0));
  const auto count = static_cast<std::size_t>(n) * n;
  DeviceBuffer<float> a(hpc::random_floats(count, 1)), b(hpc::random_floats(count, 2)), c(count);
  for (auto _ : state) Multiply(a.data(), b.data(), c.data(), n);
  state.counters["GFLOP/s"] =
      benchmark::Counter(2.0 * n * n * n, benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::kIs1000);
}
void BM_MatmulNaive(benchmark::State& state) { BM_Matmul<matmul_naive>(state); }
void BM_MatmulTiled(benchmark::State& state) { BM_Matmul<matmul_tiled>(state); }
void BM_MatmulCublas(benchmark::State& state) { BM_Matmul<baseline::cublas_matmul>(state); }
BENCHMARK(BM_MatmulNaive)->RangeMultiplier(2)->Range(512, 4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatmulTiled)->RangeMultiplier(2)->Range(512, 4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatmulCublas)->RangeMultiplier(2)->Range(512, 4096)->Unit(benchmark::kMillisecond);

template <float (*Sum)(const float*, std::size_t)>
void BM_Reduction(benchmark::State& state) {
  if (skip_without_gpu(state)) return;
  const auto n = static_cast<std::size_t>(state.range(0));
  DeviceBuffer<float> x(hpc::random_floats(n, 3, 0.0f, 1.0f));
  for (auto _ : state) benchmark::DoNotOptimize(Sum(x.data(), n));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n * sizeof(float)));
  state.counters["peak_GB/s"] = device_info().peak_bandwidth_gbs;
}
void BM_ReductionShared(benchmark::State& state) { BM_Reduction<sum_shared_memory>(state); }
void BM_ReductionShuffle(benchmark::State& state) { BM_Reduction<sum_warp_shuffle>(state); }
BENCHMARK(BM_ReductionShared)->RangeMultiplier(16)->Range(1 << 16, 1 << 28);
BENCHMARK(BM_ReductionShuffle)->RangeMultiplier(16)->Range(1 << 16, 1 << 28);

void offload(benchmark::State& state, bool pinned) {
  if (skip_without_gpu(state)) return;
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto x = hpc::random_floats(n, 4);
  std::vector<float> y = hpc::random_floats(n, 5);
  OffloadTimes sum;
  for (auto _ : state) {
    const OffloadTimes t = saxpy_offload(2.0f, x, y, pinned);
    sum.to_device_s += t.to_device_s;
    sum.kernel_s += t.kernel_s;
    sum.to_host_s += t.to_host_s;
  }
  const auto per = [&](double seconds) { return seconds * 1e3 / static_cast<double>(state.iterations()); };
  state.counters["to_device_ms"] = per(sum.to_device_s);
  state.counters["kernel_ms"] = per(sum.kernel_s);
  state.counters["to_host_ms"] = per(sum.to_host_s);
}
void BM_OffloadPageable(benchmark::State& state) { offload(state, false); }
void BM_OffloadPinned(benchmark::State& state) { offload(state, true); }
BENCHMARK(BM_OffloadPageable)->RangeMultiplier(8)->Range(1 << 10, 1 << 28)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OffloadPinned)->RangeMultiplier(8)->Range(1 << 10, 1 << 28)->Unit(benchmark::kMicrosecond);

void BM_SaxpyCpu(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto x = hpc::random_floats(n, 4);
  std::vector<float> y = hpc::random_floats(n, 5);
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) y[i] = 2.0f * x[i] + y[i];
    benchmark::DoNotOptimize(y.data());
  }
}
BENCHMARK(BM_SaxpyCpu)->RangeMultiplier(8)->Range(1 << 10, 1 << 28)->Unit(benchmark::kMicrosecond);

std::vector<std::complex<float>> signal(std::size_t n) {
  const auto v = hpc::random_floats(2 * n, 6);
  std::vector<std::complex<float>> s(n);
  for (std::size_t i = 0; i < n; ++i) s[i] = {v[2 * i], v[2 * i + 1]};
  return s;
}

void BM_FftGpu(benchmark::State& state) {
  if (skip_without_gpu(state)) return;
  const auto s = signal(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(fft_gpu(s));
}
void BM_FftCpu(benchmark::State& state) {
  const auto s = signal(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(baseline::cpu_dft(s));
}
BENCHMARK(BM_FftGpu)->RangeMultiplier(16)->Range(1 << 8, 1 << 24)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FftCpu)->RangeMultiplier(16)->Range(1 << 8, 1 << 24)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
