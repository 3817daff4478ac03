// The int8 case's model and requests: deterministic from a seed (a 64-bit mixer, no library
// distribution whose output could differ between standard libraries).
#include "lab06/mlp_model.hpp"

#include <algorithm>
#include <cmath>

namespace hpc::lab06 {
namespace {

// splitmix64: a well-mixed 64-bit stream, the same on every platform.
class Stream {
 public:
  explicit Stream(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  float uniform(float lo, float hi) {  // 24 random bits: exact in a float
    return lo + (hi - lo) * static_cast<float>(next() >> 40) * 0x1p-24f;
  }

 private:
  std::uint64_t state_;
};

DenseLayer make_layer(Stream& stream, std::size_t inputs, std::size_t outputs) {
  DenseLayer layer{inputs, outputs, std::vector<float>(inputs * outputs), std::vector<float>(outputs)};
  const float limit = std::sqrt(6.0f / static_cast<float>(inputs));  // uniform: variance 2 / inputs
  for (float& w : layer.weights) w = stream.uniform(-limit, limit);
  for (float& b : layer.bias) b = stream.uniform(-0.1f, 0.1f);
  return layer;
}

// The 10 class prototypes of the requests: the same for every seed, so that a model can be
// built for them. Values uniform in [-1, 1].
std::vector<float> class_prototypes() {
  Stream stream(0x5eed);
  std::vector<float> prototypes(kMlpClasses * kMlpInputs);
  for (float& p : prototypes) p = stream.uniform(-1.0f, 1.0f);
  return prototypes;
}

std::vector<float> relu_layer(const DenseLayer& layer, const float* x) {
  std::vector<float> y(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    double sum = layer.bias[o];
    for (std::size_t i = 0; i < layer.inputs; ++i) sum += double{layer.weights[o * layer.inputs + i]} * x[i];
    y[o] = static_cast<float>(std::max(sum, 0.0));
  }
  return y;
}

// The classifier head a trained network would have: the nearest-class-mean rule on the hidden
// features. Row c is the direction from the mean of the 10 prototypes' features to prototype c's,
// of unit length, so a request near prototype c scores highest on class c by a clear margin, as
// a trained model's requests mostly do.
DenseLayer class_mean_head(const DenseLayer& first, const DenseLayer& second) {
  const std::vector<float> prototypes = class_prototypes();
  std::vector<std::vector<float>> features;
  std::vector<double> mean(kMlpHidden, 0.0);
  for (std::size_t c = 0; c < kMlpClasses; ++c) {
    features.push_back(relu_layer(second, relu_layer(first, &prototypes[c * kMlpInputs]).data()));
    for (std::size_t i = 0; i < kMlpHidden; ++i) mean[i] += features[c][i] / kMlpClasses;
  }
  DenseLayer head{kMlpHidden, kMlpClasses, std::vector<float>(kMlpHidden * kMlpClasses),
                  std::vector<float>(kMlpClasses)};
  for (std::size_t c = 0; c < kMlpClasses; ++c) {
    double norm = 0;
    for (std::size_t i = 0; i < kMlpHidden; ++i) norm += (features[c][i] - mean[i]) * (features[c][i] - mean[i]);
    const double inverse = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
    for (std::size_t i = 0; i < kMlpHidden; ++i)
      head.weights[c * kMlpHidden + i] = static_cast<float>((features[c][i] - mean[i]) * inverse);
  }
  return head;
}

}  // namespace

Mlp make_mlp(std::uint64_t seed) {
  Stream stream(seed);
  Mlp model;
  model.layers.push_back(make_layer(stream, kMlpInputs, kMlpHidden));
  model.layers.push_back(make_layer(stream, kMlpHidden, kMlpHidden));
  model.layers.push_back(class_mean_head(model.layers[0], model.layers[1]));
  return model;
}

std::vector<float> make_requests(std::uint64_t seed, std::size_t count) {
  const std::vector<float> prototype = class_prototypes();
  Stream noise(seed + 1);
  std::vector<float> requests(count * kMlpInputs);
  for (std::size_t r = 0; r < count; ++r) {
    const std::size_t cls = noise.next() % kMlpClasses,
                      other = (cls + 1 + noise.next() % (kMlpClasses - 1)) % kMlpClasses;
    const float blend = noise.uniform(0.0f, 0.5f);  // up to half way to another class: a few are ambiguous
    const float* a = &prototype[cls * kMlpInputs];
    const float* b = &prototype[other * kMlpInputs];
    for (std::size_t i = 0; i < kMlpInputs; ++i)
      requests[r * kMlpInputs + i] = a[i] + blend * (b[i] - a[i]) + noise.uniform(-0.5f, 0.5f);
  }
  return requests;
}

std::vector<float> make_request_stream(std::uint64_t seed, std::size_t count, double repeat_share) {
  std::vector<float> stream = make_requests(seed, count);
  Stream draw(seed + 2);
  for (std::size_t r = 1; r < count; ++r) {
    if (static_cast<double>(draw.next() >> 11) * 0x1p-53 >= repeat_share) continue;
    const std::size_t earlier = draw.next() % r;
    std::copy_n(stream.begin() + static_cast<std::ptrdiff_t>(earlier * kMlpInputs), kMlpInputs,
                stream.begin() + static_cast<std::ptrdiff_t>(r * kMlpInputs));
  }
  return stream;
}

int top1(std::span<const float> logits) {
  return static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

}  // namespace hpc::lab06
