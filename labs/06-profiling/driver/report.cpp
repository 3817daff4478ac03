// report_profiling: the measurements of Lab 06's report, run on your src/ files. `./grade 06 --bench`
// runs it and plots/profiling_report.py renders what it writes:
//
//   report_profiling --out FOLDER [--quick]
//     FOLDER/report.json  the roofs your kernels measure, six kernels placed under them, the planted
//                         program's times on 1, 2, 4, ... cores (strong and weak scaling) with your fit
//     FOLDER/stacks.txt   your profiler's folded stacks of the synthetic workload (a flame graph)
//     FOLDER/trace.json   its Chrome trace (open it in https://ui.perfetto.dev)
//     and in report.json, your memory tracker's heap over time in a program of phases, its peak,
//     what each scope allocated and the leak report
//
// A section whose code throws (a task not done yet) is recorded with the reason; the others still
// run. --quick: small sizes, for a smoke test.
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "hpc/data.hpp"
#include "hpc/machine.hpp"
#include "hpc/report.hpp"
#include "hpc/timing.hpp"
#include "lab06/memory_tracker.hpp"
#include "lab06/profiler.hpp"
#include "lab06/roofline.hpp"
#include "lab06/scaling.hpp"
#include "lab06/workloads.hpp"

namespace {

using namespace hpc::lab06;

constexpr double kPlanted = 0.3;  // the serial fraction of the program whose scaling is plotted

std::string number(double value) {
  std::ostringstream out;
  out.precision(6);
  out << value;
  return out.str();
}

// The synthetic workload through your profiler, in both export formats.
std::string profile(const std::string& folder) {
  profiler_reset();
  synthetic_workload(2);
  std::ofstream(folder + "/stacks.txt") << folded_stacks();
  std::ofstream(folder + "/trace.json") << chrome_trace();
  return "{\"stacks\": \"stacks.txt\", \"trace\": \"trace.json\"}";
}

std::string scope_list(const std::vector<ScopeMemory>& scopes) {
  std::string out;
  for (const ScopeMemory& s : scopes)
    out += std::string(out.empty() ? "" : ", ") + "{\"path\": " + hpc::json_quoted(s.path) +
           ", \"allocations\": " + std::to_string(s.allocations) + ", \"bytes\": " + std::to_string(s.bytes) + "}";
  return "[" + out + "]";
}

// The phased program with your memory tracker: the heap after every step (seconds, bytes, the
// scope open), then the tracker's peak, per-scope totals and leak report.
std::string memory(bool quick) {
  memory_reset();
  const auto start = std::chrono::steady_clock::now();
  std::string samples;
  phased_allocations(quick ? 0.02 : 0.4, [&] {
    const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    samples += std::string(samples.empty() ? "" : ", ") + "[" + number(t) + ", " +
               std::to_string(memory_stats().current_bytes) + ", " + hpc::json_quoted(profiler_current_path()) + "]";
  });
  const MemoryStats stats = memory_stats();
  return "{\"samples\": [" + samples + "], \"peak_bytes\": " + std::to_string(stats.peak_bytes) +
         ", \"allocations\": " + std::to_string(stats.allocations) + ", \"frees\": " + std::to_string(stats.frees) +
         ", \"by_scope\": " + scope_list(memory_by_scope()) + ", \"leaks\": " + scope_list(memory_leaks()) + "}";
}

// The planted program's fastest of 3 rounds.
double fastest_run(double serial_fraction, long work, int cores) {
  double fastest = 1e300;
  for (int round = 0; round < 3; ++round) {
    const auto start = std::chrono::steady_clock::now();
    planted_serial_program(serial_fraction, work, cores);
    fastest = std::min(fastest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return fastest;
}

std::string point_list(const std::vector<Timing>& timings) {
  std::string points;
  for (const Timing& t : timings)
    points += (points.empty() ? "[" : ", [") + number(t.cores) + ", " + number(t.seconds) + "]";
  return "[" + points + "]";
}

// The planted program on 1, 2, 4, ... cores: strong scaling (the same work on more cores) with
// your fit of it, and weak scaling (the serial steps fixed, the parallel ones p times as many on p
// cores: the problem Gustafson's law describes).
std::string scaling(bool quick) {
  const int cores = hpc::usable_cores();
  const long work = quick ? 2'000'000 : 200'000'000;
  std::vector<int> counts;
  for (int p = 1; p < cores; p *= 2) counts.push_back(p);
  counts.push_back(cores);
  std::vector<Timing> strong, weak;
  for (const int p : counts) {
    strong.push_back({p, fastest_run(kPlanted, work, p)});
    const double scaled = kPlanted + (1 - kPlanted) * p;  // the work on p cores, in units of `work`
    weak.push_back({p, fastest_run(kPlanted / scaled, static_cast<long>(scaled * static_cast<double>(work)), p)});
  }
  std::string fitted = "null";
  if (strong.size() > 1) fitted = number(amdahl_serial_fraction(strong));
  return "{\"planted\": " + number(kPlanted) + ", \"fitted\": " + fitted + ", \"points\": " + point_list(strong) +
         ", \"weak_points\": " + point_list(weak) + "}";
}

// The roofs as your kernels measure them: FMA chains on one core (times the cores for the
// machine), the triad on every core; and where the six kernels sit under them.
std::string roofline(bool quick) {
  const int cores = hpc::usable_cores();
  std::vector<double> acc = hpc::random_doubles(256, 1, 0.5, 2.0);
  const long iterations = quick ? 1000 : 1'000'000;
  omp_set_num_threads(1);
  const double fma_seconds = hpc::time_call([&] { fma_chains(acc, 0.9999999, 1e-7, iterations); }, quick ? 0 : 0.2);
  const double peak = 2.0 * 256 * static_cast<double>(iterations) / fma_seconds * cores;
  omp_set_num_threads(cores);
  const std::size_t n = quick ? std::size_t{1} << 16 : std::size_t{1} << 23;
  std::vector<double> a(n), b = hpc::random_doubles(n, 2), c = hpc::random_doubles(n, 3);
  const double triad_seconds = hpc::time_call([&] { triad(a, b, c, 3.0); }, quick ? 0 : 0.2);
  const double bandwidth = 24.0 * static_cast<double>(n) / triad_seconds;
  const std::pair<const char*, Kernel> kernels[] = {{"daxpy", Kernel::daxpy},   {"dot", Kernel::dot},
                                                    {"triad", Kernel::triad},   {"matvec", Kernel::matvec},
                                                    {"matmul", Kernel::matmul}, {"stencil", Kernel::stencil}};
  std::string placed;
  for (const auto& [name, kernel] : kernels) {
    const Traffic t = kernel_traffic(kernel, 1024);
    const double intensity = t.flops / t.bytes;
    placed += std::string(placed.empty() ? "" : ", ") + "{\"name\": " + hpc::json_quoted(name) +
              ", \"intensity\": " + number(intensity) +
              ", \"attainable\": " + number(attainable_flops(intensity, peak, bandwidth)) + ", \"bound\": \"" +
              (bound_of(intensity, peak, bandwidth) == Bound::memory ? "memory" : "compute") + "\"}";
  }
  return "{\"peak_flops\": " + number(peak) + ", \"peak_flops_one_core\": " + number(peak / cores) +
         ", \"bandwidth\": " + number(bandwidth) + ", \"kernels\": [" + placed + "]}";
}

}  // namespace

int main(int argc, char** argv) {
  hpc::Report report("report_profiling", argc, argv);
  if (!report.ok()) return report.exit_code();
  report.section("profile", [&] { return profile(report.folder()); });
  report.section("memory", [&] { return memory(report.quick()); });
  report.section("scaling", [&] { return scaling(report.quick()); });
  report.section("roofline", [&] { return roofline(report.quick()); });
  return report.finish();
}
