// Task 5: Amdahl's fit, Gustafson and Karp-Flatt on made-up times with known answers, then the fit
// on times this test measures of a program whose serial fraction it chose.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

#include "hpc/busy.hpp"
#include "hpc/data.hpp"
#include "hpc/machine.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/timing.hpp"
#include "lab06/scaling.hpp"
#include "lab06/workloads.hpp"

namespace {

using namespace hpc::lab06;

std::vector<Timing> amdahl_times(double f, double t1, std::initializer_list<int> cores) {
  std::vector<Timing> out;
  for (const int p : cores) out.push_back({p, t1 * (f + (1 - f) / p)});
  return out;
}

TEST(AmdahlFit, RecoversTheFractionOfExactAmdahlTimes) {
  for (const double f : {0.0, 0.05, 0.3, 0.9, 1.0}) {
    const auto times = amdahl_times(f, 12.5, {1, 2, 4, 8, 16});
    EXPECT_NEAR(amdahl_serial_fraction(times), f, 1e-12) << "times made with f = " << f;
  }
}

TEST(AmdahlFit, IsTheLeastSquaresLineThroughTheOrigin) {
  // x = 1 - 1/p, y = T(p)/T(1) - 1/p: (0.5, 0.05) and (0.75, 0.15) give f = 0.1375 / 0.8125.
  const std::vector<Timing> noisy = {{1, 10}, {2, 5.5}, {4, 4}};
  EXPECT_NEAR(amdahl_serial_fraction(noisy), 0.1375 / 0.8125, 1e-12);
}

TEST(AmdahlFit, AnyOrderAndTheMeanOfRepeatedOneCoreTimes) {
  std::vector<Timing> times = amdahl_times(0.2, 8, {1, 2, 3, 4, 6});
  times.push_back({1, 7.0});
  times.push_back({1, 9.0});  // the mean of the three 1-core times is still 8
  std::shuffle(times.begin(), times.end(), std::mt19937_64(hpc::test_seed()));
  EXPECT_NEAR(amdahl_serial_fraction(times), 0.2, 1e-12);
}

TEST(AmdahlFit, ClampsToTheMeaningfulRange) {
  EXPECT_EQ(amdahl_serial_fraction(std::vector<Timing>{{1, 10}, {2, 4}}), 0.0) << "superlinear: f = 0";
  EXPECT_EQ(amdahl_serial_fraction(std::vector<Timing>{{1, 10}, {2, 30}}), 1.0) << "slower on 2 cores: f = 1";
}

TEST(AmdahlFit, RefusesWhatCannotBeFitted) {
  EXPECT_THROW(amdahl_serial_fraction(std::vector<Timing>{{2, 5}, {4, 3}}), std::invalid_argument) << "no T(1)";
  EXPECT_THROW(amdahl_serial_fraction(std::vector<Timing>{{1, 5}, {1, 6}}), std::invalid_argument) << "no p > 1";
  EXPECT_THROW(amdahl_serial_fraction(std::vector<Timing>{}), std::invalid_argument);
  EXPECT_THROW(amdahl_serial_fraction(std::vector<Timing>{{1, 5}, {2, 0}}), std::invalid_argument) << "T = 0";
  EXPECT_THROW(amdahl_serial_fraction(std::vector<Timing>{{1, -5}, {2, 3}}), std::invalid_argument) << "T < 0";
}

TEST(AmdahlSpeedup, FollowsTheLaw) {
  EXPECT_NEAR(amdahl_speedup(0.1, 8), 1 / (0.1 + 0.9 / 8), 1e-12);
  EXPECT_NEAR(amdahl_speedup(0.1, 1), 1.0, 1e-12);
  EXPECT_NEAR(amdahl_speedup(0.0, 64), 64.0, 1e-12);
  EXPECT_NEAR(amdahl_speedup(0.05, 1e9), 20.0, 1e-6) << "never more than 1/f";
}

TEST(GustafsonSpeedup, FollowsTheLaw) {
  EXPECT_NEAR(gustafson_speedup(0.1, 64), 64 - 0.1 * 63, 1e-12);
  EXPECT_NEAR(gustafson_speedup(0.0, 8), 8.0, 1e-12);
  EXPECT_NEAR(gustafson_speedup(1.0, 8), 1.0, 1e-12);
}

TEST(KarpFlatt, InvertsAmdahl) {
  for (const double f : {0.0, 0.02, 0.25}) {
    for (const int p : {2, 7, 64}) EXPECT_NEAR(karp_flatt(amdahl_speedup(f, p), p), f, 1e-12) << f << ", " << p;
  }
  EXPECT_THROW(karp_flatt(1.0, 1), std::invalid_argument);
  EXPECT_THROW(karp_flatt(0.0, 4), std::invalid_argument);
}

// The test runs the given program on 1, 2, 4, ... cores, a few rounds interleaved, and your fit
// must find the serial fraction the test chose (from the seed, so no answer can be copied). The
// program does a fixed amount of work: interference only adds time, so each core count keeps its
// fastest round. A miss while the machine was busy (other processes running, or fewer cores
// than counted really working in parallel) is inconclusive, not a failure.
TEST(MeasuredScaling, TheFitFindsThePlantedSerialFraction) {
  const int cores = hpc::counted_cores();
  if (cores < 2) {
    hpc::record_inconclusive("one core: a serial fraction cannot be measured");
    GTEST_SKIP() << "inconclusive: one core";
  }
  const double planted = 0.1 + 0.4 * hpc::random_doubles(1, hpc::test_seed(), 0.0, 1.0)[0];
  constexpr long kWork = 200'000'000;  // about 0.25 s on one core
  std::vector<int> counts;
  for (int p = 1; p < cores; p *= 2) counts.push_back(p);
  counts.push_back(cores);
  std::vector<double> fastest(counts.size(), 1e300);
  const hpc::OtherProcessesLoad others;
  for (int round = 0; round < 4; ++round) {
    for (std::size_t k = 0; k < counts.size(); ++k) {
      const auto start = std::chrono::steady_clock::now();
      planted_serial_program(planted, kWork, counts[k]);
      fastest[k] =
          std::min(fastest[k], std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  const double other_cores = others.cores();
  std::vector<Timing> timings;
  for (std::size_t k = 0; k < counts.size(); ++k) timings.push_back({counts[k], fastest[k]});
  const double fitted = amdahl_serial_fraction(timings);
  if (std::abs(fitted - planted) > 0.05) {
    std::string busy;
    if (other_cores > 0.3) {
      busy = "other processes kept " + std::to_string(other_cores) + " cores busy during the measurement";
    } else if (const double parallel = hpc::measured_parallelism(cores); parallel < 0.8 * cores) {
      busy = "measured parallelism " + std::to_string(parallel) + " of the " + std::to_string(cores) + " cores counted";
    } else {
      busy = hpc::machine_busy_reason();
    }
    if (!busy.empty()) {
      const std::string why =
          "machine busy (" + busy + "); fitted " + std::to_string(fitted) + ", planted " + std::to_string(planted);
      hpc::record_inconclusive(why);
      GTEST_SKIP() << "inconclusive: " << why;
    }
  }
  EXPECT_NEAR(fitted, planted, 0.05) << "T(1) = " << timings[0].seconds << " s, T(" << timings.back().cores
                                     << ") = " << timings.back().seconds << " s";
}

}  // namespace
