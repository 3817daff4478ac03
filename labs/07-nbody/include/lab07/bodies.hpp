// An N-body system in struct-of-arrays layout (one array per coordinate), and the views of it
// that the lab's functions take. Units: G = 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hpc::lab07 {

// What a simulation owns: positions, velocities and masses of n bodies.
struct Bodies {
  std::vector<double> x, y, z, vx, vy, vz, m;
  std::size_t size() const { return m.size(); }
};

// Read-only positions (every span has the same length n).
struct Positions {
  std::span<const double> x, y, z;
  std::size_t size() const { return x.size(); }
};

// Where accelerations are written (three spans of length n).
struct Accelerations {
  std::span<double> x, y, z;
};

// What an integrator moves: positions and velocities, with the masses.
struct State {
  std::span<double> x, y, z, vx, vy, vz;
  std::span<const double> m;
};

inline Positions positions_of(const Bodies& b) { return {b.x, b.y, b.z}; }
inline State state_of(Bodies& b) { return {b.x, b.y, b.z, b.vx, b.vy, b.vz, b.m}; }

// A pair of body indices, i < j.
struct Pair {
  std::uint32_t i, j;
  bool operator==(const Pair&) const = default;
  auto operator<=>(const Pair&) const = default;
};

}  // namespace hpc::lab07
