#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lab06/hotspots.hpp"

namespace hpc::lab06 {

namespace {

struct PathTotals {
  std::string_view path;  // points into the log: no copy per request
  long requests = 0, bytes = 0, latency = 0, errors = 0;
};

// The digits filling all of `text` (1 to max_digits of them) as a number, or -1.
long whole_number(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits || text[0] < '0' || text[0] > '9') return -1;
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : -1;
}

// The k greatest by `key` (ties: path ascending), with partial_sort: k log n, not n^2.
std::vector<const PathTotals*> top_k(const std::vector<PathTotals*>& all, std::size_t k, long PathTotals::*key) {
  std::vector<const PathTotals*> order(all.begin(), all.end());
  const auto before = [key](const PathTotals* a, const PathTotals* b) {
    return a->*key != b->*key ? a->*key > b->*key : a->path < b->path;
  };
  k = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(), before);
  order.resize(k);
  return order;
}

}  // namespace

// One pass over the log with string_views (no allocation per line), totals in one flat record per
// path found by hashing, status codes counted in a small array (no lock: one thread does it all,
// faster than four threads taking turns at a mutex), and partial_sort for the top k.
std::string analyze_access_log(std::string_view log, int k) {
  long lines = 0, malformed = 0;
  long statuses[1000] = {};
  std::unordered_map<std::string_view, PathTotals> by_path;
  std::vector<PathTotals*> paths;
  std::string_view fields[8];
  while (!log.empty()) {
    const std::size_t newline = log.find('\n');
    const std::string_view line = log.substr(0, newline);
    log.remove_prefix(newline == std::string_view::npos ? log.size() : newline + 1);
    ++lines;
    // The pieces between spaces, the last one dropped when empty (as std::getline splits): up to
    // 8 of them, enough to tell exactly 6 fields from more.
    int count = 0;
    for (std::size_t start = 0; count < 8;) {
      const std::size_t space = line.find(' ', start);
      fields[count++] = line.substr(start, space - start);
      if (space == std::string_view::npos) break;
      start = space + 1;
    }
    if (count < 8 && fields[count - 1].empty()) --count;
    const long status = count == 6 ? whole_number(fields[3], 3) : -1;
    const long bytes = count == 6 ? whole_number(fields[4], 9) : -1;
    const long latency = count == 6 ? whole_number(fields[5], 9) : -1;
    if (status < 0 || bytes < 0 || latency < 0) {
      ++malformed;
      continue;
    }
    auto [entry, added] = by_path.try_emplace(fields[2]);
    PathTotals& t = entry->second;
    if (added) {
      t.path = entry->first;
      paths.push_back(&t);  // unordered_map never moves its elements
    }
    ++t.requests;
    t.bytes += bytes;
    t.latency += latency;
    t.errors += status >= 500 && status < 600;
    ++statuses[status];
  }
  std::string out = "lines " + std::to_string(lines) + "\nmalformed " + std::to_string(malformed) + "\n";
  for (int s = 0; s < 1000; ++s)
    if (statuses[s] > 0) out += "status " + std::to_string(s) + " " + std::to_string(statuses[s]) + "\n";
  const std::size_t wanted = k > 0 ? static_cast<std::size_t>(k) : 0;
  for (const PathTotals* t : top_k(paths, wanted, &PathTotals::requests))
    out += "top " + std::string(t->path) + " " + std::to_string(t->requests) + " " + std::to_string(t->bytes) + " " +
           std::to_string(t->latency / t->requests) + "\n";
  for (const PathTotals* t : top_k(paths, wanted, &PathTotals::errors)) {
    if (t->errors == 0) break;
    out += "errors " + std::string(t->path) + " " + std::to_string(t->errors) + "\n";
  }
  return out;
}

}  // namespace hpc::lab06
