// What Lab 06's tasks are measured against (instructor code; student code may not call it).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "lab06/etl.hpp"

namespace hpc::lab06::baseline {

// What a scope costs at the least: lab06::nested_scopes with each scope reduced to the two reads
// of std::chrono::steady_clock that timing it needs, and nothing else. Task 1's overhead is timed
// against it.
std::uint64_t clock_only_nested_scopes(long iterations);

// The profiler everybody writes first: one global mutex, each thread's open scopes as a string
// path, and a std::map from path to totals (the benchmark compares it with yours).
void naive_enter(const char* name);
void naive_exit();
std::uint64_t naive_nested_scopes(long iterations);

// The machine's roofs as the course measures them: what tasks 6a and 6b are timed against, and
// the results they must equal. fma_chains: blocks of 16 vector registers, each updated
// `iterations` times in registers. triad: every thread streams its own contiguous part.
void fma_chains(std::span<double> acc, double a, double b, long iterations);
void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s);

// Part 2, Streaming ETL: the slow, correct version (baseline/etl_baseline.cpp). One thread,
// std::getline, a std::string per field, a std::unordered_map per group: what yours is timed against, and the
// report yours must equal byte for byte.
std::string summarize_transactions(const std::string& path, const EtlQuery& query);

}  // namespace hpc::lab06::baseline
