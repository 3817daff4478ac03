#include "snapshots.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "lab07/diagnostics.hpp"

namespace nbody {

Output::Output(const std::filesystem::path& folder, const std::string& settings_json) : folder_(folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  std::ofstream settings(folder / "run.json");
  if (error || !(settings << settings_json << "\n")) {
    throw std::runtime_error("cannot write into the output folder " + folder.string() +
                             (error ? " (" + error.message() + ")" : ""));
  }
  diagnostics_.open(folder / "diagnostics.csv");
  diagnostics_ << "step,time,energy,relative_energy_error,px,py,pz\n";
}

void Output::snapshot(const hpc::lab07::Bodies& b, long step) {
  char name[64];
  std::snprintf(name, sizeof name, "snapshot_%06ld.bin", step);
  std::ofstream out(folder_ / name, std::ios::binary);
  const std::uint64_t n = b.size();
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  std::vector<float> values(3 * b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    values[3 * i] = static_cast<float>(b.x[i]);
    values[3 * i + 1] = static_cast<float>(b.y[i]);
    values[3 * i + 2] = static_cast<float>(b.z[i]);
  }
  out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(float)));
  if (!out) throw std::runtime_error("cannot write the snapshot " + (folder_ / name).string());
}

void Output::diagnostics(long step, double time, const hpc::lab07::Bodies& b, double softening, bool with_energy) {
  const auto p = hpc::lab07::momentum(b);
  diagnostics_ << step << "," << time << ",";
  if (with_energy) {
    const double e = hpc::lab07::total_energy(b, softening);
    if (!have_first_energy_) first_energy_ = e, have_first_energy_ = true;
    diagnostics_ << e << "," << std::abs((e - first_energy_) / first_energy_);
  } else {
    diagnostics_ << ",";
  }
  diagnostics_ << "," << p[0] << "," << p[1] << "," << p[2] << "\n" << std::flush;
}

}  // namespace nbody
