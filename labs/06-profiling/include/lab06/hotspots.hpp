// Task 3: the hot-spot hunt. A given program analyses a web server's access log slowly
// (baseline/slow_log_analytics.cpp; run it as bin/06-profiling/log_analytics_slow). It has four
// planted problems, each of a different kind. Profile it (perf, callgrind, heaptrack), then
//  (a) record what you found in src/findings.cpp: the hot functions, their inclusive share of the
//      instructions as callgrind counts them, and the kind of each problem;
//  (b) write the fast version, src/log_analytics.cpp: the same report, byte for byte.
//
// The log: one request per line, fields separated by single spaces:
//   <client ip> <method> <path> <status> <response bytes> <latency in microseconds>\n
//   10.0.3.7 GET /api/items/42 200 5123 870
// A line is split at every space (an empty last piece is dropped, as std::getline does). Lines
// that do not have exactly six fields, the last three of them digits only (the status at most 3
// digits, the others at most 9), are malformed: counted, otherwise ignored. A 5xx status is one
// from 500 to 599.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hpc::lab06 {

// The report (both versions write exactly this):
//   lines <n>\n
//   malformed <n>\n
//   status <code> <count>\n             one line per status code seen, ascending
//   top <path> <requests> <bytes> <mean latency>\n
//                                       the k paths with most requests (ties: path ascending),
//                                       bytes summed, mean latency rounded down (integer division)
//   errors <path> <count>\n             the k paths with most 5xx responses (none: no line), same order
std::string analyze_access_log(std::string_view log, int k);

// The kinds of problem planted in the slow program.
enum class Problem { algorithmic, allocation, cache_layout, lock_contention };

struct Finding {
  std::string function;          // its name in the profile, without namespace or arguments: "parse_lines"
  double inclusive_percent = 0;  // its inclusive share of all instructions (callgrind's Ir), 0 to 100
  Problem kind = Problem::algorithmic;
};

struct HotSpotFindings {
  std::uint64_t seed = 0;  // the --seed you profiled with: the grader profiles the same input
  std::vector<Finding> findings;
};

// Task 3 (a), src/findings.cpp: what you found.
HotSpotFindings hot_spot_findings();

// The given input (runtime/access_log.cpp): `lines` requests drawn from `seed`. The seed also sets
// how many paths there are, how often requests fail and k (shape_of), so every seed's profile is
// its own.
struct LogShape {
  int paths = 0;
  int error_per_mille = 0;
  int k = 0;
};
LogShape shape_of(std::uint64_t seed);
std::string generate_access_log(std::uint64_t seed, int lines);

inline constexpr int kHuntLines = 30'000;  // what log_analytics_slow analyses unless told otherwise

}  // namespace hpc::lab06
