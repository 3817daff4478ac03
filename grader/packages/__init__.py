"""`./grade NN --package PLATFORM DEST`: what an instructor uploads to a grading platform for one
lab. Every package holds this repository without the reference solutions (hidden tests
included), grades only a submission's labs/NN/src files (`--submission`), and calls
grader/platform_entry.py, which always leaves the platform's result file.

  gradescope    a zip: setup.sh, run_autograder and the course
  classroom50   a folder to copy to <classroom>/autograders/<assignment>/: autograder.py, runtime.json
  prairielearn  a folder: the question (info.json), the course for serverFilesCourse, a Dockerfile
  autolab       a folder: autograde-Makefile, autograde.tar, the assessment's problems
"""
from __future__ import annotations

import shutil
from pathlib import Path

from grader.deps import DEPENDENCIES
from grader.export import NEVER_COPIED, repository_files

PLATFORMS = ("gradescope", "classroom50", "prairielearn", "autolab")
# Debian/Ubuntu packages a grading machine needs for the CPU labs (CUDA needs NVIDIA's toolkit and a GPU).
APT_PACKAGES = tuple(sorted({"python3", "git"} | {p for d in DEPENDENCIES for p in d.packages}))


class PackageError(Exception):
    pass


def course_files(root: Path) -> list[str]:
    return [f for f in repository_files(root) if not f.startswith(("solutions/",) + NEVER_COPIED)]


def copy_course(root: Path, dest: Path) -> int:
    files = course_files(root)
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, target)
    return len(files)


def fresh_folder(dest: Path) -> None:
    if dest.exists() and any(dest.iterdir()):
        raise PackageError(f"{dest} exists and is not empty: write the package into a new folder")
    dest.mkdir(parents=True, exist_ok=True)


def write_script(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(0o755)


def package(platform: str, root: Path, lab, dest: Path) -> str:
    """Writes the package; returns a one-line description of what was written."""
    from grader.packages import autolab, classroom50, gradescope, prairielearn
    module = {"gradescope": gradescope, "classroom50": classroom50, "prairielearn": prairielearn,
              "autolab": autolab}[platform]
    if dest.resolve().is_relative_to(root.resolve()):
        raise PackageError(f"{dest} is inside the course repository: write the package elsewhere")
    return module.write(root, lab, dest)
