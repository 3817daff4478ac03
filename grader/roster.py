"""`./grade --roster DIR`: grade every submission folder in DIR (one per student, each a copy of
the student's course repository), one after another so perf items never overlap, and write a
gradebook. A bad submission is graded as what it is (not gradable, and why) and never stops the
batch; an interrupted run resumes where it stopped, since each student's results.json is written
once, when that student is done (delete it to grade the student again).

    OUT/roster/<student>/results.json   each student's full results (and every other report)
    OUT/gradebook.csv                   one row per student, one column per lab and per item
    OUT/gradebook.html                  one self-contained page: distributions and drill-down
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from grader import gradebook


class RosterError(Exception):
    pass


def submissions(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RosterError(f"--roster {folder}: not a folder")
    found = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not found:
        raise RosterError(f"--roster {folder}: no submission folders in it (one folder per student)")
    return found


def _eta(done_seconds: list[float], remaining: int) -> str:
    if not done_seconds:
        return "time left: unknown yet"
    left = sum(done_seconds) / len(done_seconds) * remaining
    return f"about {left / 60:.0f} min left" if left >= 90 else f"about {left:.0f} s left"


def grade_roster(folder: Path, out: Path, grade_one: Callable[[Path, Path], dict], log=print) -> dict[str, dict]:
    """grade_one(submission, its results folder) -> results.json's content. Returns the results
    per student, the resumed ones included."""
    students = submissions(folder)
    results, spent = {}, []
    for index, submission in enumerate(students, 1):
        target = out / "roster" / submission.name
        done = target / "results.json"
        if done.exists():
            try:
                results[submission.name] = json.loads(done.read_text())
                log(f"== roster: {index} of {len(students)}: {submission.name}: already graded (resumed)")
                continue
            except ValueError:
                pass  # an unfinished write from an interrupted run: grade again
        log(f"== roster: {index} of {len(students)}: {submission.name} ({_eta(spent, len(students) - index + 1)})")
        started = time.monotonic()
        results[submission.name] = grade_one(submission, target)
        spent.append(time.monotonic() - started)
    written = gradebook.write(results, out)
    log(f"gradebook: {', '.join(str(p) for p in written)}")
    return results
