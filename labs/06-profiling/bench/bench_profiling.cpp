// Lab 06's benchmarks: what a scope costs (yours and the naive profiler's), this machine's roofs
// as your kernels and the course's measure them (GFLOP/s on one core, GB/s on 1..all threads), and
// the planted program's time against threads (fit Amdahl's law to it).
//   ./bench_profiling --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <omp.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab06/roofline.hpp"
#include "lab06/workloads.hpp"

namespace {

using namespace hpc::lab06;

// 1, 2, 4, ... threads and the machine's count.
void every_thread_count(benchmark::internal::Benchmark* b) {
  const int cores = omp_get_num_procs();
  for (int t = 1; t < cores; t *= 2) b->Arg(t);
  b->Arg(cores);
}

void BM_ScopeOverhead(benchmark::State& state) {
  const long iterations = state.range(0);
  for (auto _ : state) benchmark::DoNotOptimize(nested_scopes(iterations));
  state.counters["scopes/s"] =
      benchmark::Counter(2.0 * static_cast<double>(iterations), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ScopeOverhead)->ArgName("iterations")->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_ScopeOverheadNaive(benchmark::State& state) {
  const long iterations = state.range(0);
  for (auto _ : state) benchmark::DoNotOptimize(baseline::naive_nested_scopes(iterations));
  state.counters["scopes/s"] =
      benchmark::Counter(2.0 * static_cast<double>(iterations), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ScopeOverheadNaive)->ArgName("iterations")->Arg(100'000)->Unit(benchmark::kMillisecond);

template <void (*kernel)(std::span<double>, double, double, long)>
void BM_Fma(benchmark::State& state) {
  constexpr long kIterations = 200'000;
  std::vector<double> acc = hpc::random_doubles(static_cast<std::size_t>(state.range(0)), 1, 0.5, 2.0);
  for (auto _ : state) {
    kernel(acc, 0.9999999, 1e-7, kIterations);
    benchmark::DoNotOptimize(acc.data());
  }
  state.counters["GFLOP/s"] = benchmark::Counter(2e-9 * static_cast<double>(acc.size()) * kIterations,
                                                 benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Fma<fma_chains>)
    ->Name("BM_FmaChains")
    ->ArgName("chains")
    ->Arg(16)
    ->Arg(64)
    ->Arg(256)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Fma<baseline::fma_chains>)
    ->Name("BM_FmaPeakKernel")
    ->ArgName("chains")
    ->Arg(256)
    ->Unit(benchmark::kMillisecond);

template <void (*kernel)(std::span<double>, std::span<const double>, std::span<const double>, double)>
void BM_Triad(benchmark::State& state) {
  omp_set_num_threads(static_cast<int>(state.range(0)));
  constexpr std::size_t kN = std::size_t{1} << 23;
  std::vector<double> a(kN), b = hpc::random_doubles(kN, 1), c = hpc::random_doubles(kN, 2);
  for (auto _ : state) {
    kernel(a, b, c, 3.0);
    benchmark::DoNotOptimize(a.data());
  }
  state.counters["GB/s"] = benchmark::Counter(24e-9 * kN, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Triad<triad>)
    ->Name("BM_Triad")
    ->ArgName("threads")
    ->Apply(every_thread_count)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Triad<baseline::triad>)
    ->Name("BM_TriadMachine")
    ->ArgName("threads")
    ->Apply(every_thread_count)
    ->Unit(benchmark::kMillisecond);

void BM_PlantedProgram(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(planted_serial_program(0.25, 100'000'000, static_cast<int>(state.range(0))));
}
BENCHMARK(BM_PlantedProgram)
    ->ArgName("threads")
    ->Apply(every_thread_count)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
