// Part 2, int8 inference (src/int8_inference.cpp): serve the classifier of lab06/mlp_model.hpp
// with 8-bit integer arithmetic, batched requests and a cache of repeated inputs, at least 4 times
// the throughput of the given fp32 version that answers one request at a time.
//
// The quantization scheme (gemmlowp's, as in TensorFlow Lite): a real value r is stored as an
// integer q with r = scale * (q - zero_point).
//   - weights: int8, symmetric, one scale per output channel: scale_w[o] = max_i |w[o][i]| / 127,
//     q = round(w / scale_w[o]) in [-127, 127], zero point 0;
//   - activations: uint8, affine: the range [min, max] seen on the calibration requests (widened
//     to hold 0), scale = (max - min) / 255, zero_point = round(-min / scale) in [0, 255];
//   - a layer accumulates sum_i q_w[o][i] * (q_x[i] - zp_x) in int32 (it never overflows here),
//     plus the bias as int32 at scale scale_x * scale_w[o];
//   - a hidden layer's accumulator goes back to uint8 by requantize() below, with the multiplier
//     scale_x * scale_w[o] / scale_y, and ReLU is the clamp at zp_y; the last layer's accumulator
//     times scale_x * scale_w[o] is a logit (float).
// Only requantize() must equal the reference bit for bit; the rest is graded by how close your
// classes and logits come to the fp32 model's (the targets below).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hpc::lab06 {

// ---- 1. Requantization, bit for bit (test_int8_inference, Requantize.*) ----

// A real multiplier M in (0, 1) as M ~ multiplier * 2^-31 * 2^-right_shift, multiplier in
// [2^30, 2^31 - 1]. Exactly: write M = q * 2^e with q in [0.5, 1) (std::frexp); multiplier =
// llround(q * 2^31); if that is 2^31, multiplier = 2^30 and e = e + 1; right_shift = -e. If then
// right_shift < 0 (M within 2^-32 of 1): multiplier = 2^31 - 1, right_shift = 0. If right_shift > 31
// (M < 2^-32): multiplier = 0, right_shift = 0. Throws std::invalid_argument when M is not in (0, 1).
struct QuantizedMultiplier {
  std::int32_t multiplier = 0;
  int right_shift = 0;
};
QuantizedMultiplier quantize_multiplier(double real_multiplier);

// out[k] = requantize(accumulators[k]), each exactly as gemmlowp computes it:
//   1. x = SaturatingRoundingDoublingHighMul(a, multiplier): INT32_MAX if a == b == INT32_MIN, else
//      with p = (int64) a * b and nudge = (p >= 0 ? 2^30 : 1 - 2^30): (p + nudge) / 2^31, the
//      int64 division truncating toward zero;
//   2. x = RoundingDivideByPOT(x, right_shift): x / 2^right_shift rounded to nearest, ties away
//      from zero: with mask = 2^right_shift - 1, remainder = x & mask, threshold = (mask >> 1) +
//      (x < 0 ? 1 : 0): (x >> right_shift) + (remainder > threshold ? 1 : 0) (>> is arithmetic);
//   3. x + zero_point (without overflow), clamped to [0, 255].
// zero_point is in [0, 255]; accumulators and out have the same size (else std::invalid_argument).
void requantize(std::span<const std::int32_t> accumulators, QuantizedMultiplier multiplier, std::int32_t zero_point,
                std::span<std::uint8_t> out);

// ---- 2. The int8 engine (test_int8_inference, Int8Engine.* and Int8Cache.*) ----
// One engine per process: the functions below share it.

// Builds the int8 model of make_mlp(model_seed): quantized weights, and the activations' ranges
// from the fp32 model run on `calibration` (count x kMlpInputs floats, count >= 1). Forgets every
// cached result (the model changed) and zeroes the cache's counters. With `dot_product_instructions`
// the engine uses the CPU's int8 dot-product instructions where the CPU has them (AVX-512 VNNI's
// vpdpbusd, or AVX-VNNI), chosen at run time (__builtin_cpu_supports); without, the portable C++
// version. Both give the same integers, hence the same logits bit for bit.
void int8_load_model(std::uint64_t model_seed, std::span<const float> calibration, bool dot_product_instructions);

// Whether the loaded engine runs the dot-product instructions (false before a model is loaded).
bool int8_uses_dot_product_instructions();

// The classes (top-1, the first on a tie) of `requests` (count x kMlpInputs floats, in order),
// computed in batches of at most `max_batch` requests (>= 1): a batch multiplies each layer's
// weights with up to max_batch inputs at once, so the weights are read once per batch. A request
// whose bytes equal those of a request seen since the model was loaded (earlier in this call, or
// in an earlier call) is a cache hit: its class comes from the cache, it is not computed again.
// The result does not depend on max_batch. Throws std::logic_error before a model is loaded.
std::vector<int> int8_classify(std::span<const float> requests, std::size_t max_batch);

// The int8 model's logits (count x kMlpClasses floats) of `requests`, in batches of at most
// max_batch, without the cache (no hits, no misses counted). Bit for bit the same for every
// max_batch and with or without the dot-product instructions.
std::vector<float> int8_logits(std::span<const float> requests, std::size_t max_batch);

// The cache of repeated inputs: it holds the results of at least kInt8CacheCapacity distinct
// inputs (keyed by all of their bytes: two requests that differ in any bit are different inputs);
// beyond that it may forget any. hits + misses = requests classified since the model was loaded;
// misses = requests computed.
inline constexpr std::size_t kInt8CacheCapacity = 8192;
struct Int8CacheStats {
  std::uint64_t hits = 0, misses = 0;
};
Int8CacheStats int8_cache_stats();

}  // namespace hpc::lab06
