#include "hpc/todo.hpp"
#include "lab06/int8_inference.hpp"
#include "lab06/mlp_model.hpp"

namespace hpc::lab06 {

// TODO(student): part 2, int8 inference. Read the scheme and every rule in
// include/lab06/int8_inference.hpp first.

// TODO(student): gemmlowp's multiplier exactly as the header spells it (std::frexp, std::llround),
// and requantize(): saturating rounding doubling high multiply, then the rounding shift with ties
// away from zero, then + zero_point clamped to [0, 255]. test_int8_inference (Requantize.*)
// compares every output with the reference bit for bit, on accumulators from INT32_MIN to
// INT32_MAX and on exact ties.
QuantizedMultiplier quantize_multiplier(double real_multiplier) { hpc::todo("quantize_multiplier"); }

void requantize(std::span<const std::int32_t> accumulators, QuantizedMultiplier multiplier, std::int32_t zero_point,
                std::span<std::uint8_t> out) {
  hpc::todo("requantize");
}

// TODO(student): quantize make_mlp(model_seed): per-channel int8 weights, the activations' uint8
// ranges from the fp32 model run on the calibration requests, int32 biases. Keep the engine in a
// global (one per process); loading forgets the cache and zeroes its counters. Graded by
// Int8Engine.*: top-1 agreement with the fp32 model >= 99% and the logit error bound.
void int8_load_model(std::uint64_t model_seed, std::span<const float> calibration, bool dot_product_instructions) {
  hpc::todo("int8_load_model");
}

// TODO(student): true only when the loaded engine really runs vpdpbusd (__builtin_cpu_supports).
bool int8_uses_dot_product_instructions() { hpc::todo("int8_uses_dot_product_instructions"); }

// TODO(student): batches of up to max_batch requests through an int8 matrix product per layer:
// first portable C++ (int32 sums of uint8 x int8 products), then _mm512_dpbusd_epi32 in a function
// marked __attribute__((target("avx512f,avx512bw,avx512vnni"))) so that it compiles for any
// -march. Look each request's bytes up in the cache first (Int8Cache.*: exact hit counts, a repeat
// inside one batch is a hit too). perf_int8_inference times it against the fp32 version.
std::vector<int> int8_classify(std::span<const float> requests, std::size_t max_batch) { hpc::todo("int8_classify"); }

// TODO(student): the same batches without the cache, the last layer's int32 sums times their scale.
std::vector<float> int8_logits(std::span<const float> requests, std::size_t max_batch) { hpc::todo("int8_logits"); }

// TODO(student): the counters since the last int8_load_model.
Int8CacheStats int8_cache_stats() { hpc::todo("int8_cache_stats"); }

}  // namespace hpc::lab06
