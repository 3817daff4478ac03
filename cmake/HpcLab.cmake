# hpc_add_lab(): one call builds a whole lab the same way in the student and the solution tree.
#
#   hpc_add_lab(NAME 01-vectorization ID lab01
#               SOURCES matmul.cpp ...          # file names under src/ (labs/ or solutions/)
#               BASELINE baseline/matmul.cpp ...
#               UNIT_TESTS tests/test_matmul.cpp ...
#               PERF_TESTS tests/perf_matmul.cpp ...
#               RUNTIME_TESTS runtime/runtime_test_gil.cpp ...   # tests of code given to students:
#                                                                 # run by the self-test, not graded
#               BENCHMARKS bench/bench_matmul.cpp ...
#               LIBRARIES OpenMP::OpenMP_CXX
#               MPI_RANKS 2                     # MPI lab: tests run under mpirun -np 2, with the
#                                               # course's MPI test and benchmark main()s
#               MPI_TESTS tests/test_ring.cpp   # a lab that is not an MPI lab: these tests run
#                                               # under mpirun -np 2, the student's code in every
#                                               # rank (in-process, even in a remote lab)
#               REMOTE)                         # the student's code runs in a process of its own
#                                               # (hpc/remote.hpp): remote/proxy.cpp stands in for it
#                                               # in the tests, remote/exports.cpp lists what the
#                                               # lab's `runner` program serves
#
# It creates the library <ID>_impl from the chosen implementation, <ID>_baseline, one executable per
# test/benchmark file (in build/<tree>/bin/<NAME>/, where the grader looks for them), CTest entries
# labelled `unit` / `perf`, a header with the lab's performance thresholds generated from
# grading.toml, and a target <ID> that builds all of it (the grader builds lab by lab, so one lab
# that does not compile costs only that lab's points).

# g++'s flags apply to C++ sources only: nvcc (Lab 05's .cu files) does not take them.
function(hpc_cxx_only out)
  set(flags "")
  foreach(flag IN LISTS ARGN)
    list(APPEND flags "$<$<COMPILE_LANGUAGE:CXX>:${flag}>")
  endforeach()
  set(${out} ${flags} PARENT_SCOPE)
endfunction()

hpc_cxx_only(HPC_PROJECT_WARNINGS -Wall -Wextra -Wpedantic -Werror)
list(APPEND HPC_PROJECT_WARNINGS "$<$<COMPILE_LANGUAGE:CUDA>:--Werror=all-warnings>")
# Students' code gets the warnings but not -Werror: a warning must not cost a whole lab's points.
# Students see real warnings, not the unused parameters of a function they have not written yet.
hpc_cxx_only(HPC_STUDENT_WARNINGS -Wall -Wextra -Wno-unused-parameter)

function(hpc_optimise target)
  # -fno-math-errno: sqrt and friends need not set errno, so they vectorize (nothing here reads errno).
  hpc_cxx_only(flags ${HPC_OPTIMIZE} -fno-math-errno)
  target_compile_options(${target} PRIVATE ${flags} "$<$<COMPILE_LANGUAGE:CUDA>:-O3>")
  if(HPC_NATIVE)
    hpc_cxx_only(native -march=${HPC_MARCH})
    target_compile_options(${target} PRIVATE ${native})
  endif()
endfunction()

# hpc_add_lab_runtime(lab02 runtime/gil.cpp ...): code a lab gives its students (an interpreter,
# a task registry): a library <ID>_runtime with the lab's include/ and project warnings.
# One program of a lab: bin/<lab>/<name>, with the course's warnings and optimisation.
function(hpc_lab_executable target name bin_dir)
  add_executable(${target} ${ARGN})
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "${name}" RUNTIME_OUTPUT_DIRECTORY "${bin_dir}")
  target_compile_options(${target} PRIVATE ${HPC_PROJECT_WARNINGS})
  hpc_optimise(${target})
endfunction()

function(hpc_add_lab_runtime id)
  add_library(${id}_runtime STATIC ${ARGN})
  target_include_directories(${id}_runtime PUBLIC include)
  target_link_libraries(${id}_runtime PUBLIC hpc_common)
  target_compile_options(${id}_runtime PRIVATE ${HPC_PROJECT_WARNINGS})
  hpc_optimise(${id}_runtime)
endfunction()

# hpc_add_mpi_test(NAME name TARGET target RANKS n LABELS ...): a CTest entry that starts `target`
# under mpirun with the grader's flags and environment (grader/mpi.py: why each one), and works as
# root without the user knowing Open MPI's flags for it.
function(hpc_add_mpi_test)
  cmake_parse_arguments(T "" "NAME;TARGET;RANKS" "LABELS;ARGS" ${ARGN})
  add_test(NAME "${T_NAME}"
           COMMAND "${HPC_MPIEXEC}" -np ${T_RANKS} --oversubscribe --bind-to none $<TARGET_FILE:${T_TARGET}> ${T_ARGS})
  set(environment OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
      OMPI_MCA_btl_base_warn_component_unused=0 OMPI_MCA_mpi_yield_when_idle=1
      # Under AddressSanitizer (the sanitize preset): Open MPI's own allocations live until exit.
      # Full stacks and plugins kept loaded let the suppressions recognise them; leaks in the
      # course's code are still reported.
      OMPI_MCA_mca_base_component_disable_dlclose=1 ASAN_OPTIONS=fast_unwind_on_malloc=0
      LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/cmake/lsan-mpi.supp)
  set_tests_properties("${T_NAME}" PROPERTIES LABELS "${T_LABELS}" PROCESSORS ${T_RANKS}
                       ENVIRONMENT "${environment}")
endfunction()

function(hpc_add_lab)
  cmake_parse_arguments(LAB "REMOTE" "NAME;ID;MPI_RANKS" "SOURCES;BASELINE;UNIT_TESTS;PERF_TESTS;RUNTIME_TESTS;MPI_TESTS;BENCHMARKS;LIBRARIES;LABELS" ${ARGN})
  set(lab_dir "${PROJECT_SOURCE_DIR}/labs/${LAB_NAME}")
  if(HPC_IMPL STREQUAL "solution")
    set(impl_dir "${PROJECT_SOURCE_DIR}/solutions/${LAB_NAME}/src")
    set(impl_warnings ${HPC_PROJECT_WARNINGS})
  else()
    set(impl_dir "${lab_dir}/src")
    set(impl_warnings ${HPC_STUDENT_WARNINGS})
  endif()
  set(bin_dir "${CMAKE_BINARY_DIR}/bin/${LAB_NAME}")

  # Thresholds: grading.toml is the one source of truth for both the grader and the perf tests.
  set(thresholds_dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(thresholds_header "${thresholds_dir}/${LAB_ID}_thresholds.hpp")
  execute_process(
    COMMAND "${Python3_EXECUTABLE}" -m grader.thresholds_header "${lab_dir}/grading.toml"
            --namespace "hpc::${LAB_ID}::targets" --output "${thresholds_header}"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${LAB_NAME}: cannot read grading.toml:\n${err}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${lab_dir}/grading.toml")
  # ./grade --calibrate rewrites it: the perf tests' compiled-in thresholds must follow.
  if(EXISTS "${PROJECT_SOURCE_DIR}/grader/calibration.json")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/grader/calibration.json")
  endif()

  # Grading a submission (./grade --submission DIR): only the files a student may edit come from
  # the submission; tests, baselines and headers stay the instructor's. A file the submission
  # lacks falls back to the starter.
  set(impl_sources "")
  foreach(file IN LISTS LAB_SOURCES)
    set(submitted "${HPC_SUBMISSION_DIR}/labs/${LAB_NAME}/src/${file}")
    if(HPC_IMPL STREQUAL "student" AND HPC_SUBMISSION_DIR AND EXISTS "${submitted}")
      list(APPEND impl_sources "${submitted}")
    else()
      list(APPEND impl_sources "${impl_dir}/${file}")
    endif()
  endforeach()
  add_library(${LAB_ID}_impl STATIC ${impl_sources})
  target_include_directories(${LAB_ID}_impl PUBLIC "${lab_dir}/include")
  target_link_libraries(${LAB_ID}_impl PUBLIC hpc_common ${LAB_LIBRARIES})
  target_compile_options(${LAB_ID}_impl PRIVATE ${impl_warnings})
  hpc_optimise(${LAB_ID}_impl)
  if(HPC_IMPL STREQUAL "student")
    set_target_properties(${LAB_ID}_impl PROPERTIES CXX_COMPILER_LAUNCHER "")  # no cache shared with student code
  endif()

  add_library(${LAB_ID}_baseline STATIC ${LAB_BASELINE})
  target_include_directories(${LAB_ID}_baseline PUBLIC "${lab_dir}/include" "${lab_dir}/baseline")
  target_link_libraries(${LAB_ID}_baseline PUBLIC hpc_common ${LAB_LIBRARIES})
  target_compile_options(${LAB_ID}_baseline PRIVATE ${HPC_PROJECT_WARNINGS})
  hpc_optimise(${LAB_ID}_baseline)

  add_custom_target(${LAB_ID})
  add_dependencies(${LAB_ID} machine_roofline)  # the grader's roofline feedback: this machine's ceilings
  add_custom_target(${LAB_ID}_unit_tests)
  # Remote labs: the tests link the proxy, never the student's library; the runner links that.
  set(tested_impl ${LAB_ID}_impl)
  if(LAB_REMOTE)
    add_library(${LAB_ID}_proxy STATIC "${lab_dir}/remote/proxy.cpp")
    target_include_directories(${LAB_ID}_proxy PUBLIC "${lab_dir}/include" "${lab_dir}/remote")
    target_link_libraries(${LAB_ID}_proxy PUBLIC hpc_remote ${LAB_LIBRARIES})
    target_compile_options(${LAB_ID}_proxy PRIVATE ${HPC_PROJECT_WARNINGS})
    hpc_optimise(${LAB_ID}_proxy)
    add_executable(${LAB_ID}_runner "${lab_dir}/remote/exports.cpp")
    set_target_properties(${LAB_ID}_runner PROPERTIES OUTPUT_NAME runner RUNTIME_OUTPUT_DIRECTORY "${bin_dir}")
    target_include_directories(${LAB_ID}_runner PRIVATE "${lab_dir}/remote")
    target_compile_options(${LAB_ID}_runner PRIVATE ${HPC_PROJECT_WARNINGS})
    hpc_optimise(${LAB_ID}_runner)
    # The baseline after the student's library only resolves what student code calls of it.
    target_link_libraries(${LAB_ID}_runner PRIVATE hpc_remote_runner ${LAB_ID}_impl ${LAB_ID}_baseline)
    add_dependencies(${LAB_ID} ${LAB_ID}_runner)
    set(tested_impl ${LAB_ID}_proxy)
  endif()  # the unit test programs only: what the sanitizer presets run
  if(TARGET unit_tests)
    add_dependencies(unit_tests ${LAB_ID}_unit_tests)
  endif()
  # Hidden tests (instructor repository only; never exported): hidden/<lab>/tests/{test,perf}_*.cpp
  set(hidden_dir "${PROJECT_SOURCE_DIR}/hidden/${LAB_NAME}")
  file(GLOB hidden_unit CONFIGURE_DEPENDS "${hidden_dir}/tests/test_*.cpp")
  file(GLOB hidden_perf CONFIGURE_DEPENDS "${hidden_dir}/tests/perf_*.cpp")
  list(APPEND LAB_UNIT_TESTS ${hidden_unit})
  list(APPEND LAB_PERF_TESTS ${hidden_perf})

  set(kinds UNIT_TESTS PERF_TESTS RUNTIME_TESTS)
  if(HPC_BUILD_BENCHMARKS)
    list(APPEND kinds BENCHMARKS)
  endif()
  foreach(kind IN LISTS kinds)
    foreach(file IN LISTS LAB_${kind})
      get_filename_component(exe "${file}" NAME_WE)
      set(target "${LAB_ID}_${exe}")
      hpc_lab_executable(${target} "${exe}" "${bin_dir}" "${file}")
      target_include_directories(${target} PRIVATE "${thresholds_dir}" "${lab_dir}/tests")
      if(kind STREQUAL "BENCHMARKS" AND LAB_MPI_RANKS)
        set(harness hpc_mpi_benchmark_main)
      elseif(kind STREQUAL "BENCHMARKS")
        set(harness benchmark::benchmark)
      elseif(LAB_MPI_RANKS)
        set(harness hpc_mpi_testing)
      else()
        set(harness hpc_test_main)
      endif()
      # Instructor code before the student's: where both hold a copy of an inline function, the
      # linker keeps the first, so a student's copy never replaces the harness's or the baseline's
      # (grader/symbols.py refuses student files that define anything else outside their lab). The
      # baseline once more after: what student code calls of it is resolved too.
      if(kind STREQUAL "BENCHMARKS")
        target_link_libraries(${target} PRIVATE ${harness} ${LAB_ID}_baseline ${LAB_ID}_impl ${LAB_ID}_baseline)
      else()
        target_link_libraries(${target} PRIVATE ${harness} ${LAB_ID}_baseline ${tested_impl} ${LAB_ID}_baseline)
        if(LAB_REMOTE)
          add_dependencies(${target} ${LAB_ID}_runner)  # started by the test at its first call
        endif()
      endif()
      if(kind STREQUAL "BENCHMARKS")
        # A smoke test (label `bench`): every benchmark runs once, briefly, so a suite cannot rot
        # unnoticed. Debian's Google Benchmark 1.7 takes the minimum time without a unit.
        if(LAB_MPI_RANKS)
          hpc_add_mpi_test(NAME "${LAB_NAME}/${exe}" TARGET ${target} RANKS ${LAB_MPI_RANKS}
                           LABELS bench ${LAB_NAME} ARGS --benchmark_min_time=0.01)
        else()
          add_test(NAME "${LAB_NAME}/${exe}" COMMAND ${target} --benchmark_min_time=0.01)
          set_tests_properties("${LAB_NAME}/${exe}" PROPERTIES LABELS "bench;${LAB_NAME}")
        endif()
      else()
        if(kind STREQUAL "UNIT_TESTS")
          set(label unit ${LAB_LABELS})  # e.g. tsan: also run under ThreadSanitizer by the self-test
        elseif(kind STREQUAL "RUNTIME_TESTS")
          set(label runtime ${LAB_LABELS})
        else()
          set(label perf)
        endif()
        if(LAB_MPI_RANKS)
          hpc_add_mpi_test(NAME "${LAB_NAME}/${exe}" TARGET ${target} RANKS ${LAB_MPI_RANKS}
                           LABELS ${label} ${LAB_NAME})
        else()
          add_test(NAME "${LAB_NAME}/${exe}" COMMAND ${target})
          set_tests_properties("${LAB_NAME}/${exe}" PROPERTIES LABELS "${label};${LAB_NAME}")
        endif()
      endif()
      add_dependencies(${LAB_ID} ${target})
      if(kind STREQUAL "UNIT_TESTS" OR kind STREQUAL "RUNTIME_TESTS")
        add_dependencies(${LAB_ID}_unit_tests ${target})
      endif()
    endforeach()
  endforeach()
  if(LAB_MPI_TESTS AND HPC_HAVE_MPI)
    foreach(file IN LISTS LAB_MPI_TESTS)
      get_filename_component(exe "${file}" NAME_WE)
      set(target "${LAB_ID}_${exe}")
      hpc_lab_executable(${target} "${exe}" "${bin_dir}" "${file}")
      target_include_directories(${target} PRIVATE "${thresholds_dir}" "${lab_dir}/tests")
      target_link_libraries(${target} PRIVATE hpc_mpi_testing ${LAB_ID}_baseline ${LAB_ID}_impl ${LAB_ID}_baseline)
      hpc_add_mpi_test(NAME "${LAB_NAME}/${exe}" TARGET ${target} RANKS 2 LABELS unit ${LAB_NAME})
      add_dependencies(${LAB_ID} ${target})
      add_dependencies(${LAB_ID}_unit_tests ${target})
    endforeach()
  endif()
  hpc_add_student_tests()
endfunction()

# Students' own tests, labs/<lab>/mytests/*.cpp: built with the rest (cmake --build --preset
# student) and run by `ctest --preset student -L mine`, but never graded and not part of the
# lab's target, so one that does not compile cannot cost the lab. Called from hpc_add_lab.
macro(hpc_add_student_tests)
  file(GLOB mytests CONFIGURE_DEPENDS "${lab_dir}/mytests/*.cpp")
  foreach(file IN LISTS mytests)
    get_filename_component(exe "${file}" NAME_WE)
    set(target "${LAB_ID}_mine_${exe}")
    add_executable(${target} "${file}")
    set_target_properties(${target} PROPERTIES OUTPUT_NAME "${exe}" RUNTIME_OUTPUT_DIRECTORY "${bin_dir}/mytests")
    target_include_directories(${target} PRIVATE "${lab_dir}/tests")
    hpc_optimise(${target})
    if(LAB_MPI_RANKS)
      target_link_libraries(${target} PRIVATE hpc_mpi_testing ${LAB_ID}_baseline ${LAB_ID}_impl ${LAB_ID}_baseline)
      hpc_add_mpi_test(NAME "${LAB_NAME}/mine/${exe}" TARGET ${target} RANKS ${LAB_MPI_RANKS} LABELS mine ${LAB_NAME})
    else()
      target_link_libraries(${target} PRIVATE hpc_test_main ${LAB_ID}_baseline ${LAB_ID}_impl ${LAB_ID}_baseline)
      add_test(NAME "${LAB_NAME}/mine/${exe}" COMMAND ${target})
      set_tests_properties("${LAB_NAME}/mine/${exe}" PROPERTIES LABELS "mine;${LAB_NAME}")
    endif()
  endforeach()
endmacro()
