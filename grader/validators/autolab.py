"""Autolab's autoresult (docs/lab.md, "Writing Autograders"): the last text line the autograder
prints must be a JSON object {"scores": {problem: number}, "scoreboard": [...]?}, and every score
key must name one of the assessment's problems, or the score is logged but not recorded."""
from __future__ import annotations

import json

from grader.validators._types import is_number


def validate(stdout: str, problems_defined: set[str]) -> list[str]:
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        return ["no output: the last line must be the autoresult"]
    try:
        result = json.loads(lines[-1])
    except ValueError:
        return [f"the last line is not JSON: {lines[-1][:200]!r}"]
    if not isinstance(result, dict) or not isinstance(result.get("scores"), dict):
        return ["the last line must be a JSON object with a 'scores' object"]
    problems = [f"score {name!r}: {value!r} is not a number" for name, value in result["scores"].items()
                if not is_number(value)]
    problems += [f"score key {name!r} matches no problem of the assessment" for name in result["scores"]
                 if name not in problems_defined]
    if "scoreboard" in result and not isinstance(result["scoreboard"], list):
        problems.append("scoreboard must be a list")
    return problems
