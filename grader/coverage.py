"""Checks that grading.toml grades every test: each GoogleTest case in each test program of a lab
is matched by some item's filter, and every test program is used. An ungraded test is a test
students pass or fail for nothing."""
from __future__ import annotations

import fnmatch
import subprocess
from pathlib import Path

from grader.config import LabConfig


def filter_matches(gtest_filter: str, name: str) -> bool:
    """GoogleTest's --gtest_filter semantics: POSITIVE[-NEGATIVE], ':'-separated globs."""
    positive, _, negative = gtest_filter.partition("-")
    patterns = [p for p in positive.split(":") if p] or ["*"]
    if not any(fnmatch.fnmatchcase(name, p) for p in patterns):
        return False
    return not any(fnmatch.fnmatchcase(name, p) for p in negative.split(":") if p)


def list_tests(binary: Path) -> list[str]:
    out = subprocess.run([str(binary), "--gtest_list_tests"], capture_output=True, text=True, timeout=60)
    names, suite = [], ""
    for line in out.stdout.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            suite = line.split("#")[0].strip()
        else:
            names.append(suite + line.split("#")[0].strip())
    return names


def ungraded_tests(lab: LabConfig, bin_dir: Path) -> list[str]:
    problems = []
    programs = sorted(p for p in bin_dir.iterdir() if p.name.startswith(("test_", "perf_")))
    used = {item.binary for item in lab.items}
    for program in programs:
        if program.name not in used:
            problems.append(f"{lab.name}: {program.name} is graded by no item")
            continue
        filters = [item.filter for item in lab.items if item.binary == program.name]
        for name in list_tests(program):
            if not any(filter_matches(f, name) for f in filters):
                problems.append(f"{lab.name}: {program.name} {name} is matched by no item's filter")
    needs_nvcc = {item.binary for item in lab.items if item.gpu}
    for missing in sorted(used - {p.name for p in programs} - needs_nvcc):
        problems.append(f"{lab.name}: grading.toml names {missing}, which was not built")
    return problems
