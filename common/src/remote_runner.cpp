// main() of a lab's runner (hpc/remote_runner.hpp): serves the caller on the socket it was given
// (HPC_RUNNER_FD, default 3) until the caller hangs up.
#include <malloc.h>
#include <omp.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>

#include "hpc/remote_runner.hpp"
#include "remote_channel.hpp"

namespace {

using hpc::remote::wire::Kind;
using hpc::remote::wire::Message;
using hpc::remote::wire::Thrown;

Thrown classify(const std::exception& error) {
  // The most derived standard class first.
  if (dynamic_cast<const std::invalid_argument*>(&error)) return Thrown::invalid_argument;
  if (dynamic_cast<const std::domain_error*>(&error)) return Thrown::domain_error;
  if (dynamic_cast<const std::length_error*>(&error)) return Thrown::length_error;
  if (dynamic_cast<const std::out_of_range*>(&error)) return Thrown::out_of_range;
  if (dynamic_cast<const std::logic_error*>(&error)) return Thrown::logic_error;
  if (dynamic_cast<const std::range_error*>(&error)) return Thrown::range_error;
  if (dynamic_cast<const std::overflow_error*>(&error)) return Thrown::overflow_error;
  if (dynamic_cast<const std::underflow_error*>(&error)) return Thrown::underflow_error;
  if (dynamic_cast<const std::runtime_error*>(&error)) return Thrown::runtime_error;
  if (dynamic_cast<const std::bad_alloc*>(&error)) return Thrown::bad_alloc;
  return Thrown::other;
}

Message failure(Thrown thrown, const std::string& what) {
  Message reply;
  reply.kind = Kind::failed;
  reply.thrown = thrown;
  reply.set_text(reply.text, sizeof reply.text, what);
  return reply;
}

// Runs `step`, turning what it throws into a FAILED message; nullopt when it returned normally.
template <class Step>
std::optional<Message> guarded(Step&& step) {
  try {
    step();
    return std::nullopt;
  } catch (const hpc::remote::ProtocolError& error) {
    return failure(Thrown::protocol, error.what());
  } catch (const std::exception& error) {
    return failure(classify(error), error.what());
  } catch (...) {
    return failure(Thrown::other, "an exception that is not a std::exception");
  }
}

// The caller's SharedArrays, as this runner maps them (read-only unless given as writable).
struct SharedMapping {
  hpc::remote::wire::Region region;
  bool writable = false;
};
std::map<std::uint32_t, SharedMapping>& shared_arrays() {
  static std::map<std::uint32_t, SharedMapping> arrays;
  return arrays;
}

std::byte* shared_bytes(const hpc::remote::SharedPlace& place, std::size_t bytes, bool writable) {
  const auto found = shared_arrays().find(place.id);
  if (found == shared_arrays().end()) throw hpc::remote::ProtocolError("remote call: an unknown shared array");
  const auto& array = found->second;
  if (place.offset > array.region.size() || bytes > array.region.size() - place.offset) {
    throw hpc::remote::ProtocolError("remote call: a span past the end of its shared array");
  }
  if (writable && !array.writable) {
    throw hpc::remote::ProtocolError("remote call: a writable span in an array the runner may only read");
  }
  return array.region.data() + place.offset;
}

class Runner {
 public:
  explicit Runner(int socket) : socket_(socket) {
    for (auto& e : hpc::remote::exports()) exports_.emplace(e.name, std::move(e));
  }

  // Serves calls until the caller hangs up or breaks the protocol.
  void serve() {
    Message request;
    int fd = -1;
    while (hpc::remote::wire::receive(socket_, request, fd)) {
      if (request.kind == Kind::share) {
        if (fd < 0) return;
        SharedMapping& array = shared_arrays()[request.id];
        array.region.adopt(fd, request.capacity, request.writable != 0);
        array.writable = request.writable != 0;
        continue;
      }
      if (request.kind == Kind::unshare) {
        shared_arrays().erase(request.id);
        continue;
      }
      if (fd >= 0) arguments_.adopt(fd, request.capacity, true);
      if (!answer(request)) return;
    }
  }

 private:
  bool answer(const Message& request) {
    switch (request.kind) {
      case Kind::call:
        return reply(prepare(request));
      case Kind::run:
        return reply(run(request));
      case Kind::fetch:
        return fetch();
      default:
        return false;
    }
  }

  bool reply(const Message& message, int fd = -1) { return hpc::remote::wire::send(socket_, message, fd); }

  Message prepare(const Message& request) {
    prepared_.reset();
    const auto found = exports_.find(request.function);
    if (found == exports_.end()) return failure(Thrown::protocol, std::string("no function ") + request.function);
    if (found->second.signature != request.signature) {
      return failure(Thrown::protocol, std::string(request.function) + " is served with another signature");
    }
    if (request.bytes > arguments_.size()) return failure(Thrown::protocol, "arguments past their region");
    auto problem = guarded([&] {
      hpc::remote::Reader reader(arguments_.data(), request.bytes);
      reader.shared = &shared_bytes;
      prepared_ = found->second.prepare(reader);
    });
    Message ready;
    ready.kind = Kind::ready;
    return problem ? *problem : ready;
  }

  Message run(const Message& request) {
    if (!prepared_) return failure(Thrown::protocol, "RUN without a prepared call");
    if (request.threads > 0) omp_set_num_threads(static_cast<int>(request.threads));
    auto problem = guarded([&] { prepared_->run(); });
    Message done;
    done.kind = Kind::done;
    return problem ? *problem : done;
  }

  bool fetch() {
    Message result;
    result.kind = Kind::result;
    int new_region = -1;
    auto problem = guarded([&] {
      if (!prepared_) throw hpc::remote::ProtocolError("FETCH without a call that ran");
      hpc::remote::Writer count;
      prepared_->encode(count);
      if (count.size() > results_.size()) new_region = results_.create(2 * count.size(), "hpc-remote-results");
      hpc::remote::Writer writer(results_.data(), results_.size());
      prepared_->encode(writer);
      result.bytes = writer.size();
      result.capacity = results_.size();
    });
    prepared_.reset();
    return problem ? reply(*problem) : reply(result, new_region);
  }

  int socket_;
  std::map<std::string, hpc::remote::Export, std::less<>> exports_;
  hpc::remote::wire::Region arguments_, results_;
  std::unique_ptr<hpc::remote::PreparedCall> prepared_;
};

}  // namespace

int main() {
  // Keep freed memory instead of returning it to the system between calls, as a long-lived test
  // process does: otherwise every call of a function that returns a large result would pay for
  // fresh pages (page faults) that the same function called in-process never sees.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  const char* fd = std::getenv("HPC_RUNNER_FD");
  Runner(fd ? std::atoi(fd) : 3).serve();
  return 0;
}
