// Part 2, Streaming ETL: throughput (bytes/s) of the slow version, of yours, and of reading the file
// alone in large blocks (the ceiling a pipeline that parses as fast as it reads would reach), on a
// 64 MiB generated file in $TMPDIR (removed at the end).
//   ./bench_etl --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "lab06/etl.hpp"
#include "lab06/etl_inputs.hpp"

namespace {

using namespace hpc::lab06;

constexpr std::uint64_t kBytes = std::uint64_t{64} << 20;

// The benchmark's input, generated once and removed when the program ends.
struct BenchFile {
  std::string path;
  BenchFile() {
    const char* dir = std::getenv("TMPDIR");
    path = (std::filesystem::path(dir && *dir ? dir : "/tmp") /
            ("bench-" + std::to_string(::getpid()) + "-" + transactions_file_name(1, kBytes)))
               .string();
    write_transactions(path, 1, kBytes);
  }
  ~BenchFile() { remove_input_file(path); }
};

const std::string& bench_file() {
  static const BenchFile file;
  return file.path;
}

void report_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kBytes));
}

void BM_EtlSlowVersion(benchmark::State& state) {
  bench_file();  // generated before the clock starts
  for (auto _ : state) benchmark::DoNotOptimize(baseline::summarize_transactions(bench_file(), {}));
  report_bytes(state);
}

void BM_EtlYours(benchmark::State& state) {
  bench_file();
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(summarize_transactions(bench_file(), {}));
    } catch (const std::exception& error) {
      state.SkipWithError(error.what());
      break;
    }
  }
  report_bytes(state);
}

// The ceiling: 4 MiB reads and a count of newlines, no parsing.
void BM_ReadOnly(benchmark::State& state) {
  std::vector<char> block(std::size_t{4} << 20);
  bench_file();
  for (auto _ : state) {
    const int fd = ::open(bench_file().c_str(), O_RDONLY);
    std::int64_t lines = 0;
    for (ssize_t got; (got = ::read(fd, block.data(), block.size())) > 0;)
      lines += std::count(block.data(), block.data() + got, '\n');
    ::close(fd);
    benchmark::DoNotOptimize(lines);
  }
  report_bytes(state);
}

BENCHMARK(BM_EtlSlowVersion)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_EtlYours)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
