// The model and the requests of the int8 inference case (given: runtime/mlp_model.cpp). Everything
// is generated from a seed, so the tests, the benchmark and your code build the same model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hpc::lab06 {

// A small classifier: 256 inputs -> 512 -> 512 -> 10 classes, ReLU after each hidden layer.
inline constexpr std::size_t kMlpInputs = 256, kMlpHidden = 512, kMlpClasses = 10;

// y = W x + b. `weights` is row-major, outputs x inputs: row o is output channel o.
struct DenseLayer {
  std::size_t inputs = 0, outputs = 0;
  std::vector<float> weights;
  std::vector<float> bias;
};

// The layers in order; every layer but the last is followed by ReLU.
struct Mlp {
  std::vector<DenseLayer> layers;
};

// The model of a seed: the hidden layers' weights uniform with He scaling (variance 2 / inputs),
// small biases; the last layer is the nearest-class-mean classifier of the 10 request classes'
// prototypes, as a trained head would be, so most requests have a clear class.
Mlp make_mlp(std::uint64_t seed);

// `count` requests, row after row (count x kMlpInputs floats): each is the prototype of one of the
// 10 classes (the same prototypes for every seed), moved up to half way toward another class's,
// plus uniform noise; values in [-1.5, 1.5]. A few are near ties between two classes.
std::vector<float> make_requests(std::uint64_t seed, std::size_t count);

// A stream of `count` requests in which about `repeat_share` of them repeat an earlier request of
// the stream byte for byte (the rest are fresh): what a cache of repeated inputs saves.
std::vector<float> make_request_stream(std::uint64_t seed, std::size_t count, double repeat_share);

// The class with the largest logit (the first one on a tie). What the fp32 model says of a request
// (the given one-request-at-a-time version, baseline/fp32_inference.cpp) is the truth here.
int top1(std::span<const float> logits);

}  // namespace hpc::lab06
