"""Classroom 50: a folder to copy into the classroom's configuration repository as
<classroom>/autograders/<assignment>/. Classroom 50's runner fetches it as the assignment's bundle
and runs `python autograder.py` in the student's checkout; autograder.py must leave ./result.json
(schema classroom50/result/v1, identity fields from the runner's environment) and exit 0.
runtime.json is the assignment's `runtime` entry (apt packages of the grading machine)."""
from __future__ import annotations

import json
from pathlib import Path

from grader.packages import APT_PACKAGES, copy_course, fresh_folder, write_script

AUTOGRADER = '''#!/usr/bin/env python3
"""Classroom 50 autograder for hpc-course lab {number} (written by ./grade {number} --package classroom50).
Grades the checkout's labs/{number}-*/src files against the course's own tests, kept in course/."""
import os
import subprocess
import sys
from pathlib import Path

bundle = Path(os.environ.get("CLASSROOM50_BUNDLE_DIR") or Path(__file__).resolve().parent)
checkout = Path.cwd()
# Debian's python3 is where the apt-installed matplotlib lives; the runner's may be another one.
python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
subprocess.run([python, "-m", "grader.platform_entry", "classroom50", "{number}", "--random-seed",
                "--submission", str(checkout), "--result", str(checkout / "result.json"),
                "--output", str(bundle / "grader-results")], cwd=bundle / "course")
sys.exit(0 if (checkout / "result.json").exists() else 1)  # no result at all: an infrastructure error
'''


def runtime() -> dict:
    """The assignment's runtime entry in assignments.json (Classroom 50 installs `apt` with apt-get)."""
    return {"runs-on": "ubuntu-latest", "apt": list(APT_PACKAGES)}


def write(root: Path, lab, dest: Path) -> str:
    fresh_folder(dest)
    count = copy_course(root, dest / "course")
    write_script(dest / "autograder.py", AUTOGRADER.format(number=lab.number))
    (dest / "runtime.json").write_text(json.dumps(runtime(), indent=2) + "\n")
    return (f"Classroom 50 autograder for lab {lab.number} ({count} course files): copy {dest} to "
            f"<classroom>/autograders/<assignment>/ and set the assignment's runtime from {dest / 'runtime.json'}")
