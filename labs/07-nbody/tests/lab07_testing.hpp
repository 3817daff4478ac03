// Helpers of Lab 07's tests: accelerations as owned arrays, and how far apart two sets are.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "baseline.hpp"
#include "lab07/bodies.hpp"

namespace lab07_testing {

struct Accel {
  std::vector<double> x, y, z;
  explicit Accel(std::size_t n) : x(n), y(n), z(n) {}
  hpc::lab07::Accelerations view() { return {x, y, z}; }
};

// |a_i - b_i| / |b_i| for every body (|b_i| = 0: the absolute difference).
inline std::vector<double> relative_errors(const Accel& a, const Accel& b) {
  std::vector<double> errors(a.x.size());
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const double dx = a.x[i] - b.x[i], dy = a.y[i] - b.y[i], dz = a.z[i] - b.z[i];
    const double norm = std::sqrt(b.x[i] * b.x[i] + b.y[i] * b.y[i] + b.z[i] * b.z[i]);
    errors[i] = std::sqrt(dx * dx + dy * dy + dz * dz) / (norm > 0 ? norm : 1.0);
  }
  return errors;
}

// The q-quantile (0 <= q <= 1) of `values`, by rank.
inline double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

inline Accel direct_reference(const hpc::lab07::Bodies& b, double softening) {
  Accel a(b.size());
  hpc::lab07::baseline::direct_accelerations(hpc::lab07::positions_of(b), b.m, softening, a.view());
  return a;
}

}  // namespace lab07_testing
