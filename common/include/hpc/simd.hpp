// One SIMD register of doubles as a GCC/Clang vector type: portable C++ whose arithmetic
// compiles to the widest vector instructions of the build (8 lanes with AVX-512, 4 with AVX2,
// 2 with SSE). `a * b + c` on two Vecs is one instruction per register; a scalar operand is
// broadcast to every lane. Load and store through these helpers: they make no alignment
// assumption (memcpy of a register's width compiles to one unaligned vector move).
#pragma once

#include <cstddef>
#include <cstring>

namespace hpc::simd {

#if defined(__AVX512F__)
inline constexpr std::size_t kBytes = 64;
#elif defined(__AVX__)
inline constexpr std::size_t kBytes = 32;
#else
inline constexpr std::size_t kBytes = 16;
#endif

inline constexpr std::size_t kLanes = kBytes / sizeof(double);
using Vec = double __attribute__((vector_size(kBytes)));

inline Vec load(const double* from) {
  Vec v;
  std::memcpy(&v, from, sizeof(Vec));
  return v;
}

inline void store(double* to, Vec v) { std::memcpy(to, &v, sizeof(Vec)); }

}  // namespace hpc::simd
