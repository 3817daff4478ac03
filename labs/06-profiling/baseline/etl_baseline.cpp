// The Streaming ETL's slow version (lab06/etl.hpp): correct, and written the way a first version
// is. One thread; a line at a time through std::getline; each row split into new std::strings;
// a std::unordered_map per group, sorted for the report. Part 2 is timed against it, and its report is the one yours
// must equal.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <unordered_map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "baseline.hpp"

namespace hpc::lab06::baseline {

namespace {

struct CategoryTotals {
  std::int64_t count = 0, sum = 0, min = 0, max = 0;
};

struct Field {
  std::string raw;    // as written, quotes included
  std::string value;  // quotes removed, "" undoubled
};

// Splits a line into fields by the header's quoting rules; nullopt: "bad quote".
std::optional<std::vector<Field>> split_fields(const std::string& line) {
  std::vector<Field> fields;
  std::size_t i = 0;
  while (true) {
    Field field;
    const std::size_t start = i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.value += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        field.value += line[i++];
      }
      if (!closed || (i < line.size() && line[i] != ',')) return std::nullopt;
    } else {
      while (i < line.size() && line[i] != ',') {
        if (line[i] == '"') return std::nullopt;
        field.value += line[i++];
      }
    }
    field.raw = line.substr(start, i - start);
    fields.push_back(field);
    if (i == line.size()) return fields;
    ++i;  // the comma
  }
}

bool all_digits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_id(const std::string& s) { return !s.empty() && s.size() <= 18 && all_digits(s); }

bool valid_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return false;
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::optional<std::int64_t> parse_amount(const std::string& s) {
  const bool negative = !s.empty() && s[0] == '-';
  const std::string body = negative ? s.substr(1) : s;
  const std::size_t point = body.find('.');
  if (point == std::string::npos || point < 1 || point > 12 || body.size() != point + 3) return std::nullopt;
  const std::string units = body.substr(0, point), cents = body.substr(point + 1);
  if (!all_digits(units) || !all_digits(cents)) return std::nullopt;
  const std::int64_t value = std::stoll(units) * 100 + std::stoll(cents);
  return negative ? -value : value;
}

// The reason a row is malformed, or "" with its amount when it is valid.
std::string check_row(const std::string& line, std::vector<Field>& fields, std::int64_t& amount) {
  auto split = split_fields(line);
  if (!split) return "bad quote";
  fields = *split;
  if (fields.size() != 5) return "field count";
  if (!valid_id(fields[0].raw)) return "bad id";
  if (!valid_day(fields[1].raw)) return "bad day";
  if (fields[2].value.empty()) return "empty customer";
  if (fields[3].value.empty()) return "empty category";
  const auto cents = parse_amount(fields[4].raw);
  if (!cents) return "bad amount";
  amount = *cents;
  return "";
}

std::string cents_text(std::int64_t cents) {
  const std::string sign = cents < 0 ? "-" : "";
  const std::uint64_t magnitude = cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const std::string fraction = std::to_string(magnitude % 100);
  return sign + std::to_string(magnitude / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

}  // namespace

std::string summarize_transactions(const std::string& path, const EtlQuery& query) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::unordered_map<std::string, CategoryTotals> categories;
  std::unordered_map<std::string, std::int64_t> customers;
  std::vector<std::pair<std::int64_t, std::string>> malformed;
  std::int64_t rows = 0, kept = 0, line_number = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 || line.empty()) continue;
    std::vector<Field> fields;
    std::int64_t amount = 0;
    const std::string reason = check_row(line, fields, amount);
    if (!reason.empty()) {
      malformed.emplace_back(line_number, reason);
      continue;
    }
    ++rows;
    if (amount < query.min_amount_cents) continue;
    ++kept;
    CategoryTotals& totals = categories[fields[3].value];
    totals.min = totals.count == 0 ? amount : std::min(totals.min, amount);
    totals.max = totals.count == 0 ? amount : std::max(totals.max, amount);
    ++totals.count;
    totals.sum += amount;
    customers[fields[2].value] += amount;
  }
  if (in.bad()) throw std::runtime_error("cannot read " + path);

  std::vector<std::pair<std::string, std::int64_t>> ranked(customers.begin(), customers.end());
  std::sort(ranked.begin(), ranked.end());  // by name, then stably by sum: ties stay in name order
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  ranked.resize(std::min<std::size_t>(ranked.size(), static_cast<std::size_t>(std::max(0, query.top_k))));

  std::string report = "rows " + std::to_string(rows) + " kept " + std::to_string(kept) + " malformed " +
                       std::to_string(malformed.size()) + "\ncategory,count,sum,min,max\n";
  for (const auto& [name, t] : std::map<std::string, CategoryTotals>(categories.begin(), categories.end())) {
    report += name + "," + std::to_string(t.count) + "," + cents_text(t.sum) + "," + cents_text(t.min) + "," +
              cents_text(t.max) + "\n";
  }
  report += "top " + std::to_string(ranked.size()) + "\n";
  for (const auto& [name, sum] : ranked) report += name + "," + cents_text(sum) + "\n";
  report += "malformed\n";
  for (const auto& [number, reason] : malformed) report += std::to_string(number) + "," + reason + "\n";
  return report;
}

}  // namespace hpc::lab06::baseline
