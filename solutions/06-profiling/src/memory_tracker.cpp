#include "lab06/memory_tracker.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

#include "lab06/profiler.hpp"

namespace hpc::lab06 {

namespace {

struct Block {
  std::size_t bytes;
  const std::string* path;  // a key of Tracker::scopes: one copy of each path, however many blocks
};

// Everything behind one mutex. The hooks are called for every new and delete of every thread, so
// a sharded map would contend less; one lock keeps the peak exact and is fast enough for a tool
// that is switched on to find a problem, not left on in production.
struct Tracker {
  std::mutex lock;
  std::unordered_map<void*, Block> live;
  std::map<std::string, ScopeMemory> scopes;
  MemoryStats stats;
};

Tracker& tracker() {
  static Tracker* t = new Tracker;  // never destroyed: a thread may still free after main returns
  return *t;
}

}  // namespace

void memory_on_allocate(void* pointer, std::size_t bytes) {
  std::string path = profiler_current_path();  // before the lock: it only reads this thread's scopes
  Tracker& t = tracker();
  std::lock_guard guard(t.lock);
  auto scope = t.scopes.try_emplace(path).first;
  scope->second.path = scope->first;
  scope->second.allocations += 1;
  scope->second.bytes += bytes;
  const auto [block, added] = t.live.try_emplace(pointer, Block{bytes, &scope->first});
  if (!added) {  // an address handed out again: its block was freed where the hooks did not look
    t.stats.current_bytes -= block->second.bytes;
    block->second = Block{bytes, &scope->first};
  }
  t.stats.allocations += 1;
  t.stats.current_bytes += bytes;
  t.stats.peak_bytes = std::max(t.stats.peak_bytes, t.stats.current_bytes);
}

void memory_on_free(void* pointer) {
  Tracker& t = tracker();
  std::lock_guard guard(t.lock);
  const auto block = t.live.find(pointer);
  if (block == t.live.end()) return;  // allocated before the reset, or before tracking began
  t.stats.frees += 1;
  t.stats.current_bytes -= block->second.bytes;
  t.live.erase(block);
}

void memory_reset() {
  Tracker& t = tracker();
  std::lock_guard guard(t.lock);
  t.live.clear();
  t.scopes.clear();
  t.stats = MemoryStats{};
}

MemoryStats memory_stats() {
  Tracker& t = tracker();
  std::lock_guard guard(t.lock);
  return t.stats;
}

std::vector<ScopeMemory> memory_by_scope() {
  Tracker& t = tracker();
  std::lock_guard guard(t.lock);
  std::vector<ScopeMemory> out;
  for (const auto& [path, scope] : t.scopes) out.push_back(scope);
  return out;
}

std::vector<ScopeMemory> memory_leaks() {
  Tracker& t = tracker();
  std::map<std::string, ScopeMemory> by_path;
  {
    std::lock_guard guard(t.lock);
    for (const auto& [pointer, block] : t.live) {
      ScopeMemory& leak = by_path[*block.path];
      leak.path = *block.path;
      leak.allocations += 1;
      leak.bytes += block.bytes;
    }
  }
  std::vector<ScopeMemory> out;
  for (auto& [path, leak] : by_path) out.push_back(std::move(leak));
  std::stable_sort(out.begin(), out.end(),
                   [](const ScopeMemory& a, const ScopeMemory& b) { return a.bytes > b.bytes; });
  return out;
}

}  // namespace hpc::lab06
