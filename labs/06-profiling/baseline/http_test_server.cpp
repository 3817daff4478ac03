// The test server (http_test_server.hpp). cpp-httplib has no connection counter, but it hands every
// accepted socket to its task queue as one task that serves the connection until it closes: a
// queue that counts its tasks counts the connections exactly, and the open ones while they run.
#include "http_test_server.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace hpc::lab06::baseline {

namespace {

struct ConnectionCounts {
  std::atomic<long> accepted{0}, open{0}, peak{0};
};

// Set by a handler that drops its connection: the connection counts as closed from then on. The
// client sees the drop at once and may reconnect before httplib's thread has finished closing:
// counted at the close itself, one connection would be counted twice for a moment.
thread_local bool dropped_connection = false;

// httplib's thread pool, counting the connections that pass through it.
class CountingQueue : public httplib::TaskQueue {
 public:
  CountingQueue(int threads, ConnectionCounts& counts) : pool_(static_cast<std::size_t>(threads)), counts_(counts) {}
  void enqueue(std::function<void()> serve_connection) override {
    counts_.accepted++;
    pool_.enqueue([this, serve = std::move(serve_connection)] {
      const long now = ++counts_.open;
      long peak = counts_.peak.load();
      while (now > peak && !counts_.peak.compare_exchange_weak(peak, now)) {
      }
      serve();  // returns once the connection is closed
      if (!dropped_connection) counts_.open--;
      dropped_connection = false;
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  ConnectionCounts& counts_;
};

struct Injected {
  std::string kind, name;
  long first_n = 0;  // how many requests of the target get the failure
};

// "/fail/2/x" -> {"fail", "x", 2}; "/data/x" -> {"data", "x", 0}; anything else -> kind "".
Injected parse(const std::string& path) {
  Injected what;
  const auto second = path.find('/', 1);
  if (second == std::string::npos) return what;
  what.kind = path.substr(1, second - 1);
  std::string rest = path.substr(second + 1);
  if (what.kind == "data") {
    what.name = rest;
  } else if (what.kind == "fail" || what.kind == "drop" || what.kind == "reset" || what.kind == "stall") {
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return {};
    what.first_n = std::strtol(rest.substr(0, slash).c_str(), nullptr, 10);
    what.name = rest.substr(slash + 1);
  } else {
    return {};
  }
  if (what.name.empty()) what.kind.clear();
  return what;
}

// The port of a socket's own end (`peer` false) or of the other end, 0 if it has none.
int port_of(int socket, bool peer) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  const int got = peer ? ::getpeername(socket, reinterpret_cast<sockaddr*>(&address), &size)
                       : ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &size);
  return got == 0 && address.sin_family == AF_INET ? ntohs(address.sin_port) : 0;
}

// Resets the server's connection from client_port with a TCP RST, as a crashed or overloaded peer
// does. httplib hands a handler no socket, so it is found among the process's descriptors by its
// two ports. connect(AF_UNSPEC) disconnects a TCP socket with a reset and leaves the descriptor
// open: httplib, which owns it, sees its writes fail and closes it as usual.
bool reset_connection(int server_port, int client_port) {
  DIR* fds = ::opendir("/proc/self/fd");
  if (!fds) return false;
  bool found = false;
  while (const dirent* entry = ::readdir(fds)) {
    const int fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == ::dirfd(fds)) continue;
    if (port_of(fd, false) != server_port || port_of(fd, true) != client_port) continue;
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    found = ::connect(fd, &unspecified, sizeof unspecified) == 0;
    break;
  }
  ::closedir(fds);
  return found;
}

std::uint64_t hash_of(std::string_view text) {  // FNV-1a
  std::uint64_t h = 1469598103934665603ull;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

struct LoopbackServer::State {
  ServerOptions options;
  httplib::Server server;
  int port = 0;
  int listening_socket = -1;
  std::thread listener;
  ConnectionCounts connections;
  mutable std::mutex mutex;
  std::map<std::string, long, std::less<>> requests;  // by target
  std::condition_variable stopping_cv;
  bool stopping = false;

  // Waits `seconds`, or less once the server stops: no handler outlives the server for long.
  void wait(double seconds) {
    std::unique_lock lock(mutex);
    stopping_cv.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return stopping; });
  }

  void handle(const httplib::Request& request, httplib::Response& response) {
    long seen = 0;
    {
      std::lock_guard lock(mutex);
      seen = ++requests[request.target];
    }
    wait(options.latency_seconds);
    const Injected what = parse(request.path);
    if (what.kind.empty()) {
      response.status = 404;
      response.set_content("not found", "text/plain");
      return;
    }
    const bool injected = seen <= what.first_n;
    if (injected && what.kind == "fail") {
      response.status = 500;
      response.set_content("injected failure", "text/plain");
      return;
    }
    if (injected && what.kind == "stall") wait(options.stall_seconds);
    auto body = std::make_shared<std::string>(body_of(request.target));
    if (injected && what.kind == "reset") {
      // The headers go out; then, before any byte of the body, the connection is reset.
      response.set_content_provider(
          std::max<std::size_t>(1, body->size()), "application/octet-stream",
          [this, client_port = request.remote_port](std::size_t, std::size_t, httplib::DataSink&) {
            if (!dropped_connection) connections.open--;
            dropped_connection = true;
            reset_connection(port, client_port);  // not found: dropped below
            return false;
          });
      return;
    }
    if (injected && what.kind == "drop") {
      // The headers promise the whole body; the provider then fails, and httplib closes the socket.
      response.set_content_provider(std::max<std::size_t>(1, body->size()), "application/octet-stream",
                                    [this](std::size_t, std::size_t, httplib::DataSink&) {
                                      if (!dropped_connection) connections.open--;
                                      dropped_connection = true;
                                      return false;
                                    });
      return;
    }
    response.set_content(*body, "application/octet-stream");
  }
};

LoopbackServer::LoopbackServer(const ServerOptions& options) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.options = options;
  s.server.new_task_queue = [&s] { return new CountingQueue(s.options.threads, s.connections); };
  s.server.set_keep_alive_max_count(1'000'000);  // a client may keep its connections for every request
  s.server.set_tcp_nodelay(true);  // headers and body leave at once, not 40 ms apart (Nagle, delayed ACKs)
  s.server.Get(R"(/.*)",
               [&s](const httplib::Request& request, httplib::Response& response) { s.handle(request, response); });
  s.server.set_socket_options([&s](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    s.listening_socket = socket;
  });
  s.port = s.server.bind_to_any_port("127.0.0.1");
  if (s.port <= 0) throw std::runtime_error("test server: cannot bind a port on 127.0.0.1");
  // Debian's httplib listens with a backlog of 5: a client opening 8 connections at once would
  // lose SYNs and wait a second for their retransmission. Listening again sets a longer queue.
  if (::listen(s.listening_socket, SOMAXCONN) != 0) throw std::runtime_error("test server: listen failed");
  s.listener = std::thread([&s] { s.server.listen_after_bind(); });
  while (!s.server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

LoopbackServer::~LoopbackServer() {
  State& s = *state_;
  {
    std::lock_guard lock(s.mutex);
    s.stopping = true;
  }
  s.stopping_cv.notify_all();
  s.server.stop();  // closes the listening socket; the pool's threads finish their connections
  s.listener.join();
}

std::string LoopbackServer::url(std::string_view target) const {
  return "http://127.0.0.1:" + std::to_string(state_->port) + std::string(target);
}

long LoopbackServer::requests(std::string_view target) const {
  std::lock_guard lock(state_->mutex);
  const auto found = state_->requests.find(target);
  return found == state_->requests.end() ? 0 : found->second;
}

long LoopbackServer::total_requests() const {
  std::lock_guard lock(state_->mutex);
  long total = 0;
  for (const auto& [target, count] : state_->requests) total += count;
  return total;
}

long LoopbackServer::connections_accepted() const { return state_->connections.accepted; }
long LoopbackServer::open_connections() const { return state_->connections.open; }
long LoopbackServer::peak_open_connections() const { return state_->connections.peak; }

void LoopbackServer::reset_counts() {
  std::lock_guard lock(state_->mutex);
  state_->requests.clear();
  state_->connections.accepted = 0;
  state_->connections.peak = state_->connections.open.load();
}

std::string LoopbackServer::body_of(std::string_view target) {
  std::size_t bytes = 512;
  const auto query = target.find('?');
  std::string_view path = target.substr(0, query);
  if (query != std::string_view::npos) {
    const auto at = target.find("bytes=", query);
    if (at != std::string_view::npos) bytes = std::strtoul(std::string(target.substr(at + 6)).c_str(), nullptr, 10);
  }
  // The name alone (the last part of the path) decides the bytes: /fail/2/x and /data/x agree.
  const std::string_view name = path.substr(path.rfind('/') + 1);
  std::string body(bytes, '\0');
  std::uint64_t state = hash_of(name) | 1;
  for (char& c : body) {  // xorshift64: every byte value, zeros included
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    c = static_cast<char>(state >> 56);
  }
  return body;
}

}  // namespace hpc::lab06::baseline
