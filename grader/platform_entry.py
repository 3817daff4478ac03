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

from grader import adapters, reports
from grader.results import LabResult, summary_json
from grader.submission import grade_submission

PLATFORMS = adapters.FORMATS


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
        results = grade_submission(args.labs, args.submission, seed, output)
    except Exception as error:  # even writing results.json failed: the platform's file still says why
        traceback.print_exc()
        results = summary_json([LabResult(lab=" ".join(args.labs), title="", gradable=False, status="not built",
                                          problem=f"not graded: the grader failed ({error})")], "submission", {})
    emit(args.platform, results, args.result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
