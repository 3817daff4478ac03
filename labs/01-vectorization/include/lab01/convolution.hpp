// Exercise 6: 2D convolution (scipy.signal.convolve2d), the stencil behind image filters and CNNs.
#pragma once

#include <cstddef>
#include <vector>

namespace hpc::lab01 {

struct Image {
  std::size_t rows = 0, cols = 0;
  std::vector<double> pixels;  // row-major, rows * cols values

  double at(std::size_t r, std::size_t c) const { return pixels[r * cols + c]; }
};

enum class ConvolutionMode {
  valid,  // only where the kernel fits entirely: (rows - kr + 1) x (cols - kc + 1)
  same,   // the image's size, zero outside it, centred on the full output like scipy
};

// The true convolution (the kernel is flipped) of `image` with `kernel`:
//   full(i, j) = sum_{u, v} image(i - u, j - v) * kernel(u, v)
// 'valid' keeps full(i + kr - 1, j + kc - 1); 'same' keeps full(i + (kr - 1) / 2, j + (kc - 1) / 2).
// Throws std::invalid_argument for an empty kernel, or in 'valid' mode a kernel larger than the image.
Image convolve2d(const Image& image, const Image& kernel, ConvolutionMode mode);

}  // namespace hpc::lab01
