"""The self-test's platform checks: every result format, on a passing, a failing and an
unbuildable lab, accepted by the validator written from its platform's contract; and the two
packages whose flow can run here end to end (Classroom 50's autograder.py in a student checkout,
Autolab's Makefile under make), on the exported student template."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from grader import adapters, classroom, export, packages, reports
from grader.labs import ROOT, select_labs
from grader.validators import autolab, classroom50, github_classroom, gradescope, junit, prairielearn

IDENTITY = {"CLASSROOM": "hpc-self-test", "ASSIGNMENT": "lab02", "OWNER": "student",
            "SUBMISSION_TAG": "submit/20261125T000000Z-0000000", "COMMIT_URL": "https://example.org/commit",
            "RELEASE_URL": "https://example.org/release", "REVIEW_URL": "https://example.org/review"}
PACKAGE_LAB = "02"  # the quickest lab to build and grade


def _problems_of(results: dict) -> set[str]:
    return {adapters.autolab_problem(results, lab, item["id"]) for lab in results["labs"] for item in lab["items"]}


def format_problems(results: dict) -> dict[str, list[str]]:
    """Per format, what its validator rejects (and totals that disagree with results.json)."""
    problems = {}
    doc = adapters.gradescope(results)
    problems["Gradescope results.json"] = gradescope.validate(doc) + (
        [] if doc["score"] == results["score"] else [f"score {doc['score']} != {results['score']}"])
    doc = adapters.classroom50(results, adapters.classroom50_identity(IDENTITY))
    problems["Classroom 50 result.json"] = classroom50.validate(doc, IDENTITY["CLASSROOM"], IDENTITY["ASSIGNMENT"]) + (
        [] if doc["score"] == round(results["score"]) else [f"score {doc['score']} != {results['score']}"])
    problems["PrairieLearn results.json"] = prairielearn.validate_file(json.dumps(adapters.prairielearn(results)))
    problems["Autolab autoresult"] = autolab.validate(json.dumps(adapters.autolab_scores(results)), _problems_of(results))
    problems["JUnit XML"] = junit.validate(reports.junit_xml(results))
    problems["GitHub Classroom payload (legacy)"] = [f"{lab['lab']}: {p}" for lab in results["labs"]
                                                     for p in github_classroom.validate(classroom.encoded(lab))]
    return problems


def platform_formats(tally, results_by_kind: dict[str, dict | None]) -> None:
    for kind, results in results_by_kind.items():
        if results is None:
            tally.check(False, f"platform formats on a {kind} lab: no results to check")
            continue
        for fmt, problems in format_problems(results).items():
            tally.check(not problems, f"{fmt} accepted by its platform's validator: {kind}", "\n".join(problems[:10]))


def _classroom50_flow(tally, template: Path, work: Path) -> None:
    lab = select_labs([PACKAGE_LAB])[0]
    packages.package("classroom50", ROOT, lab, work / "classroom50")
    run = subprocess.run([sys.executable, str(work / "classroom50" / "autograder.py")], cwd=template,
                         env={**os.environ, **IDENTITY}, capture_output=True, text=True, timeout=1200)
    result = template / "result.json"
    problems = [] if result.exists() else [f"no result.json (exit {run.returncode}): {run.stderr[-1500:]}"]
    if result.exists():
        problems += classroom50.validate_file(result.read_text(), IDENTITY["CLASSROOM"], IDENTITY["ASSIGNMENT"])
        doc = json.loads(result.read_text())
        if (doc.get("score"), doc.get("max-score")) != (0, lab.max_points):
            problems.append(f"starter scored {doc.get('score')}/{doc.get('max-score')}, want 0/{lab.max_points:g}")
    if not (template / "release-body.md").exists():
        problems.append("no release-body.md (the feedback Classroom 50 shows)")
    tally.check(run.returncode == 0 and not problems,
                f"Classroom 50: autograder.py in a student checkout leaves a valid result.json (lab {PACKAGE_LAB} "
                "starter, 0 points)", "\n".join(problems))


def _autolab_flow(tally, template: Path, work: Path) -> None:
    lab = select_labs([PACKAGE_LAB])[0]
    packages.package("autolab", ROOT, lab, work / "autolab")
    job = work / "autolab-job"  # what Autolab does: an empty folder with the three files, then make
    job.mkdir()
    shutil.copy(work / "autolab" / "autograde.tar", job)
    shutil.copy(work / "autolab" / "autograde-Makefile", job / "Makefile")
    with tarfile.open(job / "handin.tar", "w") as handin:
        for source in sorted((template / "labs" / lab.name / "src").iterdir()):
            handin.add(source, arcname=source.name)
    run = subprocess.run(["make"], cwd=job, capture_output=True, text=True, timeout=1200)
    names = {p["name"] for p in json.loads((work / "autolab" / "problems.json").read_text())}
    problems = autolab.validate(run.stdout, names)
    tally.check(run.returncode == 0 and not problems,
                f"Autolab: make's last line is an autoresult naming only the assessment's problems (lab {PACKAGE_LAB})",
                "\n".join(problems) + f"\n{run.stdout[-800:]}{run.stderr[-800:]}")


def platform_packages(tally) -> None:
    with tempfile.TemporaryDirectory(prefix="platforms-") as tmp:
        work = Path(tmp)
        template = work / "checkout"
        export.export(ROOT, template)
        _classroom50_flow(tally, template, work)
        _autolab_flow(tally, template, work)


def roster_check(tally) -> None:
    """./grade --roster on five students of one lab: the reference, the starter, a file that does
    not compile, a folder without labs/ and a symbolic link to a system file. The batch goes
    through, and the gradebook has every student with the right total."""
    with tempfile.TemporaryDirectory(prefix="roster-") as tmp:
        folder, out = Path(tmp) / "class", Path(tmp) / "out"
        lab = select_labs([PACKAGE_LAB])[0]
        export.export(ROOT, folder / "starter")
        src = Path("labs") / lab.name / "src"
        for name in ("reference", "compile-error", "symlink"):
            shutil.copytree(folder / "starter", folder / name, symlinks=True)
        for source in (ROOT / "solutions" / lab.name / "src").iterdir():
            shutil.copy(source, folder / "reference" / src / source.name)
        first = sorted((folder / "starter" / src).iterdir())[0].name
        with open(folder / "compile-error" / src / first, "a") as f:
            f.write('\n#error "not finished"\n')
        (folder / "symlink" / src / first).unlink()
        (folder / "symlink" / src / first).symlink_to("/etc/passwd")
        (folder / "no-labs-folder").mkdir()
        (folder / "no-labs-folder" / "README.md").write_text("my answers\n")
        run = subprocess.run([str(ROOT / "grade"), "--roster", str(folder), PACKAGE_LAB, "--no-install",
                              "--output", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=1800)
        rows = {}
        if (out / "gradebook.csv").exists():
            lines = (out / "gradebook.csv").read_text().splitlines()[1:]
            rows = {line.split(",")[0]: line.split(",")[1] for line in lines}
        want = {"compile-error": "0", "no-labs-folder": "0", "starter": "0", "symlink": "0"}
        reference = rows.pop("reference", None)
        page = (out / "gradebook.html").read_text() if (out / "gradebook.html").exists() else ""
        unit_points = sum(item.max_points for item in lab.items if item.kind == "unit")  # perf may be inconclusive
        tally.check(run.returncode == 0 and rows == want and float(reference or 0) >= unit_points
                    and page.count("<details>") == 5,
                    f"--roster grades 5 students of lab {PACKAGE_LAB} (reference: {reference}/{lab.max_points:g}, "
                    "broken ones 0) and writes the CSV and HTML gradebook",
                    f"rows={rows} exit={run.returncode}\n{run.stdout[-1500:]}{run.stderr[-1500:]}")
