// Reference behaviour for Lab 02's tests and benchmarks.
#pragma once

#include <cstdint>
#include <vector>

#include "lab02/concurrency.hpp"

namespace hpc::lab02::baseline {

// The programs one after another on the calling thread: what threads are compared against.
std::vector<std::int64_t> run_sequentially(Interpreter& interpreter, const std::vector<Program>& programs);
// The primes below `limit`, by the same trial division, in plain C++ (the expected value).
std::int64_t count_primes(std::int64_t limit);
// The shared counter with a read and a write that other threads can come between: it loses
// updates (a race without undefined behaviour: every access is atomic, the increment is not).
std::int64_t count_racy(int threads, std::int64_t increments);

}  // namespace hpc::lab02::baseline
