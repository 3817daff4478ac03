// The naive profiler (every scope takes a global lock, builds its path as a string and looks it
// up in a std::map), and the floor under every profiler: the clock reads alone.
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "baseline.hpp"

namespace hpc::lab06::baseline {

namespace {

using Clock = std::chrono::steady_clock;

struct Totals {
  std::uint64_t calls = 0;
  double seconds = 0;
};

struct Open {
  std::string path;
  Clock::time_point start;
};

std::mutex lock;
std::map<std::string, Totals> totals;
thread_local std::vector<Open> open;

}  // namespace

void naive_enter(const char* name) {
  std::lock_guard guard(lock);
  std::string path = open.empty() ? std::string(name) : open.back().path + ";" + name;
  open.push_back({std::move(path), Clock::now()});
}

void naive_exit() {
  std::lock_guard guard(lock);
  Totals& t = totals[open.back().path];
  t.calls += 1;
  t.seconds += std::chrono::duration<double>(Clock::now() - open.back().start).count();
  open.pop_back();
}

std::uint64_t naive_nested_scopes(long iterations) {
  volatile std::uint64_t count = 0;
  for (long i = 0; i < iterations; ++i) {
    naive_enter("outer");
    naive_enter("inner");
    count = count + 1;
    naive_exit();
    naive_exit();
  }
  return count;
}

std::uint64_t clock_only_nested_scopes(long iterations) {
  volatile std::uint64_t count = 0;
  volatile std::int64_t ticks = 0;  // every read kept
  for (long i = 0; i < iterations; ++i) {
    const auto outer = Clock::now(), inner = Clock::now();
    count = count + 1;
    ticks = ticks + (Clock::now() - inner).count();
    ticks = ticks + (Clock::now() - outer).count();
  }
  return count;
}

}  // namespace hpc::lab06::baseline
