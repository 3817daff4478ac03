"""The result model: what the grader decided for each graded item, and the totals. results.json is
written from these and every other format (JUnit, markdown, GitHub Classroom, plots) is derived
from results.json's content, so they can never disagree."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


def items_of(lab) -> list[dict]:
    """The graded items of a lab's configuration, in grading.toml's order."""
    return [{"id": item.id, "name": item.name, "max_score": item.max_points} for item in lab.items]

PASSED, FAILED, SKIPPED, ERROR = "passed", "failed", "skipped", "error"
# A perf measurement the machine did not allow (busy, noisy, out of time): 0 points and the word
# to regrade on a quieter machine. Never a lowered bar, never a silent 0.
INCONCLUSIVE = "inconclusive"


@dataclass
class TestResult:
    lab: str
    id: str
    name: str
    kind: str                  # "unit" or "perf"
    status: str                # passed | failed | skipped | error | inconclusive
    score: float
    max_score: float
    output: str = ""           # the explanation shown to the student
    measured: float | None = None   # perf: the metric's value
    required: float | None = None   # perf: the pass threshold (the first step)
    steps: list | None = None       # perf: the whole step table, [[at, points], ...]
    metric: str | None = None
    wall_s: float = 0.0
    hidden: bool | None = None      # True: an instructor's hidden item, not in the handout's points
    timing: dict | None = None      # perf: what the test timed per call (grader/scoring.py _timing)
    roofline: dict | None = None    # perf with flops/bytes: the roofline feedback (grader/roofline.py)

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class LabResult:
    lab: str
    title: str
    tests: list[TestResult] = field(default_factory=list)
    gradable: bool = True
    problem: str = ""          # why the lab could not be graded (build failure, ...) or was skipped (no CUDA)
    max_score: float = 0.0     # the lab's points, earned or not (an unbuilt lab has no tests)
    status: str = "graded"     # graded | skipped (this machine cannot run it: no CUDA compiler) | not built
    notes: list[str] = field(default_factory=list)  # submitted files not taken as they were, and why
    # Every graded item of the lab, also when none ran (an unbuilt lab): platforms with one problem
    # per item (Autolab) and gradebook columns need them all.
    items: list[dict] = field(default_factory=list)  # {id, name, max_score}
    # The machine's ceilings for the roofline feedback ({peak_gflops_one_core, bandwidth_gbs,
    # threads}), or {omitted: why}; None when no item of the lab declares its work (grader/roofline.py).
    roofline: dict | None = None

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    def to_json(self) -> dict:
        return {"lab": self.lab, "title": self.title, "score": self.score, "max_score": self.max_score,
                "gradable": self.gradable, "status": self.status, "problem": self.problem, "notes": self.notes,
                "items": self.items, "tests": [t.to_json() for t in self.tests],
                **({"roofline": self.roofline} if self.roofline is not None else {})}


def summary_json(labs: list[LabResult], tree: str, machine: dict) -> dict:
    """The one schema of results.json (Gradescope-compatible top-level fields)."""
    return {
        "score": sum(lab.score for lab in labs),
        "inconclusive": [f"{t.lab}: {t.name}" for lab in labs for t in lab.tests if t.status == INCONCLUSIVE],
        "max_score": sum(lab.max_score for lab in labs),
        "tree": tree,
        "machine": machine,
        "labs": [lab.to_json() for lab in labs],
        "tests": [dict(t.to_json(), name=f"{t.lab}: {t.name}") for lab in labs for t in lab.tests],
    }
