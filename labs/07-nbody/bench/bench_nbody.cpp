// Lab 07's benchmarks: time against n for the direct sum, the tree and the cell list (log-log
// slopes in the handout), and interactions per second of the direct sum (x 20 flops: GFLOP/s), on
// the CPU and, built with nvcc on a machine with a GPU, on the GPU (BM_Gpu).
//   ./bench_nbody --benchmark_filter=Direct --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cmath>
#include <vector>

#include "baseline.hpp"
#include "hpc/simd.hpp"
#include "lab07/barnes_hut.hpp"
#include "lab07/cell_list.hpp"
#include "lab07/forces.hpp"
#ifdef LAB07_GPU
#include "lab07/gpu.hpp"
#endif
#include "lab07/initial_conditions.hpp"

namespace {

using namespace hpc::lab07;

struct Accel {
  std::vector<double> x, y, z;
  explicit Accel(std::size_t n) : x(n), y(n), z(n) {}
  Accelerations view() { return {x, y, z}; }
};

void set_threads(benchmark::State& state, int index) {
  omp_set_num_threads(static_cast<int>(state.range(index)));
  state.counters["threads"] = static_cast<double>(state.range(index));
}

// The fp64 multiply-add peak of one core: 12 independent vector FMA chains (enough to hide the
// FMA latency on any x86 core of the last decade), counted as 2 flops per lane.
void BM_FmaPeak(benchmark::State& state) {
  using hpc::simd::Vec;
  constexpr int kChains = 12;
  Vec acc[kChains];
  for (int c = 0; c < kChains; ++c) acc[c] = Vec{} + 1.0 + c;
  const Vec a = Vec{} + 0.999999, b = Vec{} + 1e-7;
  constexpr long kSteps = 1 << 20;
  for (auto _ : state) {
    for (long s = 0; s < kSteps; ++s) {
      for (int c = 0; c < kChains; ++c) acc[c] = acc[c] * a + b;
    }
    benchmark::DoNotOptimize(acc);
  }
  state.counters["GFLOP/s"] = benchmark::Counter(2.0 * hpc::simd::kLanes * kChains * kSteps * 1e-9,
                                                 benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FmaPeak)->Unit(benchmark::kMillisecond);

void BM_DirectScalarBaseline(benchmark::State& state) {
  const Bodies b = plummer(static_cast<std::size_t>(state.range(0)), 1);
  Accel a(b.size());
  for (auto _ : state) {
    baseline::direct_accelerations(positions_of(b), b.m, 0.01, a.view());
    benchmark::DoNotOptimize(a.x.data());
    benchmark::ClobberMemory();
  }
  state.counters["interactions/s"] =
      benchmark::Counter(static_cast<double>(b.size() * b.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_DirectScalarBaseline)->ArgName("n")->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);

void BM_Direct(benchmark::State& state) {
  set_threads(state, 1);
  const Bodies b = plummer(static_cast<std::size_t>(state.range(0)), 1);
  Accel a(b.size());
  for (auto _ : state) {
    direct_accelerations(positions_of(b), b.m, 0.01, a.view());
    benchmark::DoNotOptimize(a.x.data());
    benchmark::ClobberMemory();
  }
  state.counters["interactions/s"] =
      benchmark::Counter(static_cast<double>(b.size() * b.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Direct)
    ->ArgNames({"n", "threads"})
    ->ArgsProduct({{1024, 4096, 16384}, {1, 2}})
    ->Unit(benchmark::kMillisecond);

void BM_Tree(benchmark::State& state) {
  set_threads(state, 1);
  const Bodies b = plummer(static_cast<std::size_t>(state.range(0)), 1);
  Accel a(b.size());
  for (auto _ : state) {
    tree_accelerations(positions_of(b), b.m, 0.01, 0.5, a.view());
    benchmark::DoNotOptimize(a.x.data());
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_Tree)
    ->ArgNames({"n", "threads"})
    ->ArgsProduct({{1 << 12, 1 << 14, 1 << 16}, {2}})
    ->Unit(benchmark::kMillisecond);

// Cell list at a fixed density (about 4 neighbours per body): the box grows with n.
void BM_CellList(benchmark::State& state) {
  omp_set_num_threads(1);
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const double side = std::cbrt(static_cast<double>(n) / 20000.0);
  const Bodies b = uniform_cube(n, 1, side);
  std::size_t pairs = 0;
  for (auto _ : state) {
    const auto found = close_pairs(positions_of(b), 0.036);
    pairs = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["pairs"] = static_cast<double>(pairs);
}
BENCHMARK(BM_CellList)->ArgName("n")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

#ifdef LAB07_GPU
// Task 6 on the GPU, copies to and from the device included (they are O(n), the sum O(n^2)).
void BM_Gpu(benchmark::State& state) {
  if (!cuda_device_available()) {
    state.SkipWithError("no CUDA device");
    return;
  }
  const Bodies b = plummer(static_cast<std::size_t>(state.range(0)), 1);
  Accel a(b.size());
  for (auto _ : state) {
    gpu_direct_accelerations(positions_of(b), b.m, 0.01, a.view());
    benchmark::DoNotOptimize(a.x.data());
  }
  state.counters["interactions/s"] =
      benchmark::Counter(static_cast<double>(b.size() * b.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Gpu)->ArgName("n")->Arg(4096)->Arg(16384)->Arg(65536)->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();
