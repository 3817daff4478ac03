// Exercise 8 — AoS -> SoA and downcasting. Graded by test_memory_layout (exact round trip, the
// narrowest types, the bytes saved).
#include "hpc/todo.hpp"
#include "lab01/memory_layout.hpp"

namespace hpc::lab01 {

IntColumn narrowest_int_column(std::span<const std::int64_t> values) {
  // TODO(student): find min and max, then return a std::vector of the first of int8_t, int16_t,
  // int32_t, int64_t whose range holds both (std::numeric_limits). Empty input: int8_t.
  hpc::todo("narrowest_int_column");
}

RealColumn narrowest_real_column(std::span<const double> values) {
  // TODO(student): a std::vector<float> when every value survives double -> float -> double
  // unchanged (NaN may stay NaN), otherwise a std::vector<double>.
  hpc::todo("narrowest_real_column");
}

CompactRecords compact(std::span<const Record> records) {
  // TODO(student): copy each field into its own column (struct of arrays), then narrow every
  // column with the two functions above.
  hpc::todo("compact");
}

}  // namespace hpc::lab01
