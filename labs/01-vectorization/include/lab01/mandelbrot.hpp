// Exercise 3: the Mandelbrot set, an embarrassingly parallel loop with a very uneven cost per row.
#pragma once

#include <cstddef>
#include <span>

namespace hpc::lab01 {

struct MandelbrotGrid {
  std::size_t width = 0, height = 0;
  double x_min = -2.0, x_max = 1.0, y_min = -1.5, y_max = 1.5;
  int max_iterations = 256;
};

// The escape time of c = cx + i*cy: the first n with |z_n| > 2 for z_0 = 0, z_{n+1} = z_n^2 + c,
// or max_iterations if there is none. Given, so that every implementation agrees pixel for pixel.
inline int escape_time(double cx, double cy, int max_iterations) {
  double x = 0, y = 0;
  int n = 0;
  while (n < max_iterations && x * x + y * y <= 4.0) {
    const double next_x = x * x - y * y + cx;
    y = 2.0 * x * y + cy;
    x = next_x;
    ++n;
  }
  return n;
}

inline double pixel_x(const MandelbrotGrid& g, std::size_t col) {
  return g.x_min + (g.x_max - g.x_min) * static_cast<double>(col) / static_cast<double>(g.width);
}
inline double pixel_y(const MandelbrotGrid& g, std::size_t row) {
  return g.y_min + (g.y_max - g.y_min) * static_cast<double>(row) / static_cast<double>(g.height);
}

// iterations[row * width + col] = escape_time(pixel_x(col), pixel_y(row), max_iterations).
void mandelbrot(const MandelbrotGrid& grid, std::span<int> iterations);

}  // namespace hpc::lab01
