#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "baseline.hpp"

namespace {

using namespace hpc::lab02;

TEST(RunConcurrently, ResultsInProgramOrder) {
  Gil gil;
  Interpreter interpreter(gil);
  std::vector<Program> programs;
  std::vector<std::int64_t> expected;
  for (std::int64_t n : {5'000, 1, 70'000, 0, 12'345}) {
    programs.push_back(cpu_bound_program(n));
    expected.push_back(cpu_bound_result(n));
  }
  programs.push_back(io_bound_program(4, 100));
  expected.push_back(4);
  EXPECT_EQ(run_concurrently(interpreter, programs), expected);
  EXPECT_EQ(interpreter.max_concurrent_bytecode(), 1);
}

TEST(RunConcurrently, NoProgramsNoResults) {
  Gil gil;
  Interpreter interpreter(gil);
  EXPECT_TRUE(run_concurrently(interpreter, {}).empty());
}

TEST(RunConcurrently, ProgramsReallyRunAtTheSameTime) {
  // Judged by events, not by a clock: each program calls a native function that records that it
  // started, then waits (GIL released, like blocking I/O) until it has seen every program start.
  // Programs running at once all see all of them; programs run one after another never do (the
  // first waits for programs not yet begun). The deadline only stops a serial run from hanging.
  constexpr int kPrograms = 8;
  constexpr auto kHangGuard = std::chrono::seconds(10);
  Gil gil;
  Interpreter interpreter(gil);
  std::mutex mutex;
  std::condition_variable changed;
  int started = 0;
  bool gave_up = false;  // after one timeout the rest return at once: a serial run costs one deadline
  const int rendezvous = interpreter.register_native([&](Gil& held, std::int64_t) -> std::int64_t {
    GilRelease unlocked(held);  // declared first, so the GIL is retaken after `lock` is released
    std::unique_lock lock(mutex);
    ++started;
    changed.notify_all();
    if (!changed.wait_for(lock, kHangGuard, [&] { return started == kPrograms || gave_up; })) gave_up = true;
    return started;  // how many programs had started when this one stopped waiting
  });
  const std::vector<Program> programs(kPrograms, native_program(rendezvous, 0));
  const auto seen = run_concurrently(interpreter, programs);
  EXPECT_EQ(seen, std::vector<std::int64_t>(kPrograms, kPrograms))
      << "each program waited (up to " << kHangGuard.count() << " s) until it had seen all " << kPrograms
      << " programs start; the counts above are how many each saw: they did not all run at the same time";
}

}  // namespace
