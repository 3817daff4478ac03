#include "baseline.hpp"

#include <cublas_v2.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace hpc::lab05::baseline {
namespace {

cublasHandle_t cublas() {
  static cublasHandle_t handle = [] {
    cublasHandle_t h = nullptr;
    if (cublasCreate(&h) != CUBLAS_STATUS_SUCCESS) throw std::runtime_error("cublasCreate failed");
    return h;
  }();
  return handle;
}

}  // namespace

void cublas_matmul(const float* a, const float* b, float* c, int n) {
  // cuBLAS is column-major: a row-major matrix is its transpose. C^T = B^T A^T, so asking cuBLAS
  // for "B times A" on the row-major buffers yields row-major C = A B, with no transposition.
  const float one = 1.0f, zero = 0.0f;
  const cublasStatus_t status = cublasSgemm(cublas(), CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, b, n, a, n, &zero, c, n);
  if (status != CUBLAS_STATUS_SUCCESS) throw std::runtime_error("cublasSgemm failed: " + std::to_string(status));
  if (cudaDeviceSynchronize() != cudaSuccess) throw std::runtime_error("cublas_matmul: kernel failed");
}

void cpu_matmul_naive_rows(const float* a, const float* b, float* c, int n, int rows) {
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < n; ++j) {
      float sum = 0;
      for (int k = 0; k < n; ++k) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
  }
}

std::vector<std::complex<float>> cpu_dft(const std::vector<std::complex<float>>& signal) {
  const std::size_t n = signal.size();
  std::vector<std::complex<double>> x(signal.begin(), signal.end());
  if (n > 0 && (n & (n - 1)) == 0) {
    // Iterative radix-2: bit-reversal permutation, then log2(n) passes of butterflies.
    for (std::size_t i = 1, j = 0; i < n; ++i) {
      std::size_t bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) std::swap(x[i], x[j]);
    }
    for (std::size_t length = 2; length <= n; length <<= 1) {
      const double angle = -2.0 * std::numbers::pi / static_cast<double>(length);
      for (std::size_t start = 0; start < n; start += length) {
        for (std::size_t k = 0; k < length / 2; ++k) {
          const std::complex<double> w = std::polar(1.0, angle * static_cast<double>(k));
          const auto even = x[start + k], odd = w * x[start + k + length / 2];
          x[start + k] = even + odd;
          x[start + k + length / 2] = even - odd;
        }
      }
    }
    return {x.begin(), x.end()};
  }
  std::vector<std::complex<float>> out(n);
  for (std::size_t k = 0; k < n; ++k) {
    std::complex<double> sum = 0;
    for (std::size_t j = 0; j < n; ++j) {
      sum +=
          x[j] * std::polar(1.0, -2.0 * std::numbers::pi * static_cast<double>((j * k) % n) / static_cast<double>(n));
    }
    out[k] = std::complex<float>(sum);
  }
  return out;
}

std::vector<float> train_mlp_cpu(MlpParams& p, const Classification& data, std::size_t batch, float learning_rate,
                                 int epochs) {
  const std::size_t in = p.inputs, hid = p.hidden, cls = p.classes;
  if (data.features != in || data.classes != cls || batch == 0) throw std::invalid_argument("train_mlp_cpu: shapes");
  std::vector<float> losses;
  std::vector<float> hidden, logits, dlogits, dhidden, dw1(in * hid), db1(hid), dw2(hid * cls), db2(cls);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (std::size_t first = 0; first < data.rows(); first += batch) {
      const std::size_t rows = std::min(batch, data.rows() - first);
      const float* x = &data.x[first * in];
      const int* labels = &data.labels[first];
      hidden.assign(rows * hid, 0.0f);
      logits.assign(rows * cls, 0.0f);
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t h = 0; h < hid; ++h) {
          float s = p.b1[h];
          for (std::size_t i = 0; i < in; ++i) s += x[r * in + i] * p.w1[i * hid + h];
          hidden[r * hid + h] = std::max(s, 0.0f);
        }
        for (std::size_t c = 0; c < cls; ++c) {
          float s = p.b2[c];
          for (std::size_t h = 0; h < hid; ++h) s += hidden[r * hid + h] * p.w2[h * cls + c];
          logits[r * cls + c] = s;
        }
      }
      // Softmax cross-entropy, stabilised by the row's largest logit.
      dlogits.assign(rows * cls, 0.0f);
      double loss = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        const float* z = &logits[r * cls];
        const float top = *std::max_element(z, z + cls);
        float total = 0;
        for (std::size_t c = 0; c < cls; ++c) total += std::exp(z[c] - top);
        loss += std::log(total) - (z[labels[r]] - top);
        for (std::size_t c = 0; c < cls; ++c) {
          const float probability = std::exp(z[c] - top) / total;
          dlogits[r * cls + c] =
              (probability - (static_cast<int>(c) == labels[r] ? 1.0f : 0.0f)) / static_cast<float>(rows);
        }
      }
      losses.push_back(static_cast<float>(loss / static_cast<double>(rows)));
      // Backward.
      std::fill(dw2.begin(), dw2.end(), 0.0f);
      std::fill(db2.begin(), db2.end(), 0.0f);
      std::fill(dw1.begin(), dw1.end(), 0.0f);
      std::fill(db1.begin(), db1.end(), 0.0f);
      dhidden.assign(rows * hid, 0.0f);
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cls; ++c) {
          const float g = dlogits[r * cls + c];
          db2[c] += g;
          for (std::size_t h = 0; h < hid; ++h) dw2[h * cls + c] += hidden[r * hid + h] * g;
        }
        for (std::size_t h = 0; h < hid; ++h) {
          if (hidden[r * hid + h] <= 0.0f) continue;
          float s = 0;
          for (std::size_t c = 0; c < cls; ++c) s += dlogits[r * cls + c] * p.w2[h * cls + c];
          dhidden[r * hid + h] = s;
          db1[h] += s;
          for (std::size_t i = 0; i < in; ++i) dw1[i * hid + h] += x[r * in + i] * s;
        }
      }
      for (std::size_t i = 0; i < p.w1.size(); ++i) p.w1[i] -= learning_rate * dw1[i];
      for (std::size_t i = 0; i < p.b1.size(); ++i) p.b1[i] -= learning_rate * db1[i];
      for (std::size_t i = 0; i < p.w2.size(); ++i) p.w2[i] -= learning_rate * dw2[i];
      for (std::size_t i = 0; i < p.b2.size(); ++i) p.b2[i] -= learning_rate * db2[i];
    }
  }
  return losses;
}

}  // namespace hpc::lab05::baseline
