"""Classroom 50's result.json (schema classroom50/result/v1), checked as its runner's
validate_result and its score collector check it, plus the published JSON schema's closed set of
top-level keys. The runner reads ./result.json from the checkout root after autograder.py exits 0;
anything rejected becomes a 0/0 "error" result and the submission's release is not updated."""
from __future__ import annotations

import json
import re

from grader.validators._types import is_int, is_text

SCHEMA = "classroom50/result/v1"
MAX_BYTES = 10 * 1024 * 1024  # the score collector refuses larger result assets
_UTC_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$")
_TOP_LEVEL = {"schema", "classroom", "assignment", "assignment_type", "owner", "submission", "commit", "release",
              "review", "datetime", "graded_at", "score", "max-score", "tests", "submitted_by"}


def _score_problems(doc: dict, where: str) -> list[str]:
    score, most = doc.get("score"), doc.get("max-score")
    problems = [f"{where}{key} must be a non-negative integer, not {value!r}"
                for key, value in (("score", score), ("max-score", most)) if not is_int(value) or value < 0]
    if not problems and score > most:
        problems.append(f"{where}score ({score}) > max-score ({most})")
    return problems


def validate(doc, classroom: str, assignment: str, raw: str | None = None) -> list[str]:
    if raw is not None and len(raw.encode()) > MAX_BYTES:
        return [f"result.json is larger than {MAX_BYTES} bytes"]
    if not isinstance(doc, dict):
        return ["result.json is not a JSON object"]
    problems = []
    if doc.get("schema") != SCHEMA:
        problems.append(f"schema is {doc.get('schema')!r}, want {SCHEMA!r}")
    if doc.get("classroom") != classroom:
        problems.append(f"classroom is {doc.get('classroom')!r}, want {classroom!r}")
    if doc.get("assignment") != assignment:
        problems.append(f"assignment is {doc.get('assignment')!r}, want {assignment!r}")
    if not is_text(doc.get("owner"), allow_empty=False):
        problems.append("owner must be a non-empty string")
    if doc.get("assignment_type") not in ("individual", "group", "team"):
        problems.append(f"assignment_type {doc.get('assignment_type')!r} is not individual, group or team")
    if not (is_text(doc.get("submission")) and doc["submission"].startswith("submit/")):
        problems.append("submission must be a 'submit/*' string")
    for key in ("commit", "release", "review", "datetime"):
        if not is_text(doc.get(key), allow_empty=False):
            problems.append(f"{key} must be a non-empty string")
    for key in ("datetime", "graded_at"):
        if key in doc and is_text(doc[key]) and not _UTC_SECOND.match(doc[key]):
            problems.append(f"{key} {doc[key]!r} is not YYYY-MM-DDTHH:MM:SSZ")
    problems += _score_problems(doc, "")
    problems += [f"unknown top-level key {key!r} (the schema allows no others)" for key in sorted(set(doc) - _TOP_LEVEL)]
    tests = doc.get("tests")
    if not isinstance(tests, list):
        return problems + ["tests is not a list"]
    for i, test in enumerate(tests):
        if not isinstance(test, dict):
            problems.append(f"tests[{i}] is not an object")
            continue
        if not is_text(test.get("test-name"), allow_empty=False):
            problems.append(f"tests[{i}].test-name must be a non-empty string")
        if not isinstance(test.get("passed"), bool):
            problems.append(f"tests[{i}].passed must be a boolean")
        problems += _score_problems(test, f"tests[{i}].")
    submitted_by = doc.get("submitted_by")
    if submitted_by is not None and not (isinstance(submitted_by, dict)
                                         and is_text(submitted_by.get("username"), allow_empty=False)
                                         and (submitted_by.get("id") is None or is_int(submitted_by.get("id")))):
        problems.append("submitted_by must be {username: non-empty string, id: integer or null}")
    return problems


def validate_file(text: str, classroom: str, assignment: str) -> list[str]:
    try:
        doc = json.loads(text)
    except ValueError as error:
        return [f"result.json is not JSON: {error}"]
    return validate(doc, classroom, assignment, raw=text)
