#include <cmath>
#include <vector>

#include "baseline.hpp"

namespace hpc::lab07::baseline {

namespace {

struct Body {
  double x, y, z, m;
};

// One body's acceleration, one pair at a time.
// (no-tree-vectorize: the baseline stays the scalar loop whatever the compiler could make of it)
__attribute__((optimize("no-tree-vectorize"))) void accelerate(const std::vector<Body>& bodies, std::size_t i,
                                                               double eps2, Accelerations acc) {
  double ax = 0, ay = 0, az = 0;
  for (std::size_t j = 0; j < bodies.size(); ++j) {
    if (j == i) continue;
    const double dx = bodies[j].x - bodies[i].x, dy = bodies[j].y - bodies[i].y, dz = bodies[j].z - bodies[i].z;
    const double r2 = dx * dx + dy * dy + dz * dz + eps2;
    const double inv_r3 = 1.0 / (r2 * std::sqrt(r2));
    ax += bodies[j].m * dx * inv_r3;
    ay += bodies[j].m * dy * inv_r3;
    az += bodies[j].m * dz * inv_r3;
  }
  acc.x[i] = ax, acc.y[i] = ay, acc.z[i] = az;
}

std::vector<Body> records(Positions pos, std::span<const double> m) {
  std::vector<Body> bodies(pos.size());
  for (std::size_t i = 0; i < bodies.size(); ++i) bodies[i] = {pos.x[i], pos.y[i], pos.z[i], m[i]};
  return bodies;
}

}  // namespace

void direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc) {
  const auto bodies = records(pos, m);
  for (std::size_t i = 0; i < bodies.size(); ++i) accelerate(bodies, i, softening * softening, acc);
}

void direct_accelerations_parallel(Positions pos, std::span<const double> m, double softening, Accelerations acc) {
  const auto bodies = records(pos, m);
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(bodies.size());
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t i = 0; i < n; ++i) accelerate(bodies, static_cast<std::size_t>(i), softening * softening, acc);
}

std::vector<Pair> close_pairs(Positions pos, double radius) {
  std::vector<Pair> pairs;
  const double r2 = radius * radius;
  for (std::size_t i = 0; i < pos.size(); ++i) {
    for (std::size_t j = i + 1; j < pos.size(); ++j) {
      const double dx = pos.x[i] - pos.x[j], dy = pos.y[i] - pos.y[j], dz = pos.z[i] - pos.z[j];
      if (dx * dx + dy * dy + dz * dz < r2)
        pairs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    }
  }
  return pairs;
}

}  // namespace hpc::lab07::baseline
