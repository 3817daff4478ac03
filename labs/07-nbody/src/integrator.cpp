#include "hpc/todo.hpp"
#include "lab07/forces.hpp"
#include "lab07/integrator.hpp"

namespace hpc::lab07 {

// TODO(student): task 1 (10 points: test_integrator). Advance the bodies `steps` steps of dt
// with kick-drift-kick leapfrog (lab07/integrator.hpp): compute the accelerations with your
// direct_accelerations into three vectors of your own, then per step kick the velocities half a
// step, drift the positions a whole step, compute the accelerations at the new positions, and
// kick half a step again. Graded by what leapfrog conserves: orbits close, time runs backwards,
// the energy error falls as dt^2, momentum stays put.
void leapfrog(State state, double dt, int steps, double softening) { hpc::todo("leapfrog"); }

}  // namespace hpc::lab07
