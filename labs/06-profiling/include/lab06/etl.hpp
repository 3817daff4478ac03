// Part 2, Streaming ETL (src/etl.cpp): read a CSV file of transactions far larger than memory,
// parse and validate every row, and aggregate it: totals per category and the top-k customers.
// The result is a text report that must equal the given slow version's (baseline/etl_baseline.cpp)
// byte for byte, on every file.
//
// The input. Lines are separated by '\n'; one '\r' just before a '\n' (or at the end of the file)
// belongs to the line ending, not to the line. The last line may lack its '\n'. Lines are numbered
// from 1, every line counted (the header and empty lines too). Line 1 is the header and is skipped
// whatever it holds. An empty line (nothing left once its line ending is removed) is skipped: it is
// neither a row nor malformed. Every other line is a row of 5 fields:
//
//   id,day,customer,category,amount          e.g.  17,2024-03-09,"Smith, Jane",books,-12.50
//
// Fields are separated by commas. A field that starts with '"' is quoted: it runs to the next '"'
// that is not doubled, "" inside it stands for one '"', commas inside it are text, and its closing
// '"' must be followed by a comma or by the end of the line. A field that does not start with '"'
// may not contain one. A row never spans lines.
//
// A row is malformed for the first of these reasons that applies (the reason is reported as written):
//   "bad quote"       a quoted field without its closing quote, text after a closing quote, or a
//                     '"' inside a field that is not quoted
//   "field count"     not exactly 5 fields
//   "bad id"          id is not 1 to 18 digits '0'-'9'
//   "bad day"         day is not YYYY-MM-DD (digits) with month 01-12 and day 01-31
//   "empty customer"  customer is empty (after removing its quotes)
//   "empty category"  category is empty (after removing its quotes)
//   "bad amount"      amount is not an optional '-', 1 to 12 digits, '.', and exactly 2 digits
// Quotes are checked while splitting the row, so "bad quote" comes before "field count". Only the
// id, day and amount fields are checked as written: quoted, they are malformed ("bad id" ...).
//
// The aggregation. A valid row's amount is an exact number of cents. A valid row is kept when its
// amount is at least query.min_amount_cents; only kept rows are aggregated:
//   - per category: the number of kept rows, the sum, the smallest and the largest amount;
//   - per customer: the sum of the amounts; the top k customers are those with the largest sums,
//     ties broken by the customer's name in byte order (std::string's operator<), at most
//     query.top_k of them (fewer when fewer customers were kept).
// Names are compared and printed as bytes, after removing the quotes (and undoubling "").
//
// The report, every line ending in '\n', amounts printed as cents in the form [-]D.CC (at least one
// digit before the point: 0.05, -0.05, -12.50, 1234.00):
//
//   rows <valid rows> kept <kept rows> malformed <malformed rows>
//   category,count,sum,min,max
//   <category>,<count>,<sum>,<min>,<max>          one line per category, in byte order of the name
//   top <k printed>
//   <customer>,<sum>                             the top customers, largest sum first
//   malformed
//   <line number>,<reason>                       every malformed row, by line number
//
// Every sum in the tests' files fits a signed 64-bit integer of cents.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

namespace hpc::lab06 {

struct EtlQuery {
  std::int64_t min_amount_cents = std::numeric_limits<std::int64_t>::min();  // keep rows with amount >= this
  std::int32_t top_k = 10;                                                   // customers listed, >= 0
};

// The report of the file at `path` (see above). Throws std::runtime_error when the file cannot be
// opened or read. Fast: a bounded pipeline (read blocks -> parse and aggregate in parallel ->
// merge in order) whose memory does not grow with the file: the tests run it on files larger than
// the memory it may use.
std::string summarize_transactions(const std::string& path, const EtlQuery& query);

}  // namespace hpc::lab06
