#include "baseline.hpp"

#include "hpc/primes.hpp"

#include <atomic>
#include <thread>

namespace hpc::lab02::baseline {

std::vector<std::int64_t> run_sequentially(Interpreter& interpreter, const std::vector<Program>& programs) {
  std::vector<std::int64_t> results;
  for (const auto& program : programs) results.push_back(interpreter.run(program));
  return results;
}

std::int64_t count_primes(std::int64_t limit) { return hpc::count_primes_in(2, limit); }

std::int64_t count_racy(int threads, std::int64_t increments) {
  std::atomic<std::int64_t> total{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (std::int64_t i = 0; i < increments; ++i) {
        total.store(total.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);  // read, then write
      }
    });
  }
  for (auto& w : workers) w.join();
  return total.load();
}

}  // namespace hpc::lab02::baseline
