// Part 2, int8 inference: requantization bit for bit against gemmlowp's reference
// (baseline/requantize.cpp), the engine's classes and logits against the fp32 model
// (baseline/fp32_inference.cpp), and the cache's exact counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab06/int8_inference.hpp"
#include "lab06/mlp_model.hpp"

namespace {

using namespace hpc::lab06;

// The stated bounds on the logit error, relative to the request's largest |fp32 logit|: the
// largest error of a request's 10 logits at most kWorstLogitError for every request, and on
// average over the requests at most kMeanLogitError (the reference: 0.014-0.026 and 0.0043-0.0049).
constexpr double kWorstLogitError = 0.06, kMeanLogitError = 0.01;
// Top-1 agreement: the int8 model's class equals the fp32 model's on at least this share of the
// generated requests (the model's head is fitted to the requests' classes, as a trained model's
// is: most requests have a clear class, a few are near ties).
constexpr double kTop1Agreement = 0.99;

double largest_magnitude(const std::vector<float>& logits) {
  double largest = 0;
  for (const float l : logits) largest = std::max(largest, std::abs(double{l}));
  return largest;
}

// How far the best fp32 logit is ahead of the second, over the largest |logit|.
double relative_margin(const std::vector<float>& logits) {
  std::vector<float> sorted = logits;
  std::sort(sorted.begin(), sorted.end());
  return (sorted[sorted.size() - 1] - sorted[sorted.size() - 2]) / largest_magnitude(logits);
}

std::vector<std::uint8_t> reference_requantize(const std::vector<std::int32_t>& acc, QuantizedMultiplier m,
                                               std::int32_t zero_point) {
  std::vector<std::uint8_t> out(acc.size());
  for (std::size_t k = 0; k < acc.size(); ++k) out[k] = baseline::requantize(acc[k], m, zero_point);
  return out;
}

void expect_requantize_matches(const std::vector<std::int32_t>& acc, QuantizedMultiplier m, std::int32_t zero_point) {
  std::vector<std::uint8_t> mine(acc.size(), 7);
  requantize(acc, m, zero_point, mine);
  const auto want = reference_requantize(acc, m, zero_point);
  for (std::size_t k = 0; k < acc.size(); ++k)
    ASSERT_EQ(int{mine[k]}, int{want[k]}) << "requantize(" << acc[k] << ", multiplier " << m.multiplier
                                          << ", right_shift " << m.right_shift << ", zero_point " << zero_point << ")";
}

TEST(Requantize, MultiplierEqualsTheReference) {
  std::vector<double> reals = {0.5,
                               0.25,
                               0.75,
                               0.999999,
                               1.0 - 1e-12,
                               std::nextafter(1.0, 0.0),
                               1e-3,
                               0x1p-31,
                               0x1p-32,
                               0x1.fffffffp-33,
                               0x1p-40,
                               0.3333333333333333,
                               0x1.ffffffffp-2};
  for (const double u : hpc::random_doubles(2000, hpc::test_seed(), -38.0, 0.0)) reals.push_back(std::exp2(u));
  for (const double real : reals) {
    const QuantizedMultiplier mine = quantize_multiplier(real), want = baseline::quantize_multiplier(real);
    ASSERT_EQ(mine.multiplier, want.multiplier) << "quantize_multiplier(" << real << ")";
    ASSERT_EQ(mine.right_shift, want.right_shift) << "quantize_multiplier(" << real << ")";
  }
}

TEST(Requantize, MultiplierRefusesValuesOutsideZeroToOne) {
  for (const double real : {0.0, 1.0, -0.5, 2.0, std::nan("")})
    EXPECT_THROW(quantize_multiplier(real), std::invalid_argument) << real;
}

TEST(Requantize, BitForBitOnRandomAccumulators) {
  const auto wide = hpc::random_ints(20000, hpc::test_seed(), INT32_MIN, INT32_MAX);
  const auto narrow = hpc::random_ints(20000, hpc::test_seed() + 1, -(1 << 20), 1 << 20);
  std::vector<std::int32_t> acc(wide.begin(), wide.end());
  acc.insert(acc.end(), narrow.begin(), narrow.end());
  for (const double real : {0.9, 0.5, 0.0123, 3.7e-4, 1.1e-6, 2.2e-9})
    for (const std::int32_t zero_point : {0, 1, 128, 255}) {
      expect_requantize_matches(acc, baseline::quantize_multiplier(real), zero_point);
      if (HasFatalFailure()) return;
    }
}

// Every accumulator in [-4096, 4096] with shifts 1..5: thousands of exact ties, negative ones
// included (round half away from zero: -2.5 -> -3, not -2).
TEST(Requantize, TiesRoundAwayFromZero) {
  std::vector<std::int32_t> acc;
  for (std::int32_t a = -4096; a <= 4096; ++a) acc.push_back(a);
  for (int shift = 0; shift <= 5; ++shift)
    for (const std::int32_t multiplier : {1 << 30, (1 << 30) + (1 << 29), INT32_MAX}) {
      expect_requantize_matches(acc, {multiplier, shift}, 128);
      if (HasFatalFailure()) return;
    }
}

TEST(Requantize, ExtremesSaturateWithoutOverflow) {
  const std::vector<std::int32_t> acc = {INT32_MIN, INT32_MIN + 1, -1, 0, 1, INT32_MAX - 1, INT32_MAX};
  for (const QuantizedMultiplier m : {QuantizedMultiplier{INT32_MAX, 0}, QuantizedMultiplier{1 << 30, 0},
                                      QuantizedMultiplier{1 << 30, 31}, QuantizedMultiplier{0, 0}})
    for (const std::int32_t zero_point : {0, 255}) expect_requantize_matches(acc, m, zero_point);
  std::vector<std::uint8_t> out(2);
  const std::vector<std::int32_t> three = {1, 2, 3};
  EXPECT_THROW(requantize(three, {1 << 30, 0}, 0, out), std::invalid_argument) << "sizes differ";
}

// ---- the engine ----

struct Loaded {
  std::uint64_t seed;
  Mlp model;
};

Loaded load(std::uint64_t seed, bool dot_product_instructions = true) {
  int8_load_model(seed, make_requests(seed + 100, 512), dot_product_instructions);
  return {seed, make_mlp(seed)};
}

std::vector<int> classes_of(const std::vector<float>& logits) {
  std::vector<int> classes;
  for (std::size_t r = 0; r * kMlpClasses < logits.size(); ++r)
    classes.push_back(top1(std::span<const float>(&logits[r * kMlpClasses], kMlpClasses)));
  return classes;
}

TEST(Int8Engine, TopOneAgreesWithTheFp32Model) {
  for (const std::uint64_t seed : {hpc::test_seed(), hpc::test_seed() + 7}) {
    const Loaded loaded = load(seed);
    const auto requests = make_requests(seed + 1, 2000);
    const auto got = int8_classify(requests, 64);
    ASSERT_EQ(got.size(), 2000u);
    std::size_t agree = 0, near_ties = 0, near_tie_flips = 0;
    for (std::size_t r = 0; r < got.size(); ++r) {
      const auto want =
          baseline::fp32_logits(loaded.model, std::span<const float>(&requests[r * kMlpInputs], kMlpInputs));
      const bool same = got[r] == top1(want);
      agree += same;
      if (relative_margin(want) < 0.01) near_ties++, near_tie_flips += !same;
    }
    std::cout << "[ INFO     ] model seed " << seed << ": " << agree << " of 2000 classes agree; " << near_ties
              << " near ties (margin < 1%), " << near_tie_flips << " of them flipped\n";
    EXPECT_GE(static_cast<double>(agree), kTop1Agreement * 2000.0)
        << "model seed " << seed << ": " << agree << " of the 2000 requests agree with the fp32 model";
  }
}

TEST(Int8Engine, LogitErrorWithinTheStatedBound) {
  const Loaded loaded = load(hpc::test_seed());
  constexpr std::size_t kCount = 1000;
  const auto requests = make_requests(hpc::test_seed() + 1, kCount);
  const auto logits = int8_logits(requests, 32);
  ASSERT_EQ(logits.size(), kCount * kMlpClasses);
  double total = 0, worst = 0;
  for (std::size_t r = 0; r < kCount; ++r) {
    const auto want =
        baseline::fp32_logits(loaded.model, std::span<const float>(&requests[r * kMlpInputs], kMlpInputs));
    double error = 0;
    for (std::size_t k = 0; k < kMlpClasses; ++k)
      error = std::max(error, std::abs(double{logits[r * kMlpClasses + k]} - want[k]));
    const double relative = error / largest_magnitude(want);
    total += relative;
    worst = std::max(worst, relative);
    ASSERT_LE(relative, kWorstLogitError) << "request " << r << ": a logit off by " << error
                                          << ", the largest |fp32 logit| is " << largest_magnitude(want);
  }
  EXPECT_LE(total / kCount, kMeanLogitError) << "the mean relative logit error";
  RecordProperty("mean_relative_logit_error", std::to_string(total / kCount));
  RecordProperty("worst_relative_logit_error", std::to_string(worst));
}

// Integer arithmetic: the batch size changes the order of nothing, so the logits are the same bits.
TEST(Int8Engine, SameLogitsForEveryBatchSize) {
  load(hpc::test_seed());
  for (const std::size_t count : {1u, 7u, 130u}) {
    const auto requests = make_requests(hpc::test_seed() + count, count);
    const auto one_at_a_time = int8_logits(requests, 1);
    ASSERT_EQ(one_at_a_time.size(), count * kMlpClasses);
    for (const std::size_t batch : {2u, 3u, 4u, 5u, 64u, 1000u}) {
      const auto batched = int8_logits(requests, batch);
      ASSERT_EQ(batched.size(), one_at_a_time.size());
      for (std::size_t k = 0; k < batched.size(); ++k)
        ASSERT_EQ(batched[k], one_at_a_time[k]) << count << " requests, max_batch " << batch << ", logit " << k;
    }
  }
}

TEST(Int8Engine, DotProductInstructionsGiveTheSameLogits) {
  const auto requests = make_requests(hpc::test_seed() + 3, 37);
  load(hpc::test_seed(), false);
  EXPECT_FALSE(int8_uses_dot_product_instructions()) << "asked for the portable version";
  const auto portable = int8_logits(requests, 16);
  load(hpc::test_seed(), true);
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512vnni")) {
    EXPECT_TRUE(int8_uses_dot_product_instructions()) << "this CPU has AVX-512 VNNI";
  }
  const auto fast = int8_logits(requests, 16);
  ASSERT_EQ(fast.size(), portable.size());
  for (std::size_t k = 0; k < fast.size(); ++k) ASSERT_EQ(fast[k], portable[k]) << "logit " << k;
}

TEST(Int8Engine, RefusesBadRequests) {
  load(hpc::test_seed());
  EXPECT_TRUE(int8_classify({}, 8).empty());
  const std::vector<float> ragged(kMlpInputs + 3, 0.5f);
  EXPECT_THROW(int8_classify(ragged, 8), std::invalid_argument) << "not whole requests";
  const std::vector<float> one(kMlpInputs, 0.5f);
  EXPECT_THROW(int8_classify(one, 0), std::invalid_argument) << "max_batch 0";
  EXPECT_THROW(int8_load_model(1, {}, true), std::invalid_argument) << "no calibration requests";
}

// ---- the cache ----

std::size_t distinct_requests(const std::vector<float>& requests) {
  std::set<std::string> seen;
  for (std::size_t r = 0; r * kMlpInputs < requests.size(); ++r)
    seen.emplace(reinterpret_cast<const char*>(&requests[r * kMlpInputs]), kMlpInputs * sizeof(float));
  return seen.size();
}

TEST(Int8Cache, CountsEveryRepeatAsAHit) {
  load(hpc::test_seed());
  const auto stream = make_request_stream(hpc::test_seed() + 5, 3000, 0.3);
  const std::size_t distinct = distinct_requests(stream);
  ASSERT_LT(distinct, 2400u) << "the stream has repeats";
  const auto classes = int8_classify(stream, 64);
  const Int8CacheStats stats = int8_cache_stats();
  EXPECT_EQ(stats.misses, distinct) << "each distinct request computed once";
  EXPECT_EQ(stats.hits, 3000 - distinct) << "every repeat a hit";
  EXPECT_EQ(classes, classes_of(int8_logits(stream, 64))) << "a cached class is the computed one";
}

TEST(Int8Cache, ARepeatInsideOneBatchIsAHit) {
  load(hpc::test_seed());
  const auto two = make_requests(hpc::test_seed() + 9, 2);
  std::vector<float> stream;
  for (const int which : {0, 0, 1, 0, 1})
    stream.insert(stream.end(), two.begin() + which * kMlpInputs, two.begin() + (which + 1) * kMlpInputs);
  const auto classes = int8_classify(stream, 8);
  EXPECT_EQ(int8_cache_stats().hits, 3u);
  EXPECT_EQ(int8_cache_stats().misses, 2u);
  EXPECT_EQ(classes, classes_of(int8_logits(stream, 8)));
}

TEST(Int8Cache, KeysOnEveryByteOfTheRequest) {
  load(hpc::test_seed());
  const auto base = make_requests(hpc::test_seed() + 11, 40);
  // Request r: the first half of request 0, the second half of request r; then the last value of
  // request 0 one ulp up, and one value's sign bit (0.0 and -0.0).
  std::vector<float> stream;
  for (std::size_t r = 0; r < 40; ++r) {
    stream.insert(stream.end(), base.begin(), base.begin() + kMlpInputs / 2);
    stream.insert(stream.end(), base.begin() + r * kMlpInputs + kMlpInputs / 2, base.begin() + (r + 1) * kMlpInputs);
  }
  stream.insert(stream.end(), base.begin(), base.begin() + kMlpInputs);
  stream.back() = std::nextafter(stream.back(), 10.0f);
  std::vector<float> zero(base.begin(), base.begin() + kMlpInputs), minus_zero = zero;
  zero[100] = 0.0f, minus_zero[100] = -0.0f;
  stream.insert(stream.end(), zero.begin(), zero.end());
  stream.insert(stream.end(), minus_zero.begin(), minus_zero.end());
  const auto classes = int8_classify(stream, 16);
  EXPECT_EQ(int8_cache_stats().hits, 0u) << "requests that differ in any byte are different inputs";
  EXPECT_EQ(int8_cache_stats().misses, 43u);
  EXPECT_EQ(classes, classes_of(int8_logits(stream, 16)));
}

TEST(Int8Cache, RemembersAcrossCalls) {
  load(hpc::test_seed());
  const auto requests = make_requests(hpc::test_seed() + 13, 100);
  const auto first = int8_classify(requests, 32);
  const auto again = int8_classify(requests, 7);
  EXPECT_EQ(again, first);
  EXPECT_EQ(int8_cache_stats().misses, 100u);
  EXPECT_EQ(int8_cache_stats().hits, 100u);
}

TEST(Int8Cache, ForgottenWhenTheModelChanges) {
  const auto requests = make_requests(hpc::test_seed() + 15, 300);
  load(hpc::test_seed());
  int8_classify(requests, 64);
  load(hpc::test_seed() + 1000);
  EXPECT_EQ(int8_cache_stats().hits + int8_cache_stats().misses, 0u) << "counters zeroed by int8_load_model";
  const auto classes = int8_classify(requests, 64);
  EXPECT_EQ(int8_cache_stats().misses, 300u) << "a new model: nothing cached";
  EXPECT_EQ(classes, classes_of(int8_logits(requests, 64))) << "classes of the new model";
}

}  // namespace
