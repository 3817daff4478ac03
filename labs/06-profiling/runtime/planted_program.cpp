// Given: the program with a serial fraction fixed by construction (lab06/workloads.hpp).
#include <omp.h>

#include <stdexcept>
#include <vector>

#include "lab06/workloads.hpp"

namespace hpc::lab06 {

namespace {

// One dependent chain: each step needs the previous result, so a core does one step per FMA
// latency whatever else it could do. The start is read from memory the compiler cannot see into:
// from a constant start it could run the chain at compile time (1.0 is its fixed point) and
// leave no work at all. Never inlined: the serial and the parallel part run the same machine code
// (inlined into one caller and not the other, a step cost twice as much in one of them at -O1).
__attribute__((noinline)) double chain(long steps, double x) {
  for (long i = 0; i < steps; ++i) x = x * 0.9999999 + 1e-7;
  return x;
}

volatile double chain_start = 1.5;

}  // namespace

double planted_serial_program(double serial_fraction, long work, int threads) {
  if (serial_fraction < 0 || serial_fraction > 1 || work < 0 || threads < 1)
    throw std::invalid_argument("planted_serial_program: serial fraction in [0, 1], work >= 0, threads >= 1");
  const long serial = static_cast<long>(serial_fraction * static_cast<double>(work));
  const long parallel = work - serial;
  double result = chain(serial, chain_start);
  std::vector<double> parts(static_cast<std::size_t>(threads));
#pragma omp parallel for num_threads(threads) schedule(static, 1)
  for (int t = 0; t < threads; ++t) {
    const long share = parallel / threads + (t < parallel % threads ? 1 : 0);
    parts[static_cast<std::size_t>(t)] = chain(share, chain_start + t);
  }
  for (const double p : parts) result += p;
  return result;
}

}  // namespace hpc::lab06
