"""Step tables that travel to the grading machine. A perf item with a `reference` in grading.toml
(a speedup that depends on the CPU: vector width, caches) has steps set against what the reference
solution measures on the course's machine. `./grade --calibrate` times the reference solutions'
perf items on the grading machine, several runs, and writes grader/calibration.json: per item, the
median it measured there and the factor to the course's figure. Every later grade on that machine
scales those items' steps by the factor, so the reference keeps the same margin above the top step
and a student's kernel needs the same fraction of the reference's performance as on the course's
machine. Every output names the calibration it graded with (or "as shipped").
"""
from __future__ import annotations

import dataclasses
import datetime
import json
import os
import platform
import statistics
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.json"
# A factor outside this range means a broken or overloaded machine, not a different CPU: not applied.
PLAUSIBLE = (0.4, 2.5)
MAX_SPREAD = 0.25  # runs that disagree by more than this (max/min - 1) are not a calibration


def machine() -> dict:
    cpu, flags = "", set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name") and not cpu:
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    isa = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else platform.machine()
    return {"cpu": cpu or platform.processor(), "isa": isa, "cores": len(os.sched_getaffinity(0))}


def load(path: Path | None = None) -> dict | None:
    path = path or CALIBRATION_FILE
    if not path.exists():
        return None
    try:
        doc = json.loads(path.read_text())
        return doc if isinstance(doc.get("items"), dict) else None
    except ValueError:
        return None


def factor_of(entry: dict) -> float | None:
    factor = entry.get("factor")
    return factor if isinstance(factor, (int, float)) and PLAUSIBLE[0] <= factor <= PLAUSIBLE[1] else None


def apply(lab, calibration: dict | None):
    """The lab with its calibrated items' steps scaled (3 significant digits)."""
    if not calibration:
        return lab
    items = []
    for item in lab.items:
        factor = factor_of(calibration["items"].get(f"{lab.name}/{item.id}", {}))
        if item.kind == "perf" and item.reference and factor:
            steps = tuple(dataclasses.replace(step, at=float(f"{step.at * factor:.3g}")) for step in item.steps)
            item = dataclasses.replace(item, steps=steps)
        items.append(item)
    return dataclasses.replace(lab, items=tuple(items))


def describe(calibration: dict | None) -> str:
    if not calibration:
        return "step tables as shipped (the course's machine; no ./grade --calibrate here)"
    m = calibration.get("machine", {})
    here = machine()
    note = "" if m.get("cpu") == here["cpu"] else f"; WARNING: this machine is {here['cpu']} ({here['isa']})"
    return (f"step tables calibrated on {m.get('cpu', '?')} ({m.get('isa', '?')}, {m.get('cores', '?')} cores) "
            f"on {calibration.get('date', '?')}{note}")


def summarise(labs, measured: dict[str, list[float]]) -> dict:
    """The calibration document from each calibrated item's measured values over the runs."""
    items = {}
    for lab in labs:
        for item in lab.items:
            if item.kind != "perf" or not item.reference:
                continue
            key = f"{lab.name}/{item.id}"
            values = [v for v in measured.get(key, []) if v is not None and v > 0]
            entry = {"reference": item.reference, "measured": values}
            if not values:
                entry["problem"] = "no measurement (inconclusive or failed every run): not calibrated"
            elif max(values) / min(values) - 1 > MAX_SPREAD:
                entry["problem"] = f"runs spread {100 * (max(values) / min(values) - 1):.0f}%: not calibrated"
            else:
                factor = statistics.median(values) / item.reference
                entry["factor"] = round(factor, 3)
                if factor_of(entry) is None:
                    entry["problem"] = (f"factor {factor:.2f} is outside {PLAUSIBLE}: a broken or overloaded "
                                        "machine; not applied")
            items[key] = entry
    return {"version": 1, "machine": machine(), "date": datetime.date.today().isoformat(), "items": items}


def write(doc: dict, path: Path | None = None) -> Path:
    path = path or CALIBRATION_FILE
    path.write_text(json.dumps(doc, indent=2) + "\n")
    return path


def calibrate(labs, runs: int, grade, log=print) -> dict:
    """Times the calibrated perf items of `labs` (their uncalibrated configs) `runs` times with
    grade(labs, only) -> [LabResult], and writes grader/calibration.json. While it runs, the old
    calibration is set aside: the perf tests must be built with the shipped thresholds."""
    only = {item.id for lab in labs for item in lab.items if item.kind == "perf" and item.reference}
    previous = CALIBRATION_FILE.read_text() if CALIBRATION_FILE.exists() else None
    CALIBRATION_FILE.unlink(missing_ok=True)
    try:
        measured: dict[str, list[float]] = {}
        for run in range(1, runs + 1):
            log(f"== calibration run {run} of {runs}: {len(only)} perf item(s) of the reference solutions")
            for lab in grade(labs, only):
                for test in lab.tests:
                    measured.setdefault(f"{lab.lab}/{test.id}", []).append(test.measured)
        doc = summarise(labs, measured)
    except BaseException:
        if previous is not None:
            CALIBRATION_FILE.write_text(previous)
        raise
    write(doc)
    return doc


def table(doc: dict) -> str:
    lines = [f"{'item':<45} {'course':>8} {'here (runs)':<28} {'factor':>7}"]
    for key, entry in doc["items"].items():
        runs = ", ".join(f"{v:.3g}" for v in entry["measured"])
        factor = f"{entry['factor']:.3f}" if "factor" in entry and "problem" not in entry else "-"
        lines.append(f"{key:<45} {entry['reference']:>8g} {runs:<28} {factor:>7}"
                     + (f"  ({entry['problem']})" if "problem" in entry else ""))
    return "\n".join(lines)
