"""The result model: what the grader decided for each graded item, and the totals. results.json is
written from these and every other format (JUnit, markdown, GitHub Classroom, plots) is derived
from results.json's content, so they can never disagree."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

PASSED, FAILED, SKIPPED, ERROR = "passed", "failed", "skipped", "error"


@dataclass
class TestResult:
    lab: str
    id: str
    name: str
    kind: str                  # "unit" or "perf"
    status: str                # passed | failed | skipped | error
    score: float
    max_score: float
    output: str = ""           # the explanation shown to the student
    measured: float | None = None   # perf: the metric's value
    required: float | None = None   # perf: the pass threshold
    metric: str | None = None
    wall_s: float = 0.0

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class LabResult:
    lab: str
    title: str
    tests: list[TestResult] = field(default_factory=list)
    gradable: bool = True
    problem: str = ""          # why the lab could not be graded (build failure, no CUDA, ...)
    max_score: float = 0.0     # the lab's points, earned or not (an unbuilt lab has no tests)

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    def to_json(self) -> dict:
        return {"lab": self.lab, "title": self.title, "score": self.score, "max_score": self.max_score,
                "gradable": self.gradable, "problem": self.problem,
                "tests": [t.to_json() for t in self.tests]}


def summary_json(labs: list[LabResult], tree: str, machine: dict) -> dict:
    """The one schema of results.json (Gradescope-compatible top-level fields)."""
    return {
        "score": sum(lab.score for lab in labs),
        "max_score": sum(lab.max_score for lab in labs),
        "tree": tree,
        "machine": machine,
        "labs": [lab.to_json() for lab in labs],
        "tests": [dict(t.to_json(), name=f"{t.lab}: {t.name}") for lab in labs for t in lab.tests],
    }
