// Given: reading and writing whole messages on pipes. A pipe transfers bytes in pieces (at most
// 64 KiB at a time on Linux), so one message takes a loop; these helpers do that loop and frame
// each message with its length.
#pragma once

#include <cstdint>
#include <optional>

#include "lab03/codec.hpp"

namespace hpc::lab03::wire {

// Writes all of `bytes`; throws std::system_error on failure (EPIPE when the reader died).
void write_all(int fd, const void* bytes, std::size_t size);
// Reads exactly `size` bytes; false at end of file before the first byte; throws
// std::system_error on failure or on end of file in the middle.
bool read_exact(int fd, void* bytes, std::size_t size);

// A message is its length (8 bytes) followed by its bytes.
void send(int fd, const Bytes& message);
std::optional<Bytes> receive(int fd);  // std::nullopt at end of file

// Appending to and reading from a message, for building messages out of several values.
void put_u64(Bytes& out, std::uint64_t value);
void put_bytes(Bytes& out, const Bytes& value);  // length-prefixed
class Reader {
 public:
  explicit Reader(const Bytes& bytes) : bytes_(bytes) {}
  std::uint64_t u64();
  Bytes bytes();  // a length-prefixed value
  bool done() const { return position_ == bytes_.size(); }

 private:
  const Bytes& bytes_;
  std::size_t position_ = 0;
};

}  // namespace hpc::lab03::wire
