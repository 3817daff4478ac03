// CPU time used by this process: a thread that waits properly uses none, one that spins uses
// a whole core. Tests use it to catch busy-waiting.
#pragma once

#include <sys/resource.h>

#include <chrono>

inline std::chrono::microseconds process_cpu_time() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto us = [](const timeval& t) {
    return std::chrono::seconds(t.tv_sec) + std::chrono::microseconds(t.tv_usec);
  };
  return std::chrono::duration_cast<std::chrono::microseconds>(us(usage.ru_utime) + us(usage.ru_stime));
}
