// Given: profiled programs of known shape (lab06/workloads.hpp). They call your profiler, so they
// are built where your code is: into the runner, the benchmarks and your own tests.
#include <stdexcept>
#include <thread>
#include <vector>

#include "hpc/timing.hpp"
#include "lab06/profiler.hpp"
#include "lab06/workloads.hpp"

namespace hpc::lab06 {

namespace {

void spin_ms(double milliseconds) { hpc::spin_for(milliseconds / 1000.0); }

}  // namespace

void synthetic_workload(int workers) {
  if (workers < 0) throw std::invalid_argument("synthetic_workload: workers < 0");
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([] {
      HPC_PROFILE_SCOPE("worker");
      for (int t = 0; t < 5; ++t) {
        HPC_PROFILE_SCOPE("task");
        spin_ms(2);
      }
    });
  }
  {
    HPC_PROFILE_SCOPE("main");
    {
      HPC_PROFILE_SCOPE("load");
      spin_ms(8);
    }
    for (int s = 0; s < 3; ++s) {
      HPC_PROFILE_SCOPE("step");
      {
        HPC_PROFILE_SCOPE("compute");
        spin_ms(4);
      }
      {
        HPC_PROFILE_SCOPE("exchange");
        spin_ms(1);
      }
      spin_ms(1);
    }
    {
      HPC_PROFILE_SCOPE("save");
      spin_ms(2);
    }
  }
  for (auto& t : threads) t.join();
}

std::uint64_t nested_scopes(long iterations) {
  volatile std::uint64_t count = 0;  // one store per iteration: the loop cannot be folded away
  for (long i = 0; i < iterations; ++i) {
    HPC_PROFILE_SCOPE("outer");
    HPC_PROFILE_SCOPE("inner");
    count = count + 1;
  }
  return count;
}

}  // namespace hpc::lab06
