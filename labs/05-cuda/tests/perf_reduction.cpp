#include <vector>

#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/timing.hpp"
#include "lab05/reduction.hpp"
#include "lab05_testing.hpp"
#include "lab05_thresholds.hpp"

namespace {

using namespace hpc::lab05;
using ReductionPerf = lab05_testing::CudaTest;

TEST_F(ReductionPerf, WarpShuffleReadsAtPeakBandwidth) {
  // 1 GiB of floats: far larger than any cache, so the sum streams from device memory.
  const std::size_t n = std::size_t{1} << 28;
  std::vector<float> ones(n, 1.0f);
  DeviceBuffer<float> x(ones);
  ASSERT_NEAR(sum_warp_shuffle(x.data(), n), static_cast<double>(n), 1e-5 * n) << "the sum must be right first";
  const double peak = device_info().peak_bandwidth_gbs;
  hpc::expect_speedup_at_least(targets::reduction_bandwidth, [&] {
    const double seconds = hpc::time_call([&] { sum_warp_shuffle(x.data(), n); }, 0.2);
    hpc::Measurement m;
    m.speedup = static_cast<double>(n * sizeof(float)) / seconds / 1e9 / peak;  // achieved over peak
    m.candidate_seconds = seconds;
    return m;
  });
}

}  // namespace
