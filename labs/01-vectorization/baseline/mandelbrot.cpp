#include "baseline.hpp"

namespace hpc::lab01::baseline {

// One thread, pixel after pixel.
void mandelbrot(const MandelbrotGrid& grid, std::span<int> iterations) {
  for (std::size_t row = 0; row < grid.height; ++row) {
    for (std::size_t col = 0; col < grid.width; ++col) {
      iterations[row * grid.width + col] = escape_time(pixel_x(grid, col), pixel_y(grid, row), grid.max_iterations);
    }
  }
}

}  // namespace hpc::lab01::baseline
