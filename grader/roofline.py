"""Roofline feedback: how fast each perf item's kernel ran against this machine's ceilings.

A perf item with `flops` and `bytes` in grading.toml (one call's work, counted analytically) gets,
from the time per call its perf test recorded, "x GFLOP/s = y% of this machine's roof at its
intensity", where roof = min(peak, intensity x bandwidth). The ceilings are measured once per
grading run by bin/machine_roofline (instructor code only: common/src/roofline_probe.cpp, the
kernels of Lab 06's baseline), after the tests, in the perf turn, so no student code runs beside it:

- peak: FP64 FLOP/s of independent FMA chains on one core, times the cores the item's code used
  (the threads its test gives it, or more when its CPU time over wall time shows more busy cores);
- bandwidth: the triad on every core the grader counts, whatever the item's threads (one thread
  rarely reaches it: a single-thread memory-bound kernel's roof is the machine's, not the core's).

Feedback only: it is computed after the verdicts from what they recorded and never changes points
or statuses. Where the probe cannot run, the feedback is omitted with the reason.
"""
from __future__ import annotations

import json
import math
import subprocess
from dataclasses import dataclass
from pathlib import Path

PROGRAM = "machine_roofline"
PROBE_TIMEOUT_S = 120


@dataclass(frozen=True)
class Ceilings:
    peak_flops_one_core: float  # FLOP/s
    bandwidth: float            # bytes/s on `threads` threads
    threads: int

    def to_json(self) -> dict:
        return {"peak_gflops_one_core": _round(self.peak_flops_one_core / 1e9),
                "bandwidth_gbs": _round(self.bandwidth / 1e9), "threads": self.threads}


def _round(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.3g}")


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def parse_ceilings(text: str) -> Ceilings:
    """machine_roofline's JSON line; ValueError saying what is wrong."""
    try:
        doc = json.loads(text)
    except ValueError:
        raise ValueError(f"its output is not JSON: {text.strip()[:200]!r}") from None
    if not isinstance(doc, dict):
        raise ValueError("its output is not a JSON object")
    for key in ("peak_flops_one_core", "bandwidth", "threads"):
        if not _positive(doc.get(key)):
            raise ValueError(f"'{key}' is {doc.get(key)!r}, not a positive number")
    return Ceilings(float(doc["peak_flops_one_core"]), float(doc["bandwidth"]), int(doc["threads"]))


_measured: dict[tuple[Path, int], Ceilings | str] = {}


def probe(program: Path, cores: int) -> Ceilings | str:
    """This machine's ceilings, or why they could not be measured. Measured once per grading run
    (cached for the process), in the perf turn like any timing."""
    key = (program, cores)
    if key not in _measured:
        _measured[key] = _run_probe(program, cores)
    return _measured[key]


def _run_probe(program: Path, cores: int) -> Ceilings | str:
    from grader.perf_lock import perf_turn
    if not program.is_file():
        return f"{program.name} was not built"
    try:
        with perf_turn(True):
            run = subprocess.run([str(program), "--threads", str(cores)], capture_output=True, text=True,
                                 timeout=PROBE_TIMEOUT_S, env={"PATH": "/usr/bin:/bin"})
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{program.name} did not run: {error}"
    if run.returncode != 0:
        return f"{program.name} exited with code {run.returncode}: {run.stderr.strip()[:300]}"
    try:
        return parse_ceilings(run.stdout)
    except ValueError as error:
        return f"{program.name}: {error}"


BUSY_MARGIN = 0.25  # a core counts once CPU time / wall time passes 0.75 of it (the runner's own work is below)


def cores_used(timing: dict) -> int:
    """The cores a kernel's roof counts: its threads, or the cores its CPU time shows busy."""
    busy = math.floor((timing.get("cpu_ratio") or 0) + BUSY_MARGIN)
    return max(1, int(timing.get("threads") or 1), busy)


def point(flops: float, bytes_: float, seconds: float, cores: int, ceilings: Ceilings) -> dict:
    """One kernel on the roofline: GFLOP/s, intensity (flop/byte; None without memory traffic),
    the roof at that intensity and the share of it reached."""
    flop_rate = flops / seconds
    peak = ceilings.peak_flops_one_core * cores
    intensity = flops / bytes_ if bytes_ > 0 else None
    roof = peak if intensity is None else min(peak, intensity * ceilings.bandwidth)
    return {"gflops": _round(flop_rate / 1e9), "intensity": _round(intensity), "roof_gflops": _round(roof / 1e9),
            "percent_of_roof": _round(100 * flop_rate / roof), "cores": cores,
            "bound": "compute" if roof >= peak else "memory"}


def reference_speedup(item, lab_name: str, calibration: dict | None) -> float | None:
    """The reference solution's speedup on this machine: grading.toml's `reference` (the course's
    machine) times this machine's calibration factor when there is one."""
    if not item.reference:
        return None
    from grader.calibration import factor_of
    factor = factor_of((calibration or {}).get("items", {}).get(f"{lab_name}/{item.id}", {})) if calibration else None
    return item.reference * (factor or 1.0)


def work_of(item, timing: dict | None) -> tuple[float, float] | None:
    """One call's (flops, bytes): grading.toml's, else what the test counted and recorded
    (hpc::record_work), else None."""
    if item.flops is not None:
        return item.flops, item.bytes
    if timing and _positive(timing.get("work_flops")) and (timing.get("work_bytes") or 0) >= 0:
        return float(timing["work_flops"]), float(timing.get("work_bytes") or 0)
    return None


def feedback(item, timing: dict | None, ceilings: Ceilings, reference: float | None) -> dict | None:
    """The roofline entry of one graded item (with the reference's point: its speedup over the
    baseline time measured in this run), or None when it declares no work or timed nothing."""
    work = work_of(item, timing)
    if work is None or not timing or not _positive(timing.get("candidate_s")):
        return None
    flops, bytes_ = work
    cores = cores_used(timing)
    entry = point(flops, bytes_, timing["candidate_s"], cores, ceilings)
    baseline_s = timing.get("baseline_s")
    if reference and _positive(baseline_s):
        ref = point(flops, bytes_, baseline_s / reference, max(1, int(timing.get("threads") or 1)), ceilings)
        entry["reference"] = {"gflops": ref["gflops"], "percent_of_roof": ref["percent_of_roof"],
                              "speedup": _round(reference)}
    return entry


def attach(graded, labs, probe_program: Path, cores: int, calibration: dict | None = None) -> None:
    """Adds the roofline feedback to the graded labs' perf results (LabResult.roofline: the
    ceilings, or why they are missing; TestResult.roofline per item). Probes only when some
    graded item declares its work and was timed."""
    configs = {lab.name: lab for lab in labs}
    wanted = [(lab, test) for lab in graded if lab.lab in configs for test in lab.tests
              if test.timing and _declares_work(configs[lab.lab], test.id, test.timing)]
    if not wanted:
        return
    ceilings = probe(probe_program, cores)
    for lab in {id(lab): lab for lab, _ in wanted}.values():
        lab.roofline = ceilings.to_json() if isinstance(ceilings, Ceilings) else {
            "omitted": f"the machine's ceilings could not be measured ({ceilings}): no roofline feedback"}
    if not isinstance(ceilings, Ceilings):
        return
    for lab, test in wanted:
        item = configs[lab.lab].item(test.id)
        test.roofline = feedback(item, test.timing, ceilings, reference_speedup(item, lab.lab, calibration))


def _declares_work(lab, item_id: str, timing: dict) -> bool:
    try:
        return work_of(lab.item(item_id), timing) is not None
    except KeyError:
        return False
