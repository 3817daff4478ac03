// Adversarial submission: valid C++ whose template instantiations double with every level, so
// that the compiler needs more memory and time than any limit. The build limits must end it.
#include "lab01/matmul.hpp"

namespace {
template <int Level, long Path>
struct Bomb {
  static constexpr long value = Bomb<Level - 1, 2 * Path>::value + Bomb<Level - 1, 2 * Path + 1>::value;
};
template <long Path>
struct Bomb<0, Path> {
  static constexpr long value = 1;
};
}  // namespace

namespace hpc::lab01 {
void matmul(std::span<const double>, std::span<const double>, std::span<double> c, std::size_t) {
  c[0] = static_cast<double>(Bomb<26, 0>::value);
}
}  // namespace hpc::lab01
