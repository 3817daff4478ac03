"""Grading one student's submission so that every outcome is a result: a submission without
labs/, a grading machine without a package, a configure failure or a crash of the grader become
labs "not graded" with the reason, never an exception. Used by every platform's entry point and
by the roster."""
from __future__ import annotations

import traceback
from pathlib import Path

from grader import build, deps
from grader.cli import grade_labs, lab_without_tests, test_environment, write_results
from grader.config import ConfigError
from grader.labs import LabSelectionError, select_labs
from grader.results import LabResult, summary_json


class NotGradable(Exception):
    """Why the submission could not be graded at all; shown to the student."""


def grade_submission(lab_names: list[str], submission: Path, seed: int | None, output: Path, log=print) -> dict:
    """Grades `submission` (a student's course repository) and writes its results to `output`;
    whatever goes wrong, the returned results say so instead of raising."""
    try:
        labs = select_labs(lab_names)
    except (LabSelectionError, ConfigError) as error:  # the course's own set-up: no lab to name
        problem = LabResult(lab=" ".join(lab_names) or "course", title="", gradable=False, status="not built",
                            problem=f"not graded: {error}")
        return summary_json([problem], "submission", {})
    try:
        if not (submission / "labs").is_dir():
            raise NotGradable(f"the submission has no labs/ folder (submit the whole course repository; "
                              f"found: {', '.join(sorted(p.name for p in submission.iterdir())[:10]) or 'nothing'})"
                              if submission.is_dir() else f"no submission folder at {submission}")
        missing = []
        if not deps.ensure(log=missing.append, install=False):
            raise NotGradable("the grading machine lacks packages: " + " ".join(missing))
        graded = grade_labs(labs, "submission", test_environment(seed), log=log, submission=submission)
    except (NotGradable, build.ConfigureError) as error:
        graded = [lab_without_tests(lab, f"not graded: {error}") for lab in labs]
    except Exception as error:  # the grader itself: the platform still gets a result that says so
        traceback.print_exc()
        graded = [lab_without_tests(lab, f"not graded: the grader failed ({type(error).__name__}: {error}); "
                                          "tell your instructor") for lab in labs]
    return write_results(graded, "submission", output, log=log, seed=seed)
