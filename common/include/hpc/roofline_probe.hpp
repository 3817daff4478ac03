// The machine's ceilings as the course measures them, the way STREAM and every peak-FLOP/s
// benchmark do: independent FMA chains in registers (peak FP64 FLOP/s on one core) and the triad
// a[i] = b[i] + s * c[i] on every thread (memory bandwidth). Lab 06's baseline kernels, and what
// bin/machine_roofline measures for the grader's roofline feedback. Instructor code: student code
// calling it counts as calling the baseline (grader/symbols.py).
#pragma once

#include <span>

namespace hpc::roofline_probe {

// Blocks of 16 vector registers, each updated `iterations` times by a fused multiply-add:
// 2 * acc.size() * iterations flops when acc.size() is a multiple of 16 vectors.
void fma_chains(std::span<double> acc, double a, double b, long iterations);

// Every OpenMP thread streams its own contiguous part: 24 bytes an element (two reads, a write).
void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s);

struct Ceilings {
  double peak_flops_one_core = 0;  // FP64 FLOP/s of fma_chains on one thread
  double bandwidth = 0;            // bytes/s of the triad on `threads` threads
  int threads = 1;
};

// Best of a few timed calls of each kernel (a ceiling is what the machine can give, so the
// fastest call counts); the triad on `threads` threads over arrays far beyond the caches.
Ceilings measure_ceilings(int threads);

}  // namespace hpc::roofline_probe
