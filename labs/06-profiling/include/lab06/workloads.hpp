// Given programs that the tests run and the handout asks you to measure (runtime/workloads.cpp).
#pragma once

#include <cstdint>
#include <functional>

namespace hpc::lab06 {

// A profiled program of known shape: the main thread runs
//   main { load (8 ms); 3 x step { compute (4 ms); exchange (1 ms); 1 ms of its own }; save (2 ms) }
// while `workers` threads each run worker { 5 x task (2 ms) }. Every duration is wall time spent
// spinning, so the profile's times are known to the millisecond.
void synthetic_workload(int workers);

// `iterations` times: an "outer" scope around an "inner" scope around one increment: what a
// scope costs, and nothing else.
std::uint64_t nested_scopes(long iterations);

// A program whose serial fraction is fixed by construction: `serial_fraction` of `work` steps of
// a dependent multiply-add chain run on one thread, the rest split evenly over `threads` threads
// (OpenMP). On one core it takes about work * 1.3 ns.
double planted_serial_program(double serial_fraction, long work, int threads);

}  // namespace hpc::lab06

// Programs of known allocation pattern, run with your memory tracker's hooks installed
// (runtime/tracked_programs.cpp). They throw when a hook threw.
namespace hpc::lab06 {

// 24 bytes outside any scope, then
//   main { load: 100 x 1000 bytes, kept; leak: 7 x 64 bytes, never freed;
//          3 x step { parse: 10 x 8000 bytes, all live at once, then freed }; the load freed }
// and the 24 bytes freed: 138 allocations, 131 frees, a peak of 180 472 bytes, 448 leaked.
void known_allocations();

// `workers` threads (1 to kMaxAllocationWorkers) at once, each: worker { churn: `per_thread` times
// 64 bytes allocated and freed; leak: 32 bytes, never freed }.
inline constexpr int kMaxAllocationWorkers = 64;
void threaded_allocations(int workers, int per_thread);

// 10 blocks allocated before tracking starts and freed while it runs (your tracker never saw them
// allocated), then 50 bytes allocated and never freed.
void frees_of_unknown_blocks();

// A program whose heap grows and shrinks in phases over about `seconds`: etl { load: 16 MiB in
// 256 KiB chunks; transform: every chunk copied, then the originals freed (a peak of 32 MiB);
// cache: 1 MiB never freed; aggregate: the copies freed }. `sample` is called (untracked) after every step: the report
// reads your memory_stats() there to draw the heap over time.
void phased_allocations(double seconds, const std::function<void()>& sample);

}  // namespace hpc::lab06
