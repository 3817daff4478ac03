// The replaceable global operator new and delete (hpc/allocation_hooks.hpp). An INTERFACE source
// of hpc_allocation_hooks: compiled into each program that links it, so the linker always takes
// these definitions over the C++ library's, whatever the link order.
#include "hpc/allocation_hooks.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::size_t> total_bytes{0};
std::atomic<const hpc::allocation::Hooks*> installed{nullptr};

void report_allocation(void* pointer, std::size_t bytes) {
  const hpc::allocation::Hooks* hooks = installed.load(std::memory_order_acquire);
  if (hooks == nullptr || hpc::allocation::paused > 0) return;
  hpc::allocation::Untracked inside_the_hook;
  hooks->allocated(pointer, bytes);
}

void report_release(void* pointer) {
  const hpc::allocation::Hooks* hooks = installed.load(std::memory_order_acquire);
  if (pointer == nullptr || hooks == nullptr || hpc::allocation::paused > 0) return;
  hpc::allocation::Untracked inside_the_hook;
  hooks->released(pointer);
}

}  // namespace

void hpc::allocation::install(const Hooks* hooks) { installed.store(hooks, std::memory_order_release); }

std::size_t hpc::allocation::bytes_allocated() { return total_bytes.load(std::memory_order_relaxed); }

void* operator new(std::size_t size) {
  total_bytes.fetch_add(size, std::memory_order_relaxed);
  void* pointer = std::malloc(size == 0 ? 1 : size);
  if (pointer == nullptr) throw std::bad_alloc();
  report_allocation(pointer, size);
  return pointer;
}
void* operator new[](std::size_t size) { return ::operator new(size); }
// The nothrow forms too (std::stable_sort's buffer): a sanitizer's would pair them with its own
// delete, not with the one below.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& nothrow) noexcept { return ::operator new(size, nothrow); }
void operator delete(void* pointer) noexcept {
  report_release(pointer);
  std::free(pointer);
}
void operator delete[](void* pointer) noexcept { ::operator delete(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { ::operator delete(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { ::operator delete(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { ::operator delete(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { ::operator delete(pointer); }
