"""The capstone report of Lab 07, rendered from what `report_nbody` measured (report.json):

    python3 -m plots.nbody_report FOLDER     # FOLDER/report.md and its plots

Plots: time against n on log-log axes (direct sum and tree, with fitted slopes), the energy error
against dt (fitted slope), the tree's force error and time against theta, strong scaling with an
Amdahl fit, and the animation of FOLDER/run (plots/nbody.py). report.md states each figure next to
its target and whether it is met: every number comes from report.json, none is typed by hand.
A section the program could not measure (a task not done yet) is listed with its reason.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from plots.fits import FitError, amdahl_speedup, axes, loglog_slope, scaling_plot  # noqa: E402
from plots.layout import save  # noqa: E402


class ReportError(Exception):
    pass


def time_plot(section: dict, folder: Path) -> tuple[Path, dict]:
    fig, ax = axes("time per force evaluation", "bodies n", "seconds")
    slopes = {}
    for name, marker in (("direct", "o"), ("tree", "s")):
        points = section.get(name, [])
        if len(points) < 2:
            continue
        slopes[name] = loglog_slope(points)
        ax.loglog([p[0] for p in points], [p[1] for p in points], marker + "-",
                  label=f"{name}: n^{slopes[name]:.2f}", base=2)
    ax.legend()
    return save(fig, folder / "time_vs_n.png"), slopes


def energy_plot(section: dict, folder: Path) -> tuple[Path, float]:
    points = section["points"]
    slope = loglog_slope(points)
    fig, ax = axes(f"leapfrog energy error ({section['system']})", "dt", "max |dE/E|")
    ax.loglog([p[0] for p in points], [p[1] for p in points], "o-", label=f"measured: dt^{slope:.2f}")
    reference = [points[0][1] * (p[0] / points[0][0]) ** 2 for p in points]
    ax.loglog([p[0] for p in points], reference, "--", color="gray", label="dt^2")
    ax.legend()
    return save(fig, folder / "energy_vs_dt.png"), slope


def theta_plot(section: dict, folder: Path) -> Path:
    points = section["points"]
    fig, ax = axes(f"Barnes-Hut force error, n = {section['n']}", "theta", "relative force error", size=(6, 4.5))
    thetas = [p[0] for p in points]
    ax.semilogy(thetas, [p[1] for p in points], "o-", label="median")
    ax.semilogy(thetas, [p[2] for p in points], "s-", label="99th percentile")
    time_axis = ax.twinx()
    time_axis.plot(thetas, [p[3] * 1e3 for p in points], "^:", color="tab:green", label="time")
    time_axis.set_ylabel("ms per evaluation")
    lines = ax.get_legend_handles_labels()
    more = time_axis.get_legend_handles_labels()
    # Below the axes: the falling time and the rising errors leave no free corner inside.
    ax.legend(lines[0] + more[0], lines[1] + more[1], fontsize=8, ncol=3, loc="upper center",
              bbox_to_anchor=(0.5, -0.16))
    return save(fig, folder / "theta_vs_error.png")


def _check(rows: list, what: str, measured: str, target: str, ok: bool) -> None:
    rows.append(f"| {what} | {measured} | {target} | {'met' if ok else '**not met**'} |")


def render(folder: Path) -> list[Path]:
    """report.md and the plots, from FOLDER/report.json. Raises ReportError when it is unusable."""
    try:
        report = json.loads((folder / "report.json").read_text())
    except (OSError, json.JSONDecodeError) as error:
        raise ReportError(f"cannot read {folder / 'report.json'}: {error}") from None
    written, checks, figures = [], [], []
    if "time_vs_n" in report:
        path, slopes = time_plot(report["time_vs_n"], folder)
        written.append(path)
        if "tree" in slopes:
            _check(checks, "tree: time against n", f"n^{slopes['tree']:.2f}", "n^1.25 or less", slopes["tree"] <= 1.25)
        direct = dict((int(n), t) for n, t in report["time_vs_n"].get("direct", []))
        tree = dict((int(n), t) for n, t in report["time_vs_n"].get("tree", []))
        common = sorted(set(direct) & set(tree))
        if common:
            n = common[-1]
            _check(checks, f"tree (theta 0.5) against the direct sum, n = {n}", f"{direct[n] / tree[n]:.1f}x faster",
                   "5x or more at n = 65536", direct[n] / tree[n] >= 5 or n < 65536)
    if "energy_vs_dt" in report:
        path, slope = energy_plot(report["energy_vs_dt"], folder)
        written.append(path)
        _check(checks, "leapfrog: energy error against dt", f"dt^{slope:.2f}", "dt^(2 +- 0.2)", abs(slope - 2) <= 0.2)
    if "theta_vs_error" in report:
        written.append(theta_plot(report["theta_vs_error"], folder))
        medians = [p[1] for p in report["theta_vs_error"]["points"]]
        _check(checks, "tree: median error grows with theta", " < ".join(f"{m:.1e}" for m in medians[::3]),
               "increasing", all(a < b for a, b in zip(medians, medians[1:])))
    if "strong_scaling" in report:
        section = report["strong_scaling"]
        path, f = scaling_plot(section["points"], f"strong scaling, direct sum, n = {section['n']}",
                               folder / "strong_scaling.png")
        written.append(path)
        points = report["strong_scaling"]["points"]
        p, tp = points[-1]
        efficiency = points[0][1] / tp / p
        _check(checks, f"direct sum: parallel efficiency on {p:g} threads", f"{efficiency:.2f}", "0.9 or more",
               efficiency >= 0.9)
        if f is not None:
            figures.append(f"Amdahl's serial fraction fitted to the strong scaling: **f = {f:.3f}**, so at most "
                           f"{1 / f if f > 0 else math.inf:.0f}x on any number of cores "
                           f"({amdahl_speedup(f, 64):.0f}x on 64).")
    run = folder / report.get("animation", {}).get("folder", "run")
    if "animation" in report:
        from plots.nbody import animate, energy_plot as run_energy_plot
        written += animate(run, json.loads((run / "run.json").read_text()))
        energy = run_energy_plot(run)
        written += [energy] if energy else []
    lines = [f"# Lab 07 report{' (quick sizes: a smoke test)' if report.get('quick') else ''}", "",
             f"Measured on {report.get('cores', '?')} cores ({report.get('simd', '?')}).", ""]
    if checks:
        lines += ["| figure | measured | target | |", "|---|---|---|---|", *checks, ""]
    lines += figures + ([""] if figures else [])
    for name, why in sorted(report.get("errors", {}).items()):
        lines.append(f"- {name}: not measured: {why}")
    lines += [""] + [f"![{p.stem}]({p.relative_to(folder)})" for p in written if p.suffix in (".png", ".gif")]
    (folder / "report.md").write_text("\n".join(lines) + "\n")
    return [folder / "report.md"] + written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python3 -m plots.nbody_report FOLDER   (the --out folder of report_nbody)", file=sys.stderr)
        return 2
    try:
        for path in render(Path(args[0])):
            print(path)
    except (ReportError, FitError, KeyError, ValueError, OSError) as error:
        print(f"plots/nbody_report.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
