// Reference solution: the systolic ring. Each rank keeps its own bodies and lets the others'
// blocks travel past: p - 1 exchanges of one block (O(n/p) bytes) per step against O(n^2 / p)
// interactions, so it scales as long as blocks stay large. The visiting block lives in one
// buffer of 4 arrays (x, y, z, m) sized for the largest block; a block's true length travels as
// the message's element count. MPI_Sendrecv sends and receives at once: no rank waits for a
// receive its neighbour has not posted (blocking sends round a ring deadlock once messages are
// larger than MPI's eager limit).
#include <algorithm>
#include <cmath>
#include <vector>

#include "lab07/ring.hpp"

namespace hpc::lab07 {
namespace {

// The pull of `count` bodies (4 arrays in `block`) on my bodies; `self` skips the pair i == j.
void add_pull(Positions mine, Accelerations acc, const std::vector<double>& block, std::size_t stride,
              std::size_t count, double eps2, bool self) {
  const double *x = block.data(), *y = x + stride, *z = y + stride, *m = z + stride;
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(mine.size());
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double ax = 0, ay = 0, az = 0;
    for (std::size_t j = 0; j < count; ++j) {
      if (self && static_cast<std::ptrdiff_t>(j) == i) continue;
      const double dx = x[j] - mine.x[i], dy = y[j] - mine.y[i], dz = z[j] - mine.z[i];
      const double r2 = dx * dx + dy * dy + dz * dz + eps2;
      const double s = r2 > 0 ? m[j] / (r2 * std::sqrt(r2)) : 0.0;
      ax += s * dx, ay += s * dy, az += s * dz;
    }
    acc.x[i] += ax, acc.y[i] += ay, acc.z[i] += az;
  }
}

}  // namespace

void ring_accelerations(MPI_Comm comm, Positions mine, std::span<const double> my_masses, double softening,
                        Accelerations my_acc) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  const long my_count = static_cast<long>(mine.size());
  std::vector<long> counts(static_cast<std::size_t>(ranks));
  MPI_Allgather(&my_count, 1, MPI_LONG, counts.data(), 1, MPI_LONG, comm);
  const std::size_t stride = static_cast<std::size_t>(*std::max_element(counts.begin(), counts.end()));

  // The block I hold, as x | y | z | m, each `stride` long; it starts as my own.
  std::vector<double> held(4 * stride), incoming(4 * stride);
  const std::span<const double> mine_arrays[4] = {mine.x, mine.y, mine.z, my_masses};
  for (int a = 0; a < 4; ++a) std::copy(mine_arrays[a].begin(), mine_arrays[a].end(), held.begin() + a * stride);
  std::fill(my_acc.x.begin(), my_acc.x.end(), 0.0);
  std::fill(my_acc.y.begin(), my_acc.y.end(), 0.0);
  std::fill(my_acc.z.begin(), my_acc.z.end(), 0.0);
  const double eps2 = softening * softening;
  add_pull(mine, my_acc, held, stride, static_cast<std::size_t>(my_count), eps2, true);

  const int right = (rank + 1) % ranks, left = (rank - 1 + ranks) % ranks;
  for (int step = 1; step < ranks; ++step) {
    // After `step` exchanges I hold the block of rank - step.
    const std::size_t count = static_cast<std::size_t>(counts[static_cast<std::size_t>((rank - step + ranks) % ranks)]);
    MPI_Sendrecv(held.data(), static_cast<int>(held.size()), MPI_DOUBLE, right, step, incoming.data(),
                 static_cast<int>(incoming.size()), MPI_DOUBLE, left, step, comm, MPI_STATUS_IGNORE);
    held.swap(incoming);
    add_pull(mine, my_acc, held, stride, count, eps2, false);
  }
}

}  // namespace hpc::lab07
