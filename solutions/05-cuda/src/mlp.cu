// Exercise 6 — reference solution. One thread per output element in every kernel: the matrices are
// small (a batch of a few hundred rows, 64 hidden units), so clarity wins over tiling here.
#include <algorithm>
#include <stdexcept>

#include "lab05/device.hpp"
#include "lab05/mlp.hpp"

namespace hpc::lab05 {
namespace {

constexpr unsigned kThreads = 256;

unsigned blocks_for(std::size_t n) { return static_cast<unsigned>((n + kThreads - 1) / kThreads); }

// out = in W + bias (rows x cols), then max(0, .) if relu.
__global__ void linear_forward(const float* __restrict__ in, const float* __restrict__ w,
                               const float* __restrict__ bias, float* __restrict__ out, int rows, int in_cols, int cols,
                               bool relu) {
  const int index = blockIdx.x * blockDim.x + threadIdx.x;
  if (index >= rows * cols) return;
  const int r = index / cols, c = index % cols;
  float sum = bias[c];
  for (int i = 0; i < in_cols; ++i) sum += in[r * in_cols + i] * w[i * cols + c];
  out[index] = relu ? fmaxf(sum, 0.0f) : sum;
}

// One thread per row: the row's loss and dlogits = (softmax - onehot) / rows.
__global__ void softmax_cross_entropy(const float* __restrict__ logits, const int* __restrict__ labels,
                                      float* __restrict__ dlogits, float* __restrict__ losses, int rows, int classes) {
  const int r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= rows) return;
  const float* z = logits + r * classes;
  float top = z[0];
  for (int c = 1; c < classes; ++c) top = fmaxf(top, z[c]);  // subtracted: exp never overflows
  float total = 0.0f;
  for (int c = 0; c < classes; ++c) total += expf(z[c] - top);
  losses[r] = logf(total) - (z[labels[r]] - top);
  for (int c = 0; c < classes; ++c) {
    dlogits[r * classes + c] = (expf(z[c] - top) / total - (c == labels[r] ? 1.0f : 0.0f)) / rows;
  }
}

// dW = in^T d (in_cols x cols): a sum over the batch's rows.
__global__ void weight_gradient(const float* __restrict__ in, const float* __restrict__ d, float* __restrict__ dw,
                                int rows, int in_cols, int cols) {
  const int index = blockIdx.x * blockDim.x + threadIdx.x;
  if (index >= in_cols * cols) return;
  const int i = index / cols, c = index % cols;
  float sum = 0.0f;
  for (int r = 0; r < rows; ++r) sum += in[r * in_cols + i] * d[r * cols + c];
  dw[index] = sum;
}

__global__ void column_sums(const float* __restrict__ d, float* __restrict__ sums, int rows, int cols) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x;
  if (c >= cols) return;
  float sum = 0.0f;
  for (int r = 0; r < rows; ++r) sum += d[r * cols + c];
  sums[c] = sum;
}

// dhidden = dlogits W2^T, zero where the ReLU was off.
__global__ void hidden_gradient(const float* __restrict__ dlogits, const float* __restrict__ w2,
                                const float* __restrict__ hidden, float* __restrict__ dhidden, int rows, int hid,
                                int classes) {
  const int index = blockIdx.x * blockDim.x + threadIdx.x;
  if (index >= rows * hid) return;
  const int r = index / hid, h = index % hid;
  float sum = 0.0f;
  for (int c = 0; c < classes; ++c) sum += dlogits[r * classes + c] * w2[h * classes + c];
  dhidden[index] = hidden[index] > 0.0f ? sum : 0.0f;
}

__global__ void sgd_step(float* __restrict__ w, const float* __restrict__ dw, int n, float learning_rate) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) w[i] -= learning_rate * dw[i];
}

void step(DeviceBuffer<float>& w, const DeviceBuffer<float>& dw, float learning_rate) {
  sgd_step<<<blocks_for(w.size()), kThreads>>>(w.data(), dw.data(), static_cast<int>(w.size()), learning_rate);
  CUDA_CHECK(cudaGetLastError());
}

}  // namespace

std::vector<float> train_mlp_gpu(MlpParams& p, const Classification& data, std::size_t batch, float learning_rate,
                                 int epochs) {
  if (data.features != p.inputs || data.classes != p.classes || batch == 0) {
    throw std::invalid_argument("train_mlp_gpu: the data does not fit the network");
  }
  const int in = static_cast<int>(p.inputs), hid = static_cast<int>(p.hidden), cls = static_cast<int>(p.classes);
  // Everything lives on the GPU for the whole training; only each batch's losses come back.
  DeviceBuffer<float> x(data.x), w1(p.w1), b1(p.b1), w2(p.w2), b2(p.b2);
  DeviceBuffer<int> labels(data.labels);
  DeviceBuffer<float> hidden(batch * p.hidden), logits(batch * p.classes), dlogits(batch * p.classes),
      dhidden(batch * p.hidden), losses(batch), dw1(p.w1.size()), db1(p.b1.size()), dw2(p.w2.size()), db2(p.b2.size());

  std::vector<float> batch_losses;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (std::size_t first = 0; first < data.rows(); first += batch) {
      const int rows = static_cast<int>(std::min(batch, data.rows() - first));
      const float* xb = x.data() + first * p.inputs;
      const int* yb = labels.data() + first;
      linear_forward<<<blocks_for(rows * hid), kThreads>>>(xb, w1.data(), b1.data(), hidden.data(), rows, in, hid,
                                                           true);
      linear_forward<<<blocks_for(rows * cls), kThreads>>>(hidden.data(), w2.data(), b2.data(), logits.data(), rows,
                                                           hid, cls, false);
      softmax_cross_entropy<<<blocks_for(rows), kThreads>>>(logits.data(), yb, dlogits.data(), losses.data(), rows,
                                                            cls);
      weight_gradient<<<blocks_for(hid * cls), kThreads>>>(hidden.data(), dlogits.data(), dw2.data(), rows, hid, cls);
      column_sums<<<blocks_for(cls), kThreads>>>(dlogits.data(), db2.data(), rows, cls);
      hidden_gradient<<<blocks_for(rows * hid), kThreads>>>(dlogits.data(), w2.data(), hidden.data(), dhidden.data(),
                                                            rows, hid, cls);
      weight_gradient<<<blocks_for(in * hid), kThreads>>>(xb, dhidden.data(), dw1.data(), rows, in, hid);
      column_sums<<<blocks_for(hid), kThreads>>>(dhidden.data(), db1.data(), rows, hid);
      CUDA_CHECK(cudaGetLastError());
      // Every gradient is computed (W2 included, before it changes) before any weight moves.
      step(w1, dw1, learning_rate);
      step(b1, db1, learning_rate);
      step(w2, dw2, learning_rate);
      step(b2, db2, learning_rate);

      std::vector<float> row_losses(static_cast<std::size_t>(rows));
      CUDA_CHECK(
          cudaMemcpy(row_losses.data(), losses.data(), row_losses.size() * sizeof(float), cudaMemcpyDeviceToHost));
      double sum = 0;
      for (const float loss : row_losses) sum += loss;
      batch_losses.push_back(static_cast<float>(sum / rows));
    }
  }
  p.w1 = w1.download();
  p.b1 = b1.download();
  p.w2 = w2.download();
  p.b2 = b2.download();
  return batch_losses;
}

}  // namespace hpc::lab05
