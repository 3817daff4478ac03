// Part 2, int8 inference: gemmlowp's quantization, a batched int8 matrix product on the CPU's
// dot-product instructions (AVX-512 VNNI) or portable C++, and a cache of repeated inputs.
#include "lab06/int8_inference.hpp"

#include <immintrin.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lab06/mlp_model.hpp"

namespace hpc::lab06 {
namespace {

// ---- gemmlowp's fixed-point arithmetic ----

std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const std::int64_t product = static_cast<std::int64_t>(a) * b;
  const std::int64_t nudge = product >= 0 ? (std::int64_t{1} << 30) : (1 - (std::int64_t{1} << 30));
  return static_cast<std::int32_t>((product + nudge) / (std::int64_t{1} << 31));  // truncates toward 0
}

// x / 2^exponent, ties away from zero: a plain (x + half) >> exponent would round -2.5 to -2.
std::int32_t rounding_divide_by_pot(std::int32_t x, int exponent) {
  const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << exponent) - 1);
  const std::int32_t remainder = x & mask;
  const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

std::uint8_t requantize_one(std::int32_t accumulator, QuantizedMultiplier m, std::int32_t zero_point) {
  const std::int64_t x = std::int64_t{rounding_divide_by_pot(
                             saturating_rounding_doubling_high_mul(accumulator, m.multiplier), m.right_shift)} +
                         zero_point;
  return static_cast<std::uint8_t>(std::clamp<std::int64_t>(x, 0, 255));
}

// The same arithmetic for a row of channels, with each branch turned into arithmetic so that the
// compiler vectorizes it (16 channels per instruction): done one channel at a time with branches,
// requantization took 4 times as long as the int8 matrix product itself. Multipliers are never
// negative here, so the one saturating case (INT32_MIN * INT32_MIN) cannot occur.
void requantize_row(const std::int32_t* acc, const std::int32_t* multiplier, const std::int32_t* right_shift,
                    std::size_t n, std::int32_t zero_point, std::uint8_t* out) {
  for (std::size_t o = 0; o < n; ++o) {
    const std::int64_t product = std::int64_t{acc[o]} * multiplier[o];
    const std::int64_t nudged = product + (product >= 0 ? (std::int64_t{1} << 30) : 1 - (std::int64_t{1} << 30));
    const auto high = static_cast<std::int32_t>((nudged + ((nudged >> 63) & 0x7fffffff)) >> 31);  // truncated
    const std::int32_t mask = (1 << right_shift[o]) - 1;
    const std::int32_t threshold = (mask >> 1) + (high < 0 ? 1 : 0);
    const std::int32_t x = (high >> right_shift[o]) + ((high & mask) > threshold ? 1 : 0) + zero_point;
    out[o] = static_cast<std::uint8_t>(std::clamp(x, zero_point, 255));  // ReLU: the clamp at zero_point
  }
}

// ---- the quantized model ----

constexpr std::size_t kRowBlock = 4;       // requests per micro-kernel step (4 x 4 accumulators)
constexpr std::size_t kChannelBlock = 64;  // output channels per step: 4 vectors of 16 int32

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

struct ActivationScale {
  float scale = 1.0f;
  std::int32_t zero_point = 0;
};

// Range [lo, hi] widened to hold 0, as uint8 (header: scale = (hi - lo) / 255).
ActivationScale activation_scale(float lo, float hi) {
  lo = std::min(lo, 0.0f), hi = std::max(hi, 0.0f);
  if (hi - lo <= 0.0f) return {};
  const float scale = (hi - lo) / 255.0f;
  return {scale, static_cast<std::int32_t>(std::clamp(std::lround(-lo / scale), 0L, 255L))};
}

struct Int8Layer {
  std::size_t inputs = 0, outputs = 0;
  std::size_t depth = 0;                  // inputs rounded up to 4: vpdpbusd sums 4 bytes at a time
  std::size_t channels = 0;               // outputs rounded up to kChannelBlock (the padding's weights are 0)
  std::vector<std::int8_t> weights;       // channels x depth, row-major (the portable kernel)
  std::vector<std::int8_t> packed;        // the same, laid out for vpdpbusd (pack_for_vnni)
  std::vector<std::int32_t> bias;         // per channel, with -zp_x * sum_i w[o][i] folded in
  std::vector<std::int32_t> multiplier;   // hidden layers: scale_x * scale_w[o] / scale_y as
  std::vector<std::int32_t> right_shift;  // quantize_multiplier gives it, one array per field
  std::vector<float> dequantize;          // last layer: scale_x * scale_w[o]
  ActivationScale out;                    // hidden layers: the next layer's input scale
};

// For each block of 64 channels and each group of 4 inputs: 256 bytes, 16 bytes per channel of
// the 4 vectors (channel c of vector v: bytes w[block + 16 v + c][4 g .. 4 g + 3]), so that one
// vpdpbusd adds 4 products into each of 16 channels.
std::vector<std::int8_t> pack_for_vnni(const Int8Layer& layer) {
  std::vector<std::int8_t> packed(layer.channels * layer.depth);
  std::size_t at = 0;
  for (std::size_t block = 0; block < layer.channels; block += kChannelBlock)
    for (std::size_t g = 0; g < layer.depth; g += 4)
      for (std::size_t c = 0; c < kChannelBlock; ++c)
        for (std::size_t t = 0; t < 4; ++t) packed[at++] = layer.weights[(block + c) * layer.depth + g + t];
  return packed;
}

// The fp32 layer as the calibration runs it (ReLU on hidden layers). 16 partial sums, which the
// compiler keeps in a vector register: calibrating on 512 requests then takes milliseconds.
std::vector<float> fp32_layer(const DenseLayer& layer, const std::vector<float>& x, bool relu) {
  std::vector<float> y(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    const float* w = &layer.weights[o * layer.inputs];
    float part[16] = {};
    std::size_t i = 0;
    for (; i + 16 <= layer.inputs; i += 16)
      for (std::size_t j = 0; j < 16; ++j) part[j] += w[i + j] * x[i + j];
    float sum = layer.bias[o];
    for (; i < layer.inputs; ++i) sum += w[i] * x[i];
    for (const float p : part) sum += p;
    y[o] = relu ? std::max(sum, 0.0f) : sum;
  }
  return y;
}

Int8Layer quantize_layer(const DenseLayer& fp32, ActivationScale in, ActivationScale out, bool last) {
  Int8Layer layer;
  layer.inputs = fp32.inputs, layer.outputs = fp32.outputs, layer.out = out;
  layer.depth = round_up(fp32.inputs, 4), layer.channels = round_up(fp32.outputs, kChannelBlock);
  layer.weights.assign(layer.channels * layer.depth, 0);
  layer.bias.assign(layer.channels, 0);
  layer.multiplier.assign(layer.channels, 0);
  layer.right_shift.assign(layer.channels, 0);
  layer.dequantize.assign(layer.channels, 0.0f);
  for (std::size_t o = 0; o < fp32.outputs; ++o) {
    const float* w = &fp32.weights[o * fp32.inputs];
    float largest = 0.0f;
    for (std::size_t i = 0; i < fp32.inputs; ++i) largest = std::max(largest, std::abs(w[i]));
    const float scale_w = largest > 0.0f ? largest / 127.0f : 1.0f;
    std::int64_t row_sum = 0;
    for (std::size_t i = 0; i < fp32.inputs; ++i) {
      const long q = std::clamp(std::lround(w[i] / scale_w), -127L, 127L);
      layer.weights[o * layer.depth + i] = static_cast<std::int8_t>(q);
      row_sum += q;
    }
    const double accumulator_scale = double{in.scale} * scale_w;
    layer.bias[o] = static_cast<std::int32_t>(std::llround(fp32.bias[o] / accumulator_scale) - in.zero_point * row_sum);
    if (last)
      layer.dequantize[o] = static_cast<float>(accumulator_scale);
    else
      layer.multiplier[o] = quantize_multiplier(accumulator_scale / out.scale).multiplier,
      layer.right_shift[o] = quantize_multiplier(accumulator_scale / out.scale).right_shift;
  }
  layer.packed = pack_for_vnni(layer);
  return layer;
}

// ---- the int8 matrix products: acc[r][o] = bias[o] + sum_i x[r][i] * w[o][i] ----
// x: rows x depth uint8 (rows a multiple of kRowBlock), acc: rows x channels int32.

void matmul_portable(const Int8Layer& layer, const std::uint8_t* x, std::size_t rows, std::int32_t* acc) {
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t o = 0; o < layer.channels; ++o) {
      const std::int8_t* w = &layer.weights[o * layer.depth];
      std::int32_t sum = layer.bias[o];
      for (std::size_t i = 0; i < layer.depth; ++i) sum += std::int32_t{x[r * layer.depth + i]} * std::int32_t{w[i]};
      acc[r * layer.channels + o] = sum;
    }
}

// Compiled for AVX-512 VNNI whatever -march says, called only where the CPU has it. The trick:
// vpdpbusd multiplies 64 uint8 activations by 64 int8 weights and adds each 4 products into one of
// 16 int32 lanes, one instruction for what fp32 needs 4 FMAs (and 4 times the bytes) for. A block
// of 4 requests x 64 channels keeps 16 accumulators in registers; each weight vector loaded is
// used for 4 requests, each broadcast activation for 4 vectors.
__attribute__((target("avx512f,avx512bw,avx512vnni"))) void matmul_vnni(const Int8Layer& layer, const std::uint8_t* x,
                                                                        std::size_t rows, std::int32_t* acc) {
  const std::size_t depth = layer.depth;
  for (std::size_t block = 0; block < layer.channels; block += kChannelBlock) {
    const std::int8_t* w = &layer.packed[block * depth];
    for (std::size_t r = 0; r < rows; r += kRowBlock) {
      __m512i sum[kRowBlock][4];
      for (std::size_t v = 0; v < 4; ++v) {
        const __m512i bias = _mm512_loadu_si512(&layer.bias[block + 16 * v]);
        for (std::size_t i = 0; i < kRowBlock; ++i) sum[i][v] = bias;
      }
      for (std::size_t g = 0; g < depth; g += 4) {
        const std::int8_t* wg = w + g * kChannelBlock;
        __m512i w0 = _mm512_loadu_si512(wg), w1 = _mm512_loadu_si512(wg + 64);
        __m512i w2 = _mm512_loadu_si512(wg + 128), w3 = _mm512_loadu_si512(wg + 192);
        // Keep the 4 weight vectors in registers: left alone, the compiler folds each load into
        // every vpdpbusd that uses it, 16 loads of 64 bytes instead of 4, and the loads, not the
        // multiplications, set the pace.
        asm("" : "+v"(w0), "+v"(w1), "+v"(w2), "+v"(w3));
        for (std::size_t i = 0; i < kRowBlock; ++i) {
          std::int32_t four;  // x[r + i][g .. g + 3], the same 4 bytes in every lane
          std::memcpy(&four, &x[(r + i) * depth + g], 4);
          const __m512i a = _mm512_set1_epi32(four);
          sum[i][0] = _mm512_dpbusd_epi32(sum[i][0], a, w0);
          sum[i][1] = _mm512_dpbusd_epi32(sum[i][1], a, w1);
          sum[i][2] = _mm512_dpbusd_epi32(sum[i][2], a, w2);
          sum[i][3] = _mm512_dpbusd_epi32(sum[i][3], a, w3);
        }
      }
      for (std::size_t i = 0; i < kRowBlock; ++i)
        for (std::size_t v = 0; v < 4; ++v)
          _mm512_storeu_si512(&acc[(r + i) * layer.channels + block + 16 * v], sum[i][v]);
    }
  }
}

bool cpu_has_vnni() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vnni");
}

// ---- the engine ----

// Cache keys are the request's bytes; lookups take a view of the request, no copy. The hash reads
// them as 8-byte words in 4 independent lanes (multiply and xor-shift), about 40 ns for a 1 KiB
// request: std::hash's byte-serial loop took longer than the inference that a hit saves.
struct BytesHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view bytes) const {
    std::uint64_t lane[4] = {1, 2, 3, 4};
    const std::size_t words = bytes.size() / 8;
    for (std::size_t w = 0; w < words; ++w) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + 8 * w, 8);
      lane[w % 4] = (lane[w % 4] ^ word) * 0x9E3779B97F4A7C15ull;
      lane[w % 4] ^= lane[w % 4] >> 29;
    }
    std::uint64_t h = bytes.size();
    for (std::size_t i = 8 * words; i < bytes.size(); ++i)
      h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
    for (const std::uint64_t l : lane) h = (h ^ l) * 0xBF58476D1CE4E5B9ull, h ^= h >> 31;
    return static_cast<std::size_t>(h);
  }
};

struct Engine {
  ActivationScale input;
  std::vector<Int8Layer> layers;
  bool vnni = false;
  std::unordered_map<std::string, int, BytesHash, std::equal_to<>> cache;
  Int8CacheStats stats;
  std::vector<std::uint8_t> x, y;  // a batch's activations, layer after layer
  std::vector<std::int32_t> acc;

  // The logits of `count` requests (rows of kMlpInputs floats, `row(b)` the b-th) into `logits`.
  template <class Row>
  void run_batch(std::size_t count, Row row, float* logits) {
    const std::size_t rows = round_up(count, kRowBlock);
    const Int8Layer& first = layers.front();
    x.assign(rows * first.depth, static_cast<std::uint8_t>(input.zero_point));
    const float inverse = 1.0f / input.scale;
    for (std::size_t b = 0; b < count; ++b) {
      const float* request = row(b);
      for (std::size_t i = 0; i < first.inputs; ++i)
        x[b * first.depth + i] = static_cast<std::uint8_t>(
            std::clamp(std::nearbyint(request[i] * inverse) + static_cast<float>(input.zero_point), 0.0f, 255.0f));
    }
    for (std::size_t l = 0; l < layers.size(); ++l) {
      const Int8Layer& layer = layers[l];
      acc.resize(rows * layer.channels);
      (vnni ? matmul_vnni : matmul_portable)(layer, x.data(), rows, acc.data());
      if (l + 1 == layers.size()) {
        for (std::size_t b = 0; b < count; ++b)
          for (std::size_t o = 0; o < layer.outputs; ++o)
            logits[b * layer.outputs + o] = static_cast<float>(acc[b * layer.channels + o]) * layer.dequantize[o];
        return;
      }
      const std::size_t next_depth = layers[l + 1].depth;
      y.assign(rows * next_depth, static_cast<std::uint8_t>(layer.out.zero_point));
      for (std::size_t b = 0; b < count; ++b)
        requantize_row(&acc[b * layer.channels], layer.multiplier.data(), layer.right_shift.data(), layer.outputs,
                       layer.out.zero_point, &y[b * next_depth]);
      x.swap(y);
    }
  }
};

std::unique_ptr<Engine> engine;

Engine& loaded_engine() {
  if (!engine) throw std::logic_error("int8 engine: no model loaded (int8_load_model)");
  return *engine;
}

std::size_t request_count(std::span<const float> requests, std::size_t max_batch) {
  if (requests.size() % kMlpInputs != 0) throw std::invalid_argument("requests: not a whole number of rows");
  if (max_batch == 0) throw std::invalid_argument("max_batch must be at least 1");
  return requests.size() / kMlpInputs;
}

}  // namespace

QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  if (!(real_multiplier > 0.0 && real_multiplier < 1.0))
    throw std::invalid_argument("quantize_multiplier: the multiplier must lie in (0, 1)");
  int exponent = 0;
  const double q = std::frexp(real_multiplier, &exponent);
  std::int64_t fixed = std::llround(q * 2147483648.0);
  if (fixed == (std::int64_t{1} << 31)) fixed /= 2, ++exponent;
  if (exponent > 0) return {INT32_MAX, 0};
  if (-exponent > 31) return {0, 0};
  return {static_cast<std::int32_t>(fixed), -exponent};
}

void requantize(std::span<const std::int32_t> accumulators, QuantizedMultiplier multiplier, std::int32_t zero_point,
                std::span<std::uint8_t> out) {
  if (accumulators.size() != out.size()) throw std::invalid_argument("requantize: sizes differ");
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = requantize_one(accumulators[k], multiplier, zero_point);
}

void int8_load_model(std::uint64_t model_seed, std::span<const float> calibration, bool dot_product_instructions) {
  const Mlp model = make_mlp(model_seed);
  if (calibration.empty() || calibration.size() % kMlpInputs != 0)
    throw std::invalid_argument("int8_load_model: calibration must be whole requests, at least one");
  // Calibration: each layer's input range over the calibration requests, in fp32.
  const std::size_t count = calibration.size() / kMlpInputs;
  std::vector<float> lo(model.layers.size(), 0.0f), hi(model.layers.size(), 0.0f);
  for (std::size_t r = 0; r < count; ++r) {
    std::vector<float> x(calibration.begin() + static_cast<std::ptrdiff_t>(r * kMlpInputs),
                         calibration.begin() + static_cast<std::ptrdiff_t>((r + 1) * kMlpInputs));
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
      const auto [min, max] = std::minmax_element(x.begin(), x.end());
      lo[l] = std::min(lo[l], *min), hi[l] = std::max(hi[l], *max);
      if (l + 1 < model.layers.size()) x = fp32_layer(model.layers[l], x, true);
    }
  }
  auto fresh = std::make_unique<Engine>();
  fresh->input = activation_scale(lo[0], hi[0]);
  ActivationScale in = fresh->input;
  for (std::size_t l = 0; l < model.layers.size(); ++l) {
    const bool last = l + 1 == model.layers.size();
    const ActivationScale out = last ? ActivationScale{} : activation_scale(lo[l + 1], hi[l + 1]);
    fresh->layers.push_back(quantize_layer(model.layers[l], in, out, last));
    in = out;
  }
  fresh->vnni = dot_product_instructions && cpu_has_vnni();
  engine = std::move(fresh);  // a new model: an empty cache, counters at zero
}

bool int8_uses_dot_product_instructions() { return engine && engine->vnni; }

std::vector<int> int8_classify(std::span<const float> requests, std::size_t max_batch) {
  Engine& e = loaded_engine();
  const std::size_t count = request_count(requests, max_batch);
  const auto bytes_of = [&](std::size_t r) {
    return std::string_view(reinterpret_cast<const char*>(&requests[r * kMlpInputs]), kMlpInputs * sizeof(float));
  };
  std::vector<int> classes(count, -1);
  std::vector<std::size_t> batch;                                         // the requests to compute, at most max_batch
  std::unordered_map<std::string_view, std::size_t, BytesHash> in_batch;  // their bytes: a repeat waits for them
  std::vector<std::pair<std::size_t, std::size_t>> repeats;               // (request, the earlier one it repeats)
  std::vector<float> logits;
  const auto flush = [&] {
    logits.resize(batch.size() * kMlpClasses);
    e.run_batch(
        batch.size(), [&](std::size_t b) { return &requests[batch[b] * kMlpInputs]; }, logits.data());
    for (std::size_t b = 0; b < batch.size(); ++b) {
      classes[batch[b]] = top1(std::span<const float>(&logits[b * kMlpClasses], kMlpClasses));
      if (e.cache.size() >= kInt8CacheCapacity) e.cache.clear();  // bounded memory: start over
      e.cache.emplace(std::string(bytes_of(batch[b])), classes[batch[b]]);
    }
    batch.clear(), in_batch.clear();
  };
  for (std::size_t r = 0; r < count; ++r) {
    const std::string_view key = bytes_of(r);
    if (const auto hit = e.cache.find(key); hit != e.cache.end()) {
      classes[r] = hit->second, ++e.stats.hits;
    } else if (const auto waiting = in_batch.find(key); waiting != in_batch.end()) {
      repeats.emplace_back(r, waiting->second), ++e.stats.hits;
    } else {
      in_batch.emplace(key, r), batch.push_back(r), ++e.stats.misses;
      if (batch.size() == max_batch) flush();
    }
  }
  if (!batch.empty()) flush();
  for (const auto& [r, earlier] : repeats) classes[r] = classes[earlier];
  return classes;
}

std::vector<float> int8_logits(std::span<const float> requests, std::size_t max_batch) {
  Engine& e = loaded_engine();
  const std::size_t count = request_count(requests, max_batch);
  std::vector<float> logits(count * kMlpClasses);
  for (std::size_t first = 0; first < count; first += max_batch) {
    const std::size_t n = std::min(max_batch, count - first);
    e.run_batch(
        n, [&](std::size_t b) { return &requests[(first + b) * kMlpInputs]; }, &logits[first * kMlpClasses]);
  }
  return logits;
}

Int8CacheStats int8_cache_stats() { return engine ? engine->stats : Int8CacheStats{}; }

}  // namespace hpc::lab06
