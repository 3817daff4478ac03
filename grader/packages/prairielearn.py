"""PrairieLearn: an externally graded question for one lab. The student uploads the lab's src/
files; PrairieLearn copies them to /grade/student, the course to /grade/serverFilesCourse, and runs
the entry point, which must create /grade/results and write results.json there (within the
question's timeout, at most 600 s). The Dockerfile builds the grading image from Debian 12."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from grader.packages import APT_PACKAGES, copy_course, fresh_folder, write_script

ENTRY = """#!/usr/bin/env bash
# PrairieLearn entry point for hpc-course lab {number} (written by ./grade {number} --package prairielearn).
GRADE=${{GRADE_ROOT:-/grade}}
mkdir -p "$GRADE/results"
work=$(mktemp -d)
# The course is copied out of the mounted folder: the build happens inside it.
cp -r "$GRADE/serverFilesCourse/hpc-course" "$work/course"
mkdir -p "$work/submission/labs/{lab}/src"
cp -r "$GRADE/student/." "$work/submission/labs/{lab}/src/" 2>/dev/null
cd "$work/course" && python3 -m grader.platform_entry prairielearn {number} --random-seed \\
  --submission "$work/submission" --result "$GRADE/results/results.json" --output "$work/grader-results"
if [ ! -s "$GRADE/results/results.json" ]; then
  echo '{{"gradable": false, "format_errors": ["the grader did not start: see the grading log"]}}' \\
    > "$GRADE/results/results.json"
fi
exit 0
"""

DOCKERFILE = """# The grading image for PrairieLearn (build and push it, then name it in info.json's "image").
FROM debian:12
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {packages} \\
    && rm -rf /var/lib/apt/lists/*
"""


def question(lab, timeout_s: int = 600) -> dict:
    return {"uuid": str(uuid.uuid4()), "title": f"hpc-course lab {lab.number}: {lab.title}", "topic": "hpc-course",
            "type": "v3", "singleVariant": True, "gradingMethod": "External",
            "externalGradingOptions": {"enabled": True, "image": "REPLACE-WITH-YOUR-IMAGE",
                                       "serverFilesCourse": ["hpc-course/"],
                                       "entrypoint": "/grade/serverFilesCourse/hpc-course-entry/run.sh",
                                       "timeout": timeout_s},
            "comment": f"The student uploads the src/ files of labs/{lab.name}"}


def question_html(lab) -> str:
    names = ", ".join(source_files(lab))
    return (f"<pl-question-panel>\n<p>Upload your files of <code>labs/{lab.name}/src/</code>. They are graded "
            f"against the course's tests, as <code>./grade {lab.number}</code> does.</p>\n</pl-question-panel>\n"
            f'<pl-file-upload file-names="{names}"></pl-file-upload>\n'
            "<pl-submission-panel>\n<pl-external-grader-results></pl-external-grader-results>\n"
            "<pl-file-preview></pl-file-preview>\n</pl-submission-panel>\n")


def source_files(lab) -> list[str]:
    return sorted(p.name for p in (lab.path / "src").iterdir() if p.is_file())


def write(root: Path, lab, dest: Path) -> str:
    fresh_folder(dest)
    count = copy_course(root, dest / "serverFilesCourse" / "hpc-course")
    entry = dest / "serverFilesCourse" / "hpc-course-entry"
    entry.mkdir(parents=True)
    write_script(entry / "run.sh", ENTRY.format(number=lab.number, lab=lab.name))
    folder = dest / "questions" / f"hpc-course-lab{lab.number}"
    folder.mkdir(parents=True)
    (folder / "question.html").write_text(question_html(lab))
    (folder / "info.json").write_text(json.dumps(question(lab), indent=2) + "\n")
    (dest / "Dockerfile").write_text(DOCKERFILE.format(packages=" ".join(APT_PACKAGES)))
    return (f"PrairieLearn question for lab {lab.number} ({count} course files) in {dest}: copy serverFilesCourse/ "
            f"and questions/ into your course, build {dest / 'Dockerfile'} and name the image in info.json")
