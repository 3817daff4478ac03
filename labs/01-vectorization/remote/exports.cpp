// What Lab 01's runner serves: every function of the lab's API, by name (hpc/remote_runner.hpp).
#include "hpc/remote_runner.hpp"
#include "lab01/convolution.hpp"
#include "lab01/distances.hpp"
#include "lab01/edit_distance.hpp"
#include "lab01/mandelbrot.hpp"
#include "lab01/matmul.hpp"
#include "lab01/memory_layout.hpp"
#include "lab01/monte_carlo_pi.hpp"
#include "lab01/statistics.hpp"
#include "lab01_codecs.hpp"

std::vector<hpc::remote::Export> hpc::remote::exports() {
  using namespace hpc::lab01;
  return {
      exported("matmul", &matmul),
      exported("pairwise_distances", &pairwise_distances),
      exported("mandelbrot", &mandelbrot),
      exported("estimate_pi", &estimate_pi),
      exported("merge", &merge),
      exported("describe", &describe),
      exported("percentiles", &percentiles),
      exported("correlation_matrix", &correlation_matrix),
      exported("convolve2d", &convolve2d),
      exported("edit_distance", &edit_distance),
      exported("narrowest_int_column", &narrowest_int_column),
      exported("narrowest_real_column", &narrowest_real_column),
      exported("compact", &compact),
  };
}
