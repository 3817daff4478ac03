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

# CUDA for Lab 05. Optional: without nvcc the lab is left out and the grader reports it "not built";
# with nvcc but no GPU it builds and its tests are skipped ("no CUDA device").
option(HPC_CUDA "Build the CUDA lab when a CUDA compiler is found" ON)
option(HPC_CUDA_ONE_ARCH "Compile Lab 05 for one GPU architecture (no GPU here: the grader sets it)" OFF)
set(HPC_HAVE_CUDA OFF)
if(HPC_CUDA)
  if(NOT DEFINED CMAKE_CUDA_COMPILER AND NOT DEFINED ENV{CUDACXX} AND EXISTS /usr/local/cuda/bin/nvcc)
    set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)  # the Toolkit's default place, often not on PATH
  endif()
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES AND HPC_CUDA_ONE_ARCH)
      # A machine without a GPU (the grader sets this): the lab must compile, its tests skip.
      set(CMAKE_CUDA_ARCHITECTURES 75-real)
    elseif(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      # Turing (T4, RTX 20), Ampere (A100; RTX 30), Ada (L4, RTX 40), Hopper (H100, H200), Blackwell
      # (B200; RTX 50, with PTX that newer GPUs compile at load time). -DCMAKE_CUDA_ARCHITECTURES=90
      # builds for one GPU only, and faster.
      set(CMAKE_CUDA_ARCHITECTURES 75-real 80-real 86-real 89-real 90-real 100-real 120)
    endif()
    enable_language(CUDA)
    # C++17 in .cu files: CMake 3.25 does not know that nvcc 12+ accepts C++20.
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    find_package(CUDAToolkit REQUIRED)
    set(HPC_HAVE_CUDA ON)
    message(STATUS "CUDA ${CMAKE_CUDA_COMPILER_VERSION}: architectures ${CMAKE_CUDA_ARCHITECTURES}")
  else()
    message(STATUS "No CUDA compiler (nvcc): Lab 05 (CUDA) is not built. Install the CUDA Toolkit "
                   "(it puts nvcc in /usr/local/cuda/bin) to build it.")
  endif()
endif()
