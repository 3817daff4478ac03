// The web server the HTTP client is tested against (instructor code, in the test's own process): a
// real HTTP/1.1 server (cpp-httplib) on 127.0.0.1, on a free port, with an injected latency for
// every request, failures on request, and counts of what it saw. Stopped, every thread joined and
// every socket closed, when it goes out of scope.
//
// What it serves (every request first waits `latency_seconds`):
//   /data/NAME?bytes=B     200, B bytes (default 512) that depend only on the path: body_of(target)
//   /fail/N/NAME?bytes=B   the first N requests answer 500, the later ones like /data/
//   /drop/N/NAME?bytes=B   the first N requests send the headers and close the connection mid-body
//   /reset/N/NAME?bytes=B  the first N requests send the headers, then reset the connection (TCP RST)
//   /stall/N/NAME?bytes=B  the first N requests wait `stall_seconds` before answering
//   anything else          404
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace hpc::lab06::baseline {

struct ServerOptions {
  double latency_seconds = 0;  // added to every request, before it is answered
  double stall_seconds = 5;    // how long a stalled request waits (cut short when the server stops)
  int threads = 32;            // connections served at once (one thread each, kept while alive)
};

class LoopbackServer {
 public:
  explicit LoopbackServer(const ServerOptions& options = {});
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // "http://127.0.0.1:PORT" + target (a path with its query, e.g. "/data/a?bytes=10").
  std::string url(std::string_view target) const;

  long requests(std::string_view target) const;  // requests seen for this exact target
  long total_requests() const;
  long connections_accepted() const;   // TCP connections accepted since the start (or the reset)
  long open_connections() const;       // connections open now
  long peak_open_connections() const;  // the most open at once since the start (or the reset)
  void reset_counts();

  // The body a successful request for `target` gets (the same bytes every time, zero bytes included).
  static std::string body_of(std::string_view target);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hpc::lab06::baseline
