// Exercise 4: Monte Carlo estimate of pi with one random stream per thread.
#pragma once

#include <cstdint>

namespace hpc::lab01 {

// xoshiro256** (Blackman & Vigna): small, fast, and good enough for simulation. Independent
// streams come from seeding it through splitmix64 with (seed, stream index).
class Rng {
 public:
  static Rng stream(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t s = seed ^ (0xD1B54A32D192ED03ull * (index + 1));
    Rng rng;
    for (auto& word : rng.state_) word = splitmix64(s);
    return rng;
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t state_[4] = {};
};

// Draws `count` points in the unit square from `rng` and returns how many fall inside the
// quarter circle x^2 + y^2 <= 1.
inline std::uint64_t count_hits(Rng& rng, std::uint64_t count) {
  std::uint64_t hits = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const double x = rng.uniform(), y = rng.uniform();
    hits += (x * x + y * y <= 1.0) ? 1 : 0;
  }
  return hits;
}

// 4 * hits / samples, with the samples split over `threads` streams: stream t (Rng::stream(seed, t))
// draws samples * t / threads .. samples * (t + 1) / threads. The result depends only on
// (samples, seed, threads), never on timing; with threads == 1 it equals the serial baseline.
double estimate_pi(std::uint64_t samples, std::uint64_t seed, int threads);

}  // namespace hpc::lab01
