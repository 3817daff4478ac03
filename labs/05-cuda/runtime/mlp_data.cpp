// Given code: the MLP's initial weights and its dataset.
#include <cmath>
#include <stdexcept>

#include "hpc/rng.hpp"
#include "lab05/mlp.hpp"

namespace hpc::lab05 {
namespace {

float uniform(Rng& rng, float lo, float hi) { return lo + (hi - lo) * static_cast<float>(rng.uniform()); }

std::vector<float> random_matrix(Rng& rng, std::size_t rows, std::size_t cols) {
  const float bound = 1.0f / std::sqrt(static_cast<float>(rows));
  std::vector<float> m(rows * cols);
  for (float& v : m) v = uniform(rng, -bound, bound);
  return m;
}

}  // namespace

MlpParams init_mlp(std::size_t inputs, std::size_t hidden, std::size_t classes, std::uint64_t seed) {
  if (inputs == 0 || hidden == 0 || classes < 2) throw std::invalid_argument("init_mlp: bad shape");
  Rng rng = Rng::stream(seed, 0);
  MlpParams p;
  p.inputs = inputs;
  p.hidden = hidden;
  p.classes = classes;
  p.w1 = random_matrix(rng, inputs, hidden);
  p.b1.assign(hidden, 0.0f);
  p.w2 = random_matrix(rng, hidden, classes);
  p.b2.assign(classes, 0.0f);
  return p;
}

Classification make_blobs(std::size_t rows, std::size_t features, std::size_t classes, std::uint64_t seed) {
  Rng centres_rng = Rng::stream(seed, 1);
  std::vector<float> centres(classes * features);
  for (float& c : centres) c = uniform(centres_rng, -2.0f, 2.0f);
  Classification data;
  data.features = features;
  data.classes = classes;
  data.x.resize(rows * features);
  data.labels.resize(rows);
  Rng rng = Rng::stream(seed, 2);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto label = static_cast<int>(rng.next() % classes);
    data.labels[i] = label;
    for (std::size_t j = 0; j < features; ++j) {
      data.x[i * features + j] = centres[static_cast<std::size_t>(label) * features + j] + uniform(rng, -1.0f, 1.0f);
    }
  }
  return data;
}

}  // namespace hpc::lab05
