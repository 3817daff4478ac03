// A small, fast random generator with independent, reproducible streams, for parallel Monte
// Carlo: stream (seed, i) is the same sequence on every machine, thread or process.
#pragma once

#include <cstdint>

namespace hpc {

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

// The Monte Carlo estimates of pi (Labs 01, 03, 04) share one rule: a point exactly on the
// circle counts as inside, so every lab's hit count is the same for the same stream.
inline bool inside_quarter_circle(double x, double y) { return x * x + y * y <= 1.0; }

}  // namespace hpc
