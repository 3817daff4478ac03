// Given: what task 4's classifier is graded on. profile_run runs a program in a child process and
// records its run as the operating system saw it (runtime/run_profile.cpp); the planted programs
// each have one known bottleneck (runtime/bottleneck_programs.cpp). The tests run them; your
// classifier only ever sees the RunProfile.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hpc/busy.hpp"
#include "lab06/classify.hpp"

namespace hpc::lab06 {

// Forks, runs `program` in the child, samples it every 10 ms until it exits. Throws
// std::runtime_error when the child cannot be started or does not exit normally.
RunProfile profile_run(const std::function<void()>& program);

struct PlantedProgram {
  std::string name;
  Bottleneck truth;
  std::function<void()> run;
};

// The planted programs of the public suite: each bottleneck twice, with different sizes and
// thread counts, about `seconds` each.
std::vector<PlantedProgram> planted_programs(double seconds);

// One line of a profile's figures, for messages and for your exploring.
std::string describe(const RunProfile& run);

// A classifier's score on a suite. Each program runs until a run is not disturbed by other
// processes (at most kAttemptsPerProgram runs): a profile taken on a loaded machine shows the
// load (preemptions, halved CPU shares), not the program, and is no fair question.
inline constexpr int kAttemptsPerProgram = 3;
inline constexpr double kMaxOtherCores = 0.3;  // as the perf harness's (hpc/perf_test.hpp)

struct SuiteScore {
  int right = 0;
  int total = 0;
  int disturbed = 0;   // programs never run undisturbed: not asked
  std::string misses;  // a line per wrong answer: the program, the truth, the answer, the profile
  std::string load;    // what disturbed them
};

template <class Classifier>
SuiteScore score_suite(const std::vector<PlantedProgram>& suite, Classifier classifier) {
  SuiteScore score;
  for (const PlantedProgram& program : suite) {
    RunProfile run;
    double others = 0;
    for (int attempt = 0; attempt < kAttemptsPerProgram; ++attempt) {
      const hpc::OtherProcessesLoad load;
      run = profile_run(program.run);
      const auto [other_seconds, wall_seconds] = load.other_and_wall_seconds();
      // The child was reaped within the window: its CPU time is in other_seconds, not ours.
      others = wall_seconds > 0 ? (other_seconds - run.user_seconds - run.system_seconds) / wall_seconds : 0;
      if (others <= kMaxOtherCores) break;
    }
    if (others > kMaxOtherCores) {
      score.disturbed += 1;
      score.load += program.name + ": other processes kept " + std::to_string(others) + " cores busy; ";
      continue;
    }
    const Bottleneck answer = classifier(run);
    score.total += 1;
    if (answer == program.truth) {
      score.right += 1;
    } else {
      score.misses += program.name + ": " + name_of(program.truth) + ", classified " + name_of(answer) + " (" +
                      describe(run) + ")\n";
    }
  }
  return score;
}

// The programs' building blocks, for suites of your own (mytests/) and the hidden one.
void spin_threads(int threads, double seconds);  // xorshift chains in registers
void wait_for_a_slow_server(double seconds, std::size_t reply_bytes, double latency_ms);  // a socket peer
void leak_steadily(double seconds, std::size_t mib_per_step, double step_ms);             // never freed
void fight_over_a_lock(int threads, double seconds, int work_inside);                     // one std::mutex
void stream_through_memory(int threads, double seconds, std::size_t mib);                 // a triad

}  // namespace hpc::lab06
