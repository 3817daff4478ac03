// Reference solution: rows are independent, so one OpenMP loop parallelizes the image. The cost
// of a row varies wildly (rows through the set iterate max_iterations times per pixel, rows far
// outside escape at once), so a static split into one big chunk per thread leaves some threads
// idle; schedule(dynamic) hands out rows as threads become free.
#include "lab01/mandelbrot.hpp"

namespace hpc::lab01 {

void mandelbrot(const MandelbrotGrid& grid, std::span<int> iterations) {
#pragma omp parallel for schedule(dynamic, 1)
  for (std::size_t row = 0; row < grid.height; ++row) {
    const double cy = pixel_y(grid, row);
    for (std::size_t col = 0; col < grid.width; ++col) {
      iterations[row * grid.width + col] = escape_time(pixel_x(grid, col), cy, grid.max_iterations);
    }
  }
}

}  // namespace hpc::lab01
