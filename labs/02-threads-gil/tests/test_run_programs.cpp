#include <gtest/gtest.h>

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
  // Eight 30 ms waits: one after another 240 ms, overlapped about 30 ms.
  Gil gil;
  Interpreter interpreter(gil);
  const std::vector<Program> programs(8, io_bound_program(1, 30'000));
  const auto start = std::chrono::steady_clock::now();
  run_concurrently(interpreter, programs);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
}

}  // namespace
