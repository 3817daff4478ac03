// Throughput against thread count for the three kinds of work under the GIL, and the four
// counters. "programs/s" rising with threads means the threads overlap; flat means they take turns.
#include <benchmark/benchmark.h>

#include "baseline.hpp"

namespace {

using namespace hpc::lab02;

void run_programs(benchmark::State& state, const Program& program) {
  Gil gil;
  Interpreter interpreter(gil);
  const std::vector<Program> programs(static_cast<std::size_t>(state.range(0)), program);
  for (auto _ : state) benchmark::DoNotOptimize(run_concurrently(interpreter, programs));
  state.counters["programs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)), benchmark::Counter::kIsRate);
}

void BM_CpuBoundUnderGil(benchmark::State& state) { run_programs(state, cpu_bound_program(100'000)); }
void BM_IoBoundUnderGil(benchmark::State& state) { run_programs(state, io_bound_program(5, 2'000)); }
void BM_NativeWithoutGil(benchmark::State& state) {
  Gil gil;
  Interpreter interpreter(gil);
  const int primes = interpreter.register_native(count_primes_native);
  const std::vector<Program> programs(static_cast<std::size_t>(state.range(0)), native_program(primes, 100'000));
  for (auto _ : state) benchmark::DoNotOptimize(run_concurrently(interpreter, programs));
  state.counters["programs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CpuBoundUnderGil)->RangeMultiplier(2)->Range(1, 8)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IoBoundUnderGil)->RangeMultiplier(2)->Range(1, 8)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NativeWithoutGil)->RangeMultiplier(2)->Range(1, 8)->UseRealTime()->Unit(benchmark::kMillisecond);

template <std::int64_t (*Count)(int, std::int64_t)>
void BM_Counter(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  constexpr std::int64_t kIncrements = 1'000'000;
  std::int64_t total = 0;
  for (auto _ : state) benchmark::DoNotOptimize(total = Count(threads, kIncrements));
  // The racy counter's result shows the updates it lost; the others' show 0.
  state.counters["lost_updates"] = static_cast<double>(threads * kIncrements - total);
}
BENCHMARK(BM_Counter<baseline::count_racy>)
    ->Name("Counter/racy")
    ->Arg(2)
    ->Arg(4)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Counter<count_with_atomic>)
    ->Name("Counter/atomic")
    ->Arg(2)
    ->Arg(4)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Counter<count_with_mutex>)
    ->Name("Counter/mutex")
    ->Arg(2)
    ->Arg(4)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Counter<count_with_partial_sums>)
    ->Name("Counter/partial_sums")
    ->Arg(2)
    ->Arg(4)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
