// Exercise 3 — Mandelbrot with OpenMP. Graded by test_mandelbrot and perf_mandelbrot (parallel
// efficiency = speedup / min(threads, cores) over the one-thread baseline/mandelbrot.cpp).
#include "hpc/todo.hpp"
#include "lab01/mandelbrot.hpp"

namespace hpc::lab01 {

void mandelbrot(const MandelbrotGrid& grid, std::span<int> iterations) {
  // TODO(student): fill iterations[row * width + col] with
  //   escape_time(pixel_x(grid, col), pixel_y(grid, row), grid.max_iterations)
  // for every pixel, in parallel with `#pragma omp parallel for` over the rows.
  // Rows differ a lot in cost: try schedule(static) first, measure, then pick a schedule
  // that balances the load (the README asks you to explain the difference).
  hpc::todo("mandelbrot");
}

}  // namespace hpc::lab01
