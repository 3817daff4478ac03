#!/usr/bin/env python3
"""A stand-in for a GoogleTest program, driven by its file name, so the grader can be tested
end to end without a compiler: it understands --gtest_output=xml:FILE and --gtest_list_tests.

Behaviours (the program's name, symlinked by the tests): pass, fail, skip, perf_<value>,
crash, hang, flood, forker, noreport, exit3, inconclusive, budget_env; under mpirun also fail_on_rank1 and crash_on_rank1.
Under mpirun, rank r > 0 writes its report as <name>.rank<r>.xml, like the course's MPI test main.
"""
import os
import signal
import sys
import time

behaviour = os.path.basename(sys.argv[0])
report = next((a.split("xml:", 1)[1] for a in sys.argv if a.startswith("--gtest_output=xml:")), None)

rank = int(os.environ.get("OMPI_COMM_WORLD_RANK", "0"))
if report and rank > 0:
    report = report.removesuffix(".xml") + f".rank{rank}.xml"
if behaviour.endswith("_on_rank1"):
    behaviour = behaviour.split("_on_", 1)[0] if rank == 1 else "pass"

if "--gtest_list_tests" in sys.argv:
    print("Suite.\n  One\n  Two")
    sys.exit(0)


def write(case_xml: str) -> None:
    with open(report, "w") as out:
        out.write(f'<?xml version="1.0"?>\n<testsuites tests="1"><testsuite name="Suite" tests="1">{case_xml}'
                  "</testsuite></testsuites>\n")


if behaviour == "pass":
    write('<testcase name="One" status="run" result="completed" classname="Suite"/>')
elif behaviour == "fail":
    write('<testcase name="One" status="run" result="completed" classname="Suite">'
          '<failure message="a.cpp:3&#x0A;Expected equality" type=""/></testcase>')
elif behaviour == "skip":
    write('<testcase name="One" status="run" result="skipped" classname="Suite">'
          '<skipped message="no CUDA device"/></testcase>')
elif behaviour.startswith("perf_"):
    value = behaviour.split("_", 1)[1]
    # What hpc/perf_test.cpp records: the best attempt's medians per call (a 10x speedup of 2 ms).
    write(f'<testcase name="One" status="run" result="completed" classname="Suite" value="{value}" '
          'metric="speedup" threads="1" cpu_ratio="1.0" baseline_ms="20.0" candidate_ms="2.0"/>')
elif behaviour == "inconclusive":
    write('<testcase name="One" status="run" result="skipped" classname="Suite" verdict="inconclusive" '
          'reason="machine busy: measured parallelism 1.02 of the 2 cores counted">'
          '<skipped message="inconclusive"/></testcase>')
elif behaviour == "budget_env":  # reports what the grader told it: the cores counted and the time budget
    write(f'<testcase name="One" status="run" result="completed" classname="Suite" '
          f'value="{os.environ.get("HPC_GRADING_CORES", "0")}.{os.environ.get("HPC_PERF_BUDGET_S", "0")}" '
          'metric="speedup"/>')
elif behaviour == "crash":
    os.kill(os.getpid(), signal.SIGSEGV)
elif behaviour == "hang":
    time.sleep(3600)
elif behaviour == "flood":
    while True:
        sys.stdout.write("x" * 65536)
elif behaviour == "forker":
    if os.fork() == 0:  # a child that would outlive the test
        time.sleep(3600)
        os._exit(0)
    with open(os.path.join(os.getcwd(), "child.pid"), "w"):
        pass
    write('<testcase name="One" status="run" result="completed" classname="Suite"/>')
elif behaviour == "noreport":
    sys.exit(0)
elif behaviour == "exit3":
    write('<testcase name="One" status="run" result="completed" classname="Suite"/>')
    sys.exit(3)
