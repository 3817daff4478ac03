// Part 2's input files for the tests: each written twice, here for the slow version and through
// the runner for the code under test (which may not see this program's files: lab06/etl_inputs.hpp),
// and removed by the test that wrote it.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "hpc/remote.hpp"
#include "lab06/etl_inputs.hpp"

namespace hpc::lab06::etl_testing {

inline std::string scratch_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

class EtlInput {
 public:
  // A small file of the given bytes.
  static EtlInput of(std::string_view contents) {
    static std::atomic<int> count{0};
    const std::string name = "etl-" + std::to_string(::getpid()) + "-" + std::to_string(count++) + ".csv";
    EtlInput input;
    input.local_ = place_input_file((std::filesystem::path(scratch_dir()) / name).string(), contents);
    input.runner_ = hpc::remote::call<decltype(place_input_file)>("place_input_file", input.local_, contents);
    return input;
  }

  // The generated file of `seed` and `bytes` in `dir`, reused when it is there already; `keep`:
  // left there for the next run.
  static EtlInput generated(std::uint64_t seed, std::uint64_t bytes, const std::string& dir, bool keep) {
    EtlInput input;
    input.keep_ = keep;
    input.local_ =
        place_transactions((std::filesystem::path(dir) / transactions_file_name(seed, bytes)).string(), seed, bytes);
    input.runner_ = hpc::remote::call<decltype(place_transactions)>("place_transactions", input.local_, seed, bytes);
    return input;
  }

  EtlInput(EtlInput&& other) noexcept
      : local_(std::move(other.local_)), runner_(std::move(other.runner_)), keep_(other.keep_) {
    other.keep_ = true;  // the moved-from input removes nothing
  }
  EtlInput(const EtlInput&) = delete;
  EtlInput& operator=(const EtlInput&) = delete;
  EtlInput& operator=(EtlInput&&) = delete;
  ~EtlInput() {
    if (keep_) return;
    remove_input_file(local_);
    try {
      if (runner_ != local_) hpc::remote::call<decltype(remove_input_file)>("remove_input_file", runner_);
    } catch (...) {  // a runner that died took its files with it
    }
  }

  const std::string& local() const { return local_; }    // for the slow version, here
  const std::string& runner() const { return runner_; }  // for the code under test, in the runner

 private:
  EtlInput() = default;
  std::string local_, runner_;
  bool keep_ = false;
};

}  // namespace hpc::lab06::etl_testing
