// The direct sum across MPI ranks: the path for systems larger than one machine.
#pragma once

#include <mpi.h>

#include <span>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// Task 5 (src/ring.cpp): every rank owns a block of the bodies (blocks may differ in size by any
// amount, even be empty); compute the accelerations of *my* bodies from *all* bodies, by passing
// blocks round a ring: p - 1 times, send the block you hold to rank + 1, receive one from
// rank - 1, and add its pull on your bodies (your own block's pull first). Same formula as
// direct_accelerations; `my_acc` is overwritten. Checked on 2 and 4 ranks against the
// single-process sum (1e-6 relative per body); blocks of thousands of bodies (messages far past
// MPI's eager limit) must not deadlock.
void ring_accelerations(MPI_Comm comm, Positions mine, std::span<const double> my_masses, double softening,
                        Accelerations my_acc);

}  // namespace hpc::lab07
