#include "lab03/wire.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace hpc::lab03::wire {

void write_all(int fd, const void* bytes, std::size_t size) {
  const auto* p = static_cast<const char*>(bytes);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "write to pipe");
    }
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

bool read_exact(int fd, void* bytes, std::size_t size) {
  auto* p = static_cast<char*>(bytes);
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, p + got, size - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "read from pipe");
    }
    if (n == 0) {
      if (got == 0) return false;
      throw std::system_error(EPIPE, std::generic_category(), "pipe closed in the middle of a message");
    }
    got += static_cast<std::size_t>(n);
  }
  return true;
}

void send(int fd, const Bytes& message) {
  Bytes framed;
  put_bytes(framed, message);
  write_all(fd, framed.data(), framed.size());
}

std::optional<Bytes> receive(int fd) {
  std::uint64_t size = 0;
  if (!read_exact(fd, &size, sizeof size)) return std::nullopt;
  Bytes message(size);
  if (size > 0 && !read_exact(fd, message.data(), size)) {
    throw std::system_error(EPIPE, std::generic_category(), "pipe closed in the middle of a message");
  }
  return message;
}

void put_u64(Bytes& out, std::uint64_t value) {
  const auto* p = reinterpret_cast<const std::byte*>(&value);
  out.insert(out.end(), p, p + sizeof value);
}

void put_bytes(Bytes& out, const Bytes& value) {
  put_u64(out, value.size());
  out.insert(out.end(), value.begin(), value.end());
}

std::uint64_t Reader::u64() {
  if (bytes_.size() - position_ < sizeof(std::uint64_t)) throw std::invalid_argument("truncated message");
  std::uint64_t value;
  std::memcpy(&value, bytes_.data() + position_, sizeof value);
  position_ += sizeof value;
  return value;
}

Bytes Reader::bytes() {
  const std::uint64_t size = u64();
  if (bytes_.size() - position_ < size) throw std::invalid_argument("truncated message");
  Bytes value(bytes_.begin() + static_cast<std::ptrdiff_t>(position_),
              bytes_.begin() + static_cast<std::ptrdiff_t>(position_ + size));
  position_ += size;
  return value;
}

}  // namespace hpc::lab03::wire
