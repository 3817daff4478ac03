"""Configures and builds a tree (student or solution), lab by lab, so that one lab that does not
compile costs only that lab's points."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from grader.config import LabConfig
from grader.labs import ROOT, build_dir, cmake_target


class ConfigureError(Exception):
    pass


def parallel_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def configure(tree: str, root: Path = ROOT, submission: Path | None = None) -> Path:
    """tree: "student", "solution" or "submission" (the starters replaced by a submission's files)."""
    out = build_dir(tree, root)
    impl = "solution" if tree == "solution" else "student"
    command = ["cmake", "-S", str(root), "-B", str(out), f"-DHPC_IMPL={impl}", "-DCMAKE_BUILD_TYPE=Release",
               f"-DHPC_SUBMISSION_DIR={submission.resolve() if submission else ''}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise ConfigureError(f"cmake configure of the {tree} tree failed:\n{(result.stdout + result.stderr)[-3000:]}")
    return out


def first_error(log: str) -> str:
    """The compiler's first error with a little context: what a student needs to see first."""
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if re.search(r"\berror\b", line):
            return "\n".join(lines[max(0, i - 1): i + 4])
    return "\n".join(lines[-10:])


def build_lab(tree: str, lab: LabConfig, root: Path = ROOT) -> tuple[bool, str]:
    """(ok, message): message is the first compiler error when the build failed."""
    command = ["cmake", "--build", str(build_dir(tree, root)), "--target", cmake_target(lab),
               "-j", str(parallel_jobs())]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode == 0:
        return True, ""
    return False, first_error(result.stdout + result.stderr)
