// The int8 case's given version: the fp32 model, one request at a time.
#include <algorithm>
#include <stdexcept>

#include "baseline.hpp"

namespace hpc::lab06::baseline {

std::vector<float> fp32_logits(const Mlp& model, std::span<const float> request) {
  if (model.layers.empty() || request.size() != model.layers.front().inputs)
    throw std::invalid_argument("fp32_logits: the request does not fit the model");
  std::vector<float> x(request.begin(), request.end()), y;
  for (std::size_t l = 0; l < model.layers.size(); ++l) {
    const DenseLayer& layer = model.layers[l];
    y.assign(layer.outputs, 0.0f);
    for (std::size_t o = 0; o < layer.outputs; ++o) {
      // 16 partial sums: the compiler keeps them in one vector register (a fixed summation order).
      float part[16] = {};
      const float* w = &layer.weights[o * layer.inputs];
      std::size_t i = 0;
      for (; i + 16 <= layer.inputs; i += 16)
        for (std::size_t j = 0; j < 16; ++j) part[j] += w[i + j] * x[i + j];
      float sum = layer.bias[o];
      for (; i < layer.inputs; ++i) sum += w[i] * x[i];
      for (const float p : part) sum += p;
      y[o] = (l + 1 < model.layers.size()) ? std::max(sum, 0.0f) : sum;
    }
    x.swap(y);
  }
  return x;
}

std::vector<int> fp32_classify(const Mlp& model, std::span<const float> requests) {
  const std::size_t inputs = model.layers.front().inputs;
  std::vector<int> classes(requests.size() / inputs);
  for (std::size_t r = 0; r < classes.size(); ++r)
    classes[r] = top1(fp32_logits(model, requests.subspan(r * inputs, inputs)));
  return classes;
}

}  // namespace hpc::lab06::baseline
