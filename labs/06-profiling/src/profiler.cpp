#include "hpc/todo.hpp"
#include "lab06/profiler.hpp"

namespace hpc::lab06 {

// TODO(student): task 1 (test_profiler; perf_profiler: the cost of a scope). Suggested design:
//  - per thread (a thread_local pointer to a struct that a global, mutex-protected list owns, so
//    it outlives the thread): the root of a call tree and a stack of open scopes (node, start);
//  - a node: name, calls, inclusive nanoseconds, children (found by comparing the name pointer,
//    then its text);
//  - enter: find or add the child of the innermost open node, push it with steady_clock::now();
//    exit: pop, add the time and a call to the node, keep an event for the trace (the first
//    kTraceEventsPerThread);
//  - report: under the lock, walk every thread's tree building "a;b;c" paths into a std::map;
//    exclusive = inclusive - the children's inclusive.
// enter and exit take no lock: only their own thread touches its tree while scopes run.
// Until you write them, scopes are not recorded (enter and exit do nothing).
void profiler_enter(const char* name) {}

void profiler_exit() {}

void profiler_reset() {}

// TODO(student): task 2 (see src/memory_tracker.cpp): this thread's open scopes, "main;load".
std::string profiler_current_path() { hpc::todo("profiler_current_path"); }

std::vector<ScopeStats> profiler_report() { hpc::todo("profiler_report"); }

std::string folded_stacks() { hpc::todo("folded_stacks"); }

std::string chrome_trace() { hpc::todo("chrome_trace"); }

}  // namespace hpc::lab06
