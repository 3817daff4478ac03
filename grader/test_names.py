"""The tests a test program really has, read from its symbols, so that a report naming tests the
program does not have (written by code under test) is recognised as forged.

GoogleTest turns TEST(Suite, Name) into a class Suite_Name_Test whose TestBody() the program
defines; student objects cannot add such classes (grader/symbols.py refuses definitions outside
their lab's namespace), so the classes in the binary are the instructor's tests.
"""
from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

_TEST_BODY = re.compile(r"(?:^|::)(\w+_Test)(?:<.*>)?::TestBody\(\)")


@functools.lru_cache(maxsize=64)
def _declared(binary: str, mtime_ns: int) -> frozenset[str] | None:
    listing = subprocess.run(["nm", "-C", "--defined-only", binary], capture_output=True, text=True)
    if listing.returncode != 0:
        return None  # not a native program (the grader's own fake tests): nothing to compare with
    return frozenset(m.group(1) for line in listing.stdout.splitlines() if (m := _TEST_BODY.search(line)))


def declared_tests(binary: Path) -> frozenset[str] | None:
    """The Suite_Name_Test classes of `binary`, or None when its symbols cannot be read."""
    return _declared(str(binary), binary.stat().st_mtime_ns)


def test_class(case_name: str) -> str:
    """'Shapes/MatmulSize.Matches/n31' -> 'MatmulSize_Matches_Test' (instantiation prefixes, value
    and type parameters dropped)."""
    suite, _, test = case_name.partition(".")
    suite = [part for part in suite.split("/") if not part.isdigit()][-1]
    return f"{suite}_{test.split('/')[0]}_Test"


def unknown_cases(case_names: list[str], declared: frozenset[str] | None) -> list[str]:
    if not declared:
        return []
    return [name for name in case_names if test_class(name) not in declared]
