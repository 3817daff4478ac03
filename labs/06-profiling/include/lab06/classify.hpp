// Task 4 (src/classify.cpp): name a program's bottleneck from what the operating system saw of its
// run, the way a first look with `top`, `pidstat -w`, `/proc/<pid>/io` and `free` does: no hardware
// counters (these machines have none), no source code. The lab's runner (given:
// lab06/bottlenecks.hpp) runs a program in a child process and fills a RunProfile.
#pragma once

#include <cstdint>
#include <vector>

namespace hpc::lab06 {

enum class Bottleneck {
  cpu_bound,         // busy computing on every thread it runs, in a small footprint
  io_bound,          // mostly waiting for reads and writes (files, pipes, sockets)
  memory_growth,     // its resident memory keeps growing: a leak, or an unbounded cache
  lock_contended,    // threads mostly waiting for each other, not for I/O
  memory_bandwidth,  // busy, streaming through a footprint far larger than the caches
};

struct RunProfile {
  double wall_seconds = 0;
  double user_seconds = 0;                 // CPU time of all its threads, in the program
  double system_seconds = 0;               // ... and in the kernel on its behalf
  int threads = 1;                         // the most threads it ran at once
  int cores = 1;                           // the cores it could run on
  std::uint64_t voluntary_switches = 0;    // times a thread gave up its core to wait (I/O, a lock, sleep)
  std::uint64_t involuntary_switches = 0;  // times a thread was preempted while it could have run on
  std::uint64_t read_bytes = 0;            // through read-like system calls: files, pipes, sockets (rchar)
  std::uint64_t write_bytes = 0;           // through write-like system calls (wchar)
  std::vector<double> rss_mib;             // resident memory, sampled every 10 ms from the start
  std::vector<double> thread_cpu_seconds;  // CPU time of each thread that ran, at its last sample
};

Bottleneck classify(const RunProfile& run);

inline const char* name_of(Bottleneck b) {
  switch (b) {
    case Bottleneck::cpu_bound:
      return "cpu_bound";
    case Bottleneck::io_bound:
      return "io_bound";
    case Bottleneck::memory_growth:
      return "memory_growth";
    case Bottleneck::lock_contended:
      return "lock_contended";
    case Bottleneck::memory_bandwidth:
      return "memory_bandwidth";
  }
  return "?";
}

}  // namespace hpc::lab06
