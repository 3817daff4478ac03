// gemmlowp's requantization (fixedpoint.h: SaturatingRoundingDoublingHighMul, RoundingDivideByPOT),
// the reference that lab06::requantize must equal bit for bit.
#include <climits>
#include <cmath>
#include <stdexcept>

#include "baseline.hpp"

namespace hpc::lab06::baseline {
namespace {

std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const std::int64_t product = static_cast<std::int64_t>(a) * b;
  const std::int64_t nudge = product >= 0 ? (std::int64_t{1} << 30) : (1 - (std::int64_t{1} << 30));
  return static_cast<std::int32_t>((product + nudge) / (std::int64_t{1} << 31));
}

std::int32_t rounding_divide_by_pot(std::int32_t x, int exponent) {
  const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << exponent) - 1);
  const std::int32_t remainder = x & mask;
  const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

}  // namespace

QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  if (!(real_multiplier > 0.0 && real_multiplier < 1.0))
    throw std::invalid_argument("quantize_multiplier: the multiplier must lie in (0, 1)");
  int exponent = 0;
  const double q = std::frexp(real_multiplier, &exponent);
  std::int64_t fixed = std::llround(q * 2147483648.0);
  if (fixed == (std::int64_t{1} << 31)) {
    fixed /= 2;
    ++exponent;
  }
  if (-exponent < 0) return {INT32_MAX, 0};
  if (-exponent > 31) return {0, 0};
  return {static_cast<std::int32_t>(fixed), -exponent};
}

std::uint8_t requantize(std::int32_t accumulator, QuantizedMultiplier multiplier, std::int32_t zero_point) {
  const std::int32_t scaled = rounding_divide_by_pot(
      saturating_rounding_doubling_high_mul(accumulator, multiplier.multiplier), multiplier.right_shift);
  const std::int64_t shifted = static_cast<std::int64_t>(scaled) + zero_point;
  return static_cast<std::uint8_t>(shifted < 0 ? 0 : shifted > 255 ? 255 : shifted);
}

}  // namespace hpc::lab06::baseline
