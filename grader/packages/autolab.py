"""Autolab: one assessment per lab, one problem per graded item (problems.json lists names and
maximum scores to create). Autolab copies the handin (handin filename: handin.tar, the lab's src/
files), autograde.tar and autograde-Makefile into an empty folder and runs make; the last line of
stdout must be the autoresult {"scores": {...}}, so no command of the Makefile may fail after it."""
from __future__ import annotations

import json
import shutil
import tarfile
from pathlib import Path

from grader.packages import copy_course, fresh_folder

MAKEFILE = """# Autolab autograder for hpc-course lab {number} (written by ./grade {number} --package autolab).
# Every command succeeds, so make never prints an error after the autoresult line.
autograde:
\t@tar xf autograde.tar
\t@mkdir -p submission/labs/{lab}/src && (tar xf handin.tar -C submission/labs/{lab}/src || true)
\t@cd course && python3 -m grader.platform_entry autolab {number} --random-seed --submission ../submission \\
\t  --result ../autoresult.json --output ../grader-results \\
\t  || echo '{{"scores": {{}}}}'
"""


def problems(lab) -> list[dict]:
    return [{"name": item.id, "max_score": item.max_points, "description": item.name} for item in lab.items]


def write(root: Path, lab, dest: Path) -> str:
    fresh_folder(dest)
    staging = dest / ".course"
    count = copy_course(root, staging / "course")
    with tarfile.open(dest / "autograde.tar", "w") as archive:
        archive.add(staging / "course", arcname="course")
    shutil.rmtree(staging)
    (dest / "autograde-Makefile").write_text(MAKEFILE.format(number=lab.number, lab=lab.name))
    (dest / "problems.json").write_text(json.dumps(problems(lab), indent=2) + "\n")
    return (f"Autolab autograder for lab {lab.number} ({count} course files) in {dest}: create the assessment's "
            f"problems from problems.json, handin filename handin.tar")
