// Given: the hot-spot hunt's input (lab06/hotspots.hpp). Self-contained (its own generator), so
// that the program run under valgrind contains no code built for instructions valgrind lacks.
#include <algorithm>
#include <string>

#include "lab06/hotspots.hpp"

namespace hpc::lab06 {

namespace {

// SplitMix64: a small, well-mixed stream of 64-bit numbers from a seed.
struct Stream {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

const char* const kMethods[] = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
const char* const kSections[] = {"/api/items/", "/api/users/", "/static/img/", "/search/", "/cart/"};

}  // namespace

LogShape shape_of(std::uint64_t seed) {
  Stream s{seed ^ 0x5EEDull};
  return {800 + s.below(1600), 10 + s.below(80), 10 + s.below(21)};
}

std::string generate_access_log(std::uint64_t seed, int lines) {
  const LogShape shape = shape_of(seed);
  Stream s{seed};
  std::string log;
  log.reserve(static_cast<std::size_t>(lines) * 48);
  for (int i = 0; i < lines; ++i) {
    if (s.below(1000) < 3) {  // a few broken lines: a truncated write, a stray header
      log += s.below(2) == 0 ? "10.0.0.1 GET /api/items/1\n" : "ip method path status bytes latency\n";
      continue;
    }
    // Popular paths are requested far more often: the smaller of two draws, squared in effect.
    const int path = std::min(s.below(shape.paths), s.below(shape.paths));
    const int status = s.below(1000) < shape.error_per_mille ? 500 + s.below(4) : (s.below(10) == 0 ? 404 : 200);
    log += "10." + std::to_string(s.below(256)) + "." + std::to_string(s.below(256)) + "." +
           std::to_string(s.below(256)) + " " + kMethods[s.below(6)] + " " + kSections[path % 5] +
           std::to_string(path) + " " + std::to_string(status) + " " + std::to_string(200 + s.below(20000)) + " " +
           std::to_string(50 + s.below(5000)) + "\n";
  }
  return log;
}

}  // namespace hpc::lab06
