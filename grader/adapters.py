"""Other platforms' result formats, each derived from the grader's one results.json document and
each checked against its platform's published contract by grader/validators/.

  gradescope    /autograder/results/results.json: score, output, tests[]{name, number, score,
                max_score, status, output, visibility}
  classroom50   ./result.json, schema classroom50/result/v1: identity fields from the runner's
                environment, integer scores, tests[]{test-name, passed, score, max-score, output}
  prairielearn  /grade/results/results.json: score in 0..1, tests[]{name, points, max_points,
                output}; not gradable (format_errors) only when no lab could be graded at all
  autolab       the last stdout line {"scores": {problem: points}}, one problem per graded item

A lab that did not build costs its own points, with the compiler's first error, never a silent 0
and never the other labs' points.
"""
from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

FORMATS = ("gradescope", "classroom50", "prairielearn", "autolab")


def _unbuilt(results: dict) -> list[dict]:
    return [lab for lab in results["labs"] if not lab["gradable"]]


def _without_tests(results: dict) -> list[dict]:
    """Labs that ran no test: not built, or skipped on this machine (no CUDA compiler)."""
    return [lab for lab in results["labs"] if not lab["gradable"] or lab.get("status") == "skipped"]


def _inconclusive(results: dict) -> str:
    if not results.get("inconclusive"):
        return ""
    return ("Inconclusive (the machine was too busy to measure; these items need grading again): "
            + ", ".join(results["inconclusive"]))


def _seed(results: dict) -> str:
    seed, steps = results.get("seed"), results.get("calibration")
    lines = [f"Graded with seed {seed}: ./grade NN --seed {seed} repeats these inputs." if seed is not None else "",
             f"Perf steps: {steps}." if steps else ""]
    return "\n".join(filter(None, lines))


def _problems(results: dict) -> str:
    return "\n\n".join(f"{lab['lab']}: {lab['problem']}" for lab in _without_tests(results))


def _whole(points: float) -> int:
    """Points are whole numbers (grading.toml enforces it); JSON may carry them as 3.0."""
    return int(round(points))


def gradescope(results: dict) -> dict:
    tests = [{"name": t["name"], "number": f"{n}", "score": t["score"], "max_score": t["max_score"],
              "status": "passed" if t["status"] == "passed" else "failed", "output": t.get("output", ""),
              "visibility": "visible"} for n, t in enumerate(results["tests"], 1)]
    tests += [{"name": f"{lab['lab']}: (whole lab)", "score": 0, "max_score": lab["max_score"], "status": "failed",
               "output": lab["problem"], "visibility": "visible"} for lab in _without_tests(results)]
    return {"score": results["score"],
            "output": "\n\n".join(filter(None, [_problems(results), _inconclusive(results), _seed(results)])),
            "stdout_visibility": "hidden", "tests": tests}


def classroom50_identity(environ=os.environ) -> dict:
    """The fields Classroom 50's runner checks against its own environment (it passes them to the
    autograder); outside a Classroom 50 run, plain local values."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    commit = environ.get("COMMIT_URL") or "local"
    return {"classroom": environ.get("CLASSROOM") or "local", "assignment": environ.get("ASSIGNMENT") or "local",
            "assignment_type": environ.get("ASSIGNMENT_TYPE") or "individual",
            "owner": environ.get("OWNER") or environ.get("USERNAME") or "local",
            "submission": environ.get("SUBMISSION_TAG") or "submit/local", "commit": commit,
            "release": environ.get("RELEASE_URL") or commit, "review": environ.get("REVIEW_URL") or commit,
            "datetime": now}


def classroom50(results: dict, identity: dict | None = None) -> dict:
    tests = [{"test-name": t["name"], "passed": t["status"] == "passed", "score": _whole(t["score"]),
              "max-score": _whole(t["max_score"]), "output": t.get("output", "")} for t in results["tests"]]
    tests += [{"test-name": f"{lab['lab']}: (whole lab)", "passed": False, "score": 0,
               "max-score": _whole(lab["max_score"]), "output": lab["problem"]} for lab in _without_tests(results)]
    return {"schema": "classroom50/result/v1", **(identity or classroom50_identity()),
            "score": sum(t["score"] for t in tests), "max-score": sum(t["max-score"] for t in tests), "tests": tests}


def prairielearn(results: dict) -> dict:
    graded = [lab for lab in results["labs"] if lab not in _without_tests(results)]
    if not graded:  # nothing could be graded: PrairieLearn then keeps the attempt and shows why
        return {"gradable": False, "format_errors": [f"{lab['lab']}: {lab['problem']}" for lab in results["labs"]]}
    most = sum(lab["max_score"] for lab in results["labs"])
    tests = [{"name": t["name"], "points": t["score"], "max_points": t["max_score"], "output": t.get("output", "")}
             for t in results["tests"]]
    tests += [{"name": f"{lab['lab']}: (whole lab)", "points": 0, "max_points": lab["max_score"],
               "output": lab["problem"]} for lab in _without_tests(results)]
    doc = {"gradable": True, "score": results["score"] / most if most else 0.0, "tests": tests}
    message = "\n\n".join(filter(None, [_problems(results), _inconclusive(results), _seed(results)]))
    if message:
        doc["message"] = message
    return doc


def autolab_problem(results: dict, lab: dict, item_id: str) -> str:
    """Autolab problem names: the item ids when one lab is graded (one assessment per lab), else
    lab/item."""
    return item_id if len(results["labs"]) == 1 else f"{lab['lab']}/{item_id}"


def autolab_scores(results: dict) -> dict:
    earned = {(t["lab"], t["id"]): t["score"] for t in results["tests"]}
    return {"scores": {autolab_problem(results, lab, item["id"]): _whole(earned.get((lab["lab"], item["id"]), 0))
                       for lab in results["labs"] for item in lab.get("items", [])}}


def write(results: dict, fmt: str, out_dir: Path, log=print) -> Path:
    folder = out_dir / fmt
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "gradescope":
        path, doc = folder / "results.json", gradescope(results)
    elif fmt == "classroom50":
        path, doc = folder / "result.json", classroom50(results)
    elif fmt == "prairielearn":
        path, doc = folder / "results.json", prairielearn(results)
    elif fmt == "autolab":
        path, doc = folder / "scores.json", autolab_scores(results)
    else:
        raise ValueError(f"unknown format {fmt}; one of {FORMATS}")
    path.write_text(json.dumps(doc, indent=2) + "\n")
    return path
