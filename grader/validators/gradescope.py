"""Gradescope's /autograder/results/results.json, as specified in gradescope/autograder_samples
docs/specs.md: a top-level score or per-test scores, tests with the documented fields and value
sets. A missing or malformed file is "The autograder failed to execute correctly" for the student."""
from __future__ import annotations

from grader.validators._types import is_number, is_text

VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
OUTPUT_FORMATS = {"text", "html", "simple_format", "md", "ansi"}
_TOP_LEVEL = {"score": is_number, "execution_time": is_number, "output": is_text,
              "output_format": OUTPUT_FORMATS.__contains__, "test_output_format": OUTPUT_FORMATS.__contains__,
              "test_name_format": OUTPUT_FORMATS.__contains__, "visibility": VISIBILITY.__contains__,
              "stdout_visibility": VISIBILITY.__contains__, "extra_data": lambda v: isinstance(v, dict),
              "tests": lambda v: isinstance(v, list), "leaderboard": lambda v: isinstance(v, list)}
_TEST = {"score": is_number, "max_score": is_number, "status": {"passed", "failed"}.__contains__, "name": is_text,
         "name_format": OUTPUT_FORMATS.__contains__, "number": is_text, "output": is_text,
         "output_format": OUTPUT_FORMATS.__contains__, "tags": lambda v: isinstance(v, list)
         and all(is_text(t) for t in v), "visibility": VISIBILITY.__contains__,
         "extra_data": lambda v: isinstance(v, dict)}


def _fields(doc: dict, allowed: dict, where: str) -> list[str]:
    problems = []
    for key, value in doc.items():
        check = allowed.get(key)
        if check is None:
            problems.append(f"{where}{key}: not a field of the specification")
        elif not check(value):
            problems.append(f"{where}{key}: {value!r} is not an accepted value")
    return problems


def validate(doc) -> list[str]:
    if not isinstance(doc, dict):
        return ["results.json is not a JSON object"]
    problems = _fields(doc, _TOP_LEVEL, "")
    tests = doc.get("tests", [])
    if "score" not in doc and (not tests or any("score" not in t for t in tests if isinstance(t, dict))):
        problems.append("no top-level score, and not every test has one")
    for i, test in enumerate(tests if isinstance(tests, list) else []):
        if not isinstance(test, dict):
            problems.append(f"tests[{i}] is not an object")
            continue
        problems += _fields(test, _TEST, f"tests[{i}].")
        if is_number(test.get("score")) and is_number(test.get("max_score")) and test["score"] > test["max_score"]:
            problems.append(f"tests[{i}]: score {test['score']} above max_score {test['max_score']}")
    for i, entry in enumerate(doc.get("leaderboard", []) if isinstance(doc.get("leaderboard"), list) else []):
        if not (isinstance(entry, dict) and is_text(entry.get("name")) and "value" in entry
                and entry.get("order", "asc") in ("asc", "desc")):
            problems.append(f"leaderboard[{i}] must be {{name, value, order?}}")
    return problems
