#include "lab07/diagnostics.hpp"

#include <cmath>

namespace hpc::lab07 {

double kinetic_energy(const Bodies& b) {
  double k = 0;
  for (std::size_t i = 0; i < b.size(); ++i)
    k += 0.5 * b.m[i] * (b.vx[i] * b.vx[i] + b.vy[i] * b.vy[i] + b.vz[i] * b.vz[i]);
  return k;
}

double potential_energy(const Bodies& b, double softening) {
  double w = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    for (std::size_t j = i + 1; j < b.size(); ++j) {
      const double dx = b.x[i] - b.x[j], dy = b.y[i] - b.y[j], dz = b.z[i] - b.z[j];
      w -= b.m[i] * b.m[j] / std::sqrt(dx * dx + dy * dy + dz * dz + softening * softening);
    }
  }
  return w;
}

std::array<double, 3> momentum(const Bodies& b) {
  std::array<double, 3> p{0, 0, 0};
  for (std::size_t i = 0; i < b.size(); ++i) {
    p[0] += b.m[i] * b.vx[i], p[1] += b.m[i] * b.vy[i], p[2] += b.m[i] * b.vz[i];
  }
  return p;
}

std::array<double, 3> angular_momentum(const Bodies& b) {
  std::array<double, 3> l{0, 0, 0};
  for (std::size_t i = 0; i < b.size(); ++i) {
    l[0] += b.m[i] * (b.y[i] * b.vz[i] - b.z[i] * b.vy[i]);
    l[1] += b.m[i] * (b.z[i] * b.vx[i] - b.x[i] * b.vz[i]);
    l[2] += b.m[i] * (b.x[i] * b.vy[i] - b.y[i] * b.vx[i]);
  }
  return l;
}

double virial_ratio(const Bodies& b, double softening) {
  return 2 * kinetic_energy(b) / std::abs(potential_energy(b, softening));
}

}  // namespace hpc::lab07
