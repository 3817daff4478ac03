// The grader's own profile for task 3: runs a program under valgrind's callgrind and reads each
// function's inclusive share of the instructions from callgrind_annotate. Instruction counts are
// exact and repeatable, whatever else the machine is doing: a verdict that noise cannot change.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace hpc::lab06::testing {

// The directory of the running test program: the lab's other programs are built beside it.
inline std::filesystem::path own_directory() { return std::filesystem::read_symlink("/proc/self/exe").parent_path(); }

// What `command` printed on stdout (run with /bin/sh); throws when it failed.
inline std::string output_of(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0)
    throw std::runtime_error("failed (status " + std::to_string(status) + "): " + command + "\n" +
                             text.substr(0, 2000));
  return text;
}

// Inclusive shares (percent of all instructions) by function name without namespace or
// arguments ("parse_lines"): for a function that appears several times (parts inlined from
// headers are listed under the header's name), its largest entry, which contains the others.
inline std::map<std::string, double> inclusive_shares(const std::string& program, const std::string& arguments) {
  if (system("command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null") != 0)
    throw std::runtime_error("valgrind is not installed (Debian: apt-get install valgrind; ./grade installs it)");
  const auto out = std::filesystem::temp_directory_path() / ("callgrind." + std::to_string(getpid()));
  output_of("valgrind --tool=callgrind --callgrind-out-file=" + out.string() + " " + program + " " + arguments +
            " >/dev/null 2>&1");
  const std::string annotated = output_of("callgrind_annotate --inclusive=yes --threshold=100 " + out.string());
  std::filesystem::remove(out);
  // "186,164,228 (50.57%)  /path/file.cpp:ns::(anonymous namespace)::parse_lines(args) [binary]"
  static const std::regex entry(R"(^\s*[\d,]+ \(\s*([\d.]+)%\)\s+.*?([A-Za-z_][A-Za-z_0-9]*)(\[abi:[a-z0-9]+\])?\()");
  std::map<std::string, double> shares;
  std::size_t start = 0;
  while (start < annotated.size()) {
    const std::size_t end = std::min(annotated.find('\n', start), annotated.size());
    const std::string line = annotated.substr(start, end - start);
    start = end + 1;
    std::smatch match;
    if (line.find("=>") != std::string::npos || !std::regex_search(line, match, entry)) continue;
    double& share = shares[match[2].str()];
    share = std::max(share, std::stod(match[1].str()));
  }
  return shares;
}

}  // namespace hpc::lab06::testing
