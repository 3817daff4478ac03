// Exercises 4-5: two embarrassingly parallel computations on a ProcessPool. The tasks they run
// (registered by register_lab_tasks()) are given in runtime/tasks.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "lab03/process_pool.hpp"

namespace hpc::lab03 {

// Registers the lab's tasks: "count_primes" (input: encode_doubles({lo, hi}) -> encode_int of
// the primes in [lo, hi)), "spin" (encode_int(microseconds) of busy work -> the same),
// "sleep" (encode_int(microseconds) asleep -> the same), "mc_chunk" (encode_doubles({seed,
// stream, samples}) -> encode_int(hits)), "ridge_cv" (encode_doubles({lambda, fold}) ->
// encode_doubles({validation MSE})), "worker_pid" (anything -> encode_int(getpid())), "sum"
// (encode_doubles(values) -> encode_doubles({their sum})).
// Call it before creating a pool.
void register_lab_tasks();

struct Estimate {
  double value = 0;           // 4 * hits / samples
  double standard_error = 0;  // 4 * sqrt(p (1 - p) / samples), p = hits / samples
};

// Exercise 4: pi from `samples` points split into `chunks` chunks; chunk c draws
// samples * c / chunks .. samples * (c + 1) / chunks points from Rng::stream(seed, c) (task
// "mc_chunk"). The result depends on (samples, seed, chunks) only: not on the pool's size.
Estimate monte_carlo_pi(ProcessPool& pool, std::uint64_t samples, std::uint64_t seed, std::uint64_t chunks);

struct GridSearchResult {
  double best_lambda = 0;
  std::vector<double> mean_errors;  // mean validation MSE over the folds, one per lambda
};

// Exercise 5: ridge regression's penalty chosen by k-fold cross-validation on the lab's dataset
// (runtime/ridge.hpp): every (lambda, fold) pair is one task "ridge_cv"; the best lambda has the
// smallest mean error (the first one on a tie). Must equal the serial computation exactly.
GridSearchResult grid_search(ProcessPool& pool, const std::vector<double>& lambdas);

}  // namespace hpc::lab03
