// Reference behaviour for Lab 03's tests and benchmarks: everything in one process.
#pragma once

#include <string>
#include <vector>

#include "lab03/applications.hpp"
#include "lab03/transfer.hpp"

namespace hpc::lab03::baseline {

// The tasks run one after another in this process: what a pool is compared against.
std::vector<Bytes> run_serially(const std::string& name, const std::vector<Bytes>& inputs);
// The pool's static schedule with chunk size 1, written by the instructor (what the student's
// dynamic schedule is compared against): `workers` children forked for this call; input i goes
// to child i * workers / inputs.size(), which runs its contiguous block and sends the results
// back through a pipe. Results in input order.
std::vector<Bytes> run_static_blocks(const std::string& name, const std::vector<Bytes>& inputs, std::size_t workers);
// The child's array sent back through a pipe: written by the child, copied through the kernel,
// read by the parent.
std::vector<double> produce_in_child_pipe(std::size_t count);
// The same chunks and streams as the parallel version, in a loop (register_lab_tasks() first).
Estimate monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, std::uint64_t chunks);
GridSearchResult grid_search(const std::vector<double>& lambdas);

}  // namespace hpc::lab03::baseline
