#include <gtest/gtest.h>

#include <stdexcept>
#include <tuple>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"

namespace {

namespace lab = hpc::lab01;

lab::Image random_image(std::size_t rows, std::size_t cols, std::uint64_t seed) {
  return {rows, cols, hpc::random_doubles(rows * cols, seed)};
}

// (image rows, image cols, kernel rows, kernel cols): odd, even and non-square kernels.
class ConvolutionShape
    : public ::testing::TestWithParam<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> {};

TEST_P(ConvolutionShape, ValidAndSameMatchTheDefinition) {
  const auto [rows, cols, kr, kc] = GetParam();
  const auto image = random_image(rows, cols, hpc::test_seed() + rows * cols);
  const auto kernel = random_image(kr, kc, hpc::test_seed() + kr * 7 + kc);
  for (auto mode : {lab::ConvolutionMode::valid, lab::ConvolutionMode::same}) {
    const auto got = lab::convolve2d(image, kernel, mode);
    const auto expected = lab::baseline::convolve2d(image, kernel, mode);
    const char* name = mode == lab::ConvolutionMode::valid ? "valid" : "same";
    ASSERT_EQ(got.rows, expected.rows) << name;
    ASSERT_EQ(got.cols, expected.cols) << name;
    EXPECT_TRUE(hpc::all_close(got.pixels, expected.pixels, 1e-12, 1e-12)) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, ConvolutionShape,
                         ::testing::Values(std::make_tuple(1, 1, 1, 1), std::make_tuple(5, 5, 3, 3),
                                           std::make_tuple(8, 9, 2, 2), std::make_tuple(31, 17, 4, 5),
                                           std::make_tuple(64, 65, 7, 7), std::make_tuple(3, 100, 3, 1),
                                           std::make_tuple(100, 3, 1, 3), std::make_tuple(6, 6, 6, 6)));

TEST(Convolution, ConvolutionFlipsTheKernel) {
  // A single 1 convolved with [1 2; 3 4] in 'full' terms gives the kernel back unflipped;
  // with 'same' around the centre the kernel appears at the 1's position.
  lab::Image delta{3, 3, {0, 0, 0, 0, 1, 0, 0, 0, 0}};
  lab::Image kernel{2, 2, {1, 2, 3, 4}};
  const auto out = lab::convolve2d(delta, kernel, lab::ConvolutionMode::same);
  // scipy.signal.convolve2d(delta, kernel, 'same') == [[0,0,0],[0,1,2],[0,3,4]]
  EXPECT_EQ(out.pixels, (std::vector<double>{0, 0, 0, 0, 1, 2, 0, 3, 4}));
}

TEST(Convolution, RejectsImpossibleShapes) {
  const auto image = random_image(4, 4, 1);
  EXPECT_THROW(lab::convolve2d(image, random_image(5, 2, 2), lab::ConvolutionMode::valid), std::invalid_argument);
  EXPECT_THROW(lab::convolve2d(image, lab::Image{}, lab::ConvolutionMode::same), std::invalid_argument);
}

}  // namespace
