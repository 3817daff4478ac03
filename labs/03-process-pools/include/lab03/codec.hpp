// The values that cross a pipe between processes are bytes: encode before sending, decode after
// receiving (Python's multiprocessing pickles; we keep it explicit and small).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hpc::lab03 {

using Bytes = std::vector<std::byte>;

// Exercise 1a: fixed-size little-endian encodings; decode_* throw std::invalid_argument when
// the bytes are not exactly one encoded value.
Bytes encode_int(std::int64_t value);
std::int64_t decode_int(const Bytes& bytes);
Bytes encode_doubles(const std::vector<double>& values);  // the values' 8-byte patterns, in order
std::vector<double> decode_doubles(const Bytes& bytes);

}  // namespace hpc::lab03
