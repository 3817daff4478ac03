// Time integration.
#pragma once

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// Task 1 (src/integrator.cpp): `steps` steps of kick-drift-kick leapfrog of length dt, with the
// accelerations of direct_accelerations(..., softening, ...):
//
//   v += a(x) dt/2;   x += v dt;   v += a(x) dt/2
//
// (One evaluation of the accelerations per step: the last kick's are the next step's first.)
// Checked by invariants: a Kepler orbit closes, the figure-eight returns, n steps forward and n
// back with the velocities reversed return to the start, the energy error shrinks as dt^2, and
// momentum is conserved.
void leapfrog(State state, double dt, int steps, double softening);

}  // namespace hpc::lab07
