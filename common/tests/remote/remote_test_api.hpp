// The functions the remote-call tests (test_remote.cpp) call through their own runner
// (remote_test_runner.cpp): one for every way a call can go, well or badly.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hpc::remote_test {

struct Grid {  // plain bytes
  int width, height;
  double scale;
};

struct Named {  // holds vectors: travels field by field (Fields<Named>)
  std::string name;
  std::vector<double> values;
  std::variant<std::vector<int>, std::vector<float>> column;
};

double sum(std::span<const double> values);
void scale(std::span<double> values, double factor);  // in place
void fill(std::span<double> out, double value);       // writes every element
Named describe(const Named& named, Grid grid);        // returns a changed copy
std::size_t length(std::string_view text);
int threads();  // what omp_get_max_threads() says there
int uid();      // the runner's uid
void throw_invalid_argument(const std::string& message);
void throw_not_a_std_exception();
void crash();                  // SIGSEGV
void start_background_work();  // a thread that spins from now on
struct SlowToDecode {          // the runner takes 0.2 s to decode it (remote_test_codecs.hpp)
  int value;
};
int slow_to_take(SlowToDecode argument);

}  // namespace hpc::remote_test
