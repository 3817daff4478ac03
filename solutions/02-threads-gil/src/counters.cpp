// Reference solution: three correct ways to count from many threads, from slowest to fastest.
// The atomic makes every increment a cache-line transfer between cores; the mutex adds a lock
// round trip per increment; per-thread partial sums share nothing until one final addition.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "lab02/concurrency.hpp"

namespace hpc::lab02 {
namespace {

template <typename Body>
void on_threads(int threads, Body body) {
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back(body, t);
  for (auto& w : workers) w.join();
}

}  // namespace

std::int64_t count_with_atomic(int threads, std::int64_t increments) {
  std::atomic<std::int64_t> total{0};
  on_threads(threads, [&](int) {
    for (std::int64_t i = 0; i < increments; ++i) total.fetch_add(1, std::memory_order_relaxed);
  });
  return total.load();
}

std::int64_t count_with_mutex(int threads, std::int64_t increments) {
  std::int64_t total = 0;
  std::mutex mutex;
  on_threads(threads, [&](int) {
    for (std::int64_t i = 0; i < increments; ++i) {
      std::lock_guard lock(mutex);
      ++total;
    }
  });
  return total;
}

std::int64_t count_with_partial_sums(int threads, std::int64_t increments) {
  // One slot per thread, each on its own cache line: adjacent slots would still ping-pong
  // (false sharing).
  struct alignas(64) Slot {
    std::int64_t value = 0;
  };
  std::vector<Slot> partial(static_cast<std::size_t>(threads));
  on_threads(threads, [&](int t) {
    std::int64_t mine = 0;
    for (std::int64_t i = 0; i < increments; ++i) ++mine;
    partial[static_cast<std::size_t>(t)].value = mine;
  });
  std::int64_t total = 0;
  for (const auto& slot : partial) total += slot.value;
  return total;
}

}  // namespace hpc::lab02
