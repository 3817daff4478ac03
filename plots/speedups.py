"""Speedup plots from the grader's results.json: per lab, a bar chart of each perf test's measured
value against its pass threshold, and one table image of every graded item.

    /usr/bin/python3 -m plots.speedups grader-results/results.json grader-results/plots
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402


def perf_bars(lab: dict, out_dir: Path) -> Path | None:
    perf = [t for t in lab["tests"] if t["kind"] == "perf"]
    if not perf:
        return None
    names = [t["name"] for t in perf]
    measured = [t.get("measured", 0) or 0 for t in perf]
    required = [t.get("required", 0) or 0 for t in perf]
    colors = ["tab:green" if t["status"] == "passed" else "tab:red" for t in perf]
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(perf) + 1.5))
    y = range(len(perf))
    ax.barh(y, measured, color=colors, label="measured")
    ax.scatter(required, y, marker="|", s=400, color="black", label="required", zorder=3)
    for i, (value, t) in enumerate(zip(measured, perf)):
        ax.text(value, i, f" {value:.2g} {t.get('metric', '')}", va="center", fontsize=8)
    ax.set_yticks(list(y), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")  # speedups of 30x and efficiencies near 1 on one readable axis
    ax.set_xlabel("speedup over the baseline (efficiency for parallel targets), log scale")
    ax.set_title(f"{lab['lab']}: performance ({lab['score']:g}/{lab['max_score']:g} points)")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    path = out_dir / f"{lab['lab']}-speedups.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def score_table(results: dict, out_dir: Path) -> Path:
    cells = [[lab["lab"], t["name"], t["status"],
              f"{t['measured']:.3g}" if t.get("measured") is not None else "",
              f"{t['score']:g}/{t['max_score']:g}"] for lab in results["labs"] for t in lab["tests"]]
    fig, ax = plt.subplots(figsize=(11, 0.28 * len(cells) + 1))
    ax.axis("off")
    table = ax.table(cellText=cells or [["", "no tests", "", "", ""]],
                     colLabels=["lab", "test", "status", "measured", "points"], loc="center", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    table.auto_set_column_width(list(range(5)))
    for (row, _), cell in table.get_celld().items():
        if row > 0 and cells and cells[row - 1][2] != "passed":
            cell.set_facecolor("#fde2e2")
    ax.set_title(f"Score {results['score']:g}/{results['max_score']:g} ({results['tree']} tree)")
    fig.tight_layout()
    path = out_dir / "scores.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_results(results: dict, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [score_table(results, out_dir)]
    paths += [p for p in (perf_bars(lab, out_dir) for lab in results["labs"]) if p]
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 -m plots.speedups RESULTS_JSON OUT_DIR")
    for p in plot_results(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2])):
        print(p)
