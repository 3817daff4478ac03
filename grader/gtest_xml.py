"""Reads the GoogleTest XML report (--gtest_output=xml:FILE): per test case, its verdict, failure
messages and the properties a perf test recorded with RecordProperty()."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

# Attributes GoogleTest itself writes on <testcase>; anything else is a RecordProperty().
_BUILTIN_ATTRIBUTES = {"name", "status", "result", "time", "timestamp", "classname", "file", "line",
                       "value_param", "type_param"}


@dataclass
class Case:
    name: str                   # Suite.Test
    status: str                 # "passed", "failed" or "skipped"
    messages: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)


class ReportError(Exception):
    pass


def _message(element) -> str:
    text = element.get("message") or (element.text or "")
    # GoogleTest prefixes "file:line" or, for exceptions, "unknown file": keep the location only
    # when it is a real one.
    return text.removeprefix("unknown file\n").strip()


def parse_report(path: Path) -> list[Case]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise ReportError(f"unreadable GoogleTest report {path.name}: {error}") from None
    cases = []
    for element in root.iter("testcase"):
        name = f"{element.get('classname', '')}.{element.get('name', '')}"
        properties = {k: v for k, v in element.attrib.items() if k not in _BUILTIN_ATTRIBUTES}
        for prop in element.iter("property"):
            if prop.get("name"):
                properties[prop.get("name")] = prop.get("value", "")
        failures = [_message(f) for f in element.iter("failure")] + [_message(e) for e in element.iter("error")]
        if element.get("status") == "notrun":
            continue  # a DISABLED_ test: not part of the run
        if failures:
            status = "failed"
        elif element.get("result") == "skipped" or element.find("skipped") is not None:
            status = "skipped"
            skipped = element.find("skipped")
            if skipped is not None and skipped.get("message"):
                # The reason, without GoogleTest's "file:line" of the GTEST_SKIP().
                failures = [re.sub(r"^\S+:\d+\n", "", skipped.get("message")).strip()]
        else:
            status = "passed"
        cases.append(Case(name=name, status=status, messages=failures, properties=properties))
    return cases
