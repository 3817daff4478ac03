// When is a process pool worth it? The seed course's benchmark categories, with this pool:
// I/O-bound, CPU-bound (equal and variable cost), serialization-heavy, and the task size below
// which a pool loses to one process. Argument 0 is the number of workers (0 = in this process).
#include <benchmark/benchmark.h>

#include <memory>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

using namespace hpc::lab03;

std::vector<Bytes> ints(std::size_t count, std::int64_t value) { return std::vector<Bytes>(count, encode_int(value)); }

std::vector<Bytes> uneven_ranges() {
  std::vector<Bytes> inputs;
  for (int i = 0; i < 64; ++i) inputs.push_back(encode_doubles({500.0 * i * i, 500.0 * (i + 1) * (i + 1)}));
  return inputs;
}

void run(benchmark::State& state, const std::string& task, const std::vector<Bytes>& inputs, std::size_t chunksize,
         Schedule schedule = Schedule::dynamic) {
  register_lab_tasks();
  const auto workers = static_cast<std::size_t>(state.range(0));
  std::unique_ptr<ProcessPool> pool = workers > 0 ? std::make_unique<ProcessPool>(workers) : nullptr;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pool ? pool->map(task, inputs, chunksize, schedule)
                                  : baseline::run_serially(task, inputs));
  }
  state.counters["tasks/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * inputs.size()), benchmark::Counter::kIsRate);
}

void BM_IoBound(benchmark::State& s) { run(s, "sleep", ints(32, 2'000), 1); }
void BM_CpuEqual(benchmark::State& s) { run(s, "spin", ints(32, 1'000), 1); }
void BM_CpuVariableStatic(benchmark::State& s) { run(s, "count_primes", uneven_ranges(), 1, Schedule::static_blocks); }
void BM_CpuVariableDynamic(benchmark::State& s) { run(s, "count_primes", uneven_ranges(), 1, Schedule::dynamic); }
// 32 arrays of 256 Ki doubles (2 MiB each), one addition per value: moving the data costs more
// than the work, so the pool loses to the loop in one process.
void BM_SerializationHeavy(benchmark::State& s) {
  run(s, "sum", std::vector<Bytes>(32, encode_doubles(hpc::random_doubles(1 << 18, 1))), 1);
}
BENCHMARK(BM_IoBound)->Arg(0)->Arg(2)->Arg(4)->Arg(8)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CpuEqual)->Arg(0)->Arg(1)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CpuVariableStatic)->Arg(0)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CpuVariableDynamic)->Arg(0)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SerializationHeavy)->Arg(0)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Break-even: 256 tasks of `us` microseconds each, in this process (workers 0) or on 2 workers.
void BM_TaskSize(benchmark::State& s) { run(s, "spin", ints(256, s.range(1)), 1); }
BENCHMARK(BM_TaskSize)->ArgsProduct({{0, 2}, {1, 10, 30, 100, 1000}})->UseRealTime()->Unit(benchmark::kMillisecond);

// Getting `count` doubles out of a child: a pipe against shared memory, by size.
void BM_TransferPipe(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(baseline::produce_in_child_pipe(static_cast<std::size_t>(s.range(0))));
  s.SetBytesProcessed(s.iterations() * s.range(0) * 8);
}
void BM_TransferSharedMemory(benchmark::State& s) {
  for (auto _ : s) {
    SharedDoubles shared(static_cast<std::size_t>(s.range(0)));
    produce_in_child_shared(shared);
    benchmark::DoNotOptimize(shared.values().data());
  }
  s.SetBytesProcessed(s.iterations() * s.range(0) * 8);
}
BENCHMARK(BM_TransferPipe)->RangeMultiplier(8)->Range(1 << 10, 1 << 24)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TransferSharedMemory)
    ->RangeMultiplier(8)
    ->Range(1 << 10, 1 << 24)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
