// Part 2, int8 inference: requests per second of your engine (int8, batches of 64, the cache) over
// the given fp32 version that answers one request at a time, interleaved in one run on one thread.
// Every pair gets a stream never seen before (so no earlier call's results can be remembered), in
// which a quarter of the requests repeat an earlier one; each timed result is checked against the
// fp32 classes.
#include <gtest/gtest.h>
#include <omp.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab06/int8_inference.hpp"
#include "lab06/mlp_model.hpp"
#include "lab06_thresholds.hpp"

namespace {

using namespace hpc::lab06;

constexpr std::size_t kRequests = 1024, kMaxBatch = 64;
constexpr double kRepeatShare = 0.25;

TEST(Int8InferencePerf, ThroughputOverTheFp32VersionOnOneThread) {
  omp_set_num_threads(1);
  const std::uint64_t seed = hpc::test_seed();
  const Mlp model = make_mlp(seed);
  int8_load_model(seed, make_requests(seed + 100, 512), true);
  std::uint64_t stream_seed = seed + 1000;
  std::vector<float> stream = make_request_stream(stream_seed, kRequests, kRepeatShare);
  std::vector<int> base, mine;
  // The fp32 model's classes, but for the few requests near a tie (about 1.5%; a stale or made-up
  // answer agrees on about 10%).
  const auto same = [&] {
    if (mine.size() != base.size()) return false;
    std::size_t agree = 0;
    for (std::size_t r = 0; r < base.size(); ++r) agree += mine[r] == base[r];
    return agree * 100 >= base.size() * 95;
  };
  hpc::expect_speedup_at_least(targets::int8_throughput, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { base = baseline::fp32_classify(model, stream); }, [&] { mine = int8_classify(stream, kMaxBatch); },
        {.pairs = 5,
         .vary = [&](int) { stream = make_request_stream(++stream_seed, kRequests, kRepeatShare); },
         .same = same}));
  });
}

}  // namespace
