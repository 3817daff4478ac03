// What Lab 06's tasks are measured against (instructor code; student code may not call it).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lab06/int8_inference.hpp"
#include "lab06/mlp_model.hpp"

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

// Task 3's slow program: lab06::analyze_access_log's report, the slow way, with four planted
// problems for the hunt (baseline/slow_log_analytics.cpp). Task 3's speed is timed against it.
std::string analyze_access_log_slowly(std::string_view log, int k);

}  // namespace hpc::lab06::baseline

// The int8 inference case: what your engine is timed against and checked with.
namespace hpc::lab06::baseline {

// The fp32 model, one request at a time (kMlpInputs floats): its logits. Each output channel a dot
// product with 16 partial sums in one vector register: a first version's fp32 matrix-vector
// products, which read all 1.6 MB of weights for every request.
std::vector<float> fp32_logits(const Mlp& model, std::span<const float> request);
// Every request of `requests` (count x kMlpInputs), one after the other: their top-1 classes.
std::vector<int> fp32_classify(const Mlp& model, std::span<const float> requests);

// gemmlowp's requantization, exactly as lab06/int8_inference.hpp defines it.
QuantizedMultiplier quantize_multiplier(double real_multiplier);
std::uint8_t requantize(std::int32_t accumulator, QuantizedMultiplier multiplier, std::int32_t zero_point);
// Part 2, Streaming ETL: the slow, correct version (baseline/etl_baseline.cpp). One thread,
// std::getline, a std::string per field, a std::unordered_map per group: what yours is timed against, and the
// report yours must equal byte for byte.
std::string summarize_transactions(const std::string& path, const EtlQuery& query);

}  // namespace hpc::lab06::baseline
