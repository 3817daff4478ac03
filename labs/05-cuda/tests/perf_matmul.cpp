#include <algorithm>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab05/matmul.hpp"
#include "lab05_testing.hpp"
#include "lab05_thresholds.hpp"

namespace {

using namespace hpc::lab05;
using MatmulPerf = lab05_testing::CudaTest;

struct Operands {
  explicit Operands(int n)
      : n(n),
        a(hpc::random_floats(static_cast<std::size_t>(n) * n, 1)),
        b(hpc::random_floats(static_cast<std::size_t>(n) * n, 2)),
        da(a),
        db(b),
        dc(static_cast<std::size_t>(n) * n) {}
  int n;
  std::vector<float> a, b;
  DeviceBuffer<float> da, db, dc;
};

// The tiled kernel's result next to cuBLAS's, before its speed counts.
bool tiled_agrees_with_cublas(Operands& m) {
  matmul_tiled(m.da.data(), m.db.data(), m.dc.data(), m.n);
  const auto tiled = m.dc.download();
  baseline::cublas_matmul(m.da.data(), m.db.data(), m.dc.data(), m.n);
  const auto reference = m.dc.download();
  for (std::size_t i = 0; i < tiled.size(); i += 997) {
    if (std::abs(tiled[i] - reference[i]) > 1e-3f * m.n) return false;
  }
  return true;
}

TEST_F(MatmulPerf, TiledOverNaiveAt2048) {
  Operands m(2048);
  ASSERT_TRUE(tiled_agrees_with_cublas(m));
  hpc::expect_speedup_at_least(targets::tiled_over_naive, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { matmul_naive(m.da.data(), m.db.data(), m.dc.data(), m.n); },
                                 [&] { matmul_tiled(m.da.data(), m.db.data(), m.dc.data(), m.n); }, {.pairs = 5}));
  });
}

TEST_F(MatmulPerf, TiledAsAFractionOfCublasAt4096) {
  Operands m(4096);
  ASSERT_TRUE(tiled_agrees_with_cublas(m));
  hpc::expect_speedup_at_least(targets::tiled_fraction_of_cublas, [&] {
    // cuBLAS's time over the tiled kernel's: 0.3 means 30% of cuBLAS's speed.
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { baseline::cublas_matmul(m.da.data(), m.db.data(), m.dc.data(), m.n); },
                                 [&] { matmul_tiled(m.da.data(), m.db.data(), m.dc.data(), m.n); }, {.pairs = 5}));
  });
}

TEST_F(MatmulPerf, GpuOverOneCpuCoreAt2048) {
  // The naive CPU loop needs about a minute for all 2048 rows; every row costs the same, so 16 rows
  // are timed and the time scaled by 2048 / 16.
  Operands m(2048);
  ASSERT_TRUE(tiled_agrees_with_cublas(m));
  constexpr int kRows = 16;
  std::vector<float> c(static_cast<std::size_t>(kRows) * m.n);
  hpc::expect_speedup_at_least(targets::gpu_over_cpu, [&] {
    auto measurement = hpc::Measurement::of(
        hpc::compare_interleaved([&] { baseline::cpu_matmul_naive_rows(m.a.data(), m.b.data(), c.data(), m.n, kRows); },
                                 [&] { matmul_tiled(m.da.data(), m.db.data(), m.dc.data(), m.n); }, {.pairs = 3}));
    const double scale = static_cast<double>(m.n) / kRows;
    measurement.speedup *= scale;
    measurement.baseline_seconds *= scale;
    return measurement;
  });
}

}  // namespace
