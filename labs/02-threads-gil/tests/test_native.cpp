#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "baseline.hpp"

namespace {

using namespace hpc::lab02;

TEST(Native, CountsPrimes) {
  Gil gil;
  Interpreter interpreter(gil);
  const int primes = interpreter.register_native(count_primes_native);
  for (std::int64_t limit : {0, 2, 3, 10, 100, 7919, 100'000}) {
    EXPECT_EQ(interpreter.run(native_program(primes, limit)), baseline::count_primes(limit)) << limit;
  }
  EXPECT_EQ(interpreter.run(native_program(primes, 100)), 25);
}

TEST(Native, ReleasesTheGilWhileCounting) {
  Gil gil;
  Interpreter interpreter(gil);
  const int primes = interpreter.register_native(count_primes_native);
  // A long native call on one thread...
  auto counting = std::async(std::launch::async, [&] { return interpreter.run(native_program(primes, 3'000'000)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  // ...must not keep bytecode on another thread waiting for it to finish.
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(interpreter.run(cpu_bound_program(100)), cpu_bound_result(100));
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(counting.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the count finished too early for this test: raise its limit";
  EXPECT_LT(waited, std::chrono::milliseconds(50)) << "bytecode waited for the native call: is the GIL released?";
  EXPECT_EQ(counting.get(), baseline::count_primes(3'000'000));
}

}  // namespace
