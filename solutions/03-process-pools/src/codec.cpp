// Reference solution: raw 8-byte patterns. Both ends are the same program on the same machine
// (forked), so byte order and double format agree; a codec between machines would fix both.
#include <cstring>
#include <stdexcept>

#include "lab03/codec.hpp"

namespace hpc::lab03 {

Bytes encode_int(std::int64_t value) {
  Bytes out(sizeof value);
  std::memcpy(out.data(), &value, sizeof value);
  return out;
}

std::int64_t decode_int(const Bytes& bytes) {
  std::int64_t value;
  if (bytes.size() != sizeof value) throw std::invalid_argument("decode_int: expected 8 bytes");
  std::memcpy(&value, bytes.data(), sizeof value);
  return value;
}

Bytes encode_doubles(const std::vector<double>& values) {
  Bytes out(values.size() * sizeof(double));
  if (!values.empty()) std::memcpy(out.data(), values.data(), out.size());
  return out;
}

std::vector<double> decode_doubles(const Bytes& bytes) {
  if (bytes.size() % sizeof(double) != 0) throw std::invalid_argument("decode_doubles: not a whole number of doubles");
  std::vector<double> values(bytes.size() / sizeof(double));
  if (!values.empty()) std::memcpy(values.data(), bytes.data(), bytes.size());
  return values;
}

}  // namespace hpc::lab03
