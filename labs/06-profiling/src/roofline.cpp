#include "hpc/todo.hpp"
#include "lab06/roofline.hpp"

namespace hpc::lab06 {

// TODO(student): task 6a (perf_roofline: your FMA rate against the machine's peak kernel).
// Update 128 elements at a time in a local `double r[128]` array: copy them in, run all the
// iterations with r[k] = std::fma(r[k], a, b) over k, copy them out. A fixed-size local array
// stays in vector registers; acc[k] in memory costs a load and a store per FMA.
void fma_chains(std::span<double> acc, double a, double b, long iterations) { hpc::todo("fma_chains"); }

// TODO(student): task 6b (perf_roofline: your bandwidth against the machine's triad). A parallel
// loop (OpenMP, static schedule) so that every core streams its own part.
void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s) { hpc::todo("triad"); }

// TODO(student): task 6c (test_roofline, exact): flops and bytes of each kernel as the header
// counts them (8 bytes per value, each element read or written once).
Traffic kernel_traffic(Kernel kernel, std::size_t n) { hpc::todo("kernel_traffic"); }

// TODO(student): min(peak, intensity * bandwidth), and memory-bound below the ridge point.
double attainable_flops(double intensity, double peak_flops, double bandwidth_bytes) { hpc::todo("attainable_flops"); }

Bound bound_of(double intensity, double peak_flops, double bandwidth_bytes) { hpc::todo("bound_of"); }

}  // namespace hpc::lab06
