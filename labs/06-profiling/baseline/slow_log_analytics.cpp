// The hot-spot hunt's slow program (task 3). Correct, and slow in four different ways; the
// functions are kept out of line so that each problem has its own name in a profile. Read it
// after profiling it, not before: the point is to find them with the tools.
#include <list>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "baseline.hpp"

namespace hpc::lab06::baseline {

namespace {

struct Request {
  std::string path;
  int status = 0;
  long bytes = 0;
  long latency = 0;
};

struct PathTotals {
  std::string path;
  long requests = 0, bytes = 0, latency = 0, errors = 0;
};

bool whole_number(const std::string& text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// Every line copied into a string stream, split into freshly allocated strings.
[[gnu::noinline]] std::vector<Request> parse_lines(std::string_view log, long& lines, long& malformed) {
  std::vector<Request> requests;
  std::istringstream in{std::string(log)};
  std::string line;
  while (std::getline(in, line)) {
    ++lines;
    std::vector<std::string> fields;
    std::string field;
    std::istringstream words(line);
    while (std::getline(words, field, ' ')) fields.push_back(field);
    if (fields.size() != 6 || !whole_number(fields[3], 3) || !whole_number(fields[4], 9) ||
        !whole_number(fields[5], 9)) {
      ++malformed;
      continue;
    }
    requests.push_back({fields[2], std::stoi(fields[3]), std::stol(fields[4]), std::stol(fields[5])});
  }
  return requests;
}

// Each request's numbers in a node of its own, linked per path: every step of the sums below is
// a pointer to somewhere else in memory.
[[gnu::noinline]] std::vector<PathTotals> group_by_path(const std::vector<Request>& requests) {
  std::map<std::string, std::list<const Request*>> by_path;
  for (const Request& r : requests) by_path[r.path].push_back(&r);
  std::vector<PathTotals> totals;
  for (const auto& [path, list] : by_path) {
    PathTotals t{path};
    for (int pass = 0; pass < 4; ++pass) {  // one walk of the list per figure
      for (const Request* r : list) {
        if (pass == 0) ++t.requests;
        if (pass == 1) t.bytes += r->bytes;
        if (pass == 2) t.latency += r->latency;
        if (pass == 3 && r->status >= 500 && r->status < 600) ++t.errors;
      }
    }
    totals.push_back(std::move(t));
  }
  return totals;
}

// Orders every path, k or not, by insertion: quadratic in the number of paths.
[[gnu::noinline]] std::vector<PathTotals> rank_paths(std::vector<PathTotals> totals, long PathTotals::*key) {
  for (std::size_t i = 1; i < totals.size(); ++i) {
    for (std::size_t j = i; j > 0; --j) {
      const PathTotals& a = totals[j - 1];
      const PathTotals& b = totals[j];
      if (a.*key > b.*key || (a.*key == b.*key && a.path < b.path)) break;
      std::swap(totals[j - 1], totals[j]);
    }
  }
  return totals;
}

// Four threads count status codes into one map behind one mutex, a lock per request.
std::mutex status_lock;
[[gnu::noinline]] void count_statuses(const std::vector<Request>& requests, std::size_t begin, std::size_t end,
                                      std::map<int, long>& counts) {
  for (std::size_t i = begin; i < end; ++i) {
    std::lock_guard guard(status_lock);
    ++counts[requests[i].status];
  }
}

}  // namespace

std::string analyze_access_log_slowly(std::string_view log, int k) {
  long lines = 0, malformed = 0;
  const std::vector<Request> requests = parse_lines(log, lines, malformed);
  std::map<int, long> statuses;
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back(count_statuses, std::cref(requests), requests.size() * t / 4, requests.size() * (t + 1) / 4,
                         std::ref(statuses));
  for (auto& thread : threads) thread.join();
  const std::vector<PathTotals> totals = group_by_path(requests);
  std::ostringstream out;
  out << "lines " << lines << "\nmalformed " << malformed << "\n";
  for (const auto& [status, count] : statuses) out << "status " << status << " " << count << "\n";
  const std::size_t wanted = k > 0 ? static_cast<std::size_t>(k) : 0;
  const auto busiest = rank_paths(totals, &PathTotals::requests);
  for (std::size_t i = 0; i < busiest.size() && i < wanted; ++i)
    out << "top " << busiest[i].path << " " << busiest[i].requests << " " << busiest[i].bytes << " "
        << busiest[i].latency / busiest[i].requests << "\n";
  const auto failing = rank_paths(totals, &PathTotals::errors);
  for (std::size_t i = 0; i < failing.size() && i < wanted && failing[i].errors > 0; ++i)
    out << "errors " << failing[i].path << " " << failing[i].errors << "\n";
  return out.str();
}

}  // namespace hpc::lab06::baseline
