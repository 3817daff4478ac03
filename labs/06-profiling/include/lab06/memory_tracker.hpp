// Task 2 (src/memory_tracker.cpp): a memory tracker, the heap half of a profiler. While a given
// program runs, the replaceable global operator new and delete (given: hpc/allocation_hooks.hpp)
// call your two hooks on every thread:
//
//   memory_on_allocate(p, 4000)   after `new` handed out 4000 bytes at p
//   memory_on_free(p)             before p is freed: you must remember how big it was
//
// From them you keep the heap's current and peak bytes, the counts, what each profiler scope
// allocated (the scope open on the allocating thread: profiler_current_path(), task 1's file),
// and the blocks still live: the leak report. Your hooks' own allocations are never reported back
// to them (so a std::unordered_map inside is fine), and neither are the profiler's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hpc::lab06 {

// The hooks: called from any thread at once, never with a null pointer. A freed pointer the
// tracker never saw allocated (allocated before a reset, or before tracking began) is ignored.
void memory_on_allocate(void* pointer, std::size_t bytes);
void memory_on_free(void* pointer);

// Forgets everything: counts, peak, scopes and live blocks. Called while nothing is tracked.
void memory_reset();

struct MemoryStats {
  std::uint64_t current_bytes = 0;  // allocated and not yet freed
  std::uint64_t peak_bytes = 0;     // the highest current_bytes ever reached since the reset
  std::uint64_t allocations = 0;    // calls of memory_on_allocate
  std::uint64_t frees = 0;          // calls of memory_on_free for blocks it knew
};
MemoryStats memory_stats();

struct ScopeMemory {
  std::string path;  // the profiler path open when allocating ("main;load"), "" for none
  std::uint64_t allocations = 0;
  std::uint64_t bytes = 0;
};

// What each scope allocated since the reset (freed or not): one entry per path, sorted by path.
std::vector<ScopeMemory> memory_by_scope();

// The leak report: the blocks still live, grouped by the path that allocated them; the most bytes
// first (ties: by path).
std::vector<ScopeMemory> memory_leaks();

}  // namespace hpc::lab06
