#include <cmath>
#include <complex>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab05/fft.hpp"
#include "lab05_testing.hpp"

namespace {

using namespace hpc::lab05;
using Fft = lab05_testing::CudaTest;

std::vector<std::complex<float>> signal_of(std::size_t n) {
  const auto re = hpc::random_floats(n, hpc::test_seed() + n), im = hpc::random_floats(n, hpc::test_seed() + 2 * n);
  std::vector<std::complex<float>> s(n);
  for (std::size_t i = 0; i < n; ++i) s[i] = {re[i], im[i]};
  return s;
}

void expect_matches_cpu(std::size_t n) {
  const auto signal = signal_of(n);
  const auto gpu = fft_gpu(signal), cpu = baseline::cpu_dft(signal);
  ASSERT_EQ(gpu.size(), n);
  // Single-precision FFT error grows like log n; the values grow like sqrt(n).
  const double tolerance = 1e-5 * std::sqrt(static_cast<double>(n)) * (1 + std::log2(static_cast<double>(n)));
  for (std::size_t k = 0; k < n; ++k) {
    ASSERT_LT(std::abs(gpu[k] - cpu[k]), tolerance) << "bin " << k << " of " << n;
  }
}

TEST_F(Fft, PowersOfTwoMatchTheCpu) {
  for (const std::size_t n :
       {std::size_t{1}, std::size_t{2}, std::size_t{8}, std::size_t{1024}, std::size_t{1} << 16}) {
    expect_matches_cpu(n);
  }
}

TEST_F(Fft, OtherLengthsMatchTheCpu) {
  for (const std::size_t n : {std::size_t{3}, std::size_t{1000}, std::size_t{997}}) expect_matches_cpu(n);
}

TEST_F(Fft, APureToneLandsInItsBin) {
  const std::size_t n = 256, bin = 10;
  std::vector<std::complex<float>> tone(n);
  for (std::size_t j = 0; j < n; ++j) tone[j] = std::polar(1.0f, static_cast<float>(2 * M_PI * bin * j / n));
  const auto spectrum = fft_gpu(tone);
  EXPECT_NEAR(std::abs(spectrum[bin]), static_cast<float>(n), 1e-2);
  EXPECT_LT(std::abs(spectrum[bin + 1]), 1e-2);
}

}  // namespace
