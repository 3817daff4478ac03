// Given: programs with one planted bottleneck each (lab06/bottlenecks.hpp). They run in a child
// process of the test (profile_run), so what they leak or block on ends with them.
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "lab06/bottlenecks.hpp"

namespace hpc::lab06 {

namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point after(double seconds) {
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// The result of work, kept where the compiler must compute it.
void keep(std::uint64_t value) { asm volatile("" : : "r"(value) : "memory"); }

std::uint64_t xorshift(std::uint64_t x, int steps) {
  for (int i = 0; i < steps; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  return x;
}

template <class Body>
void on_threads(int threads, Body body) {
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(body, t);
  for (auto& thread : pool) thread.join();
}

bool full_transfer(int fd, char* data, std::size_t bytes, bool reading) {
  while (bytes > 0) {
    const ssize_t n = reading ? read(fd, data, bytes) : write(fd, data, bytes);
    if (n <= 0) return false;
    data += n;
    bytes -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

void spin_threads(int threads, double seconds) {
  const auto end = after(seconds);
  on_threads(threads, [end](int t) {
    std::uint64_t x = 88172645463325252ull + static_cast<std::uint64_t>(t);
    while (Clock::now() < end) x = xorshift(x, 4096);
    keep(x);
  });
}

// A client asking a server thread over a socket pair; the server answers each request after
// `latency_ms` (a disk, a database, a remote service), so the client mostly waits.
void wait_for_a_slow_server(double seconds, std::size_t reply_bytes, double latency_ms) {
  int ends[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, ends) != 0) throw std::runtime_error("socketpair failed");
  const auto end = after(seconds);
  std::thread server([&] {
    std::vector<char> reply(reply_bytes, 'r');
    char request = 0;
    while (read(ends[1], &request, 1) == 1 && request == 'q') {
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(latency_ms));
      if (!full_transfer(ends[1], reply.data(), reply.size(), false)) break;
    }
  });
  std::vector<char> buffer(reply_bytes);
  std::uint64_t checksum = 0;
  char ask = 'q';
  while (Clock::now() < end && write(ends[0], &ask, 1) == 1 &&
         full_transfer(ends[0], buffer.data(), buffer.size(), true))
    checksum += static_cast<unsigned char>(buffer[reply_bytes / 2]);
  shutdown(ends[0], SHUT_RDWR);
  server.join();
  close(ends[0]);
  close(ends[1]);
  keep(checksum);
}

// Allocates and fills `mib_per_step` every `step_ms` and forgets none of it: resident memory
// grows for the whole run.
void leak_steadily(double seconds, std::size_t mib_per_step, double step_ms) {
  auto* never_freed = new std::list<std::vector<char>>;  // the leak: nothing owns it
  const auto end = after(seconds);
  auto next = Clock::now();
  while (Clock::now() < end) {
    never_freed->emplace_back(mib_per_step << 20, 'x');
    next += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(step_ms));
    std::this_thread::sleep_until(next);
  }
  keep(never_freed->size());
}

// Every thread does all its work holding one mutex: only one of them runs at a time, the others
// sleep in the kernel waiting for it.
void fight_over_a_lock(int threads, double seconds, int work_inside) {
  std::mutex lock;
  std::uint64_t shared = 1;
  const auto end = after(seconds);
  on_threads(threads, [&](int) {
    while (Clock::now() < end) {
      std::lock_guard guard(lock);
      shared = xorshift(shared, work_inside);
    }
  });
  keep(shared);
}

// A STREAM triad over three arrays of `mib` / 3 each, on `threads` threads, again and again.
void stream_through_memory(int threads, double seconds, std::size_t mib) {
  const std::size_t n = (mib << 20) / 3 / sizeof(double);
  std::vector<double> a(n), b(n, 1.0), c(n, 2.0);
  const auto end = after(seconds);
  on_threads(threads, [&](int t) {
    const std::size_t begin = n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
    const std::size_t stop = n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
    while (Clock::now() < end)
      for (std::size_t i = begin; i < stop; ++i) a[i] = b[i] + 3.0 * c[i];
  });
  keep(static_cast<std::uint64_t>(a[n / 2]));
}

std::vector<PlantedProgram> planted_programs(double s) {
  using B = Bottleneck;
  return {
      {"spin, 1 thread", B::cpu_bound, [s] { spin_threads(1, s); }},
      {"spin, 2 threads", B::cpu_bound, [s] { spin_threads(2, s); }},
      {"slow server, 64 KiB replies", B::io_bound, [s] { wait_for_a_slow_server(s, 64 << 10, 1.0); }},
      {"slow server, 1 MiB replies", B::io_bound, [s] { wait_for_a_slow_server(s, 1 << 20, 2.0); }},
      {"leak 2 MiB every 5 ms", B::memory_growth, [s] { leak_steadily(s, 2, 5.0); }},
      {"leak 8 MiB every 20 ms", B::memory_growth, [s] { leak_steadily(s, 8, 20.0); }},
      {"one lock, 2 threads", B::lock_contended, [s] { fight_over_a_lock(2, s, 2000); }},
      {"one lock, 4 threads", B::lock_contended, [s] { fight_over_a_lock(4, s, 500); }},
      {"triad over 384 MiB, 1 thread", B::memory_bandwidth, [s] { stream_through_memory(1, s, 384); }},
      {"triad over 256 MiB, 2 threads", B::memory_bandwidth, [s] { stream_through_memory(2, s, 256); }},
  };
}

}  // namespace hpc::lab06
