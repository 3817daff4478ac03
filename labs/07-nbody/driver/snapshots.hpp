// What `nbody` writes into its output folder, for plots/nbody.py to render:
//   run.json            the run's settings
//   diagnostics.csv     step, time, energy (when computed), relative energy error, momentum
//   snapshot_NNNNNN.bin n, then x, y, z of every body as float32 (little-endian)
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "lab07/bodies.hpp"

namespace nbody {

class Output {
 public:
  // Creates the folder; throws std::runtime_error, saying why, when it cannot be written.
  Output(const std::filesystem::path& folder, const std::string& settings_json);
  void snapshot(const hpc::lab07::Bodies& bodies, long step);
  void diagnostics(long step, double time, const hpc::lab07::Bodies& bodies, double softening, bool with_energy);

 private:
  std::filesystem::path folder_;
  std::ofstream diagnostics_;
  double first_energy_ = 0;
  bool have_first_energy_ = false;
};

}  // namespace nbody
