"""PrairieLearn's external-grader result (/grade/results/results.json), as documented in
docs/externalGrading.md: a gradable result needs a score in [0, 1]; a not-gradable one says why in
format_errors; the file stays under 1 MB."""
from __future__ import annotations

import json

from grader.validators._types import is_number, is_text

MAX_BYTES = 1024 * 1024
_TEST_TEXT = ("name", "description", "message", "output")


def validate(doc, raw: str | None = None) -> list[str]:
    if raw is not None and len(raw.encode()) > MAX_BYTES:
        return [f"results.json is larger than {MAX_BYTES} bytes"]
    if not isinstance(doc, dict):
        return ["results.json is not a JSON object"]
    problems = []
    gradable = doc.get("gradable", True)
    if not isinstance(gradable, bool):
        problems.append("gradable must be a boolean")
    if gradable is not False and not (is_number(doc.get("score")) and 0.0 <= doc["score"] <= 1.0):
        problems.append(f"a gradable result needs a score in [0.0, 1.0], not {doc.get('score')!r}")
    errors = doc.get("format_errors")
    if errors is not None and not (is_text(errors) or (isinstance(errors, list) and all(map(is_text, errors)))):
        problems.append("format_errors must be a string or a list of strings")
    if gradable is False and not errors:
        problems.append("a result that is not gradable should say why in format_errors")
    for key in ("message", "output"):
        if key in doc and not is_text(doc[key]):
            problems.append(f"{key} must be a string")
    tests = doc.get("tests", [])
    if not isinstance(tests, list):
        return problems + ["tests must be a list"]
    for i, test in enumerate(tests):
        if not isinstance(test, dict):
            problems.append(f"tests[{i}] is not an object")
            continue
        problems += [f"tests[{i}].{key} must be a string" for key in _TEST_TEXT if key in test and not is_text(test[key])]
        problems += [f"tests[{i}].{key} must be a number" for key in ("points", "max_points")
                     if key in test and not is_number(test[key])]
    return problems


def validate_file(text: str) -> list[str]:
    try:
        doc = json.loads(text)
    except ValueError as error:
        return [f"results.json is not JSON: {error}"]
    return validate(doc, raw=text)
