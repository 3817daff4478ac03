// The grader's own profile for task 3: runs a program under valgrind's callgrind and reads each
// function's inclusive share of the instructions from callgrind_annotate. Instruction counts are
// exact and repeatable, whatever else the machine is doing: a verdict that noise cannot change.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
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

// The function named in an entry of callgrind_annotate, without namespace or arguments: the
// identifier just before the first '(' that follows one ("(anonymous namespace)" does not),
// an "[abi:cxx11]" tag skipped. "" when there is none.
inline std::string function_name(const std::string& entry) {
  for (std::size_t paren = entry.find('('); paren != std::string::npos; paren = entry.find('(', paren + 1)) {
    std::size_t end = paren;
    if (end > 0 && entry[end - 1] == ']') {
      const std::size_t tag = entry.rfind("[abi:", end);
      if (tag != std::string::npos) end = tag;
    }
    std::size_t begin = end;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(entry[begin - 1])) || entry[begin - 1] == '_'))
      --begin;
    if (begin < end) return entry.substr(begin, end - begin);
  }
  return "";
}

// Inclusive shares (percent of all instructions) by function name without namespace or
// arguments ("parse_lines"): for a function that appears several times (parts inlined from
// headers are listed under the header's name), its largest entry, which contains the others.
// An entry: "186,164,228 (50.57%)  /path/file.cpp:ns::(anonymous namespace)::parse_lines(args) [binary]".
inline std::map<std::string, double> inclusive_shares(const std::string& program, const std::string& arguments) {
  if (system("command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null") != 0)
    throw std::runtime_error("valgrind is not installed (Debian: apt-get install valgrind; ./grade installs it)");
  const auto out = std::filesystem::temp_directory_path() / ("callgrind." + std::to_string(getpid()));
  output_of("valgrind --tool=callgrind --callgrind-out-file=" + out.string() + " " + program + " " + arguments +
            " >/dev/null 2>&1");
  std::istringstream annotated(
      output_of("callgrind_annotate --inclusive=yes --threshold=100 --auto=no " + out.string()));
  std::filesystem::remove(out);
  std::map<std::string, double> shares;
  for (std::string line; std::getline(annotated, line);) {
    const std::size_t open = line.find(" (");
    const std::size_t close = line.find("%)", open);
    if (open == std::string::npos || close == std::string::npos || line.find("=>") != std::string::npos) continue;
    const std::string count = line.substr(0, open);
    if (count.find_first_not_of(" 0123456789,") != std::string::npos) continue;  // a source line, not an entry
    const std::string name = function_name(line.substr(close + 2));
    if (name.empty()) continue;
    double& share = shares[name];
    share = std::max(share, std::stod(line.substr(open + 2, close - open - 2)));
  }
  return shares;
}

}  // namespace hpc::lab06::testing
