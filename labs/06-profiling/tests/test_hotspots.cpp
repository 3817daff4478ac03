// Task 3: the hot-spot hunt. (a) Your findings against the grader's own callgrind profile of the
// slow program on your seed; (b) your fast analysis against the slow one, byte for byte.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "baseline.hpp"
#include "callgrind.hpp"
#include "hpc/data.hpp"
#include "lab06/hotspots.hpp"

namespace {

using namespace hpc::lab06;

const std::map<std::string, Problem> kPlanted = {{"parse_lines", Problem::allocation},
                                                 {"rank_paths", Problem::algorithmic},
                                                 {"group_by_path", Problem::cache_layout},
                                                 {"count_statuses", Problem::lock_contention}};
constexpr double kSharePoints = 5;  // percentage points either way

const char* name_of(Problem p) {
  switch (p) {
    case Problem::algorithmic:
      return "algorithmic";
    case Problem::allocation:
      return "allocation";
    case Problem::cache_layout:
      return "cache_layout";
    case Problem::lock_contention:
      return "lock_contention";
  }
  return "?";
}

// Your findings and the grader's callgrind profile on their seed: one run (a few seconds) for all
// the tests that need it; what went wrong instead, if anything did.
struct Hunt {
  HotSpotFindings findings;
  std::map<std::string, double> shares;
  std::string error;
};

const Hunt& hunt() {
  static const Hunt profiled = [] {
    Hunt h;
    try {
      h.findings = hot_spot_findings();
      h.shares =
          hpc::lab06::testing::inclusive_shares((hpc::lab06::testing::own_directory() / "log_analytics_slow").string(),
                                                "--seed " + std::to_string(h.findings.seed));
    } catch (const std::exception& e) {
      h.error = e.what();
    }
    return h;
  }();
  return profiled;
}

TEST(HotSpotHunt, ListsEveryPlantedProblem) {
  ASSERT_EQ(hunt().error, "");
  for (const auto& [function, kind] : kPlanted) {
    bool listed = false;
    for (const Finding& f : hunt().findings.findings) listed = listed || f.function == function;
    EXPECT_TRUE(listed) << function
                        << ": a planted problem is missing from your findings (it is among the functions callgrind "
                           "lists above 0.5%)";
  }
}

TEST(HotSpotHunt, SharesMatchCallgrindWithinFivePoints) {
  ASSERT_EQ(hunt().error, "");
  const auto& shares = hunt().shares;
  ASSERT_FALSE(hunt().findings.findings.empty()) << "no findings";
  for (const Finding& f : hunt().findings.findings) {
    ASSERT_TRUE(shares.count(f.function)) << "\"" << f.function << "\" is not a function in the profile "
                                          << "(give the name alone: no namespace, no arguments)";
    EXPECT_NEAR(f.inclusive_percent, shares.at(f.function), kSharePoints)
        << f.function << ": your share against callgrind's on seed " << hunt().findings.seed;
  }
}

TEST(HotSpotHunt, NamesTheKindOfEachProblem) {
  ASSERT_EQ(hunt().error, "");
  int right = 0;
  for (const Finding& f : hunt().findings.findings)
    if (kPlanted.count(f.function) && kPlanted.at(f.function) == f.kind) ++right;
  EXPECT_EQ(right, static_cast<int>(kPlanted.size())) << "kinds right for " << right << " of the 4 planted problems";
  for (const Finding& f : hunt().findings.findings)
    if (kPlanted.count(f.function) && kPlanted.at(f.function) != f.kind)
      ADD_FAILURE() << f.function << ": not " << name_of(f.kind);
}

void expect_same_report(const std::string& log, int k, const std::string& what) {
  const std::string slow = baseline::analyze_access_log_slowly(log, k);
  const std::string fast = analyze_access_log(log, k);
  if (fast == slow) return;
  std::size_t at = 0;
  while (at < fast.size() && at < slow.size() && fast[at] == slow[at]) ++at;
  const std::size_t line = slow.rfind('\n', at) == std::string::npos ? 0 : slow.rfind('\n', at) + 1;
  ADD_FAILURE() << what << ": reports differ from byte " << at
                << "\n  expected: " << slow.substr(line, slow.find('\n', line) - line)
                << "\n  yours:    " << fast.substr(line, fast.find('\n', line) - line);
}

TEST(FastAnalysis, SameReportOnGeneratedLogs) {
  for (std::uint64_t seed : {hpc::test_seed(), hpc::test_seed() + 1, std::uint64_t{7}})
    for (int lines : {0, 1, 100, 20'000})
      expect_same_report(generate_access_log(seed, lines), shape_of(seed).k,
                         "seed " + std::to_string(seed) + ", " + std::to_string(lines) + " lines");
}

TEST(FastAnalysis, SameReportOnAwkwardLines) {
  const std::string ok = "10.0.0.1 GET /a 200 10 20\n";
  const std::map<std::string, std::string> logs = {
      {"empty log", ""},
      {"no final newline", ok + "10.0.0.2 GET /b 503 1 2"},
      {"empty lines", "\n\n" + ok + "\n"},
      {"trailing space (still six fields)", "10.0.0.1 GET /a 200 10 20 \n" + ok},
      {"two spaces (an empty field)", "10.0.0.1  GET /a 200 10 20\n" + ok},
      {"seven fields", "10.0.0.1 GET /a 200 10 20 30\n" + ok},
      {"CRLF line ends", "10.0.0.1 GET /a 200 10 20\r\n" + ok},
      {"signs and letters in numbers", "1 GET /a +200 10 20\n1 GET /a 200 -10 20\n1 GET /a 200 10 2x\n" + ok},
      {"too many digits", "1 GET /a 2000 10 20\n1 GET /a 200 1234567890 20\n1 GET /a 200 10 123456789\n" + ok},
      {"statuses 599 and 600", "1 GET /b 599 1 1\n1 GET /c 600 1 1\n1 GET /b 500 1 1\n" + ok},
      {"ties broken by path", "1 GET /b 500 1 1\n1 GET /a 500 1 1\n1 GET /c 200 1 1\n"},
  };
  for (const auto& [what, log] : logs)
    for (int k : {-1, 0, 1, 2, 50}) expect_same_report(log, k, what + ", k = " + std::to_string(k));
}

}  // namespace
