#include "hpc/todo.hpp"
#include "lab06/scaling.hpp"

namespace hpc::lab06 {

// TODO(student): task 5 (6 points: test_scaling). The formulas are in lab06/scaling.hpp.
//  - amdahl_serial_fraction: T(1) = the mean of the 1-core times; for every p > 1 take
//    x = 1 - 1/p and y = T(p)/T(1) - 1/p; f = (sum of x*y) / (sum of x*x), clamped to [0, 1].
//    Throw std::invalid_argument without a 1-core and a many-core time, or for a time <= 0.
//  - amdahl_speedup, gustafson_speedup, karp_flatt: one line each (karp_flatt throws for p <= 1).
// Graded: exact answers on made-up times, then your fit on times the test measures of a program
// whose serial fraction it chose (within 0.05 of it).
double amdahl_serial_fraction(std::span<const Timing> timings) { hpc::todo("amdahl_serial_fraction"); }

double amdahl_speedup(double serial_fraction, double cores) { hpc::todo("amdahl_speedup"); }

double gustafson_speedup(double serial_fraction, double cores) { hpc::todo("gustafson_speedup"); }

double karp_flatt(double speedup, double cores) { hpc::todo("karp_flatt"); }

}  // namespace hpc::lab06
