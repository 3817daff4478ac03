"""Grades every case of cases.toml as a submission (./grade --submission) and checks that the
grader reports exactly the expected outcome, survives, finishes in bounded time and leaves no
process behind. Used by ./grade --self-test; also runnable alone:

    /usr/bin/python3 -m grader.tests.adversarial.suite
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from unittest import mock

from grader.cli import grade_labs, test_environment, write_results
from grader.config import Limits
from grader.labs import ROOT, bin_dir, select_labs
from grader.sandbox import _processes_of, sandbox_uid
from grader.scoring import grade_lab

HERE = Path(__file__).resolve().parent
LAB = "01-vectorization"
# Tight limits keep the suite short: a hang costs 5 s, not the lab's 60.
LIMITS = Limits(timeout_s=5, memory_mb=512, cpu_s=10, processes=64, output_kb=256)
# ... and a compile bomb is stopped by 1 GiB per compiler process or 120 s, not 3 GiB or 600 s.
BUILD_LIMITS = Limits(timeout_s=120, memory_mb=1024, cpu_s=120, processes=256, output_kb=4096, file_mb=512)
CASE_SECONDS = 150  # build + grade of one case; far more means the grader is stuck


def leftover_processes(program: str) -> list[int]:
    uid = sandbox_uid()
    if uid is not None:
        return _processes_of(uid)
    mine = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == program:
                mine.append(int(pid))
        except OSError:
            pass
    return mine


def _expected(case: dict, key: str, item: str) -> str:
    value = case[key]
    return value[item] if isinstance(value, dict) else value


def _write_submission(case: dict, submission: Path) -> None:
    shutil.rmtree(submission, ignore_errors=True)
    src = submission / "labs" / LAB / "src"
    src.mkdir(parents=True)
    target = src / case["replaces"]
    if "link" in case:
        target.symlink_to(ROOT / case["link"])
    else:
        shutil.copy(HERE / case["file"], target)
        os.utime(target)  # a new case must rebuild even when files have equal timestamps
    for name in case.get("solution_files", []):
        shutil.copy(ROOT / "solutions" / LAB / "src" / name, src / name)
    for rel, source in case.get("extra", {}).items():
        (submission / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / source, submission / rel)


def run_case(case: dict, submission: Path, lab, log) -> list[tuple[bool, str, str]]:
    """[(ok, what, detail)] for one case."""
    _write_submission(case, submission)
    name = case["name"]
    started = time.monotonic()
    with mock.patch.dict(os.environ, case.get("grader_env", {})):
        env = test_environment(case.get("seed"))
        result = grade_labs([lab], "submission", env, log=lambda _: None, submission=submission,
                            only=set(case["items"]), limits=LIMITS, build_limits=BUILD_LIMITS)[0]
    elapsed = time.monotonic() - started
    if not result.gradable:
        return [(False, f"adversarial '{name}': builds", result.problem)]
    checks = []
    for test in result.tests:
        status, reason = _expected(case, "status", test.id), _expected(case, "reason", test.id)
        checks.append((test.status == status and reason in test.output,
                       f"adversarial '{name}': {test.id} -> {status} ({reason})", f"got {test.status}: {test.output[:600]}"))
    shown = json.dumps(result.to_json())
    for secret in case.get("absent", []):
        checks.append((secret not in shown, f"adversarial '{name}': the results do not contain {secret!r}", shown[:1500]))
    checks.append((len(result.tests) == len(case["items"]), f"adversarial '{name}': every item graded", ""))
    left = leftover_processes("test_matmul")
    checks.append((not left, f"adversarial '{name}': no process left behind", f"still running: {left}"))
    checks.append((elapsed < CASE_SECONDS, f"adversarial '{name}': done in {elapsed:.0f} s", ""))
    log(f"   {name}: {', '.join(t.status for t in result.tests)} in {elapsed:.1f} s")
    return checks


def run_suite(log=print) -> list[tuple[bool, str, str]]:
    cases = tomllib.loads((HERE / "cases.toml").read_text())["case"]
    lab = select_labs([LAB])[0]
    checks = []
    with tempfile.TemporaryDirectory(prefix="adversarial-") as tmp:
        submission = Path(tmp) / "submission"
        for case in cases:
            checks += run_case(case, submission, lab, log)
        # The fake results file must not reach the real results: grade the last fake again and
        # write results the usual way.
        out = Path(tmp) / "results"
        fake = next(c for c in cases if c["file"] == "fake_results_file.cpp")
        run_case(fake, submission, lab, lambda _: None)
        graded = grade_lab(lab, bin_dir("submission", lab), test_environment(None), only={"matmul"}, limits=LIMITS)
        written = write_results([graded], "submission", out, log=lambda _: None)
        on_disk = json.loads((out / "results.json").read_text())
        checks.append((written["score"] == 0 and on_disk["score"] == 0,
                       "adversarial 'fake results file': the grader's results.json says 0 points",
                       f"score {on_disk['score']}"))
    return checks


if __name__ == "__main__":
    results = run_suite()
    for ok, what, detail in results:
        print(f"[{'PASS' if ok else 'FAIL'}] {what}" + ("" if ok else f"\n    {detail}"))
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)
