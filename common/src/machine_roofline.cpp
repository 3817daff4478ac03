// bin/machine_roofline [--threads N]: this machine's ceilings as JSON on stdout, for the grader's
// roofline feedback (grader/roofline.py runs it once per grading run). Only instructor code runs
// here: no student code can change the ceilings its kernels are compared with.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "hpc/machine.hpp"
#include "hpc/roofline_probe.hpp"

int main(int argc, char** argv) {
  int threads = hpc::usable_cores();  // the grader passes the cores it counts
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: machine_roofline [--threads N]\n");
      return 2;
    }
  }
  if (threads < 1) {
    std::fprintf(stderr, "machine_roofline: --threads must be at least 1\n");
    return 2;
  }
  try {
    const auto ceilings = hpc::roofline_probe::measure_ceilings(threads);
    std::printf("{\"peak_flops_one_core\": %.6g, \"bandwidth\": %.6g, \"threads\": %d}\n", ceilings.peak_flops_one_core,
                ceilings.bandwidth, ceilings.threads);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "machine_roofline: %s\n", error.what());
    return 1;
  }
  return 0;
}
