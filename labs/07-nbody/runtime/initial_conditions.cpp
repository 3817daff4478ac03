#include "lab07/initial_conditions.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "hpc/rng.hpp"

namespace hpc::lab07 {
namespace {

Bodies with_size(std::size_t n) {
  Bodies b;
  for (auto* v : {&b.x, &b.y, &b.z, &b.vx, &b.vy, &b.vz, &b.m}) v->assign(n, 0.0);
  return b;
}

// Moves the centre of mass to the origin and stops it.
void centre(Bodies& b) {
  double mass = 0, c[6] = {0, 0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < b.size(); ++i) {
    mass += b.m[i];
    const double values[6] = {b.x[i], b.y[i], b.z[i], b.vx[i], b.vy[i], b.vz[i]};
    for (int k = 0; k < 6; ++k) c[k] += b.m[i] * values[k];
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    b.x[i] -= c[0] / mass, b.y[i] -= c[1] / mass, b.z[i] -= c[2] / mass;
    b.vx[i] -= c[3] / mass, b.vy[i] -= c[4] / mass, b.vz[i] -= c[5] / mass;
  }
}

// A random direction, uniform on the unit sphere.
void direction(Rng& rng, double& x, double& y, double& z) {
  const double cos_theta = 2 * rng.uniform() - 1, phi = 2 * std::numbers::pi * rng.uniform();
  const double sin_theta = std::sqrt(1 - cos_theta * cos_theta);
  x = sin_theta * std::cos(phi), y = sin_theta * std::sin(phi), z = cos_theta;
}

}  // namespace

Bodies kepler_circular() { return kepler_ellipse(0.0); }

Bodies kepler_ellipse(double e) {
  if (!(e >= 0 && e < 1)) throw std::invalid_argument("kepler_ellipse: eccentricity must be in [0, 1)");
  Bodies b = with_size(2);
  b.m = {1.0, 1e-9};
  // Pericentre at distance 1 - e, speed sqrt((1 + e) / (1 - e)) for a = 1 and G M = 1.
  b.x[1] = 1 - e;
  b.vy[1] = std::sqrt((1 + e) / (1 - e));
  return b;
}

Bodies figure_eight() {
  Bodies b = with_size(3);
  b.m = {1, 1, 1};
  b.x = {0.97000436, -0.97000436, 0};
  b.y = {-0.24308753, 0.24308753, 0};
  const double vx3 = -0.93240737, vy3 = -0.86473146;
  b.vx = {-vx3 / 2, -vx3 / 2, vx3};
  b.vy = {-vy3 / 2, -vy3 / 2, vy3};
  return b;
}

Bodies plummer(std::size_t n, std::uint64_t seed) {
  Bodies b = with_size(n);
  Rng rng = Rng::stream(seed, 7);
  // In Plummer's structural units (scale a = 1) E = -3 pi / 64; Henon units (E = -1/4) scale
  // lengths by 3 pi / 16 and velocities by its inverse square root.
  const double length = 3 * std::numbers::pi / 16, speed = 1 / std::sqrt(length);
  for (std::size_t i = 0; i < n; ++i) {
    b.m[i] = 1.0 / static_cast<double>(n);
    double r;
    do {  // radius from the cumulative mass, cut at 10 scale lengths
      r = 1 / std::sqrt(std::pow(rng.uniform(), -2.0 / 3.0) - 1);
    } while (!(r < 10));
    double ux, uy, uz;
    direction(rng, ux, uy, uz);
    b.x[i] = length * r * ux, b.y[i] = length * r * uy, b.z[i] = length * r * uz;
    double q;  // speed over escape speed, from g(q) = q^2 (1 - q^2)^(7/2) by rejection
    do {
      q = rng.uniform();
    } while (0.1 * rng.uniform() > q * q * std::pow(1 - q * q, 3.5));
    const double v = q * std::sqrt(2.0) * std::pow(1 + r * r, -0.25);
    direction(rng, ux, uy, uz);
    b.vx[i] = speed * v * ux, b.vy[i] = speed * v * uy, b.vz[i] = speed * v * uz;
  }
  centre(b);
  return b;
}

Bodies cold_sphere(std::size_t n, std::uint64_t seed) {
  Bodies b = with_size(n);
  Rng rng = Rng::stream(seed, 11);
  for (std::size_t i = 0; i < n; ++i) {
    b.m[i] = 1.0 / static_cast<double>(n);
    double ux, uy, uz;
    direction(rng, ux, uy, uz);
    const double r = std::cbrt(rng.uniform());
    b.x[i] = r * ux, b.y[i] = r * uy, b.z[i] = r * uz;
  }
  centre(b);
  return b;
}

Bodies uniform_cube(std::size_t n, std::uint64_t seed, double side) {
  Bodies b = with_size(n);
  Rng rng = Rng::stream(seed, 13);
  for (std::size_t i = 0; i < n; ++i) {
    b.m[i] = 1.0 / static_cast<double>(n);
    b.x[i] = side * rng.uniform(), b.y[i] = side * rng.uniform(), b.z[i] = side * rng.uniform();
  }
  return b;
}

}  // namespace hpc::lab07
