// The runner of test_remote.cpp: serves remote_test_api.hpp, implemented here.
#include <omp.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "hpc/remote_runner.hpp"
#include "remote_test_codecs.hpp"

namespace hpc::remote_test {

double sum(std::span<const double> values) { return std::accumulate(values.begin(), values.end(), 0.0); }
void scale(std::span<double> values, double factor) {
  for (double& x : values) x *= factor;
}
void fill(std::span<double> out, double value) {
  for (double& x : out) x = value;
}
Named describe(const Named& named, Grid grid) {
  Named copy = named;
  copy.name += "!";
  for (double& x : copy.values) x *= grid.scale;
  copy.values.push_back(grid.width * grid.height);
  return copy;
}
std::size_t length(std::string_view text) { return text.size(); }
int threads() { return omp_get_max_threads(); }
int uid() { return static_cast<int>(getuid()); }
void throw_invalid_argument(const std::string& message) { throw std::invalid_argument(message); }
void throw_not_a_std_exception() { throw 42; }
void crash() {
  volatile int* nowhere = nullptr;
  *nowhere = 1;
}
void start_background_work() {
  std::thread([] {
    std::atomic<unsigned long> spins{0};
    for (;;) spins.fetch_add(1, std::memory_order_relaxed);
  }).detach();
}
int slow_to_take(SlowToDecode argument) { return argument.value; }

}  // namespace hpc::remote_test

std::vector<hpc::remote::Export> hpc::remote::exports() {
  using namespace hpc::remote_test;
  return {exported("sum", &sum),
          exported("scale", &scale),
          exported("fill", &fill),
          exported("describe", &describe),
          exported("length", &length),
          exported("threads", &threads),
          exported("uid", &uid),
          exported("throw_invalid_argument", &throw_invalid_argument),
          exported("throw_not_a_std_exception", &throw_not_a_std_exception),
          exported("crash", &crash),
          exported("start_background_work", &start_background_work),
          exported("slow_to_take", &slow_to_take)};
}
