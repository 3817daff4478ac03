// Given programs that the tests run and the handout asks you to measure (runtime/workloads.cpp).
#pragma once

#include <cstdint>

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
