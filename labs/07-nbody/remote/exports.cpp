// What Lab 07's runner serves (hpc/remote_runner.hpp).
#include "hpc/remote_runner.hpp"
#include "lab07/barnes_hut.hpp"
#include "lab07/cell_list.hpp"
#include "lab07/forces.hpp"
#include "lab07/gpu.hpp"
#include "lab07/integrator.hpp"
#include "lab07_codecs.hpp"

std::vector<hpc::remote::Export> hpc::remote::exports() {
  using namespace hpc::lab07;
  return {
      exported("direct_accelerations", &direct_accelerations),
      exported("leapfrog", &leapfrog),
      exported("tree_accelerations", &tree_accelerations),
      exported("close_pairs", &close_pairs),
#ifdef LAB07_GPU  // built with nvcc: task 6
      exported("cuda_device_available", &cuda_device_available),
      exported("gpu_direct_accelerations", &gpu_direct_accelerations),
#endif
  };
}
