// Helpers for the lab's MPI tests and benchmarks. Every rank runs every test; a check that decides whether to go
// on into a collective call must be agreed by all ranks (on_every_rank), or one rank would stop
// and leave the others waiting in the collective until the grader's timeout.
#pragma once

#include <mpi.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "lab04/comm.hpp"

namespace lab04_testing {

inline int world_rank() { return hpc::lab04::rank_of(MPI_COMM_WORLD); }
inline int world_size() { return hpc::lab04::size_of(MPI_COMM_WORLD); }

// True on every rank if `ok` is true on every rank.
inline bool on_every_rank(bool ok, MPI_Comm comm = MPI_COMM_WORLD) {
  int all = ok ? 1 : 0;
  MPI_Allreduce(MPI_IN_PLACE, &all, 1, MPI_INT, MPI_LAND, comm);
  return all == 1;
}

// A file in the working directory that every rank knows by the same name; rank 0 removes it.
class SharedFile {
 public:
  explicit SharedFile(const std::string& tag) {
    char name[128];
    long id = world_rank() == 0 ? static_cast<long>(::getpid()) : 0;
    MPI_Bcast(&id, 1, MPI_LONG, 0, MPI_COMM_WORLD);
    std::snprintf(name, sizeof name, "lab04-%ld-%s.csv", id, tag.c_str());
    path_ = name;
  }
  ~SharedFile() {
    MPI_Barrier(MPI_COMM_WORLD);
    if (world_rank() == 0) std::remove(path_.c_str());
  }
  SharedFile(const SharedFile&) = delete;
  SharedFile& operator=(const SharedFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace lab04_testing
