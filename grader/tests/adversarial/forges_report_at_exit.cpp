// Adversarial submission: computes nothing, and at exit (after GoogleTest has written its report)
// rewrites the report named on the command line as an all-pass report.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "lab01/matmul.hpp"

namespace {
void forge_report() {
  std::ifstream cmdline("/proc/self/cmdline");
  std::string arg;
  while (std::getline(cmdline, arg, '\0')) {
    if (arg.rfind("--gtest_output=xml:", 0) == 0) {
      std::ofstream(arg.substr(19))
          << "<?xml version=\"1.0\"?>\n<testsuites tests=\"1\"><testsuite name=\"Matmul\" "
             "tests=\"1\"><testcase name=\"AwkwardSizes\" status=\"run\" result=\"completed\" "
             "classname=\"Matmul\"/></testsuite></testsuites>\n";
    }
  }
}
const int registered = std::atexit(forge_report);
}  // namespace

namespace hpc::lab01 {
void matmul(std::span<const double>, std::span<const double>, std::span<double> c, std::size_t) {
  for (double& x : c) x = static_cast<double>(registered);
}
}  // namespace hpc::lab01
