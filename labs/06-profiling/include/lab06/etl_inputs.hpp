// Given (runtime/etl_inputs.cpp): the input files of Part 2's Streaming ETL (lab06/etl.hpp).
//
// Your summarize_transactions runs in the lab's runner, which may not see the files of the test
// program (under the grader it has a folder of its own). So the tests write each input twice: once
// for the slow version in the test program, once through the runner with place_input_file or
// place_transactions, which return the path your code is given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hpc::lab06 {

// Writes the generated transactions file of `seed` at `path`: exactly `bytes` bytes of rows in the
// format of lab06/etl.hpp (a header, about 45 bytes a row, 64 categories, 20 000 customers, quoted
// names with commas and doubled quotes, CRLF line endings now and then, one malformed row in about
// 50 000 and empty lines padding the end). The same seed and size give the same bytes. Written to
// a temporary name and renamed, so a file at `path` is always complete.
void write_transactions(const std::string& path, std::uint64_t seed, std::uint64_t bytes);

// The name write_transactions' file of this seed and size has: transactions-<seed>-<bytes>.csv.
std::string transactions_file_name(std::uint64_t seed, std::uint64_t bytes);

// Where the generated file of `path` (named by transactions_file_name) can be read: `path` itself
// when it exists with the right size (a file generated earlier is reused), else it is generated
// there, or under $TMPDIR (else /tmp) when `path`'s folder cannot be written.
std::string place_transactions(const std::string& path, std::uint64_t seed, std::uint64_t bytes);

// Writes `contents` at `path`, or under $TMPDIR (else /tmp) with the same file name when `path`'s
// folder cannot be written; returns where it went.
std::string place_input_file(const std::string& path, std::string_view contents);

// Removes a file written by the two above (no error when it is gone).
void remove_input_file(const std::string& path);

}  // namespace hpc::lab06
