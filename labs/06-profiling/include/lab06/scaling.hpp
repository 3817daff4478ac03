// Task 5 (src/scaling.cpp): the laws that say how far parallelism can go, fitted to measured times.
//
// A program that runs for T(1) on one core and T(p) on p cores has the speedup S(p) = T(1) / T(p).
// Amdahl (fixed problem): a serial fraction f of the one-core time cannot be shared, so
//   S(p) = 1 / (f + (1 - f) / p),   and never more than 1 / f on any number of cores.
// Gustafson (problem grown with p): f is the serial share of the time on p cores, so
//   scaled S(p) = p - f (p - 1).
// Karp-Flatt: the serial fraction that one measured speedup implies,
//   e(p) = (1 / S(p) - 1 / p) / (1 - 1 / p),   p > 1;   an e that grows with p is overhead.
#pragma once

#include <span>

namespace hpc::lab06 {

// One measurement: the wall time of the whole program on `cores` cores.
struct Timing {
  int cores = 1;
  double seconds = 0;
};

// Amdahl's f fitted by least squares to every measurement: the f that minimises
//   sum over p > 1 of (1 / S(p) - f - (1 - f) / p)^2,   S(p) = T(1) / T(p),
// a straight line through the origin in x = 1 - 1/p, y = 1/S(p) - 1/p, clamped to [0, 1]; T(1) is
// the mean of the 1-core measurements.
// Throws std::invalid_argument without a measurement on 1 core and one on more than 1 core, or
// with a time that is not positive. The measurements may come in any order; a core count that
// appears twice counts twice.
double amdahl_serial_fraction(std::span<const Timing> timings);

// Amdahl's speedup on p cores for serial fraction f (f in [0, 1], p >= 1).
double amdahl_speedup(double serial_fraction, double cores);

// Gustafson's scaled speedup on p cores for serial fraction f of the p-core run.
double gustafson_speedup(double serial_fraction, double cores);

// The Karp-Flatt serial fraction of a measured speedup on p > 1 cores; throws std::invalid_argument
// for p <= 1 or a speedup that is not positive.
double karp_flatt(double speedup, double cores);

}  // namespace hpc::lab06
