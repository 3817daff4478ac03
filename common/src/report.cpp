#include "hpc/report.hpp"

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "hpc/machine.hpp"

namespace hpc {

std::string json_quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out + '"';
}

Report::Report(std::string program, int argc, char** argv) : program_(std::move(program)) {
  const auto usage = [&](const std::string& why) {
    std::cerr << program_ << ": " << why << "\nusage: " << program_ << " --out FOLDER [--quick]\n";
    exit_code_ = 2;
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") {
      quick_ = true;
    } else if (arg == "--out" && i + 1 < argc) {
      folder_ = argv[++i];
    } else {
      usage("unknown argument '" + arg + "'");
      return;
    }
  }
  if (folder_.empty()) {
    usage("--out FOLDER is required");
    return;
  }
  std::error_code ignored;
  std::filesystem::create_directories(folder_, ignored);
  if (!std::ofstream(folder_ + "/report.json")) {  // said before anything is measured
    std::cerr << program_ << ": cannot write " << folder_ << "/report.json\n";
    exit_code_ = 1;
    return;
  }
  const MachineInfo machine = machine_info();
  json_ = "{\"cores\": " + std::to_string(usable_cores()) + ", \"simd\": " + json_quoted(machine.simd) +
          ", \"quick\": " + (quick_ ? "true" : "false");
}

void Report::section(const std::string& name, const std::function<std::string()>& measure) {
  std::cerr << program_ << ": " << name << "\n";
  try {
    json_ += ", " + json_quoted(name) + ": " + measure();
  } catch (const std::exception& error) {
    errors_ += (errors_.empty() ? "" : ", ") + json_quoted(name) + ": " + json_quoted(error.what());
  }
}

int Report::finish() {
  std::ofstream out(folder_ + "/report.json");
  out << json_ << ", \"errors\": {" << errors_ << "}}\n";
  if (!out) {
    std::cerr << program_ << ": cannot write " << folder_ << "/report.json\n";
    return 1;
  }
  std::cerr << program_ << ": wrote " << folder_ << "/report.json\n";
  return 0;
}

}  // namespace hpc
