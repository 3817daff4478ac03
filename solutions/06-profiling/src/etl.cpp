// Part 2, Streaming ETL: a bounded parallel pipeline (oneTBB's parallel_pipeline).
//
//   read (serial, in order)  ->  parse + aggregate (parallel)  ->  merge (serial, in order)
//
// The reader hands out blocks of whole lines, and at most kTokens blocks are alive at once, so
// memory is kTokens x kBlockBytes whatever the file's size. Sums, counts, minima and maxima do not
// depend on the order rows are added in, so each thread adds its rows into its own totals, merged
// once at the end; only what depends on the order (line numbers) goes through the in-order stage.
#include <fcntl.h>
#if defined(__AVX2__)
#include <immintrin.h>
#endif
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lab06/etl.hpp"

namespace hpc::lab06 {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;  // one read: large enough that a read is cheap
constexpr std::size_t kPadding = 64;  // readable bytes after a block: the parser reads 64 at a time
constexpr std::size_t kTokens = 8;    // blocks in flight: bounds the memory

// ---- bytes without calls ----
// A variable-length memcpy is a call into libc, and a word assembled by it in memory and read back
// at once stalls the load (the store cannot be forwarded): at 5 calls a row, that was a quarter of
// the pipeline's time. These read only the bytes they are given, with fixed-size loads.

std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);  // a fixed size: one load instruction
  return word;
}

// The n < 8 bytes at p as a little-endian word (byte k of the word is p[k]), zeros above: two
// overlapping 4-byte loads, or for 1-3 bytes the first, middle and last byte.
std::uint64_t load_short(const char* p, std::size_t n) {
  if (n >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + n - 4, 4);
    return low | std::uint64_t{high} << (8 * (n - 4));
  }
  if (n == 0) return 0;
  const auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k); };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

bool same_bytes(const char* a, const char* b, std::size_t n) {  // memcmp(a, b, n) == 0, inline
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8)
    if (load8(a + i) != load8(b + i)) return false;
  return load_short(a + i, n - i) == load_short(b + i, n - i);
}

// A hash map from names to totals with a compact index. The index is an open-addressing table of
// 8-byte slots: the high half of the name's hash (a tag) and an entry's number. The entries hold
// the hash, the name (inline when short, as most are) and the value: 32 bytes for a sum. A probe
// that meets another name's slot sees a different tag and moves on without reading its entry, so
// a lookup reads one entry. std::unordered_map<std::string, V> chases three pointers per lookup
// (bucket, node, the string's bytes) and spent half the time doing it. A thread's 20 000
// customers take 0.9 MiB, index included: about the core's L2 cache. (Prefetching the entries a
// few rows ahead was tried and measured: no gain once the probes stopped reading other entries.)
template <class V>
class NameMap {
 public:
  NameMap() : index_(1024, kEmpty) {}

  V& operator[](std::string_view name) { return find_or_insert(name, hash_of(name)); }

  V& find_or_insert(std::string_view name, std::uint64_t hash) {
    const std::size_t mask = index_.size() - 1;
    const std::uint64_t tag = hash >> 32 << 32;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = index_[i];
      if (slot == kEmpty) return insert(i, hash, name);
      if ((slot & kTagBits) != tag) continue;  // another name: its entry is not read
      Entry& entry = entries_[static_cast<std::uint32_t>(slot)];
      if (entry.size == name.size() && same_bytes(this->name(entry).data(), name.data(), name.size()))
        return entry.value;
    }
  }

  static std::uint64_t hash_of(std::string_view name) {  // 8 bytes at a time, then mixed
    std::uint64_t h = name.size() * 0x9e3779b97f4a7c15ULL;
    std::size_t i = 0;
    for (; i + 8 <= name.size(); i += 8) h = (h ^ load8(name.data() + i)) * 0xff51afd7ed558ccdULL;
    h = (h ^ load_short(name.data() + i, name.size() - i)) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
  }

  template <class F>
  void for_each(F&& f) const {  // f(name, value) for every entry
    for (const Entry& entry : entries_) f(name(entry), entry.value);
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  static constexpr std::uint64_t kTagBits = kEmpty << 32;  // a slot: the hash's high half, the entry's number
  static constexpr std::size_t kInline = 12;
  struct Entry {
    std::uint64_t hash = 0;
    std::uint32_t size = 0;
    char text[kInline] = {};  // the name when it fits, else its offset in long_names_
    V value{};
  };

  std::string_view name(const Entry& entry) const {
    if (entry.size <= kInline) return {entry.text, entry.size};
    std::uint64_t offset;
    std::memcpy(&offset, entry.text, sizeof offset);
    return std::string_view(long_names_).substr(offset, entry.size);
  }

  V& insert(std::size_t slot, std::uint64_t hash, std::string_view name) {
    Entry& entry = entries_.emplace_back();
    entry.hash = hash;
    entry.size = static_cast<std::uint32_t>(name.size());
    if (name.size() <= kInline) {
      std::memcpy(entry.text, name.data(), name.size());
    } else {
      const std::uint64_t offset = long_names_.size();
      std::memcpy(entry.text, &offset, sizeof offset);
      long_names_.append(name);
    }
    index_[slot] = (hash & kTagBits) | (entries_.size() - 1);
    if (10 * entries_.size() > 7 * index_.size()) grow();  // at most 70% full: short probes
    return entry.value;
  }

  void grow() {
    index_.assign(index_.size() * 2, kEmpty);
    const std::size_t mask = index_.size() - 1;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) {
      std::size_t i = entries_[e].hash & mask;
      while (index_[i] != kEmpty) i = (i + 1) & mask;
      index_[i] = (entries_[e].hash & kTagBits) | e;
    }
  }

  std::vector<std::uint64_t> index_;
  std::vector<Entry> entries_;
  std::string long_names_;
};

struct CategoryTotals {
  std::int64_t count = 0, sum = 0, min = 0, max = 0;
  void add(std::int64_t amount) {
    min = count == 0 ? amount : std::min(min, amount);
    max = count == 0 ? amount : std::max(max, amount);
    ++count;
    sum += amount;
  }
  void merge(const CategoryTotals& other) {
    if (other.count == 0) return;
    min = count == 0 ? other.min : std::min(min, other.min);
    max = count == 0 ? other.max : std::max(max, other.max);
    count += other.count;
    sum += other.sum;
  }
};

// One thread's share of the order-independent results.
struct Totals {
  std::int64_t rows = 0, kept = 0;
  NameMap<CategoryTotals> categories;
  NameMap<std::int64_t> customers;
};

struct Malformed {
  std::int64_t line;
  const char* reason;
};

// A block of whole lines and what parsing it found that depends on its place in the file.
struct Chunk {
  std::vector<char> bytes;
  std::size_t size = 0;
  bool first = false;  // holds line 1, the header
  std::int64_t lines = 0;
  std::vector<Malformed> malformed;  // line numbers within the chunk, from 1
};

// ---- parsing one line (the rules of lab06/etl.hpp) ----

bool digits(std::string_view s) {
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool valid_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) ||
      !digits(s.substr(8, 2)))
    return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool parse_amount(std::string_view s, std::int64_t& cents) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  const std::size_t units = s.size() - 3;
  if (s.size() < 4 || s.size() > 15 || s[units] != '.') return false;
  std::int64_t value = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == units) continue;
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  cents = negative ? -value : value;
  return true;
}

// 8 bytes of `line` from `i` as a little-endian word (byte k of the word is line[i + k]), zeros past
// its end. Near the end: the line's last 8 bytes, shifted down (rows are longer than 8 bytes).
std::uint64_t load_word(std::string_view line, std::size_t i) {
  static_assert(std::endian::native == std::endian::little);
  const std::size_t left = line.size() - i;
  if (left >= 8) return load8(line.data() + i);
  if (line.size() >= 8) return load8(line.data() + line.size() - 8) >> (8 * (8 - left));
  return load_short(line.data() + i, left);
}

// 0x80 in every byte of `word` that equals `c`, 0 in the others (exact: no borrow between bytes).
std::uint64_t bytes_equal(std::uint64_t word, char c) {
  constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  const std::uint64_t x = word ^ (0x0101010101010101ULL * static_cast<unsigned char>(c));
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Splits at commas; a line with a '"' takes the quoting rules, with the unquoted names copied into
// `scratch` (the common line has none and costs no copy). Returns the number of fields, or -1 for
// "bad quote"; raw[i] is field i as written, for the first 6, and where the line had a quote
// (*quoted set) value[i] is field i unquoted. (Filling value[] only then also spares the common
// line a 16-byte copy of each view right after its two 8-byte halves were stored, which the CPU
// cannot forward: it was a fifth of the pipeline's time.)
int split_fields(std::string_view line, std::string_view* raw, std::string_view* value, std::string* scratch,
                 bool* quoted) {
  // The common line has no quote: 8 bytes at a time, its commas found without a branch per byte.
  int n = 0;
  bool quoted_somewhere = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); i += 8) {
    const std::uint64_t word = load_word(line, i);
    quoted_somewhere |= bytes_equal(word, '"') != 0;
    for (std::uint64_t commas = bytes_equal(word, ','); commas != 0; commas &= commas - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(commas)) / 8;
      if (n < 6) raw[n] = line.substr(start, at - start);
      ++n;
      start = at + 1;
    }
  }
  if (n < 6) raw[n] = line.substr(start);
  ++n;
  if (!quoted_somewhere) return n;  // the names are the raw fields (value is not filled)
  *quoted = true;
  // Else by the quoting rules, field by field.
  n = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    if (i < line.size() && line[i] == '"') {
      std::string& text = scratch[std::min(n, 5)];
      text.clear();
      for (++i;; ++i) {
        if (i == line.size()) return -1;  // never closed
        if (line[i] != '"') {
          text += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          text += '"';
          ++i;
        } else {
          break;
        }
      }
      if (++i < line.size() && line[i] != ',') return -1;  // text after the closing quote
      if (n < 6) value[n] = text;
    } else {
      const std::size_t comma = std::min(line.find(',', i), line.size());
      if (line.substr(i, comma - i).find('"') != std::string_view::npos) return -1;
      i = comma;
      if (n < 6) value[n] = line.substr(start, i - start);
    }
    if (n < 6) raw[n] = line.substr(start, i - start);
    ++n;
    if (i == line.size()) return n;
    ++i;
  }
}

// A valid row's share of the totals.
void add_valid_row(std::string_view customer, std::string_view category, std::int64_t amount, const EtlQuery& query,
                   Totals& totals) {
  ++totals.rows;
  if (amount < query.min_amount_cents) return;
  ++totals.kept;
  totals.categories[category].add(amount);
  totals.customers[customer] += amount;
}

// Checks one row; a valid one is added to `totals`. Returns the reason it is malformed, or nullptr.
const char* add_row(std::string_view line, const EtlQuery& query, Totals& totals) {
  std::string_view raw[6], value[6];
  thread_local std::string scratch[6];
  bool quoted = false;
  const int fields = split_fields(line, raw, value, scratch, &quoted);
  if (fields < 0) return "bad quote";
  const std::string_view* names = quoted ? value : raw;  // unquoted
  if (fields != 5) return "field count";
  if (raw[0].empty() || raw[0].size() > 18 || !digits(raw[0])) return "bad id";
  if (!valid_day(raw[1])) return "bad day";
  if (names[2].empty()) return "empty customer";
  if (names[3].empty()) return "empty category";
  std::int64_t amount = 0;
  if (!parse_amount(raw[4], amount)) return "bad amount";
  add_valid_row(names[2], names[3], amount, query, totals);
  return nullptr;
}

// ---- the common row, without a branch per byte ----
// Most rows are plain: no quote, 4 commas, short numbers. For them one 64-byte window gives, as
// bit masks, where the line ends and where its commas are (two AVX2 compares a character), the
// numbers are checked and converted 8 digits at a time, and nothing loops over bytes: the
// byte-by-byte loops mispredicted a branch at every field's unknown length. Whatever the fast path
// is unsure of (a quote, another field count, a long number, anything malformed) goes to add_row,
// which decides it by the rules. Without AVX2 every row goes to add_row.

// The bytes k < n of a word kept, the others replaced by '0' (n <= 8).
std::uint64_t keep_low_bytes_pad_zeros(std::uint64_t word, std::size_t n) {
  const std::uint64_t keep = n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
  return (word & keep) | (0x3030303030303030ULL & ~keep);
}

bool all_digits(std::uint64_t word) {  // every byte '0'-'9': high nibble 3, low nibble + 6 < 16
  constexpr std::uint64_t kHigh = 0xf0f0f0f0f0f0f0f0ULL, kZeros = 0x3030303030303030ULL;
  return (word & kHigh) == kZeros && ((word + 0x0606060606060606ULL) & kHigh) == kZeros;
}

// The value of n = 1..8 digits held in the low bytes of `word`, first digit lowest: the digits are
// moved to the top with '0's below them, then pairs, quads and the two halves are combined (three
// multiplications instead of eight).
std::uint64_t digits_value(std::uint64_t word, std::size_t n) {
  std::uint64_t v = (word << (8 * (8 - n))) | ((0x3030303030303030ULL >> (8 * (n - 1))) >> 8);
  v -= 0x3030303030303030ULL;
  v = v * 10 + (v >> 8);
  v = ((v & 0x000000ff000000ffULL) * (100 + (1000000ULL << 32)) +
       ((v >> 16) & 0x000000ff000000ffULL) * (1 + (10000ULL << 32))) >>
      32;
  return v;
}

#if defined(__AVX2__)
constexpr bool kFastRows = true;

struct Window {  // bit k describes byte k of the 64 bytes from the line's start
  std::uint64_t newlines, commas, quotes;
};

Window scan_window(const char* p) {
  const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  const auto where = [&](char c) {
    const __m256i cs = _mm256_set1_epi8(c);
    return std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, cs)))} |
           std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, cs)))} << 32;
  };
  return {where('\n'), where(','), where('"')};
}
#else
constexpr bool kFastRows = false;
struct Window {
  std::uint64_t newlines = 0, commas = 0, quotes = 0;
};
Window scan_window(const char*) { return {}; }
#endif

// The plain row of `length` bytes at p (< 64, readable up to p + 64), its commas and quotes from
// its window. True when it was valid and added; false when add_row must decide.
bool add_plain_row(const char* p, std::size_t length, const Window& window, const EtlQuery& query, Totals& totals) {
  const std::uint64_t in_line = (std::uint64_t{1} << length) - 1;
  std::uint64_t commas = window.commas & in_line;
  if ((window.quotes & in_line) != 0 || std::popcount(commas) != 4) return false;
  std::size_t at[4];
  for (std::size_t& comma : at) {  // a fixed count: unrolled, no branch
    comma = static_cast<std::size_t>(std::countr_zero(commas));
    commas &= commas - 1;
  }
  // id: 1 to 8 digits here (longer ones: add_row)
  if (at[0] == 0 || at[0] > 8 || !all_digits(keep_low_bytes_pad_zeros(load8(p), at[0]))) return false;
  // day: YYYY-MM-DD
  const char* day = p + at[0] + 1;
  if (at[1] - at[0] - 1 != 10 || day[4] != '-' || day[7] != '-') return false;
  constexpr std::uint64_t kDashes = 0xffULL << 32 | 0xffULL << 56;  // bytes 4 and 7 of YYYY-MM-
  if (!all_digits((load8(day) & ~kDashes) | (0x3030303030303030ULL & kDashes)) ||
      !all_digits(keep_low_bytes_pad_zeros(load8(day + 8), 2)))
    return false;
  const int month = (day[5] - '0') * 10 + (day[6] - '0'), dom = (day[8] - '0') * 10 + (day[9] - '0');
  if (month < 1 || month > 12 || dom < 1 || dom > 31) return false;
  // customer, category: not empty
  const std::string_view customer(p + at[1] + 1, at[2] - at[1] - 1), category(p + at[2] + 1, at[3] - at[2] - 1);
  if (customer.empty() || category.empty()) return false;
  // amount: [-]D.CC with 1 to 8 digits before the point here
  const char* amount = p + at[3] + 1;
  const bool negative = *amount == '-';
  amount += negative;
  const std::size_t size = static_cast<std::size_t>(p + length - amount);
  if (size < 4 || size > 11 || amount[size - 3] != '.') return false;
  const std::size_t units = size - 3;
  const std::uint64_t whole = keep_low_bytes_pad_zeros(load8(amount), units);
  const std::uint64_t cents_digits = keep_low_bytes_pad_zeros(load8(amount + units + 1), 2);
  if (!all_digits(whole) || !all_digits(cents_digits)) return false;
  const auto cents = static_cast<std::int64_t>(digits_value(whole, units) * 100 + digits_value(cents_digits, 2));
  add_valid_row(customer, category, negative ? -cents : cents, query, totals);
  return true;
}

void parse_chunk(Chunk& chunk, const EtlQuery& query, Totals& totals) {
  const char* p = chunk.bytes.data();
  const char* const end = p + chunk.size;
  chunk.lines = 0;
  chunk.malformed.clear();
  while (p < end) {
    const auto left = static_cast<std::size_t>(end - p);
    const Window window = scan_window(p);  // reads up to 64 bytes past the block: they are padding
    const std::uint64_t newlines = window.newlines & (left >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << left) - 1);
    const char* line_end;
    if (kFastRows && newlines != 0) {
      line_end = p + std::countr_zero(newlines);
    } else if (kFastRows && left < 64) {
      line_end = end;
    } else {  // a line of 64 bytes or more, or no AVX2
      line_end = static_cast<const char*>(std::memchr(p, '\n', left));
      if (!line_end) line_end = end;
    }
    std::string_view line(p, static_cast<std::size_t>(line_end - p));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++chunk.lines;
    if (!line.empty() && !(chunk.first && chunk.lines == 1)) {
      if (!(kFastRows && line.size() < 64 && add_plain_row(p, line.size(), window, query, totals))) {
        if (const char* reason = add_row(line, query, totals)) chunk.malformed.push_back({chunk.lines, reason});
      }
    }
    p = line_end < end ? line_end + 1 : end;
  }
}

// ---- reading: blocks of whole lines ----

class BlockReader {
 public:
  explicit BlockReader(const std::string& path) : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("cannot open " + path);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~BlockReader() { ::close(fd_); }
  BlockReader(const BlockReader&) = delete;
  BlockReader& operator=(const BlockReader&) = delete;

  // Fills `chunk` with the next whole lines (the partial line at its end is kept for the next
  // one); false at the end of the file.
  bool next(Chunk& chunk) {
    while (!eof_) {
      chunk.bytes.resize(std::max(chunk.bytes.size(), carry_.size() + kBlockBytes + kPadding));
      std::memcpy(chunk.bytes.data(), carry_.data(), carry_.size());
      std::size_t size = carry_.size();
      const ssize_t got = read_fully(chunk.bytes.data() + size, kBlockBytes);
      size += static_cast<std::size_t>(got);
      eof_ = got == 0;
      // Up to the last newline; at the end of the file, everything left.
      std::size_t whole = size;
      if (!eof_) {
        while (whole > 0 && chunk.bytes[whole - 1] != '\n') --whole;
      }
      carry_.assign(chunk.bytes.data() + whole, size - whole);  // a line longer than a block: read on
      if (whole == 0) continue;
      chunk.size = whole;
      chunk.first = first_;
      first_ = false;
      return true;
    }
    return false;
  }

 private:
  ssize_t read_fully(char* into, std::size_t bytes) {
    std::size_t done = 0;
    while (done < bytes) {
      const ssize_t got = ::read(fd_, into + done, bytes - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw std::runtime_error("cannot read " + path_);
      if (got == 0) break;
      done += static_cast<std::size_t>(got);
    }
    return static_cast<ssize_t>(done);
  }

  std::string path_;
  int fd_;
  std::string carry_;
  bool eof_ = false, first_ = true;
};

// ---- the report ----

std::string cents_text(std::int64_t cents) {
  const std::uint64_t magnitude = cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string text = std::to_string(magnitude / 100);
  if (cents < 0) text.insert(text.begin(), '-');
  const auto fraction = static_cast<char>(magnitude % 100);
  return text + '.' + static_cast<char>('0' + fraction / 10) + static_cast<char>('0' + fraction % 10);
}

std::string report(const Totals& all, const std::vector<Malformed>& malformed, const EtlQuery& query) {
  std::vector<std::pair<std::string_view, std::int64_t>> ranked;
  all.customers.for_each([&](std::string_view name, std::int64_t sum) { ranked.emplace_back(name, sum); });
  const auto before = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t k = std::min(ranked.size(), static_cast<std::size_t>(std::max(0, query.top_k)));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(), before);
  std::map<std::string_view, CategoryTotals> categories;  // in byte order of the name
  all.categories.for_each([&](std::string_view name, const CategoryTotals& c) { categories.emplace(name, c); });

  std::string out = "rows " + std::to_string(all.rows) + " kept " + std::to_string(all.kept) + " malformed " +
                    std::to_string(malformed.size()) + "\ncategory,count,sum,min,max\n";
  for (const auto& [name, t] : categories) {
    out.append(name).append(",").append(std::to_string(t.count));
    out.append(",").append(cents_text(t.sum)).append(",").append(cents_text(t.min));
    out.append(",").append(cents_text(t.max)).append("\n");
  }
  out += "top " + std::to_string(k) + "\n";
  for (std::size_t i = 0; i < k; ++i)
    out.append(ranked[i].first).append(",").append(cents_text(ranked[i].second)) += '\n';
  out += "malformed\n";
  for (const Malformed& m : malformed) out.append(std::to_string(m.line)).append(",").append(m.reason) += '\n';
  return out;
}

}  // namespace

std::string summarize_transactions(const std::string& path, const EtlQuery& query) {
  BlockReader reader(path);
  tbb::enumerable_thread_specific<Totals> per_thread;
  std::vector<Malformed> malformed;
  std::int64_t lines_before = 0;  // lines of the chunks merged so far

  // Chunks are recycled: at most kTokens exist, each keeps its buffer.
  std::vector<std::unique_ptr<Chunk>> free_chunks;
  std::mutex free_mutex;
  const auto take_chunk = [&] {
    const std::lock_guard lock(free_mutex);
    if (free_chunks.empty()) return std::make_unique<Chunk>();
    auto chunk = std::move(free_chunks.back());
    free_chunks.pop_back();
    return chunk;
  };

  tbb::parallel_pipeline(
      kTokens,
      tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& control) -> Chunk* {
        auto chunk = take_chunk();
        if (!reader.next(*chunk)) {
          control.stop();
          return nullptr;
        }
        return chunk.release();
      }) & tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, [&](Chunk* chunk) {
        parse_chunk(*chunk, query, per_thread.local());
        return chunk;
      }) & tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, [&](Chunk* chunk) {
        // In file order: the chunk's line numbers become the file's.
        for (const Malformed& m : chunk->malformed) malformed.push_back({lines_before + m.line, m.reason});
        lines_before += chunk->lines;
        const std::lock_guard lock(free_mutex);
        free_chunks.emplace_back(chunk);
      }));

  Totals all;
  for (Totals& t : per_thread) {
    all.rows += t.rows;
    all.kept += t.kept;
    t.categories.for_each([&](std::string_view name, const CategoryTotals& c) { all.categories[name].merge(c); });
    t.customers.for_each([&](std::string_view name, std::int64_t sum) { all.customers[name] += sum; });
  }
  return report(all, malformed, query);
}

}  // namespace hpc::lab06
