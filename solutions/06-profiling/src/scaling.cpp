#include "lab06/scaling.hpp"

#include <algorithm>
#include <stdexcept>

namespace hpc::lab06 {

double amdahl_serial_fraction(std::span<const Timing> timings) {
  double one_core_sum = 0;
  int one_core_count = 0;
  for (const Timing& t : timings) {
    if (t.cores < 1 || !(t.seconds > 0)) throw std::invalid_argument("amdahl_serial_fraction: cores >= 1, time > 0");
    if (t.cores == 1) one_core_sum += t.seconds, ++one_core_count;
  }
  if (one_core_count == 0) throw std::invalid_argument("amdahl_serial_fraction: no measurement on 1 core");
  const double t1 = one_core_sum / one_core_count;
  // 1/S(p) - 1/p = f (1 - 1/p): least squares for a line through the origin, slope = sum xy / sum xx.
  double xx = 0, xy = 0;
  for (const Timing& t : timings) {
    if (t.cores == 1) continue;
    const double inverse_p = 1.0 / t.cores;
    const double x = 1 - inverse_p, y = t.seconds / t1 - inverse_p;
    xx += x * x;
    xy += x * y;
  }
  if (xx == 0) throw std::invalid_argument("amdahl_serial_fraction: no measurement on more than 1 core");
  return std::clamp(xy / xx, 0.0, 1.0);
}

double amdahl_speedup(double serial_fraction, double cores) {
  return 1.0 / (serial_fraction + (1 - serial_fraction) / cores);
}

double gustafson_speedup(double serial_fraction, double cores) { return cores - serial_fraction * (cores - 1); }

double karp_flatt(double speedup, double cores) {
  if (cores <= 1 || !(speedup > 0)) throw std::invalid_argument("karp_flatt: cores > 1 and speedup > 0");
  return (1 / speedup - 1 / cores) / (1 - 1 / cores);
}

}  // namespace hpc::lab06
