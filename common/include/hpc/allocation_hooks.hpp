// Watching a process's heap: the replaceable global operator new/delete (common/src/
// allocation_hooks.cpp, compiled into every lab's runner) count every byte allocated, and call
// installed hooks on each allocation and release, the way heaptrack or a memory profiler sees them.
//
//   hpc::allocation::install(&hooks);   // from now on, every thread's new/delete calls them
//   ...                                 // the program being watched
//   hpc::allocation::install(nullptr);  // while no other thread still allocates
//
// A hook's own allocations (a map of live blocks, say) are not reported back to it, or it would
// recurse: the hooks run with this thread's reports paused. Tools that must not see their own
// bookkeeping (a profiler's tree) pause the same way with hpc::allocation::Untracked.
// Watched: new and new[] without alignment (throwing or nothrow), and their deletes.
#pragma once

#include <cstddef>

namespace hpc::allocation {

struct Hooks {
  void (*allocated)(void* pointer, std::size_t bytes) noexcept;  // after a successful allocation
  void (*released)(void* pointer) noexcept;                      // before the block is freed
};

// Installs `hooks` (nullptr: none). The object must outlive its installation.
void install(const Hooks* hooks);

// Every byte operator new handed out in this process so far (the runner reports a call's share).
std::size_t bytes_allocated();

// > 0 while this thread's allocations are not reported to the hooks.
inline thread_local int paused = 0;

// Allocations on this thread while it lives are not reported.
class Untracked {
 public:
  Untracked() { ++paused; }
  ~Untracked() { --paused; }
  Untracked(const Untracked&) = delete;
  Untracked& operator=(const Untracked&) = delete;
};

}  // namespace hpc::allocation
