// Adversarial submission: writes a perfect results.json wherever the grader might read one, computes nothing.
#include <filesystem>
#include <fstream>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  namespace fs = std::filesystem;
  fs::path dir = fs::current_path();
  for (int up = 0; up < 6; ++up, dir = dir.parent_path()) {
    std::error_code ec;
    fs::create_directories(dir / "grader-results", ec);
    std::ofstream(dir / "grader-results" / "results.json") << R"({"score": 9999, "max_score": 42, "tests": []})";
  }
}

}  // namespace hpc::lab01
