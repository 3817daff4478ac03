// Part 2, int8 inference, one thread: requests per second of the fp32 version one request at a
// time, of your int8 engine over a sweep of batch sizes (the plot: throughput rising with the
// batch), its portable version, the cache on a stream with repeats, and oneDNN's int8 matmuls on
// the same three layers as the ceiling (u8 x s8 -> s32, requantized to u8 with ReLU, as yours).
#include <benchmark/benchmark.h>
#include <omp.h>

#include <oneapi/dnnl/dnnl.hpp>
#include <unordered_map>
#include <vector>

#include "baseline.hpp"
#include "lab06/int8_inference.hpp"
#include "lab06/mlp_model.hpp"

namespace {

using namespace hpc::lab06;

constexpr std::uint64_t kSeed = 2024;
constexpr std::size_t kRequests = 256;

const std::vector<float>& requests() {
  static const std::vector<float> r = make_requests(kSeed + 1, kRequests);
  return r;
}

void load(bool dot_product_instructions) {
  omp_set_num_threads(1);
  int8_load_model(kSeed, make_requests(kSeed + 100, 512), dot_product_instructions);
}

void BM_Fp32OneAtATime(benchmark::State& state) {
  const Mlp model = make_mlp(kSeed);
  for (auto _ : state) benchmark::DoNotOptimize(baseline::fp32_classify(model, requests()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRequests));
}
BENCHMARK(BM_Fp32OneAtATime)->Unit(benchmark::kMicrosecond);

void int8_batched(benchmark::State& state, bool dot_product_instructions) {
  load(dot_product_instructions);
  const auto batch = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(int8_logits(requests(), batch));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRequests));
  state.SetLabel(int8_uses_dot_product_instructions() ? "vpdpbusd" : "portable");
}
void BM_Int8Batched(benchmark::State& state) { int8_batched(state, true); }
void BM_Int8PortableBatched(benchmark::State& state) { int8_batched(state, false); }
BENCHMARK(BM_Int8Batched)->ArgName("batch")->RangeMultiplier(2)->Range(1, 256)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Int8PortableBatched)->ArgName("batch")->Arg(1)->Arg(64)->Unit(benchmark::kMicrosecond);

// A fresh stream each iteration (never seen before: its repeats are its own), a quarter of it
// repeats of its earlier requests.
void BM_Int8ClassifyWithCache(benchmark::State& state) {
  load(true);
  std::uint64_t seed = kSeed + 5000;
  for (auto _ : state) {
    state.PauseTiming();
    const auto stream = make_request_stream(++seed, kRequests, 0.25);
    state.ResumeTiming();
    benchmark::DoNotOptimize(int8_classify(stream, 64));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRequests));
}
BENCHMARK(BM_Int8ClassifyWithCache)->Unit(benchmark::kMicrosecond);

// ---- the ceiling: oneDNN ----

struct OneDnnLayer {
  dnnl::matmul matmul;
  dnnl::memory weights, output;
};

// One layer of batch x inputs u8 times inputs x outputs s8 (the model's weights, transposed by
// the format tag), with one output scale and ReLU fused on hidden layers.
OneDnnLayer onednn_layer(const dnnl::engine& engine, const DenseLayer& layer, std::size_t batch, bool last) {
  using dt = dnnl::memory::data_type;
  using tag = dnnl::memory::format_tag;
  const auto m = static_cast<dnnl::memory::dim>(batch), k = static_cast<dnnl::memory::dim>(layer.inputs),
             n = static_cast<dnnl::memory::dim>(layer.outputs);
  const dnnl::memory::desc src({m, k}, dt::u8, tag::ab), weights({k, n}, dt::s8, tag::ba),
      dst({m, n}, last ? dt::f32 : dt::u8, tag::ab);
  dnnl::primitive_attr attr;
  attr.set_output_scales(0, {0.01f});
  if (!last) {
    dnnl::post_ops ops;
    ops.append_eltwise(1.0f, dnnl::algorithm::eltwise_relu, 0.0f, 0.0f);
    attr.set_post_ops(ops);
  }
  const dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(src, weights, dst), attr, engine);
  OneDnnLayer out{dnnl::matmul(pd), dnnl::memory(weights, engine), dnnl::memory(dst, engine)};
  auto* w = static_cast<std::int8_t*>(out.weights.get_data_handle());
  for (std::size_t i = 0; i < layer.weights.size(); ++i)
    w[i] = static_cast<std::int8_t>(std::max(-127.0f, std::min(127.0f, layer.weights[i] * 400.0f)));
  return out;
}

void BM_OneDnnInt8Batched(benchmark::State& state) {
  omp_set_num_threads(1);
  const auto batch = static_cast<std::size_t>(state.range(0));
  const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  dnnl::stream stream(engine);
  const Mlp model = make_mlp(kSeed);
  std::vector<OneDnnLayer> layers;
  for (std::size_t l = 0; l < model.layers.size(); ++l)
    layers.push_back(onednn_layer(engine, model.layers[l], batch, l + 1 == model.layers.size()));
  const dnnl::memory::desc input_desc(
      {static_cast<dnnl::memory::dim>(batch), static_cast<dnnl::memory::dim>(kMlpInputs)}, dnnl::memory::data_type::u8,
      dnnl::memory::format_tag::ab);
  dnnl::memory input(input_desc, engine);
  auto* x = static_cast<std::uint8_t*>(input.get_data_handle());
  for (std::size_t i = 0; i < batch * kMlpInputs; ++i) x[i] = static_cast<std::uint8_t>(i * 37 % 251);
  for (auto _ : state) {
    for (std::size_t first = 0; first < kRequests; first += batch) {
      const dnnl::memory* in = &input;
      for (OneDnnLayer& layer : layers) {
        layer.matmul.execute(stream,
                             {{DNNL_ARG_SRC, *in}, {DNNL_ARG_WEIGHTS, layer.weights}, {DNNL_ARG_DST, layer.output}});
        in = &layer.output;
      }
    }
    stream.wait();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRequests));
}
BENCHMARK(BM_OneDnnInt8Batched)->ArgName("batch")->RangeMultiplier(4)->Range(1, 256)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
