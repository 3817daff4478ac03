// nbody: the lab's simulation program, built from your src/ files. Run `nbody --help`.
//
//   nbody --ic plummer --n 4096 --steps 200 --dt 0.01 --method tree --out run/
//   python3 plots/nbody.py run/        # renders the snapshots into run/nbody.gif (and .mp4)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lab07/barnes_hut.hpp"
#include "lab07/forces.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07/integrator.hpp"
#include "snapshots.hpp"

namespace {

using namespace hpc::lab07;

constexpr const char* kUsage =
    "usage: nbody --ic plummer|cold-sphere|kepler|figure-eight [--n N] --steps S --dt DT --out FOLDER\n"
    "             [--method direct|tree] [--theta 0.5] [--softening 0.01] [--every 10] [--seed 1]\n"
    "Integrates with leapfrog (your integrator.cpp and direct.cpp; --method tree: your barnes_hut.cpp),\n"
    "writes a snapshot and the diagnostics every --every steps into FOLDER (plots/nbody.py renders them).\n";

constexpr std::size_t kEnergyUpTo = 16384;  // the energy is an O(n^2) sum: skipped above

struct Settings {
  std::string ic, method = "direct", out;
  long n = 0, steps = -1, every = 10;
  double dt = 0, theta = 0.5, softening = 0.01;
  std::uint64_t seed = 1;
};

[[noreturn]] void bad_input(const std::string& why) { throw std::invalid_argument(why); }

double number(const std::string& flag, const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size()) bad_input(flag + " takes a number, not '" + text + "'");
  return value;
}

Settings parse(int argc, char** argv) {
  Settings s;
  std::map<std::string, std::string> given;
  for (int a = 1; a < argc; ++a) {
    const std::string flag = argv[a];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (flag.rfind("--", 0) != 0 || a + 1 >= argc) bad_input("unexpected argument '" + flag + "'");
    given[flag] = argv[++a];
  }
  for (const auto& [flag, value] : given) {
    if (flag == "--ic")
      s.ic = value;
    else if (flag == "--method")
      s.method = value;
    else if (flag == "--out")
      s.out = value;
    else if (flag == "--n")
      s.n = static_cast<long>(number(flag, value));
    else if (flag == "--steps")
      s.steps = static_cast<long>(number(flag, value));
    else if (flag == "--every")
      s.every = static_cast<long>(number(flag, value));
    else if (flag == "--dt")
      s.dt = number(flag, value);
    else if (flag == "--theta")
      s.theta = number(flag, value);
    else if (flag == "--softening")
      s.softening = number(flag, value);
    else if (flag == "--seed")
      s.seed = static_cast<std::uint64_t>(number(flag, value));
    else
      bad_input("unknown option " + flag);
  }
  if (s.ic != "plummer" && s.ic != "cold-sphere" && s.ic != "kepler" && s.ic != "figure-eight") {
    bad_input(s.ic.empty() ? "--ic is missing" : "unknown initial condition '" + s.ic + "'");
  }
  if ((s.ic == "plummer" || s.ic == "cold-sphere") && s.n <= 0) bad_input("--n must be a positive number of bodies");
  if (s.steps < 0) bad_input("--steps must be given, 0 or more");
  if (!(s.dt > 0)) bad_input("--dt must be positive");
  if (s.every <= 0) bad_input("--every must be positive");
  if (!(s.softening >= 0) || !(s.theta >= 0)) bad_input("--softening and --theta must not be negative");
  if (s.method != "direct" && s.method != "tree") bad_input("--method is direct or tree, not '" + s.method + "'");
  if (s.out.empty()) bad_input("--out FOLDER is missing");
  return s;
}

Bodies initial(const Settings& s) {
  if (s.ic == "plummer") return plummer(static_cast<std::size_t>(s.n), s.seed);
  if (s.ic == "cold-sphere") return cold_sphere(static_cast<std::size_t>(s.n), s.seed);
  if (s.ic == "kepler") return kepler_ellipse(0.5);
  return figure_eight();
}

// `count` leapfrog steps with the tree's accelerations (the direct method uses your leapfrog).
void tree_steps(Bodies& b, const Settings& s, long count) {
  std::vector<double> ax(b.size()), ay(b.size()), az(b.size());
  tree_accelerations(positions_of(b), b.m, s.softening, s.theta, {ax, ay, az});
  for (long step = 0; step < count; ++step) {
    for (std::size_t i = 0; i < b.size(); ++i) {
      b.vx[i] += 0.5 * s.dt * ax[i], b.vy[i] += 0.5 * s.dt * ay[i], b.vz[i] += 0.5 * s.dt * az[i];
      b.x[i] += s.dt * b.vx[i], b.y[i] += s.dt * b.vy[i], b.z[i] += s.dt * b.vz[i];
    }
    tree_accelerations(positions_of(b), b.m, s.softening, s.theta, {ax, ay, az});
    for (std::size_t i = 0; i < b.size(); ++i) {
      b.vx[i] += 0.5 * s.dt * ax[i], b.vy[i] += 0.5 * s.dt * ay[i], b.vz[i] += 0.5 * s.dt * az[i];
    }
  }
}

int run(const Settings& s) {
  std::ostringstream settings;
  settings << "{\"ic\": \"" << s.ic << "\", \"n\": " << s.n << ", \"steps\": " << s.steps << ", \"dt\": " << s.dt
           << ", \"method\": \"" << s.method << "\", \"theta\": " << s.theta << ", \"softening\": " << s.softening
           << ", \"every\": " << s.every << ", \"seed\": " << s.seed << "}";
  nbody::Output out(s.out, settings.str());
  Bodies b = initial(s);
  const bool energy = b.size() <= kEnergyUpTo;
  if (!energy) std::cerr << "nbody: energy not computed for more than " << kEnergyUpTo << " bodies (an O(n^2) sum)\n";
  const auto started = std::chrono::steady_clock::now();
  auto last_line = started;
  out.snapshot(b, 0);
  out.diagnostics(0, 0.0, b, s.softening, energy);
  for (long step = 0; step < s.steps;) {
    const long chunk = std::min(s.every, s.steps - step);
    if (s.method == "direct") {
      leapfrog(state_of(b), s.dt, static_cast<int>(chunk), s.softening);
    } else {
      tree_steps(b, s, chunk);
    }
    step += chunk;
    out.snapshot(b, step);
    out.diagnostics(step, static_cast<double>(step) * s.dt, b, s.softening, energy);
    const auto now = std::chrono::steady_clock::now();
    if (now - last_line > std::chrono::seconds(2) || step == s.steps) {
      const double seconds = std::chrono::duration<double>(now - started).count();
      std::fprintf(stderr, "nbody: step %ld of %ld (%.0f%%), %.1f s\n", step, s.steps,
                   100.0 * static_cast<double>(step) / static_cast<double>(s.steps), seconds);
      last_line = now;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::invalid_argument& error) {
    std::cerr << "nbody: " << error.what() << "\n" << kUsage;
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "nbody: " << error.what() << "\n";
    return 1;
  }
}
