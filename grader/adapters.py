"""Other platforms' result formats, each derived from the grader's one results.json document.

  gradescope    results.json: score, max_score, output, tests[]{name, score, max_score, status, output, visibility}
  classroom50   result.json: schema classroom50/result/v1, tests[]{test-name, passed, score, max-score}
  prairielearn  results.json: gradable, score in 0..1, message, tests[]{name, points, max_points, output}
  autolab       a last stdout line {"scores": {...}} (and autolab/scores.json)

A lab that did not build is "not gradable" everywhere, with the compiler's first error, never a
silent 0.
"""
from __future__ import annotations

import json
from pathlib import Path

FORMATS = ("gradescope", "classroom50", "prairielearn", "autolab")


def _unbuilt(results: dict) -> list[dict]:
    return [lab for lab in results["labs"] if not lab["gradable"]]


def _skipped(results: dict) -> list[dict]:
    """Labs this machine cannot run (no CUDA compiler): 0 points, and the reason, everywhere."""
    return [lab for lab in results["labs"] if lab.get("status") == "skipped"]


def _inconclusive(results: dict) -> str:
    if not results.get("inconclusive"):
        return ""
    return ("Inconclusive (the machine was too busy to measure; these items need grading again): "
            + ", ".join(results["inconclusive"]))


def _problems(results: dict) -> str:
    return "\n\n".join(f"{lab['lab']}: not gradable: {lab['problem']}" for lab in _unbuilt(results))


def gradescope(results: dict) -> dict:
    tests = [{"name": t["name"], "score": t["score"], "max_score": t["max_score"],
              "status": "passed" if t["status"] == "passed" else "failed", "output": t.get("output", ""),
              "visibility": "visible"} for t in results["tests"]]
    tests += [{"name": f"{lab['lab']}: build", "score": 0, "max_score": lab["max_score"], "status": "failed",
               "output": f"not gradable: {lab['problem']}", "visibility": "visible"} for lab in _unbuilt(results)]
    tests += [{"name": f"{lab['lab']}: (whole lab)", "score": 0, "max_score": lab["max_score"], "status": "failed",
               "output": lab["problem"], "visibility": "visible"} for lab in _skipped(results)]
    return {"score": results["score"], "max_score": results["max_score"],
            "output": "\n\n".join(filter(None, [_problems(results), _inconclusive(results)])), "tests": tests}


def classroom50(results: dict) -> dict:
    tests = [{"test-name": t["name"], "passed": t["status"] == "passed", "score": t["score"],
              "max-score": t["max_score"]} for t in results["tests"]]
    tests += [{"test-name": f"{lab['lab']}: build (not gradable)", "passed": False, "score": 0,
               "max-score": lab["max_score"]} for lab in _unbuilt(results)]
    tests += [{"test-name": f"{lab['lab']}: (whole lab, skipped)", "passed": False, "score": 0,
               "max-score": lab["max_score"]} for lab in _skipped(results)]
    return {"schema": "classroom50/result/v1", "score": results["score"], "max-score": results["max_score"],
            "tests": tests}


def prairielearn(results: dict) -> dict:
    gradable = not _unbuilt(results)
    doc = {"gradable": gradable,
           "score": results["score"] / results["max_score"] if results["max_score"] else 0.0,
           "tests": [{"name": t["name"], "points": t["score"], "max_points": t["max_score"],
                      "output": t.get("output", "")} for t in results["tests"]]
                    + [{"name": f"{lab['lab']}: (whole lab)", "points": 0, "max_points": lab["max_score"],
                        "output": lab["problem"]} for lab in _skipped(results)]}
    if not gradable:
        doc["message"] = _problems(results)
    return doc


def autolab_scores(results: dict) -> dict:
    scores = {f"{t['lab']}/{t['id']}": t["score"] for t in results["tests"]}
    scores.update({f"{lab['lab']}/build": 0 for lab in _unbuilt(results) + _skipped(results)})
    return {"scores": scores}


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
