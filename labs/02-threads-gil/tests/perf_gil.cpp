// The GIL's lesson in numbers: the same run_concurrently, three kinds of work.
#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/machine.hpp"
#include "hpc/perf_test.hpp"
#include "lab02_thresholds.hpp"

namespace {

using namespace hpc::lab02;

std::function<void()> sequential(Interpreter& interpreter, const std::vector<Program>& programs) {
  return [&] { baseline::run_sequentially(interpreter, programs); };
}
std::function<void()> concurrent(Interpreter& interpreter, const std::vector<Program>& programs) {
  return [&] { run_concurrently(interpreter, programs); };
}

// Graded as correctness: with the GIL, CPU-bound bytecode on 4 threads is no faster than on one
// (a speedup would mean the lock is being bypassed), and not much slower either.
TEST(GilPerf, CpuBoundThreadsDoNotHelp) {
  Gil gil;
  Interpreter interpreter(gil);
  const std::vector<Program> programs(4, cpu_bound_program(200'000));
  ASSERT_EQ(run_concurrently(interpreter, programs), std::vector<std::int64_t>(4, cpu_bound_result(200'000)));
  const auto c =
      hpc::compare_interleaved(sequential(interpreter, programs), concurrent(interpreter, programs), {.pairs = 5});
  RecordProperty("speedup", std::to_string(c.speedup));
  std::cout << "[ PERF     ] CPU-bound bytecode, 4 threads vs 1: speedup " << c.speedup << "\n";
  EXPECT_LE(c.speedup, 1.3) << "threads sped up CPU-bound bytecode: is every program using the same GIL?";
  EXPECT_GE(c.speedup, 0.5) << "threads made CPU-bound bytecode more than 2x slower";
  EXPECT_EQ(interpreter.max_concurrent_bytecode(), 1);
}

// I/O-bound: each program mostly waits, with the GIL released, so 8 threads overlap 8 waits on
// any number of cores. Concurrency = speedup / threads.
TEST(GilPerf, IoBoundThreadsOverlap) {
  Gil gil;
  Interpreter interpreter(gil);
  constexpr int kThreads = 8;
  const std::vector<Program> programs(kThreads, io_bound_program(10, 2'000));
  ASSERT_EQ(run_concurrently(interpreter, programs), std::vector<std::int64_t>(kThreads, 10));
  hpc::expect_speedup_at_least(targets::io_bound_concurrency, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved(sequential(interpreter, programs), concurrent(interpreter, programs), {.pairs = 5}),
        kThreads);
  });
}

// Native code that releases the GIL: CPU-bound work scales with the cores again.
TEST(GilPerf, NativeCallsWithoutTheGilScale) {
  Gil gil;
  Interpreter interpreter(gil);
  const int primes = interpreter.register_native(count_primes_native);
  const int threads = std::max(2, hpc::usable_cores());
  const std::vector<Program> programs(static_cast<std::size_t>(threads), native_program(primes, 150'000));
  ASSERT_EQ(run_concurrently(interpreter, programs),
            std::vector<std::int64_t>(static_cast<std::size_t>(threads), baseline::count_primes(150'000)));
  hpc::expect_speedup_at_least(targets::native_efficiency, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved(sequential(interpreter, programs), concurrent(interpreter, programs), {.pairs = 7}),
        threads);
  });
}

}  // namespace
