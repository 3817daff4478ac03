#include "lab06/profiler.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace hpc::lab06 {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// One node of a thread's call tree. Children are found by the name's address first (the same
// literal every time: one compare), by its text only when the address differs.
struct Node {
  const char* name = "";
  std::uint64_t calls = 0;
  std::int64_t inclusive_ns = 0;
  std::vector<std::unique_ptr<Node>> children;

  Node* child(const char* child_name) {
    for (auto& c : children)
      if (c->name == child_name) return c.get();
    for (auto& c : children)
      if (std::strcmp(c->name, child_name) == 0) return c.get();
    children.push_back(std::make_unique<Node>());
    children.back()->name = child_name;
    return children.back().get();
  }
};

struct Frame {
  Node* node;
  std::int64_t start_ns;
};

struct Event {
  const char* name;
  std::int64_t start_ns, duration_ns;
};

// Everything one thread records. Only its own thread writes it while scopes run, so enter and
// exit take no lock; the registry keeps it after the thread ends.
struct ThreadData {
  int tid = 0;
  Node root;
  std::vector<Frame> open;
  std::vector<Event> events;
};

struct Registry {
  std::mutex lock;
  std::vector<std::unique_ptr<ThreadData>> threads;
  std::int64_t origin_ns = now_ns();
};

Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: threads may still exit after main
  return *r;
}

ThreadData* register_this_thread() {
  Registry& r = registry();
  std::lock_guard guard(r.lock);
  r.threads.push_back(std::make_unique<ThreadData>());
  r.threads.back()->tid = static_cast<int>(r.threads.size());
  return r.threads.back().get();
}

// A plain pointer (no constructor to guard on every access): registered on the thread's first scope.
thread_local ThreadData* mine = nullptr;

ThreadData& this_thread() {
  if (mine == nullptr) mine = register_this_thread();
  return *mine;
}

// Adds a thread's subtree into the merged report, path by path.
void merge(const Node& node, const std::string& path, std::map<std::string, ScopeStats>& out) {
  ScopeStats& s = out[path];
  s.path = path;
  s.calls += node.calls;
  std::int64_t children_ns = 0;
  for (const auto& c : node.children) {
    children_ns += c->inclusive_ns;
    merge(*c, path + ";" + c->name, out);
  }
  s.inclusive_seconds += static_cast<double>(node.inclusive_ns) * 1e-9;
  s.exclusive_seconds += static_cast<double>(node.inclusive_ns - children_ns) * 1e-9;
}

std::string json_escaped(const char* text) {
  std::string out;
  for (const char* p = text; *p; ++p) {
    if (*p == '"' || *p == '\\') out += '\\';
    out += *p;
  }
  return out;
}

}  // namespace

void profiler_enter(const char* name) {
  ThreadData& t = this_thread();
  Node* parent = t.open.empty() ? &t.root : t.open.back().node;
  t.open.push_back({parent->child(name), now_ns()});
}

void profiler_exit() {
  const std::int64_t end = now_ns();
  ThreadData& t = this_thread();
  const Frame frame = t.open.back();
  t.open.pop_back();
  frame.node->calls += 1;
  frame.node->inclusive_ns += end - frame.start_ns;
  if (t.events.size() < kTraceEventsPerThread)
    t.events.push_back({frame.node->name, frame.start_ns, end - frame.start_ns});
}

std::string profiler_current_path() {
  if (mine == nullptr) return "";  // a thread that never entered a scope: nothing to register
  std::string path;
  for (const Frame& frame : mine->open) {
    if (!path.empty()) path += ';';
    path += frame.node->name;
  }
  return path;
}

void profiler_reset() {
  Registry& r = registry();
  std::lock_guard guard(r.lock);
  for (auto& t : r.threads) {
    t->root.children.clear();
    t->events.clear();
  }
}

std::vector<ScopeStats> profiler_report() {
  Registry& r = registry();
  std::lock_guard guard(r.lock);
  std::map<std::string, ScopeStats> merged;
  for (const auto& t : r.threads) {
    for (const auto& c : t->root.children) merge(*c, c->name, merged);
  }
  std::vector<ScopeStats> report;
  for (auto& [path, stats] : merged) report.push_back(std::move(stats));
  return report;
}

std::string folded_stacks() {
  std::string out;
  for (const ScopeStats& s : profiler_report()) {
    out += s.path + " " + std::to_string(static_cast<long long>(s.exclusive_seconds * 1e6)) + "\n";
  }
  return out;
}

std::string chrome_trace() {
  Registry& r = registry();
  std::lock_guard guard(r.lock);
  std::string out = "{\"traceEvents\": [";
  bool first = true;
  char numbers[128];
  for (const auto& t : r.threads) {
    for (const Event& e : t->events) {
      std::snprintf(numbers, sizeof numbers, "\"ts\": %.3f, \"dur\": %.3f, \"pid\": 1, \"tid\": %d}",
                    static_cast<double>(e.start_ns - r.origin_ns) * 1e-3, static_cast<double>(e.duration_ns) * 1e-3,
                    t->tid);
      out += first ? "\n" : ",\n";
      out += "{\"name\": \"" + json_escaped(e.name) + "\", \"ph\": \"X\", " + numbers;
      first = false;
    }
  }
  return out + "\n]}\n";
}

}  // namespace hpc::lab06
