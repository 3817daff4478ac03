// Given: programs of known allocation pattern, run with your memory tracker hooked into operator
// new and delete (lab06/workloads.hpp). Built where your code is: the runner, the benchmarks and
// the report.
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hpc/allocation_hooks.hpp"
#include "hpc/timing.hpp"
#include "lab06/memory_tracker.hpp"
#include "lab06/profiler.hpp"
#include "lab06/workloads.hpp"

namespace hpc::lab06 {

namespace {

// Makes a block's address escape, so that the compiler cannot pair a new with its delete away.
void keep(const void* pointer) { asm volatile("" : : "r"(pointer) : "memory"); }

// What a hook threw: the first one is reported when the program ends (a hook may not throw
// through operator delete, which is noexcept).
std::mutex error_lock;
std::string first_error;

void note_error(const char* hook, const char* what) {
  std::lock_guard guard(error_lock);
  if (first_error.empty()) first_error = std::string(hook) + " threw: " + what;
}

void on_allocate(void* pointer, std::size_t bytes) noexcept {
  try {
    memory_on_allocate(pointer, bytes);
  } catch (const std::exception& error) {
    note_error("memory_on_allocate", error.what());
  } catch (...) {
    note_error("memory_on_allocate", "something that is not a std::exception");
  }
}

void on_free(void* pointer) noexcept {
  try {
    memory_on_free(pointer);
  } catch (const std::exception& error) {
    note_error("memory_on_free", error.what());
  } catch (...) {
    note_error("memory_on_free", "something that is not a std::exception");
  }
}

constexpr hpc::allocation::Hooks your_tracker{&on_allocate, &on_free};

// Your hooks installed for the life of the object; finish() says what they threw.
class Tracking {
 public:
  Tracking() {
    {
      std::lock_guard guard(error_lock);
      first_error.clear();
    }
    hpc::allocation::install(&your_tracker);
  }
  ~Tracking() { hpc::allocation::install(nullptr); }
  Tracking(const Tracking&) = delete;
  Tracking& operator=(const Tracking&) = delete;

  void finish() {
    hpc::allocation::install(nullptr);
    std::lock_guard guard(error_lock);
    if (!first_error.empty()) throw std::runtime_error("the memory tracker: " + first_error);
  }
};

// Threads started and joined without their own allocations (std::thread's state) being tracked.
template <class Body>
void run_threads(int count, Body body) {
  std::vector<std::thread> threads;
  {
    hpc::allocation::Untracked not_the_program;
    threads.reserve(static_cast<std::size_t>(count));
    for (int t = 0; t < count; ++t) threads.emplace_back(body, t);
  }
  for (auto& thread : threads) thread.join();
  hpc::allocation::Untracked not_the_program;
  std::vector<std::thread>().swap(threads);
}

// Blocks that the programs allocate and never free: the planted leaks.
int* leaked_ints[7];
char* leaked_per_worker[kMaxAllocationWorkers];
char* leaked_after_unknown_frees = nullptr;
char* leaked_cache = nullptr;

// A program run again first frees what its last run leaked, untracked: its leaks stay planted for
// the tracker to find, without piling up in the process (or failing a leak checker at exit).
template <class Block>
void free_earlier_leaks(Block*& block) {
  hpc::allocation::Untracked not_the_program;
  delete[] block;
  block = nullptr;
}

}  // namespace

void known_allocations() {
  for (int*& block : leaked_ints) free_earlier_leaks(block);
  Tracking tracking;
  char* outside_any_scope = new char[24];
  keep(outside_any_scope);
  {
    HPC_PROFILE_SCOPE("main");
    char* loaded[100];
    {
      HPC_PROFILE_SCOPE("load");
      for (char*& block : loaded) keep(block = new char[1000]);
    }
    {
      HPC_PROFILE_SCOPE("leak");
      for (int*& block : leaked_ints) keep(block = new int[16]);
    }
    for (int s = 0; s < 3; ++s) {
      HPC_PROFILE_SCOPE("step");
      HPC_PROFILE_SCOPE("parse");
      double* parts[10];
      for (double*& part : parts) keep(part = new double[1000]);
      for (double* part : parts) delete[] part;
    }
    for (char* block : loaded) delete[] block;
  }
  delete[] outside_any_scope;
  tracking.finish();
}

void threaded_allocations(int workers, int per_thread) {
  if (workers < 1 || workers > kMaxAllocationWorkers || per_thread < 0)
    throw std::invalid_argument("threaded_allocations: workers outside [1, 64] or per_thread < 0");
  for (char*& block : leaked_per_worker) free_earlier_leaks(block);
  Tracking tracking;
  run_threads(workers, [per_thread](int worker) {
    HPC_PROFILE_SCOPE("worker");
    {
      HPC_PROFILE_SCOPE("churn");
      for (int i = 0; i < per_thread; ++i) {
        char* block = new char[64];
        keep(block);
        delete[] block;
      }
    }
    HPC_PROFILE_SCOPE("leak");
    keep(leaked_per_worker[worker] = new char[32]);
  });
  tracking.finish();
}

void frees_of_unknown_blocks() {
  char* before[10];
  for (char*& block : before) keep(block = new char[100]);
  free_earlier_leaks(leaked_after_unknown_frees);
  Tracking tracking;
  for (char* block : before) delete[] block;
  keep(leaked_after_unknown_frees = new char[50]);
  tracking.finish();
}

void phased_allocations(double seconds, const std::function<void()>& sample) {
  constexpr int kChunks = 64;
  constexpr std::size_t kChunkBytes = 1 << 18;  // 64 x 256 KiB = 16 MiB at the peak of a phase
  const double pause = seconds / (4.0 * kChunks);
  free_earlier_leaks(leaked_cache);
  std::vector<char*> chunks(kChunks), copies(kChunks);  // allocated before tracking: not the program's
  auto record = [&sample] {
    hpc::allocation::Untracked not_the_program;
    sample();
  };
  Tracking tracking;
  {
    HPC_PROFILE_SCOPE("etl");
    {
      HPC_PROFILE_SCOPE("load");
      for (char*& chunk : chunks) {
        keep(chunk = new char[kChunkBytes]);
        hpc::spin_for(pause);
        record();
      }
    }
    {
      HPC_PROFILE_SCOPE("transform");
      for (char*& copy : copies) {  // every copy made before any original is freed: twice the data
        keep(copy = new char[kChunkBytes]);
        hpc::spin_for(pause);
        record();
      }
      for (char* chunk : chunks) {
        delete[] chunk;
        record();
      }
    }
    {
      HPC_PROFILE_SCOPE("cache");  // the planted leak: a "cache" that is never freed
      keep(leaked_cache = new char[4 * kChunkBytes]);
      record();
    }
    {
      HPC_PROFILE_SCOPE("aggregate");
      for (char*& copy : copies) {
        delete[] copy;
        hpc::spin_for(2 * pause);
        record();
      }
    }
  }
  tracking.finish();
}

}  // namespace hpc::lab06
