"""`./grade --export-gradescope ZIP`: a Gradescope autograder. Gradescope unpacks it into
/autograder/source, runs setup.sh once when the image is built and run_autograder per submission.
The package holds the instructor repository without solutions (hidden tests included); a
submission contributes only its labs/*/src files (./grade --submission)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from grader.export import NEVER_COPIED, repository_files

SETUP = """#!/usr/bin/env bash
# Gradescope image set-up (choose the Ubuntu 24.04 base image: the course needs CMake >= 3.25).
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends python3 git
cd /autograder/source && python3 -m grader.deps
"""

RUN = """#!/usr/bin/env bash
# Grades one submission: only its labs/*/src files are used, against the instructor's tests.
set -uo pipefail
cd /autograder/source
./grade --submission /autograder/submission --no-install --format gradescope --output /autograder/results/grader
cp /autograder/results/grader/gradescope/results.json /autograder/results/results.json
"""


def package(root: Path, zip_path: Path) -> int:
    files = [f for f in repository_files(root) if not f.startswith(("solutions/",) + NEVER_COPIED)]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("setup.sh", SETUP), ("run_autograder", RUN)):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            archive.writestr(info, text)
        for rel in files:
            archive.write(root / rel, rel)
    return len(files)
