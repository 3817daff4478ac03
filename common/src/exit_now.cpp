#include "hpc/exit_now.hpp"

#include <cstdio>
#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace hpc {

void exit_now(int status) {
#if defined(__SANITIZE_THREAD__)
  std::exit(status);
#else
#if defined(__SANITIZE_ADDRESS__)
  if (__lsan_do_recoverable_leak_check() != 0 && status == 0) status = 1;
#endif
  std::fflush(nullptr);
  std::_Exit(status);
#endif
}

}  // namespace hpc
