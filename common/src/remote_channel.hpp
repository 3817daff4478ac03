// The wire of remote calls (hpc/remote.hpp), shared by the caller and the runner: fixed-size
// messages on a Unix SOCK_SEQPACKET socket, each able to carry one file descriptor (a shared
// region, a memfd), and the shared regions themselves.
//
//   caller                              runner
//   CALL (function, signature, bytes)  ->  decodes the arguments (views of the argument region)
//                                      <-  READY, or FAILED (unknown function, bad arguments)
//   RUN (OpenMP threads)               ->  runs the function                      [timed]
//                                      <-  DONE, or FAILED (what it threw)
//   FETCH                              ->  encodes the result into its result region
//                                      <-  RESULT (bytes; the region's fd when it is new)
//
// Before a CALL that refers to an OutputArray the runner has not seen, SHARE gives it the array's
// fd; UNSHARE forgets one. No reply.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace hpc::remote::wire {

enum class Kind : std::uint32_t { call = 1, ready, run, done, fetch, result, failed, share, unshare };

// What a FAILED message says was thrown, so that the caller throws the same kind of exception.
enum class Thrown : std::uint32_t {
  none = 0,
  invalid_argument,
  domain_error,
  length_error,
  out_of_range,
  logic_error,
  range_error,
  overflow_error,
  underflow_error,
  runtime_error,
  bad_alloc,
  other,
  protocol,  // the runner could not serve the call (unknown function, signature, arguments)
};

struct Message {
  std::uint32_t magic = 0x48504352;  // "HPCR"
  Kind kind = Kind::call;
  Thrown thrown = Thrown::none;
  std::uint32_t threads = 0;
  std::uint32_t id = 0;        // an output array (SHARE, UNSHARE)
  std::uint64_t bytes = 0;     // argument bytes (CALL), result bytes (RESULT)
  std::uint64_t capacity = 0;  // size of the region whose fd comes with this message
  char function[64] = {};
  char signature[256] = {};
  char text[1024] = {};  // what was thrown

  void set_text(char* field, std::size_t size, const std::string& value);
};

// Sends `message` (and `fd` when >= 0). False when the peer is gone.
bool send(int socket, const Message& message, int fd = -1);
// Receives one message (and the fd it carries into `fd`, else -1). False when the peer is gone.
bool receive(int socket, Message& message, int& fd);

// A shared memory region (memfd) mapped into this process.
class Region {
 public:
  Region() = default;
  ~Region();
  Region(const Region&) = delete;
  Region& operator=(const Region&) = delete;

  // A new region of at least `bytes`, read-write, sealed against resizing (a peer that shrank it
  // would crash this process on its next read); returns its fd (owned by the region).
  int create(std::size_t bytes, const char* name);
  // Maps a region received from the peer (read-write or read-only); takes ownership of `fd`.
  void adopt(int fd, std::size_t bytes, bool writable);
  void release();

  std::byte* data() const { return data_; }
  std::size_t size() const { return size_; }
  int fd() const { return fd_; }

 private:
  std::byte* data_ = nullptr;
  std::size_t size_ = 0;
  int fd_ = -1;
};

}  // namespace hpc::remote::wire
