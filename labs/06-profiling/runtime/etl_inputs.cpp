// Given: Part 2's input files (lab06/etl_inputs.hpp), generated deterministically from a seed and
// written where the process that reads them can see them.
#include "lab06/etl_inputs.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hpc::lab06 {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void append_digits(std::string& out, std::uint64_t value, int width) {  // zero-padded to `width`
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  while (n < width) digits[n++] = '0';
  while (n > 0) out += digits[--n];
}

void append_cents(std::string& out, std::int64_t cents) {
  if (cents < 0) out += '-';
  const std::uint64_t magnitude = cents < 0 ? static_cast<std::uint64_t>(-cents) : static_cast<std::uint64_t>(cents);
  append_digits(out, magnitude / 100, 1);
  out += '.';
  append_digits(out, magnitude % 100, 2);
}

// A customer's name is fixed by its number: most are plain, some quoted with a comma or with
// doubled quotes inside, so the parser's quoting rules matter on every file.
void append_customer(std::string& out, std::uint64_t customer) {
  switch (customer % 50) {
    case 0:
      out += "\"Lee, c";
      append_digits(out, customer, 6);
      out += '"';
      break;
    case 1:
      out += "\"c";
      append_digits(out, customer, 6);
      out += " \"\"VIP\"\"\"";
      break;
    default:
      out += 'c';
      append_digits(out, customer, 6);
  }
}

// Malformed rows of every kind the header lists, so a file reports each reason.
void append_malformed_row(std::string& out, std::uint64_t id, std::uint64_t r) {
  static const char* const kRows[] = {",2024-01-01,c000001,cat01,1.00",   ",2024-13-01,c000001,cat01,1.00",
                                      ",2024-01-01,c000001,cat01,1.5",    ",2024-01-01,c000001,cat01",
                                      ",2024-01-01,\"c000001,cat01,1.00", ",2024-01-01,,cat01,1.00",
                                      ",2024-01-01,c000001,\"\",1.00",    ",2024-01-01,c0\"01,cat01,1.00"};
  const std::uint64_t kind = r % (sizeof kRows / sizeof kRows[0]);
  if (kind == 0) out += 'x';  // "bad id"
  append_digits(out, id, 1);
  out += kRows[kind];
}

void append_row(std::string& out, std::uint64_t id, std::uint64_t seed) {
  const std::uint64_t r = splitmix64(seed ^ splitmix64(id));
  if (r % 10'007 == 0) return;  // an empty line
  if ((r >> 20) % 50'021 == 0) {
    append_malformed_row(out, id, r >> 40);
  } else {
    append_digits(out, id, 1);
    out += ",2024-";
    append_digits(out, 1 + (r >> 8) % 12, 2);
    out += '-';
    append_digits(out, 1 + (r >> 12) % 28, 2);
    out += ',';
    // One row in 16 goes to 100 heavy customers, so the top-k is not a coin toss.
    const std::uint64_t customer = (r >> 16) % 16 == 0 ? (r >> 24) % 100 : (r >> 24) % 20'000;
    append_customer(out, customer);
    out += ",cat";
    append_digits(out, (r >> 44) % 64, 2);
    out += ',';
    append_cents(out, static_cast<std::int64_t>((r >> 50) % 100'000) - 2'000);
  }
  if ((r >> 4) % 16 == 0) out += '\r';
}

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

bool folder_writable(const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  return ::access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
}

std::string fallback_path(const std::string& path) {
  return (std::filesystem::path(temp_dir()) / std::filesystem::path(path).filename()).string();
}

void write_all(std::FILE* file, const std::string& bytes, const std::string& path) {
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) {
    std::fclose(file);
    throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace

void write_transactions(const std::string& path, std::uint64_t seed, std::uint64_t bytes) {
  const std::string partial = path + ".partial";
  std::string block = "id,day,customer,category,amount\n", row;
  if (bytes < block.size()) throw std::invalid_argument("write_transactions: smaller than the header");
  std::FILE* file = std::fopen(partial.c_str(), "wb");
  if (!file) throw std::runtime_error("cannot create " + partial);
  std::uint64_t written = 0;
  for (std::uint64_t id = 1;; ++id) {
    row.clear();
    append_row(row, id, seed);
    row += '\n';
    if (written + block.size() + row.size() > bytes) break;
    block += row;
    if (block.size() >= (1u << 20)) {
      write_all(file, block, partial);
      written += block.size();
      block.clear();
    }
  }
  block.append(bytes - written - block.size(), '\n');  // empty lines to the exact size
  write_all(file, block, partial);
  if (std::fclose(file) != 0) throw std::runtime_error("cannot write " + partial);
  std::filesystem::rename(partial, path);
}

std::string transactions_file_name(std::uint64_t seed, std::uint64_t bytes) {
  return "transactions-" + std::to_string(seed) + "-" + std::to_string(bytes) + ".csv";
}

std::string place_transactions(const std::string& path, std::uint64_t seed, std::uint64_t bytes) {
  for (const std::string& where : {path, fallback_path(path)}) {
    std::error_code error;
    if (std::filesystem::file_size(where, error) == bytes && !error) return where;
  }
  const std::string where = folder_writable(path) ? path : fallback_path(path);
  write_transactions(where, seed, bytes);
  return where;
}

std::string place_input_file(const std::string& path, std::string_view contents) {
  const std::string where = folder_writable(path) ? path : fallback_path(path);
  std::FILE* file = std::fopen(where.c_str(), "wb");
  if (!file) throw std::runtime_error("cannot create " + where);
  write_all(file, std::string(contents), where);
  if (std::fclose(file) != 0) throw std::runtime_error("cannot write " + where);
  return where;
}

void remove_input_file(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

}  // namespace hpc::lab06
