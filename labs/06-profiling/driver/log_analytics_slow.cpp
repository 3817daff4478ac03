// log_analytics_slow: task 3's slow program on a generated access log, for the profilers.
//
//   log_analytics_slow [--seed N] [--lines N]      prints the report
//   valgrind --tool=callgrind bin/06-profiling/log_analytics_slow --seed N
//
// Built for x86-64-v3 (AVX2) whatever the lab's other programs use: valgrind cannot run AVX-512.
#include <charconv>
#include <cstring>
#include <iostream>
#include <string>

#include "baseline.hpp"
#include "lab06/hotspots.hpp"

namespace {

// "--seed 7": true when argv[i] is `flag` followed by a whole number, stored in `value`.
bool number_after(int argc, char** argv, int i, const char* flag, std::uint64_t& value) {
  if (std::strcmp(argv[i], flag) != 0 || i + 1 >= argc) return false;
  const char* text = argv[i + 1];
  const auto [end, error] = std::from_chars(text, text + std::strlen(text), value);
  return error == std::errc() && end != text && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = 1, lines = hpc::lab06::kHuntLines;
  for (int i = 1; i < argc; i += 2) {
    if (!number_after(argc, argv, i, "--seed", seed) && !number_after(argc, argv, i, "--lines", lines)) {
      std::cerr << "usage: log_analytics_slow [--seed N] [--lines N]   (whole numbers)\n";
      return 2;
    }
  }
  if (lines > 100'000'000) {
    std::cerr << "log_analytics_slow: at most 100000000 lines\n";
    return 2;
  }
  const std::string log = hpc::lab06::generate_access_log(seed, static_cast<int>(lines));
  std::cout << hpc::lab06::baseline::analyze_access_log_slowly(log, hpc::lab06::shape_of(seed).k);
  return 0;
}
