#include "hpc/data.hpp"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <stdexcept>

namespace hpc {

std::uint64_t test_seed() {
  constexpr std::uint64_t default_seed = 20261124;
  const char* text = std::getenv("HPC_SEED");
  if (text == nullptr || *text == '\0') return default_seed;
  char* end = nullptr;
  const auto seed = std::strtoull(text, &end, 10);
  if (*end != '\0') throw std::invalid_argument(std::string("HPC_SEED is not a number: ") + text);
  return seed;
}

namespace {

template <typename Distribution>
std::vector<typename Distribution::result_type> draw(std::size_t n, std::uint64_t seed, Distribution dist) {
  std::mt19937_64 engine(seed);
  std::vector<typename Distribution::result_type> values(n);
  for (auto& v : values) v = dist(engine);
  return values;
}

}  // namespace

std::vector<double> random_doubles(std::size_t n, std::uint64_t seed, double lo, double hi) {
  return draw(n, seed, std::uniform_real_distribution<double>(lo, hi));
}

void refill_random(std::span<double> values, std::uint64_t seed, double lo, double hi) {
  const auto fresh = random_doubles(values.size(), seed, lo, hi);
  std::copy(fresh.begin(), fresh.end(), values.begin());
}

std::vector<float> random_floats(std::size_t n, std::uint64_t seed, float lo, float hi) {
  return draw(n, seed, std::uniform_real_distribution<float>(lo, hi));
}

std::vector<std::int64_t> random_ints(std::size_t n, std::uint64_t seed, std::int64_t lo, std::int64_t hi) {
  return draw(n, seed, std::uniform_int_distribution<std::int64_t>(lo, hi));
}

std::string random_string(std::size_t n, std::uint64_t seed, std::string_view alphabet) {
  if (alphabet.empty()) throw std::invalid_argument("random_string needs a non-empty alphabet");
  std::mt19937_64 engine(seed);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string text(n, ' ');
  for (auto& c : text) c = alphabet[pick(engine)];
  return text;
}

}  // namespace hpc
