// Facts about the machine a test runs on, so that parallel targets scale with what is present:
// a 2-core CI runner and a 64-core workstation grade the same code fairly.
#pragma once

#include <cstdint>
#include <string>

namespace hpc {

struct MachineInfo {
  int logical_cores = 1;   // hardware threads the OS shows
  int physical_cores = 1;  // distinct cores (SMT siblings counted once)
  int usable_cores = 1;    // what this process may really use: physical cores of its CPU affinity, cgroup quota
  int openmp_threads = 1;  // omp_get_max_threads(): OMP_NUM_THREADS or the default
  std::string simd;        // widest vector extension this binary may use: avx512, avx2, sse4.2, ...
  bool gpu_present = false;
  int mpi_ranks = 1;  // ranks in this MPI job (from the launcher's environment), 1 outside MPI
};

MachineInfo machine_info();

// Cores this process can run on at once: min(the physical cores of its affinity mask, SMT siblings
// counted once, the cgroup CPU quota), at least 1.
int usable_cores();

// The cores a parallel speedup may be expected from: min(threads, usable cores), at least 1.
int effective_parallelism(int threads);

// The parallelism `threads` OpenMP threads really get right now: the speedup of a perfectly
// parallel, compute-only calibration loop over one thread (median of 3 interleaved trials).
// About 2.0 on an idle 2-core machine; about 1 when another process keeps one of the two busy.
// Perf tests divide by it, so a loaded machine does not count against the student.
double measured_parallelism(int threads);

// A dependent chain of integer operations: pure core work, no memory traffic, so its parallel
// speedup is limited only by the cores it gets. The calibration loop of measured_parallelism().
std::uint64_t calibration_work(std::uint64_t steps, std::uint64_t seed);

std::string describe(const MachineInfo& info);

}  // namespace hpc
