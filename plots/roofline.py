"""Roofline plots of the grader's results.json: per lab whose perf items carry roofline feedback,
<lab>-roofline.png with this machine's roofs (the triad's bandwidth slope, the FMA peak of one
core and of the cores an item used) and each item's point, yours and the reference's.

    /usr/bin/python3 -m plots.roofline grader-results/results.json grader-results/plots
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

from plots.layout import save  # noqa: E402
from plots.speedups import COLOURS  # noqa: E402

NO_TRAFFIC_X = 1.6  # a kernel without memory traffic sits this factor right of the others (intensity infinite)


def _intensities(points: list[dict], ridge: float) -> tuple[float, float, float]:
    """The x range (flop/byte) and where points without memory traffic are drawn."""
    finite = [p["intensity"] for p in points if p["intensity"] is not None] + [ridge]
    right = max(finite) * NO_TRAFFIC_X
    return min(finite) / 4, right * 2.5, right


def _roofs(ax, roof: dict, cores: set[int], x_min: float, x_max: float) -> None:
    bandwidth, peak = roof["bandwidth_gbs"], roof["peak_gflops_one_core"]
    for count in sorted(cores):
        top = peak * count
        ridge = top / bandwidth
        style = "-" if count == 1 else "--"
        ax.plot([x_min, ridge, x_max], [bandwidth * x_min, top, top], color="black", linewidth=1.2, linestyle=style)
        ax.text(x_max, top, f"peak {top:.3g} GFLOP/s ({count} core{'s' if count > 1 else ''}) ", ha="right",
                va="bottom", fontsize=7)
    ax.text(x_min * 1.15, bandwidth * x_min * 1.4, f"triad {bandwidth:.3g} GB/s ({roof['threads']} cores)",
            rotation=0, fontsize=7, va="bottom")


def roofline_plot(lab: dict, out_dir: Path) -> Path | None:
    roof = lab.get("roofline")
    tests = [t for t in lab["tests"] if t.get("roofline")]
    if not tests or not roof or "omitted" in roof:
        return None
    ridge = roof["peak_gflops_one_core"] / roof["bandwidth_gbs"]
    x_min, x_max, no_traffic_x = _intensities([t["roofline"] for t in tests], ridge)
    fig, ax = plt.subplots(figsize=(8, 5.2))
    _roofs(ax, roof, {1} | {t["roofline"]["cores"] for t in tests}, x_min, x_max)
    any_reference = False
    for number, test in enumerate(tests, 1):
        entry = test["roofline"]
        x = entry["intensity"] if entry["intensity"] is not None else no_traffic_x
        colour = COLOURS.get(test["status"], "tab:gray")
        ax.plot([x], [entry["gflops"]], "o", color=colour, markersize=7, zorder=3)
        label = f"{number}: {entry['percent_of_roof']:.2g}%" + (" (no memory traffic)" if entry["intensity"] is None else "")
        ax.annotate(label, (x, entry["gflops"]), textcoords="offset points",
                    xytext=(6, -10), fontsize=7)
        reference = entry.get("reference")
        if reference:
            any_reference = True
            ax.plot([x], [reference["gflops"]], "*", color="tab:purple", markersize=10, zorder=2)
            ax.plot([x, x], [entry["gflops"], reference["gflops"]], color="tab:purple", linewidth=0.6, zorder=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(x_min, x_max)
    gflops = [t["roofline"]["gflops"] for t in tests] + [t["roofline"]["reference"]["gflops"] for t in tests
                                                          if t["roofline"].get("reference")]
    top = roof["peak_gflops_one_core"] * max(t["roofline"]["cores"] for t in tests)
    ax.set_ylim(min(gflops + [roof["bandwidth_gbs"] * x_min]) / 2, top * 2.5)
    ax.set_xlabel("arithmetic intensity (flop/byte; no memory traffic: at the right)", fontsize=8)
    ax.set_ylabel("GFLOP/s", fontsize=8)
    ax.tick_params(labelsize=7)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color="tab:green", label="yours (colour: status)"),
               plt.Line2D([], [], marker="*", linestyle="", markersize=10, color="tab:purple",
                          label="reference (its speedup over this run's baseline)" if any_reference
                          else "reference: not recorded for these items")]
    ax.legend(handles=handles, fontsize=7, loc="upper left")
    legend = "\n".join(f"{n}: {t['name']}" for n, t in enumerate(tests, 1))
    fig.text(0.01, 0.01, legend, fontsize=7, va="bottom")
    fig.suptitle(f"{lab['lab']}: roofline on this machine (% = share of the roof at the item's intensity)",
                 fontsize=10)
    return save_roofline(fig, out_dir / f"{lab['lab']}-roofline.png", len(tests))


def save_roofline(fig, path: Path, legend_lines: int) -> Path:
    """Tight layout leaves room for the item legend under the axes."""
    fig.tight_layout(pad=0.6, rect=(0, 0.02 + 0.03 * legend_lines, 1, 1))
    fig.tight_layout = lambda *args, **kwargs: None  # save() must keep this layout
    return save(fig, path)


def plot_rooflines(results: dict, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [p for p in (roofline_plot(lab, out_dir) for lab in results["labs"]) if p]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 -m plots.roofline RESULTS_JSON OUT_DIR")
    for p in plot_rooflines(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2])):
        print(p)
