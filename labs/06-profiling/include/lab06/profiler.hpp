// Task 1 (src/profiler.cpp): an instrumentation profiler. Code marks the scopes it wants timed:
//
//   void parse(Input& in) {
//     HPC_PROFILE_SCOPE("parse");   // timed from here to the end of the enclosing block
//     ...
//   }
//
// Each thread builds its own call tree: a scope entered while "main" and then "step" are open on
// that thread is the node "main;step;parse". The report merges the trees of every thread that
// ever entered a scope (a thread's data outlives the thread), node by node, by path.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hpc/allocation_hooks.hpp"

namespace hpc::lab06 {

// Opens a scope on this thread. `name` has static storage (a string literal) and no ';'; two
// scopes with the same text are the same scope, wherever the text is stored.
void profiler_enter(const char* name);
// Closes this thread's innermost open scope.
void profiler_exit();
// Forgets everything every thread recorded. Called while no scope is open on any thread.
void profiler_reset();

struct ScopeStats {
  std::string path;              // "main;step;parse": the names from the thread's outermost scope
  std::uint64_t calls = 0;       // times the scope was closed on this path, all threads together
  double inclusive_seconds = 0;  // wall time inside it, its children included
  double exclusive_seconds = 0;  // inclusive minus the inclusive time of its children
};

// One entry per path, sorted by path (std::string's <), every thread's calls added up. Open
// scopes are not counted.
std::vector<ScopeStats> profiler_report();

// The flame-graph input (flamegraph.pl, speedscope): one line per path of the report, in its
// order, "path microseconds\n" with the exclusive time in whole microseconds (rounded down).
std::string folded_stacks();

// Chrome's trace-event format (open it in https://ui.perfetto.dev or speedscope):
//   {"traceEvents": [{"name": "parse", "ph": "X", "ts": 12.5, "dur": 3.25, "pid": 1, "tid": 2}, ...]}
// one complete event ("ph": "X") per closed scope: start and duration in microseconds (ts from any
// fixed origin, the same for every thread), tid a small number per thread (1, 2, ...). Only the
// first kTraceEventsPerThread scopes a thread closes are kept: the tree still counts the rest.
inline constexpr std::size_t kTraceEventsPerThread = 100'000;
std::string chrome_trace();

// Task 2 asks for this one too: the path of the scopes open on the calling thread ("main;load"),
// "" when none is. The memory tracker files each allocation under it.
std::string profiler_current_path();

// What HPC_PROFILE_SCOPE expands to (given). The profiler's own allocations are not the program's:
// the memory tracker does not see them.

class ProfileScope {
 public:
  explicit ProfileScope(const char* name) {
    hpc::allocation::Untracked bookkeeping;
    profiler_enter(name);
  }
  ~ProfileScope() {
    hpc::allocation::Untracked bookkeeping;
    profiler_exit();
  }
  ProfileScope(const ProfileScope&) = delete;
  ProfileScope& operator=(const ProfileScope&) = delete;
};

}  // namespace hpc::lab06

#define HPC_PROFILE_CONCAT_(a, b) a##b
#define HPC_PROFILE_CONCAT(a, b) HPC_PROFILE_CONCAT_(a, b)
#define HPC_PROFILE_SCOPE(name) ::hpc::lab06::ProfileScope HPC_PROFILE_CONCAT(hpc_profile_scope_, __LINE__)(name)
