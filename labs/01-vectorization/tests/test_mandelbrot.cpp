#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "baseline.hpp"

namespace {

using hpc::lab01::MandelbrotGrid;

std::size_t count_differences(const MandelbrotGrid& grid) {
  std::vector<int> got(grid.width * grid.height, -1), expected(grid.width * grid.height);
  hpc::lab01::mandelbrot(grid, got);
  hpc::lab01::baseline::mandelbrot(grid, expected);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < got.size(); ++i) differ += got[i] != expected[i];
  return differ;
}

TEST(Mandelbrot, MatchesTheSerialImage) {
  const MandelbrotGrid grid{.width = 301, .height = 199, .max_iterations = 200};
  EXPECT_EQ(count_differences(grid), 0u);
}

TEST(Mandelbrot, AwkwardShapes) {
  const std::vector<std::pair<std::size_t, std::size_t>> shapes{{1, 1}, {1, 17}, {17, 1}, {3, 1000}, {127, 5}};
  for (const auto& [w, h] : shapes) {
    const MandelbrotGrid grid{.width = w, .height = h, .max_iterations = 100};
    EXPECT_EQ(count_differences(grid), 0u) << w << " x " << h;
  }
}

TEST(Mandelbrot, ZoomedWindow) {
  const MandelbrotGrid grid{.width = 160,
                            .height = 120,
                            .x_min = -0.75,
                            .x_max = -0.74,
                            .y_min = 0.10,
                            .y_max = 0.11,
                            .max_iterations = 1000};
  EXPECT_EQ(count_differences(grid), 0u);
}

}  // namespace
