// Exercise 6 — a two-layer network trained on the GPU. Graded by test_mlp (the CPU reference's loss
// curve; the loss falls), on a GPU. Edit only this file.
#include "hpc/todo.hpp"
#include "lab05/device.hpp"
#include "lab05/mlp.hpp"

namespace hpc::lab05 {

// TODO(student): kernels, one thread per output element (the matrices are small):
//   linear_forward   out = in W + bias, then ReLU for the hidden layer
//   softmax_cross_entropy   per row: loss and dlogits = (softmax - onehot) / rows (subtract the
//                    row's largest logit before expf)
//   weight_gradient  dW = in^T d;   column_sums  db;   hidden_gradient  dlogits W2^T where hidden > 0
//   sgd_step         w -= learning_rate * dw

std::vector<float> train_mlp_gpu(MlpParams& params, const Classification& data, std::size_t batch, float learning_rate,
                                 int epochs) {
  // TODO(student): upload x, labels and the parameters once (DeviceBuffer); for each epoch and
  // each batch of consecutive rows: forward, loss, every gradient (W2's before W2 changes), then
  // the four SGD steps; copy the batch's per-row losses back and append their mean. Download the
  // parameters into `params` at the end. See include/lab05/mlp.hpp for the exact formulas.
  hpc::todo("train_mlp_gpu");
}

}  // namespace hpc::lab05
