// Exercise 6: a two-layer network trained on the GPU with kernels you write.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hpc::lab05 {

// Row-major float matrices on the host. The network: hidden = relu(x W1 + b1) (inputs -> hidden),
// logits = hidden W2 + b2 (hidden -> classes), loss = mean over the batch of the softmax
// cross-entropy -log(softmax(logits)[label]).
struct MlpParams {
  std::size_t inputs = 0, hidden = 0, classes = 0;
  std::vector<float> w1, b1, w2, b2;  // inputs x hidden, hidden, hidden x classes, classes
};

// Given: small random weights (uniform +-1/sqrt(fan-in)), zero biases, reproducible for a seed.
MlpParams init_mlp(std::size_t inputs, std::size_t hidden, std::size_t classes, std::uint64_t seed);

struct Classification {
  std::size_t features = 0, classes = 0;
  std::vector<float> x;     // rows x features
  std::vector<int> labels;  // rows, each in [0, classes)
  std::size_t rows() const { return labels.size(); }
};

// Given: points around `classes` random centres, labelled by their centre.
Classification make_blobs(std::size_t rows, std::size_t features, std::size_t classes, std::uint64_t seed);

// 6. Mini-batch SGD, all on the GPU: for each epoch, batches of `batch` consecutive rows (the last
// one may be smaller); forward, loss, backward (dlogits = (softmax - onehot) / batch_rows;
// dW2 = hidden^T dlogits; db2 = column sums; dhidden = dlogits W2^T where hidden > 0, else 0;
// dW1 = x^T dhidden; db1 = column sums), then w -= learning_rate * dw for every parameter.
// Returns the mean loss of each batch, in order; `params` holds the trained weights on return.
std::vector<float> train_mlp_gpu(MlpParams& params, const Classification& data, std::size_t batch, float learning_rate,
                                 int epochs);

}  // namespace hpc::lab05
