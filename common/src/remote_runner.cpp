// main() of a lab's runner (hpc/remote_runner.hpp): serves the caller on the socket it was given
// (HPC_RUNNER_FD, default 3) until the caller hangs up.
#include <omp.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "hpc/allocation_hooks.hpp"
#include "hpc/remote_runner.hpp"
#include "hpc/timing.hpp"
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

// The caller's OutputArrays, as this runner maps them.
std::map<std::uint32_t, hpc::remote::wire::Region>& output_arrays() {
  static std::map<std::uint32_t, hpc::remote::wire::Region> arrays;
  return arrays;
}

std::byte* output_bytes(const hpc::remote::SharedPlace& place, std::size_t bytes) {
  const auto found = output_arrays().find(place.id);
  if (found == output_arrays().end()) throw hpc::remote::ProtocolError("remote call: an unknown output array");
  const auto& region = found->second;
  if (place.offset > region.size() || bytes > region.size() - place.offset) {
    throw hpc::remote::ProtocolError("remote call: a span past the end of its output array");
  }
  return region.data() + place.offset;
}

// The heap copies of the current call's spans (Reader::stage), and where writable ones go back.
struct Staged {
  std::unique_ptr<std::byte[]> copy;
  std::byte* region;
  std::size_t bytes;
  bool writable;
};
std::vector<Staged>& staged() {
  static std::vector<Staged> copies;
  return copies;
}

std::byte* stage(std::byte* data, std::size_t bytes, bool writable) {
  // (new[] without (): the copy overwrites every byte, no need to zero them first)
  auto& copy =
      staged().emplace_back(Staged{std::unique_ptr<std::byte[]>(new std::byte[bytes]), data, bytes, writable}).copy;
  std::memcpy(copy.get(), data, bytes);
  return copy.get();
}

void copy_back_staged() {
  for (const Staged& s : staged()) {
    if (s.writable) std::memcpy(s.region, s.copy.get(), s.bytes);
  }
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
        output_arrays()[request.id].adopt(fd, request.capacity, true);
        continue;
      }
      if (request.kind == Kind::unshare) {
        output_arrays().erase(request.id);
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
    staged().clear();
    const auto found = exports_.find(request.function);
    if (found == exports_.end()) return failure(Thrown::protocol, std::string("no function ") + request.function);
    if (found->second.signature != request.signature) {
      return failure(Thrown::protocol, std::string(request.function) + " is served with another signature");
    }
    if (request.bytes > arguments_.size()) return failure(Thrown::protocol, "arguments past their region");
    auto problem = guarded([&] {
      hpc::remote::Reader reader(arguments_.data(), request.bytes);
      reader.shared = &output_bytes;
      reader.stage = &stage;
      prepared_ = found->second.prepare(reader);
    });
    Message ready;
    ready.kind = Kind::ready;
    return problem ? *problem : ready;
  }

  Message run(const Message& request) {
    if (!prepared_) return failure(Thrown::protocol, "RUN without a prepared call");
    if (request.threads > 0) omp_set_num_threads(static_cast<int>(request.threads));
    const std::size_t allocated_before = hpc::allocation::bytes_allocated();
    auto problem = guarded([&] { prepared_->run(); });
    Message done;
    done.kind = Kind::done;
    done.bytes = hpc::allocation::bytes_allocated() - allocated_before;  // operator new counts them
    return problem ? *problem : done;
  }

  bool fetch() {
    Message result;
    result.kind = Kind::result;
    int new_region = -1;
    auto problem = guarded([&] {
      if (!prepared_) throw hpc::remote::ProtocolError("FETCH without a call that ran");
      copy_back_staged();
      hpc::remote::Writer count;
      prepared_->encode(count);
      if (count.size() > results_.size()) new_region = results_.create(2 * count.size(), "hpc-remote-results");
      hpc::remote::Writer writer(results_.data(), results_.size());
      prepared_->encode(writer);
      result.bytes = writer.size();
      result.capacity = results_.size();
    });
    prepared_.reset();
    staged().clear();
    return problem ? reply(*problem) : reply(result, new_region);
  }

  int socket_;
  std::map<std::string, hpc::remote::Export, std::less<>> exports_;
  hpc::remote::wire::Region arguments_, results_;
  std::unique_ptr<hpc::remote::PreparedCall> prepared_;
};

}  // namespace

int main() {
  hpc::settle_allocator();  // as the test program does (hpc/timing.hpp)
  const char* fd = std::getenv("HPC_RUNNER_FD");
  Runner(fd ? std::atoi(fd) : 3).serve();
  return 0;
}
