#include <unistd.h>

#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

#include "hpc/primes.hpp"
#include "hpc/rng.hpp"
#include "lab03/applications.hpp"
#include "lab03/ridge.hpp"

namespace hpc::lab03 {
namespace {

std::map<std::string, Task>& registry() {
  static std::map<std::string, Task> tasks;
  return tasks;
}

void spin_microseconds(std::int64_t us) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::microseconds(us);
  while (std::chrono::steady_clock::now() < end) {
  }
}

}  // namespace

void register_task(const std::string& name, Task task) { registry()[name] = std::move(task); }

const Task& find_task(const std::string& name) {
  const auto found = registry().find(name);
  if (found == registry().end()) throw std::invalid_argument("no task named '" + name + "' is registered");
  return found->second;
}

void register_lab_tasks() {
  register_task("count_primes", [](const Bytes& in) {
    const auto range = decode_doubles(in);
    if (range.size() != 2) throw std::invalid_argument("count_primes takes {lo, hi}");
    return encode_int(hpc::count_primes_in(static_cast<std::int64_t>(range[0]), static_cast<std::int64_t>(range[1])));
  });
  register_task("spin", [](const Bytes& in) {
    spin_microseconds(decode_int(in));
    return in;
  });
  register_task("sleep", [](const Bytes& in) {
    std::this_thread::sleep_for(std::chrono::microseconds(decode_int(in)));
    return in;
  });
  register_task("mc_chunk", [](const Bytes& in) {
    const auto args = decode_doubles(in);  // {seed, stream, samples}; exact below 2^53
    if (args.size() != 3) throw std::invalid_argument("mc_chunk takes {seed, stream, samples}");
    Rng rng = Rng::stream(static_cast<std::uint64_t>(args[0]), static_cast<std::uint64_t>(args[1]));
    std::int64_t hits = 0;
    for (auto i = static_cast<std::int64_t>(args[2]); i > 0; --i) {
      const double x = rng.uniform(), y = rng.uniform();
      hits += hpc::inside_quarter_circle(x, y) ? 1 : 0;
    }
    return encode_int(hits);
  });
  register_task("ridge_cv", [](const Bytes& in) {
    const auto args = decode_doubles(in);  // {lambda, fold}
    if (args.size() != 2) throw std::invalid_argument("ridge_cv takes {lambda, fold}");
    return encode_doubles({ridge::fold_error(args[0], static_cast<int>(args[1]))});
  });
  register_task("worker_pid", [](const Bytes&) { return encode_int(::getpid()); });
  register_task("sum", [](const Bytes& in) {
    double total = 0;
    for (double v : decode_doubles(in)) total += v;
    return encode_doubles({total});
  });
}

}  // namespace hpc::lab03
