// Reference solution: pad once, flip once, then every output pixel is a plain dot product with
// no bounds checks. Loop order (row i, kernel row u, kernel column v, output column j) makes the
// innermost loop a contiguous multiply-add along an image row, which the compiler vectorizes;
// OpenMP splits the output rows.
#include <stdexcept>
#include <vector>

#include "lab01/convolution.hpp"

namespace hpc::lab01 {

Image convolve2d(const Image& image, const Image& kernel, ConvolutionMode mode) {
  const std::size_t kr = kernel.rows, kc = kernel.cols;
  if (kr == 0 || kc == 0) throw std::invalid_argument("empty convolution kernel");
  if (mode == ConvolutionMode::valid && (kr > image.rows || kc > image.cols)) {
    throw std::invalid_argument("kernel larger than image");
  }
  // 'same' = 'valid' over the image surrounded by zeros: kr / 2 rows above, kr - 1 - kr / 2
  // below (and likewise for columns), which reproduces scipy's centring for even kernels too.
  const bool same = mode == ConvolutionMode::same;
  const std::size_t top = same ? kr / 2 : 0, left = same ? kc / 2 : 0;
  const std::size_t padded_rows = same ? image.rows + kr - 1 : image.rows;
  const std::size_t padded_cols = same ? image.cols + kc - 1 : image.cols;
  std::vector<double> padded(padded_rows * padded_cols, 0.0);
  for (std::size_t r = 0; r < image.rows; ++r) {
    for (std::size_t c = 0; c < image.cols; ++c) padded[(r + top) * padded_cols + c + left] = image.at(r, c);
  }
  std::vector<double> flipped(kr * kc);
  for (std::size_t u = 0; u < kr; ++u) {
    for (std::size_t v = 0; v < kc; ++v) flipped[u * kc + v] = kernel.at(kr - 1 - u, kc - 1 - v);
  }

  Image out;
  out.rows = padded_rows - kr + 1;
  out.cols = padded_cols - kc + 1;
  out.pixels.assign(out.rows * out.cols, 0.0);
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < out.rows; ++i) {
    double* out_row = out.pixels.data() + i * out.cols;
    for (std::size_t u = 0; u < kr; ++u) {
      const double* in_row = padded.data() + (i + u) * padded_cols;
      for (std::size_t v = 0; v < kc; ++v) {
        const double weight = flipped[u * kc + v];
        for (std::size_t j = 0; j < out.cols; ++j) out_row[j] += weight * in_row[j + v];
      }
    }
  }
  return out;
}

}  // namespace hpc::lab01
