# Finds every dependency of the course and, when one is missing, names the Debian package that
# provides it. Required ones stop the configure; optional ones switch a feature off, loudly.

function(hpc_missing what package)
  message(FATAL_ERROR
    "${what} was not found.\n"
    "Install it with:  sudo apt-get install ${package}\n"
    "(or run ./grade, which installs the course's dependencies when it can).")
endfunction()

find_package(GTest CONFIG QUIET)
if(NOT GTest_FOUND)
  find_package(GTest QUIET)
endif()
if(NOT TARGET GTest::gtest_main)
  hpc_missing("GoogleTest" "libgtest-dev")
endif()

if(HPC_BUILD_BENCHMARKS)
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    hpc_missing("Google Benchmark" "libbenchmark-dev")
  endif()
endif()

find_package(OpenMP QUIET COMPONENTS CXX)
if(NOT OpenMP_CXX_FOUND)
  hpc_missing("OpenMP for C++" "libgomp1 (it comes with g++)")
endif()

# The configure step generates each lab's performance-threshold header from its grading.toml.
find_package(Python3 QUIET COMPONENTS Interpreter)
if(NOT Python3_FOUND OR Python3_VERSION VERSION_LESS 3.11)
  hpc_missing("Python >= 3.11 (for tomllib)" "python3")
endif()

# Optional: the matmul benchmark compares against OpenBLAS when it is present.
find_library(HPC_OPENBLAS_LIBRARY NAMES openblas)
find_path(HPC_CBLAS_INCLUDE_DIR NAMES cblas.h PATH_SUFFIXES openblas x86_64-linux-gnu)
if(HPC_OPENBLAS_LIBRARY AND HPC_CBLAS_INCLUDE_DIR)
  set(HPC_HAVE_OPENBLAS ON)
  message(STATUS "OpenBLAS: ${HPC_OPENBLAS_LIBRARY} (benchmark ceiling for matmul)")
else()
  set(HPC_HAVE_OPENBLAS OFF)
  message(STATUS "OpenBLAS not found: the matmul benchmark runs without its ceiling "
                 "(sudo apt-get install libopenblas-dev)")
endif()

# Open MPI for Lab 04. Optional for the build (the other labs do not need it): without it Lab 04 is
# left out, loudly, and the grader reports it "not built". ./grade installs it when it can.
find_package(MPI QUIET COMPONENTS CXX)
find_program(HPC_MPIEXEC NAMES mpirun mpiexec)
if(MPI_CXX_FOUND AND HPC_MPIEXEC)
  set(HPC_HAVE_MPI ON)
  message(STATUS "MPI ${MPI_CXX_VERSION}: launcher ${HPC_MPIEXEC}")
else()
  set(HPC_HAVE_MPI OFF)
  message(WARNING "Open MPI not found: Lab 04 (MPI) is not built. "
                  "Install it with:  sudo apt-get install openmpi-bin libopenmpi-dev")
endif()
