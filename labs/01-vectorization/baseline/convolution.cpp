#include <stdexcept>

#include "baseline.hpp"

namespace hpc::lab01::baseline {

// The definition, term by term: every tap of every output pixel checks whether it falls inside
// the image.
Image convolve2d(const Image& image, const Image& kernel, ConvolutionMode mode) {
  const std::size_t kr = kernel.rows, kc = kernel.cols;
  if (kr == 0 || kc == 0) throw std::invalid_argument("empty convolution kernel");
  Image out;
  std::size_t row_offset, col_offset;  // position of out(0, 0) in the full output
  if (mode == ConvolutionMode::valid) {
    if (kr > image.rows || kc > image.cols) throw std::invalid_argument("kernel larger than image");
    out.rows = image.rows - kr + 1;
    out.cols = image.cols - kc + 1;
    row_offset = kr - 1;
    col_offset = kc - 1;
  } else {
    out.rows = image.rows;
    out.cols = image.cols;
    row_offset = (kr - 1) / 2;
    col_offset = (kc - 1) / 2;
  }
  out.pixels.assign(out.rows * out.cols, 0.0);
  for (std::size_t i = 0; i < out.rows; ++i) {
    for (std::size_t j = 0; j < out.cols; ++j) {
      double sum = 0;
      for (std::size_t u = 0; u < kr; ++u) {
        for (std::size_t v = 0; v < kc; ++v) {
          // image row (i + row_offset - u), as a signed index that may fall outside
          const auto r = static_cast<long long>(i + row_offset) - static_cast<long long>(u);
          const auto c = static_cast<long long>(j + col_offset) - static_cast<long long>(v);
          if (r >= 0 && c >= 0 && r < static_cast<long long>(image.rows) && c < static_cast<long long>(image.cols)) {
            sum += image.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c)) * kernel.at(u, v);
          }
        }
      }
      out.pixels[i * out.cols + j] = sum;
    }
  }
  return out;
}

}  // namespace hpc::lab01::baseline
