#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/perf_test.hpp"
#include "lab03_thresholds.hpp"

namespace {

using namespace hpc::lab03;

// 16 Mi doubles (128 MiB) out of a child: through a pipe (copied into the kernel and out again)
// against shared memory (written once, where the parent reads it).
TEST(TransferPerf, SharedMemoryBeatsAPipeForLargeArrays) {
  constexpr std::size_t kCount = std::size_t{1} << 24;
  {
    SharedDoubles shared(kCount);
    produce_in_child_shared(shared);
    ASSERT_EQ(shared.values()[kCount - 1], produced_value(kCount - 1));
  }
  hpc::expect_speedup_at_least(targets::shared_memory_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { baseline::produce_in_child_pipe(kCount); },
        [&] {
          SharedDoubles shared(kCount);
          produce_in_child_shared(shared);
        },
        {.pairs = 5}));
  });
}

}  // namespace
