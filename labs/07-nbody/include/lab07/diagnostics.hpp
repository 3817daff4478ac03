// What a simulation conserves, computed the slow, sure way (given code, fp64, O(n^2)).
#pragma once

#include <array>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

double kinetic_energy(const Bodies& b);
// -sum over pairs i < j of m_i m_j / sqrt(|r_i - r_j|^2 + eps^2): the energy the softened force conserves.
double potential_energy(const Bodies& b, double softening);
inline double total_energy(const Bodies& b, double softening) {
  return kinetic_energy(b) + potential_energy(b, softening);
}
std::array<double, 3> momentum(const Bodies& b);
std::array<double, 3> angular_momentum(const Bodies& b);
// 2K / |W|: 1 for a system in equilibrium.
double virial_ratio(const Bodies& b, double softening);

}  // namespace hpc::lab07
