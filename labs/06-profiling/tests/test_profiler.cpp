// Task 1: the profiler on programs of known shape (lab06/workloads.hpp), run in the runner with
// your profiler: exact call counts, times within tolerance, threads merged, the two exports.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "hpc/busy.hpp"
#include "hpc/perf_test.hpp"
#include "json_value.hpp"
#include "lab06/profiler.hpp"
#include "lab06/workloads.hpp"

namespace {

using namespace hpc::lab06;

std::map<std::string, ScopeStats> by_path(const std::vector<ScopeStats>& report) {
  std::map<std::string, ScopeStats> out;
  for (const ScopeStats& s : report) out[s.path] = s;
  return out;
}

std::map<std::string, ScopeStats> profile_of_the_synthetic_workload(int workers) {
  profiler_reset();
  synthetic_workload(workers);
  return by_path(profiler_report());
}

TEST(Profiler, CountsEveryCallOnEveryPath) {
  const auto report = profile_of_the_synthetic_workload(2);
  const std::map<std::string, std::uint64_t> calls = {
      {"main", 1},      {"main;load", 1}, {"main;step", 3},   {"main;step;compute", 3}, {"main;step;exchange", 3},
      {"main;save", 1}, {"worker", 2},    {"worker;task", 10}};
  for (const auto& [path, expected] : calls) {
    ASSERT_TRUE(report.count(path)) << "no entry for the path " << path;
    EXPECT_EQ(report.at(path).calls, expected) << path;
  }
  EXPECT_EQ(report.size(), calls.size()) << "paths that the program never entered";
}

TEST(Profiler, ReportsPathsInOrder) {
  profiler_reset();
  synthetic_workload(1);
  const auto report = profiler_report();
  for (std::size_t i = 1; i < report.size(); ++i) EXPECT_LT(report[i - 1].path, report[i].path);
}

TEST(Profiler, InclusiveAndExclusiveTimes) {
  // One spinning thread per core at most: a third thread on two cores would be preempted inside
  // its scopes, and its wall times would rightly grow with the waiting.
  const int workers = std::clamp(hpc::counted_cores() - 1, 1, 2);
  const auto report = profile_of_the_synthetic_workload(workers);
  // What the program spins, in seconds (inclusive), summed over calls and threads.
  const std::map<std::string, double> planned = {
      {"main;load", 0.008}, {"main;step", 0.018}, {"main;step;compute", 0.012}, {"main;step;exchange", 0.003},
      {"main;save", 0.002}, {"main", 0.028},      {"worker", 0.010 * workers},  {"worker;task", 0.010 * workers}};
  std::string late;
  for (const auto& [path, seconds] : planned) {
    ASSERT_TRUE(report.count(path)) << path;
    const double got = report.at(path).inclusive_seconds;
    EXPECT_GE(got, 0.98 * seconds) << path << ": inclusive time below what it spins";
    if (got > 1.5 * seconds + 0.003) late += " " + path + ": " + std::to_string(got) + " s;";
  }
  if (!late.empty()) {
    if (const auto busy = hpc::machine_busy_reason(); !busy.empty()) {
      hpc::record_inconclusive("machine busy (" + busy + "), scopes ran long:" + late);
      GTEST_SKIP() << "inconclusive: machine busy";
    }
    ADD_FAILURE() << "inclusive times far above what the program spins:" << late;
  }
  // Exclusive = inclusive minus the children's inclusive, exactly as the report adds them up.
  const auto& step = report.at("main;step");
  EXPECT_NEAR(step.exclusive_seconds,
              step.inclusive_seconds - report.at("main;step;compute").inclusive_seconds -
                  report.at("main;step;exchange").inclusive_seconds,
              1e-9);
  EXPECT_NEAR(step.exclusive_seconds, 0.003, 0.0015 + 0.5 * (step.inclusive_seconds - 0.018));
  EXPECT_NEAR(report.at("main;load").exclusive_seconds, report.at("main;load").inclusive_seconds, 1e-9)
      << "a leaf's exclusive time is its inclusive time";
}

TEST(Profiler, KeepsTheDataOfThreadsThatHaveEnded) {
  profiler_reset();
  synthetic_workload(3);
  synthetic_workload(2);  // new threads: the first five have ended
  const auto report = by_path(profiler_report());
  EXPECT_EQ(report.at("worker").calls, 5u);
  EXPECT_EQ(report.at("worker;task").calls, 25u);
  EXPECT_EQ(report.at("main;step").calls, 6u);
}

TEST(Profiler, ResetForgetsEverything) {
  profiler_reset();
  synthetic_workload(2);
  profiler_reset();
  EXPECT_TRUE(profiler_report().empty());
  synthetic_workload(0);
  const auto report = by_path(profiler_report());
  EXPECT_EQ(report.count("worker"), 0u);
  EXPECT_EQ(report.at("main;step").calls, 3u);
}

TEST(FoldedStacks, OneLinePerPathWithExclusiveMicroseconds) {
  profiler_reset();
  synthetic_workload(1);
  const auto report = profiler_report();
  std::istringstream lines(folded_stacks());
  std::string line;
  std::size_t k = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(k, report.size()) << "more lines than paths: " << line;
    const auto space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << "not 'path microseconds': " << line;
    EXPECT_EQ(line.substr(0, space), report[k].path);
    const long long micros = std::stoll(line.substr(space + 1));
    EXPECT_NEAR(static_cast<double>(micros), std::floor(report[k].exclusive_seconds * 1e6), 1.0) << line;
    ++k;
  }
  EXPECT_EQ(k, report.size()) << "one line per path of the report";
}

TEST(ChromeTrace, ValidJsonWithOneCompleteEventPerScope) {
  profiler_reset();
  synthetic_workload(2);
  lab06_testing::Json trace;
  ASSERT_NO_THROW(trace = lab06_testing::parse_json(chrome_trace()));
  ASSERT_TRUE(trace.has("traceEvents"));
  const auto& events = trace["traceEvents"].array();
  EXPECT_EQ(events.size(), 12u + 2 * 6u) << "main's 12 scopes and 6 per worker";
  std::set<double> threads;
  std::map<double, std::vector<std::pair<double, double>>> steps;  // tid -> [start, end] of "step"
  double compute_us = 0;
  for (const auto& e : events) {
    ASSERT_TRUE(e.has("name") && e["name"].is_string());
    ASSERT_TRUE(e.has("ph") && e["ph"].is_string());
    EXPECT_EQ(e["ph"].string(), "X") << "a complete event";
    for (const char* key : {"ts", "dur", "pid", "tid"}) ASSERT_TRUE(e.has(key) && e[key].is_number()) << key;
    EXPECT_GE(e["dur"].number(), 0.0);
    threads.insert(e["tid"].number());
    if (e["name"].string() == "step")
      steps[e["tid"].number()].push_back({e["ts"].number(), e["ts"].number() + e["dur"].number()});
    if (e["name"].string() == "compute") compute_us += e["dur"].number();
  }
  EXPECT_EQ(threads.size(), 3u) << "one tid per thread";
  EXPECT_NEAR(compute_us, 12000, 6000) << "microseconds of compute";
  for (const auto& e : events) {
    if (e["name"].string() != "compute") continue;
    const double start = e["ts"].number(), end = start + e["dur"].number();
    bool inside = false;
    for (const auto& [s, t] : steps[e["tid"].number()]) inside = inside || (s <= start + 0.01 && end <= t + 0.01);
    EXPECT_TRUE(inside) << "a compute event at " << start << " us lies inside no step event of its thread";
  }
}

TEST(ChromeTrace, KeepsTheFirstEventsOfEachThreadAndCountsTheRest) {
  profiler_reset();
  nested_scopes(60'000);  // 120 000 scopes on one thread
  const auto trace = lab06_testing::parse_json(chrome_trace());
  EXPECT_EQ(trace["traceEvents"].array().size(), kTraceEventsPerThread);
  const auto report = by_path(profiler_report());
  EXPECT_EQ(report.at("outer").calls, 60'000u);
  EXPECT_EQ(report.at("outer;inner").calls, 60'000u);
}

}  // namespace
