// Exercise 6 — 2D convolution. Graded by test_convolution ('valid' and 'same', odd and even
// kernels) and perf_convolution (speedup over the bounds-checking baseline/convolution.cpp).
#include "hpc/todo.hpp"
#include "lab01/convolution.hpp"

namespace hpc::lab01 {

Image convolve2d(const Image& image, const Image& kernel, ConvolutionMode mode) {
  // TODO(student): the convolution defined in the header, without a bounds check per tap:
  //  - for 'same', copy the image into a zero-padded buffer (kr / 2 rows on top, kc / 2 columns
  //    on the left, the rest of kr - 1 / kc - 1 below / right), then it is a 'valid' convolution;
  //  - flip the kernel once, and order the loops (i, u, v, j) so the innermost loop runs along a
  //    row: out(i, j) += w(u, v) * in(i + u, j + v) vectorizes.
  // Throw std::invalid_argument for an empty kernel, or in 'valid' mode a kernel larger than the image.
  hpc::todo("convolve2d");
}

}  // namespace hpc::lab01
