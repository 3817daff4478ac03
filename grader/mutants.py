"""Curated mutants: the mistakes students really make, each a small unified diff against a reference
solution file (solutions/<lab>/mutants/<mistake>.patch), whose header says why a student makes it:

    why: the partial tile is stored whole when n is a multiple of 8 but not of 16
    tested-by: test_matmul test_hidden_matmul      (optional; default test_<file>)
    --- a/matmul.cpp
    +++ b/matmul.cpp
    @@ ...

The self-test applies each mutant to a copy of the reference, builds only the test programs that
grade that file, and runs their unit items as the grader does. A mutant is killed when one of those
correctness items fails; a timeout alone does not count (a slow test is no verdict), nor does a
perf item. Patches apply exactly (no fuzz): one that no longer matches the reference says so.
"""
from __future__ import annotations

import dataclasses
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from grader import build
from grader.labs import ROOT, bin_dir, build_dir, cmake_target, sanitizer_tree
from grader.results import ERROR, FAILED, SKIPPED

TREE = "mutants"
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class MutantError(Exception):
    pass


@dataclass
class Mutant:
    name: str
    why: str
    file: str
    hunks: list[list[str]]
    tested_by: list[str] = field(default_factory=list)


@dataclass
class Verdict:
    mutant: Mutant
    killed: bool
    how: str  # the killing item and its first line, or why it counts as not killed


def parse(name: str, text: str) -> Mutant:
    header, _, diff = text.partition("\n--- ")
    fields = dict(line.split(":", 1) for line in header.splitlines() if ":" in line)
    if "why" not in fields or not diff:
        raise MutantError(f"{name}: needs a 'why:' line and a unified diff (--- a/FILE, +++ b/FILE, @@ hunks)")
    lines = ("--- " + diff).splitlines()
    file = lines[1].removeprefix("+++ ").removeprefix("b/").strip()
    hunks, current = [], None
    for line in lines[2:]:
        if line.startswith("@@"):
            current = []
            hunks.append(current)
        elif current is not None and line[:1] in (" ", "-", "+", ""):
            current.append(line if line else " ")
    if not hunks:
        raise MutantError(f"{name}: no hunk")
    return Mutant(name, fields["why"].strip(), file, hunks, fields.get("tested-by", "").split())


def apply(text: str, mutant: Mutant) -> str:
    """The file with every hunk applied; each hunk's old lines must occur exactly once."""
    for hunk in mutant.hunks:
        old = "\n".join(line[1:] for line in hunk if line[0] in " -") + "\n"
        new = "\n".join(line[1:] for line in hunk if line[0] in " +") + "\n"
        if text.count(old) != 1:
            raise MutantError(f"{mutant.name}: a hunk does not match {mutant.file} of the reference exactly once "
                              f"(found {text.count(old)} times): regenerate the patch")
        text = text.replace(old, new)
    return text


def load(lab) -> list[Mutant]:
    folder = ROOT / "solutions" / lab.name / "mutants"
    return [parse(p.stem, p.read_text()) for p in sorted(folder.glob("*.patch"))] if folder.is_dir() else []


def _stage_reference(lab) -> Path:
    target = build.staging_dir(TREE) / "labs" / lab.name / "src"
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted((ROOT / "solutions" / lab.name / "src").iterdir()):
        if source.is_file():
            build._copy_if_changed(source, target / source.name)
    return target


def _binaries(lab, mutant: Mutant) -> list[str]:
    if mutant.tested_by:
        return mutant.tested_by
    stem = Path(mutant.file).stem
    return [b for b in (f"test_{stem}", f"test_hidden_{stem}") if any(i.binary == b for i in lab.items)]


def judge(lab, mutant: Mutant, tests) -> Verdict:
    """Killed by a failing correctness item of the mutated file; a timeout alone is not a kill."""
    for test in tests:
        if test.status in (FAILED, ERROR) and "timed out" not in test.output:
            return Verdict(mutant, True, f"{test.id}: {test.output.splitlines()[0] if test.output else test.status}")
    if any(t.status == SKIPPED for t in tests) and not any(t.status == FAILED for t in tests):
        return Verdict(mutant, False, "not run here: " + tests[0].output.splitlines()[0])
    timed_out = [t.id for t in tests if "timed out" in t.output]
    return Verdict(mutant, False, f"only timed out ({', '.join(timed_out)})" if timed_out else
                   f"survived: {', '.join(t.id for t in tests)} passed")


def run_lab(lab, env, grade_items, log=print) -> list[Verdict]:
    """Every mutant of `lab`, one after another; grade_items(lab, bin_dir, only) -> [TestResult]."""
    mutants = load(lab)
    if not mutants:
        return []
    staged = _stage_reference(lab)
    build.configure(TREE, staged=True)
    for sanitizer in {item.sanitizer for item in lab.items if item.rebuilt_with_sanitizer}:
        build.configure(sanitizer_tree(TREE, sanitizer), staged=True)
    verdicts = []
    for index, mutant in enumerate(mutants, 1):
        log(f"   mutant {index} of {len(mutants)}: {mutant.name}")
        _stage_reference(lab)
        try:
            source = staged / mutant.file
            source.write_text(apply(source.read_text(), mutant))
        except (MutantError, OSError) as error:
            verdicts.append(Verdict(mutant, False, f"does not apply: {error}"))
            continue
        binaries = _binaries(lab, mutant)
        targets = [f"{cmake_target(lab)}_{b}" for b in binaries]
        built = subprocess.run(["cmake", "--build", str(build_dir(TREE)), "-j", str(build.parallel_jobs()), "--target",
                                *targets], capture_output=True, text=True)
        if built.returncode != 0 or not binaries:
            why = build.first_error(built.stdout + built.stderr) if binaries else "no test program grades this file"
            verdicts.append(Verdict(mutant, False, f"does not build: {why}"))
            continue
        only = {item.id for item in lab.items if item.kind == "unit" and item.binary in binaries}
        # The plain items first: most mutants die there, and need no sanitizer build at all.
        plain = {item_id for item_id in only if not lab.item(item_id).rebuilt_with_sanitizer}
        verdict = judge(lab, mutant, grade_items(lab, bin_dir(TREE, lab), plain))
        sanitized = only - plain
        if not verdict.killed and sanitized:
            graded = dataclasses.replace(lab, items=tuple(item for item in lab.items if item.id in sanitized))
            problems = [p for p in build.build_sanitized(TREE, graded, log=lambda _: None, trusted=True,
                                                         configured=True).values() if p]
            if problems:
                verdicts.append(Verdict(mutant, False, f"does not build with a sanitizer: {problems[0]}"))
                continue
            verdict = judge(lab, mutant, grade_items(lab, bin_dir(TREE, lab), only))
        verdicts.append(verdict)
    _stage_reference(lab)
    return verdicts
