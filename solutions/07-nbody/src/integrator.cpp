// Reference solution: kick-drift-kick leapfrog. It is symplectic and time-reversible, so its
// energy error stays bounded (it oscillates, of size O(dt^2)) instead of drifting away as Euler's
// does. The accelerations of the last kick are those of the next step's first: one force
// evaluation per step.
#include <vector>

#include "lab07/forces.hpp"
#include "lab07/integrator.hpp"

namespace hpc::lab07 {

void leapfrog(State s, double dt, int steps, double softening) {
  const std::size_t n = s.m.size();
  std::vector<double> ax(n), ay(n), az(n);
  const Positions pos{s.x, s.y, s.z};
  const Accelerations acc{ax, ay, az};
  direct_accelerations(pos, s.m, softening, acc);
  const double half = 0.5 * dt;
  for (int step = 0; step < steps; ++step) {
    for (std::size_t i = 0; i < n; ++i) {
      s.vx[i] += half * ax[i], s.vy[i] += half * ay[i], s.vz[i] += half * az[i];
      s.x[i] += dt * s.vx[i], s.y[i] += dt * s.vy[i], s.z[i] += dt * s.vz[i];
    }
    direct_accelerations(pos, s.m, softening, acc);
    for (std::size_t i = 0; i < n; ++i) {
      s.vx[i] += half * ax[i], s.vy[i] += half * ay[i], s.vz[i] += half * az[i];
    }
  }
}

}  // namespace hpc::lab07
