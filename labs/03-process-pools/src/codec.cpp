// Exercise 1a — the byte codec. Graded by test_codec.
#include "hpc/todo.hpp"
#include "lab03/codec.hpp"

namespace hpc::lab03 {

Bytes encode_int(std::int64_t value) {
  // TODO(student): the value's 8 bytes (std::memcpy into a Bytes of size 8).
  hpc::todo("encode_int");
}

std::int64_t decode_int(const Bytes& bytes) {
  // TODO(student): the inverse; throw std::invalid_argument unless there are exactly 8 bytes.
  hpc::todo("decode_int");
}

Bytes encode_doubles(const std::vector<double>& values) {
  // TODO(student): the values' bytes, 8 per value, in order (an empty vector is 0 bytes).
  hpc::todo("encode_doubles");
}

std::vector<double> decode_doubles(const Bytes& bytes) {
  // TODO(student): the inverse; throw std::invalid_argument unless the size is a multiple of 8.
  hpc::todo("decode_doubles");
}

}  // namespace hpc::lab03
