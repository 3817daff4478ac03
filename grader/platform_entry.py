"""The one entry point every platform's script calls: grade a submission and always leave the
platform's result where the platform reads it, whatever happened — a missing labs/ folder, a
missing package, a configure failure or a crash of the grader itself become a result that says
so, never a missing file (Gradescope: "autograder failed to execute"), an empty payload or a
lost line. It exits 0 whenever a result was written: platforms treat other exit codes as a
broken autograder.

    python3 -m grader.platform_entry gradescope 01 --submission /autograder/submission \\
        --result /autograder/results/results.json [--seed N]

Classroom 50 also gets ./release-body.md (the feedback its release page shows); Autolab gets the
autoresult as the very last line of stdout.
"""
from __future__ import annotations

import argparse
import json
import secrets
import sys
import traceback
from pathlib import Path

from grader import adapters, build, deps, reports
from grader.cli import lab_without_tests, grade_labs, test_environment, write_results
from grader.config import ConfigError
from grader.labs import LabSelectionError, select_labs
from grader.results import LabResult, summary_json

PLATFORMS = adapters.FORMATS


class NotGradable(Exception):
    """Why the submission could not be graded at all; shown to the student."""


def _graded(lab_names: list[str], submission: Path, seed: int | None, output: Path) -> dict:
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
        graded = grade_labs(labs, "submission", test_environment(seed), submission=submission)
    except (NotGradable, build.ConfigureError) as error:
        graded = [lab_without_tests(lab, f"not graded: {error}") for lab in labs]
    except Exception as error:  # the grader itself: the platform still gets a result that says so
        traceback.print_exc()
        graded = [lab_without_tests(lab, f"not graded: the grader failed ({type(error).__name__}: {error}); "
                                          "tell your instructor") for lab in labs]
    return write_results(graded, "submission", output, seed=seed)


def _release_body(results: dict) -> str:
    details = reports.failure_details(results)
    return reports.markdown(results) + (f"\n<details><summary>What went wrong</summary>\n\n```\n{details}\n```\n"
                                        f"</details>\n" if details else "")


def emit(platform: str, results: dict, result_path: Path) -> None:
    """Writes the platform's document (and what goes with it)."""
    result_path.parent.mkdir(parents=True, exist_ok=True)
    if platform == "autolab":
        doc = adapters.autolab_scores(results)
    else:
        doc = getattr(adapters, platform)(results)
    result_path.write_text(json.dumps(doc, indent=2) + "\n")
    if platform == "classroom50":
        result_path.with_name("release-body.md").write_text(_release_body(results))
    if platform == "autolab":
        sys.stdout.flush()
        print(json.dumps(doc), flush=True)  # Autolab reads the last line of stdout


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m grader.platform_entry", description=__doc__.split("\n\n")[0])
    parser.add_argument("platform", choices=PLATFORMS)
    parser.add_argument("labs", nargs="+", help="the lab(s) this assignment grades, e.g. 01")
    parser.add_argument("--submission", type=Path, required=True, help="the student's repository")
    parser.add_argument("--result", type=Path, required=True, help="where the platform reads its result")
    seeds = parser.add_mutually_exclusive_group()
    seeds.add_argument("--seed", type=int, help="seed for the tests' inputs (default: the course's)")
    seeds.add_argument("--random-seed", action="store_true",
                       help="a new seed for every submission: answers memorised for one seed earn nothing")
    parser.add_argument("--output", type=Path, help="the grader's own results folder (default: next to --result)")
    args = parser.parse_args(argv)
    output = args.output or args.result.parent / "grader"
    seed = secrets.randbelow(2**31) if args.random_seed else args.seed
    try:
        results = _graded(args.labs, args.submission, seed, output)
    except Exception as error:  # even writing results.json failed: the platform's file still says why
        traceback.print_exc()
        results = summary_json([LabResult(lab=" ".join(args.labs), title="", gradable=False, status="not built",
                                          problem=f"not graded: the grader failed ({error})")], "submission", {})
    emit(args.platform, results, args.result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
