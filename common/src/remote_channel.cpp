#include "remote_channel.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <system_error>

namespace hpc::remote::wire {

void Message::set_text(char* field, std::size_t size, const std::string& value) {
  const std::size_t n = std::min(size - 1, value.size());
  std::memcpy(field, value.data(), n);
  field[n] = '\0';
}

bool send(int socket, const Message& message, int fd) {
  iovec data{const_cast<Message*>(&message), sizeof message};
  msghdr header{};
  header.msg_iov = &data;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  if (fd >= 0) {
    header.msg_control = control;
    header.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&header);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  }
  while (true) {
    // MSG_NOSIGNAL: a runner that died must not take the caller down with SIGPIPE.
    const ssize_t sent = sendmsg(socket, &header, MSG_NOSIGNAL);
    if (sent == static_cast<ssize_t>(sizeof message)) return true;
    if (sent < 0 && errno == EINTR) continue;
    return false;
  }
}

bool receive(int socket, Message& message, int& fd) {
  fd = -1;
  iovec data{&message, sizeof message};
  msghdr header{};
  header.msg_iov = &data;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  header.msg_control = control;
  header.msg_controllen = sizeof control;
  ssize_t got;
  do {
    got = recvmsg(socket, &header, MSG_CMSG_CLOEXEC);
  } while (got < 0 && errno == EINTR);
  for (cmsghdr* c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
  }
  if (got != static_cast<ssize_t>(sizeof message) || message.magic != Message{}.magic) {
    if (fd >= 0) close(fd);
    fd = -1;
    return false;
  }
  // Whatever the peer wrote, the texts end within their fields.
  message.function[sizeof message.function - 1] = message.signature[sizeof message.signature - 1] =
      message.text[sizeof message.text - 1] = '\0';
  return true;
}

Region::~Region() { release(); }

void Region::release() {
  if (data_) munmap(data_, size_);
  if (fd_ >= 0) close(fd_);
  data_ = nullptr;
  size_ = 0;
  fd_ = -1;
}

int Region::create(std::size_t bytes, const char* name) {
  release();
  constexpr std::size_t kStep = std::size_t{1} << 20;
  const std::size_t size = std::max(kStep, (bytes + kStep - 1) / kStep * kStep);
  const int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "memfd_create");
  if (ftruncate(fd, static_cast<off_t>(size)) != 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW) != 0) {
    close(fd);
    throw std::bad_alloc();
  }
  adopt(fd, size, true);
  return fd;
}

void Region::adopt(int fd, std::size_t bytes, bool writable) {
  release();
  fd_ = fd;
  // MAP_POPULATE: the pages are mapped now, not on the first (timed) touch.
  void* at = mmap(nullptr, bytes, writable ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
  if (at == MAP_FAILED) {
    close(fd);
    fd_ = -1;
    throw std::bad_alloc();
  }
  data_ = static_cast<std::byte*>(at);
  size_ = bytes;
}

}  // namespace hpc::remote::wire
