"""Gradescope: a zip that Gradescope unpacks into /autograder/source; setup.sh runs once when the
image is built, run_autograder once per submission and must leave /autograder/results/results.json.
One lab per assignment, so a run fits Gradescope's default 10-minute limit."""
from __future__ import annotations

import zipfile
from pathlib import Path

from grader.packages import APT_PACKAGES, course_files

SETUP = """#!/usr/bin/env bash
# Gradescope image set-up, for the Ubuntu 22.04 or 24.04 base image.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends {packages}
# The course needs CMake >= 3.25. Ubuntu 24.04 has 3.28; Ubuntu 22.04 has 3.22, so there CMake
# comes from PyPI (Kitware's own builds).
if ! cmake_at_least_3_25; then
  apt-get install -y --no-install-recommends python3-pip
  python3 -m pip install --no-cache-dir 'cmake>=3.25,<4'
  hash -r
  cmake_at_least_3_25 || {{ echo "setup.sh: could not install CMake >= 3.25" >&2; exit 1; }}
fi
cd /autograder/source && python3 -m grader.deps
"""

VERSION_CHECK = """cmake_at_least_3_25() {
  local version
  version=$(cmake --version 2>/dev/null | sed -n 's/^cmake version \\([0-9]*\\)\\.\\([0-9]*\\).*/\\1 \\2/p')
  [ -n "$version" ] && set -- $version && { [ "$1" -gt 3 ] || { [ "$1" -eq 3 ] && [ "$2" -ge 25 ]; }; }
}
"""

RUN = """#!/usr/bin/env bash
# Grades one submission's labs/{number}-*/src files against the instructor's tests, with a new
# seed each time (shown to the student, so `./grade {number} --seed N` reproduces the run).
cd /autograder/source
python3 -m grader.platform_entry gradescope {number} --random-seed --submission /autograder/submission \\
  --result /autograder/results/results.json --output /autograder/results/grader
"""


def setup_script() -> str:
    head, body = SETUP.split("set -euo pipefail\n", 1)
    return head + "set -euo pipefail\n" + VERSION_CHECK + body.format(packages=" ".join(APT_PACKAGES))


def write(root: Path, lab, zip_path: Path) -> str:
    files = course_files(root)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("setup.sh", setup_script()), ("run_autograder", RUN.format(number=lab.number))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            archive.writestr(info, text)
        for rel in files:
            archive.write(root / rel, rel)
    return f"Gradescope autograder for lab {lab.number} ({len(files)} course files): {zip_path}"
