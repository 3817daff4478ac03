#include "baseline.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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

std::vector<Bytes> run_static_blocks(const std::string& name, const std::vector<Bytes>& inputs, std::size_t workers) {
  const Task& task = find_task(name);
  workers = std::max<std::size_t>(workers, 1);
  const auto owner = [&](std::size_t i) { return i * workers / inputs.size(); };
  struct Child {
    pid_t pid;
    int from;
  };
  std::vector<Child> children;
  for (std::size_t w = 0; w < workers; ++w) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      // The child has the inputs already (a forked copy): only its results travel, as one message.
      // It must never return into the test's code: _exit on every path.
      close(fds[0]);
      try {
        Bytes message;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          if (owner(i) == w) wire::put_bytes(message, task(inputs[i]));
        }
        wire::send(fds[1], message);
        _exit(0);
      } catch (...) {
        _exit(1);
      }
    }
    close(fds[1]);
    children.push_back({pid, fds[0]});
  }
  // Read in worker order: a child whose message does not fit the pipe waits for its turn, done.
  std::vector<Bytes> results(inputs.size());
  bool ok = true;
  for (std::size_t w = 0; w < workers; ++w) {
    try {
      const auto message = wire::receive(children[w].from);
      ok = ok && message.has_value();
      if (message) {
        wire::Reader reader(*message);
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          if (owner(i) == w) results[i] = reader.bytes();
        }
      }
    } catch (const std::exception&) {
      ok = false;
    }
    close(children[w].from);
    int status = 0;
    waitpid(children[w].pid, &status, 0);
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  if (!ok) throw std::runtime_error("a static-schedule child failed");
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
    hits += static_cast<std::uint64_t>(decode_int(
        chunk(encode_doubles({static_cast<double>(seed), static_cast<double>(c), static_cast<double>(count)}))));
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
