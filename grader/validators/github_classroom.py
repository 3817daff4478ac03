"""The legacy GitHub Classroom reporter payload (classroom-resources/autograding-grading-reporter,
version 1): base64 JSON {version, status, max_score, tests[{name, status, message, score?,
max_score?, line_no, execution_time}]}. The reporter records the sum of test scores but prints
passed/total x max_score in its log, so a payload is only honest when both agree; and an empty
payload stops the reporter, voiding every lab."""
from __future__ import annotations

import base64
import binascii
import json

from grader.validators._types import is_number, is_text

STATUSES = {"pass", "fail", "error"}


def validate(encoded: str) -> list[str]:
    if not encoded:
        return ["empty payload: the reporter stops and no lab's points are recorded"]
    try:
        doc = json.loads(base64.b64decode(encoded, validate=True))
    except (binascii.Error, ValueError) as error:
        return [f"not base64 JSON: {error}"]
    if not isinstance(doc, dict):
        return ["the payload is not a JSON object"]
    problems = []
    if doc.get("version") != 1:
        problems.append(f"version {doc.get('version')!r}, want 1")
    if doc.get("status") not in STATUSES:
        problems.append(f"status {doc.get('status')!r} is not pass, fail or error")
    if not is_number(doc.get("max_score")):
        problems.append("max_score must be a number")
    tests = doc.get("tests")
    if not isinstance(tests, list) or not tests:
        return problems + ["tests must be a non-empty list"]
    for i, test in enumerate(tests):
        if not (isinstance(test, dict) and is_text(test.get("name")) and test.get("status") in STATUSES):
            problems.append(f"tests[{i}] needs a name and a status of pass, fail or error")
            continue
        problems += [f"tests[{i}].{key} must be a number" for key in ("score", "max_score")
                     if key in test and not is_number(test[key])]
    if not problems and is_number(doc.get("max_score")):
        recorded = sum(test.get("score", 0) for test in tests)
        logged = sum(test["status"] == "pass" for test in tests) / len(tests) * doc["max_score"]
        if abs(recorded - logged) > 1e-9:
            problems.append(f"the reporter would record {recorded:g} but print {logged:.2f} "
                            f"(passed/total x max_score): make every test worth the same")
    return problems
