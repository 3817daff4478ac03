#include <cmath>
#include <limits>
#include <vector>

#include "hpc/data.hpp"
#include "lab05/matmul.hpp"
#include "lab05_testing.hpp"

namespace {

using namespace hpc::lab05;
using Matmul = lab05_testing::CudaTest;

using Kernel = void (*)(const float*, const float*, float*, int);

// |C - AB| <= 3 eps n (|A||B|) element by element: the bound any order of summation meets.
void expect_product(Kernel kernel, int n) {
  const auto count = static_cast<std::size_t>(n) * n;
  const auto a = hpc::random_floats(count, hpc::test_seed() + n),
             b = hpc::random_floats(count, hpc::test_seed() + 7 * n);
  DeviceBuffer<float> da(a), db(b), dc(count);
  kernel(da.data(), db.data(), dc.data(), n);
  const auto c = dc.download();
  const double eps = std::numeric_limits<float>::epsilon();
  int wrong = 0;
  for (int i = 0; i < n && wrong < 5; ++i) {
    for (int j = 0; j < n; ++j) {
      double exact = 0, magnitude = 0;
      for (int k = 0; k < n; ++k) {
        exact += static_cast<double>(a[i * n + k]) * b[k * n + j];
        magnitude += std::abs(static_cast<double>(a[i * n + k]) * b[k * n + j]);
      }
      if (std::abs(c[i * n + j] - exact) > 3 * eps * n * magnitude + 1e-30) {
        ADD_FAILURE() << "n = " << n << ": C[" << i << "][" << j << "] = " << c[i * n + j] << ", expected " << exact;
        ++wrong;
      }
    }
  }
}

TEST_F(Matmul, NaiveKernelIsCorrect) {
  for (const int n : {1, 2, 17, 64, 129, 300}) expect_product(matmul_naive, n);
}

TEST_F(Matmul, TiledKernelIsCorrectAtTileEdges) {
  // Sizes below, at and just past the tile and slice sizes, and not multiples of anything.
  for (const int n : {1, 7, 8, 9, 127, 128, 129, 255, 300}) expect_product(matmul_tiled, n);
}

}  // namespace
