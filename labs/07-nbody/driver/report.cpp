// report_nbody: the measurements of the capstone report, run on your src/ files. `./grade 07 --bench`
// runs it and plots/nbody_report.py renders what it writes:
//
//   report_nbody --out FOLDER [--quick]
//     FOLDER/report.json  time against n (direct, tree), energy error against dt, force error and
//                         time against theta, time against threads (strong scaling)
//     FOLDER/run/         a Plummer sphere's snapshots, for the animation
//
// A section whose code throws (a task not done yet) is recorded with the reason; the others still
// run. --quick: small sizes, for a smoke test.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "hpc/machine.hpp"
#include "hpc/report.hpp"
#include "hpc/timing.hpp"
#include "lab07/barnes_hut.hpp"
#include "lab07/diagnostics.hpp"
#include "lab07/forces.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07/integrator.hpp"
#include "snapshots.hpp"

namespace {

using namespace hpc::lab07;

constexpr double kSoftening = 0.01;
constexpr double kMinSeconds = 0.2;  // each timing repeats its call for at least this long

struct Accel {
  std::vector<double> x, y, z;
  explicit Accel(std::size_t n) : x(n), y(n), z(n) {}
  Accelerations view() { return {x, y, z}; }
};

std::string pairs_json(const std::vector<std::vector<double>>& rows) {
  std::ostringstream out;
  out.precision(6);
  out << '[';
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out << (r ? ", [" : "[");
    for (std::size_t c = 0; c < rows[r].size(); ++c) out << (c ? ", " : "") << rows[r][c];
    out << ']';
  }
  return out.str() + ']';
}

// Seconds per call of the direct sum and of the tree walk (theta 0.5) on every core, against n.
std::string time_against_n(bool quick) {
  std::vector<std::vector<double>> direct, tree;
  for (std::size_t n = 1024; n <= (quick ? 2048u : 65536u); n *= 2) {
    const Bodies b = plummer(n, 1);
    Accel a(n);
    direct.push_back(
        {double(n), hpc::time_call([&] { direct_accelerations(positions_of(b), b.m, kSoftening, a.view()); },
                                   quick ? 0.0 : kMinSeconds)});
  }
  for (std::size_t n = 4096; n <= (quick ? 8192u : 262144u); n *= 2) {
    const Bodies b = plummer(n, 1);
    Accel a(n);
    tree.push_back(
        {double(n), hpc::time_call([&] { tree_accelerations(positions_of(b), b.m, kSoftening, 0.5, a.view()); },
                                   quick ? 0.0 : kMinSeconds)});
  }
  return "{\"direct\": " + pairs_json(direct) + ", \"tree\": " + pairs_json(tree) + "}";
}

// The largest relative energy error over one orbit of a Kepler ellipse (e = 0.5), against dt.
std::string energy_against_dt(bool quick) {
  std::vector<std::vector<double>> rows;
  const double period = 2 * M_PI;  // kepler_ellipse: semi-major axis 1, total mass 1
  for (const int steps : {200, 400, 800, 1600, 3200}) {
    if (quick && steps > 400) break;
    Bodies b = kepler_ellipse(0.5);
    const double dt = period / steps, start = total_energy(b, 0.0);
    double worst = 0;
    for (int s = 0; s < steps; ++s) {
      leapfrog(state_of(b), dt, 1, 0.0);
      worst = std::max(worst, std::abs((total_energy(b, 0.0) - start) / start));
    }
    rows.push_back({dt, worst});
  }
  return "{\"system\": \"Kepler ellipse, e = 0.5, one orbit\", \"points\": " + pairs_json(rows) + "}";
}

// Median and 99th-percentile relative force error of the tree, and its time, against theta.
std::string error_against_theta(bool quick) {
  const std::size_t n = quick ? 2048 : 16384;
  const Bodies b = plummer(n, 2);
  Accel exact(n), got(n);
  baseline::direct_accelerations_parallel(positions_of(b), b.m, kSoftening, exact.view());
  std::vector<std::vector<double>> rows;
  for (const double theta : {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0}) {
    const double seconds = hpc::time_call(
        [&] { tree_accelerations(positions_of(b), b.m, kSoftening, theta, got.view()); }, quick ? 0.0 : kMinSeconds);
    std::vector<double> errors(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double norm = std::hypot(exact.x[i], exact.y[i], exact.z[i]);
      errors[i] = std::hypot(got.x[i] - exact.x[i], got.y[i] - exact.y[i], got.z[i] - exact.z[i]) / norm;
    }
    std::sort(errors.begin(), errors.end());
    rows.push_back({theta, errors[n / 2], errors[n * 99 / 100], seconds});
  }
  return "{\"n\": " + std::to_string(n) + ", \"points\": " + pairs_json(rows) + "}";
}

// Seconds per direct sum on 1, 2, ... threads up to the cores present (powers of two and the count).
std::string strong_scaling(bool quick) {
  const std::size_t n = quick ? 2048 : 16384;
  const Bodies b = plummer(n, 3);
  Accel a(n);
  const int cores = hpc::usable_cores();
  std::vector<int> counts;
  for (int t = 1; t < cores; t *= 2) counts.push_back(t);
  counts.push_back(cores);
  std::vector<std::vector<double>> rows;
  for (const int threads : counts) {
    omp_set_num_threads(threads);
    rows.push_back(
        {double(threads), hpc::time_call([&] { direct_accelerations(positions_of(b), b.m, kSoftening, a.view()); },
                                         quick ? 0.0 : kMinSeconds)});
  }
  omp_set_num_threads(cores);
  return "{\"n\": " + std::to_string(n) + ", \"points\": " + pairs_json(rows) + "}";
}

// A Plummer sphere through three crossing times, snapshots for the animation.
std::string animation_run(const std::string& folder, bool quick) {
  const long n = quick ? 256 : 2048, steps = quick ? 20 : 600, every = quick ? 10 : 5;
  const double dt = 0.01;
  Bodies b = plummer(static_cast<std::size_t>(n), 4);
  nbody::Output out(folder, "{\"ic\": \"plummer\", \"n\": " + std::to_string(n) +
                                ", \"steps\": " + std::to_string(steps) +
                                ", \"dt\": 0.01, \"method\": \"direct\", \"every\": " + std::to_string(every) + "}");
  out.snapshot(b, 0);
  out.diagnostics(0, 0.0, b, kSoftening, true);
  for (long step = every; step <= steps; step += every) {
    leapfrog(state_of(b), dt, static_cast<int>(every), kSoftening);
    out.snapshot(b, step);
    out.diagnostics(step, static_cast<double>(step) * dt, b, kSoftening, true);
  }
  return "{\"folder\": \"run\", \"n\": " + std::to_string(n) + ", \"steps\": " + std::to_string(steps) + "}";
}

}  // namespace

int main(int argc, char** argv) {
  hpc::Report report("report_nbody", argc, argv);
  if (!report.ok()) return report.exit_code();
  const bool quick = report.quick();
  report.section("time_vs_n", [&] { return time_against_n(quick); });
  report.section("energy_vs_dt", [&] { return energy_against_dt(quick); });
  report.section("theta_vs_error", [&] { return error_against_theta(quick); });
  report.section("strong_scaling", [&] { return strong_scaling(quick); });
  report.section("animation", [&] { return animation_run(report.folder() + "/run", quick); });
  return report.finish();
}
