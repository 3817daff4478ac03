#include "baseline.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <stdexcept>

#include "lab03/ridge.hpp"
#include "lab03/wire.hpp"

namespace hpc::lab03::baseline {

std::vector<Bytes> run_serially(const std::string& name, const std::vector<Bytes>& inputs) {
  const Task& task = find_task(name);
  std::vector<Bytes> results;
  results.reserve(inputs.size());
  for (const auto& input : inputs) results.push_back(task(input));
  return results;
}

std::vector<double> produce_in_child_pipe(std::size_t count) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    close(fds[0]);
    std::vector<double> values(count);
    for (std::size_t i = 0; i < count; ++i) values[i] = produced_value(i);
    wire::write_all(fds[1], values.data(), count * sizeof(double));
    _exit(0);
  }
  close(fds[1]);
  std::vector<double> values(count);
  const bool ok = count == 0 || wire::read_exact(fds[0], values.data(), count * sizeof(double));
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("child failed");
  return values;
}

Estimate monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, std::uint64_t chunks) {
  // The very task the pool runs, called in this process: a speedup then measures parallelism
  // (and the pool's overhead), not two compilations of the same loop.
  const Task& chunk = find_task("mc_chunk");
  std::uint64_t hits = 0;
  for (std::uint64_t c = 0; c < chunks; ++c) {
    const std::uint64_t count = samples * (c + 1) / chunks - samples * c / chunks;
    hits += static_cast<std::uint64_t>(
        decode_int(chunk(encode_doubles({static_cast<double>(seed), static_cast<double>(c), static_cast<double>(count)}))));
  }
  const double p = static_cast<double>(hits) / static_cast<double>(samples);
  return {4 * p, 4 * std::sqrt(p * (1 - p) / static_cast<double>(samples))};
}

GridSearchResult grid_search(const std::vector<double>& lambdas) {
  GridSearchResult result;
  for (double lambda : lambdas) {
    double sum = 0;
    for (int fold = 0; fold < ridge::kFolds; ++fold) sum += ridge::fold_error(lambda, fold);
    result.mean_errors.push_back(sum / ridge::kFolds);
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < lambdas.size(); ++i) {
    if (result.mean_errors[i] < result.mean_errors[best]) best = i;
  }
  result.best_lambda = lambdas.empty() ? 0 : lambdas[best];
  return result;
}

}  // namespace hpc::lab03::baseline
