"""Plots of the grader's results.json:
  scores.png              per lab, the points earned against the points available
  <lab>-speedups.png      per perf item, the measured value against its whole step table

    /usr/bin/python3 -m plots.speedups grader-results/results.json grader-results/plots
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

from plots.layout import save  # noqa: E402

COLOURS = {"passed": "tab:green", "failed": "tab:red", "inconclusive": "tab:orange", "skipped": "tab:gray",
           "error": "tab:red"}


def score_bars(results: dict, out_dir: Path) -> Path:
    labs = results["labs"]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(labs) + 1.4))
    y = list(range(len(labs)))
    ax.barh(y, [lab["max_score"] for lab in labs], color="#e4e4e4", label="available")
    ax.barh(y, [lab["score"] for lab in labs], color="tab:blue", label="earned")
    for i, lab in enumerate(labs):
        status = "" if lab.get("status", "graded") == "graded" else f"  ({lab['status']})"
        ax.text(lab["max_score"], i, f" {lab['score']:g}/{lab['max_score']:g}{status}", va="center", fontsize=8)
    ax.set_yticks(y, [lab["lab"] for lab in labs], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max([lab["max_score"] for lab in labs] + [1]) * 1.35)  # room for the labels
    ax.set_xlabel("points (grey: available, blue: earned)")
    ax.set_title(f"{results['score']:g}/{results['max_score']:g} points ({results['tree']} tree)", fontsize=10)
    return save(fig, out_dir / "scores.png")


def _step_axis(ax, test: dict) -> None:
    """One perf item: its steps as dashed lines labelled with their points, the measured value as
    a bar in the item's status colour (cut at the right edge, with an arrow, when far beyond the
    top step)."""
    steps = test.get("steps") or ([[test["required"], test["max_score"]]] if test.get("required") else [])
    measured = test.get("measured")
    top = max([at for at, _ in steps] + [1e-9]) * 1.6
    if measured is not None and measured <= top * 1.5:
        top = max(top, measured * 1.25)
    if measured is not None:
        shown = min(measured, top)
        ax.barh([0], [shown], color=COLOURS.get(test["status"], "tab:gray"), height=0.5)
        beyond = measured > top
        ax.text(shown, 0, f"{measured:.3g} →" if beyond else f" {measured:.3g}", va="center", fontsize=8,
                ha="right" if beyond else "left", color="white" if beyond else "black")
    for at, points in steps:
        ax.axvline(at, color="black", linewidth=0.8, linestyle="--")
        ax.text(at, 0.42, f"{points:g} pt", ha="center", va="bottom", fontsize=7,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    ax.set_xlim(0, top)
    ax.set_ylim(-0.5, 0.85)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel(test.get("metric", ""), fontsize=7, labelpad=1)
    what = "not measured, " if measured is None else ""
    ax.set_title(f"{test['name']}: {what}{test['score']:g}/{test['max_score']:g} pt ({test['status']})",
                 fontsize=8, loc="left")


def perf_steps(lab: dict, out_dir: Path) -> Path | None:
    perf = [t for t in lab["tests"] if t["kind"] == "perf"]
    if not perf:
        return None
    fig, axes = plt.subplots(len(perf), 1, figsize=(8, 1.15 * len(perf) + 0.8), squeeze=False)
    for ax, test in zip(axes[:, 0], perf):
        _step_axis(ax, test)
    fig.suptitle(f"{lab['lab']}: performance against the step tables (dashed: steps)", fontsize=10)
    return save(fig, out_dir / f"{lab['lab']}-speedups.png")


def plot_results(results: dict, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [score_bars(results, out_dir)]
    paths += [p for p in (perf_steps(lab, out_dir) for lab in results["labs"]) if p]
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 -m plots.speedups RESULTS_JSON OUT_DIR")
    for p in plot_results(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2])):
        print(p)
