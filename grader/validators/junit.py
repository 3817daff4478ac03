"""JUnit XML as the junit-4 XSD describes it (the schema Jenkins' JUnit plugin, GitLab and most CI
publishers follow): well-formed XML 1.0; testsuites > testsuite > testcase with the schema's
attributes and child order; no <properties> inside a testcase; and the counts a publisher shows
(tests, failures, errors, skipped) agreeing with the testcases, and time a number."""
from __future__ import annotations

import xml.etree.ElementTree as ET

_SUITES_ATTRS = {"name", "time", "tests", "failures", "disabled", "errors"}
_SUITE_ATTRS = {"name", "tests", "failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id",
                "package"}
_CASE_ATTRS = {"name", "assertions", "time", "classname", "status"}
_OUTCOME_ATTRS = {"type", "message"}
# Allowed children, in the order the schema's sequences give them; `None` = any number.
_SUITE_CHILDREN = (("properties", 1), ("testcase", None), ("system-out", 1), ("system-err", 1))
_CASE_CHILDREN = (("skipped", 1), ("error", None), ("failure", None), ("system-out", None), ("system-err", None))


def _sequence(element: ET.Element, order, where: str) -> list[str]:
    problems, position, counts = [], 0, {}
    names = [name for name, _ in order]
    for child in element:
        if child.tag not in names:
            problems.append(f"{where}: <{child.tag}> is not allowed here")
            continue
        index = names.index(child.tag)
        if index < position:
            problems.append(f"{where}: <{child.tag}> comes after <{names[position]}>, the schema's order is "
                            + ", ".join(names))
        position = max(position, index)
        counts[child.tag] = counts.get(child.tag, 0) + 1
        limit = order[index][1]
        if limit is not None and counts[child.tag] > limit:
            problems.append(f"{where}: more than {limit} <{child.tag}>")
    return problems


def _attributes(element: ET.Element, allowed: set[str], required: set[str], where: str) -> list[str]:
    problems = [f"{where}: attribute {name!r} is not in the schema" for name in sorted(set(element.attrib) - allowed)]
    problems += [f"{where}: required attribute {name!r} missing" for name in sorted(required - set(element.attrib))]
    return problems


def _number(element: ET.Element, key: str, where: str, kind=float) -> list[str]:
    if key not in element.attrib:
        return []
    try:
        kind(element.get(key))
        return []
    except ValueError:
        return [f"{where}: {key}={element.get(key)!r} is not a {kind.__name__}"]


def _suite(suite: ET.Element) -> list[str]:
    where = f"testsuite {suite.get('name')!r}"
    problems = _attributes(suite, _SUITE_ATTRS, {"name", "tests"}, where) + _sequence(suite, _SUITE_CHILDREN, where)
    problems += _number(suite, "time", where) + sum((_number(suite, k, where, int) for k in
                                                      ("tests", "failures", "errors", "skipped")), [])
    cases = suite.findall("testcase")
    for properties in suite.findall("properties"):
        problems += [f"{where}: property without name or value" for p in properties
                     if p.tag != "property" or "name" not in p.attrib or "value" not in p.attrib]
    for case in cases:
        at = f"{where} testcase {case.get('name')!r}"
        problems += _attributes(case, _CASE_ATTRS, {"name"}, at) + _sequence(case, _CASE_CHILDREN, at)
        problems += _number(case, "time", at)
        for outcome in case:
            if outcome.tag in ("skipped", "error", "failure"):
                problems += _attributes(outcome, _OUTCOME_ATTRS, set(), f"{at} <{outcome.tag}>")
    if not problems:
        for key, tag in (("tests", None), ("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            counted = len(cases) if tag is None else sum(case.find(tag) is not None for case in cases)
            if key in suite.attrib and int(suite.get(key)) != counted:
                problems.append(f"{where}: {key}={suite.get(key)} but {counted} testcase(s) say so")
    return problems


def validate(text: str) -> list[str]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag == "testsuite":
        return _suite(root)
    if root.tag != "testsuites":
        return [f"the root element is <{root.tag}>, not <testsuites> or <testsuite>"]
    problems = _attributes(root, _SUITES_ATTRS, set(), "testsuites")
    problems += [f"testsuites: <{child.tag}> is not allowed here" for child in root if child.tag != "testsuite"]
    suites = root.findall("testsuite")
    for suite in suites:
        problems += _suite(suite)
    if not problems:
        for key in ("tests", "failures", "errors"):
            if key in root.attrib and int(root.get(key)) != sum(int(s.get(key, 0)) for s in suites):
                problems.append(f"testsuites: {key}={root.get(key)} is not the sum over its suites")
    return problems
