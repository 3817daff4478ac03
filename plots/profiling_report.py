"""Lab 06's performance report, rendered from what `report_profiling` measured:

    python3 -m plots.profiling_report FOLDER     # FOLDER/report.md and its plots

A flame graph of the synthetic workload (your profiler's folded stacks), the heap over time with its
peak and leak report (your memory tracker), the planted program's
strong scaling with your Amdahl fit and the course's, and the roofline: this machine's peak and
bandwidth as your kernels measured them, with six kernels placed at their intensities. Every
figure and every recommendation comes from report.json; none is typed by hand.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from plots.fits import (FitError, amdahl_speedup, axes, gustafson_speedup, scaling_plot,  # noqa: E402
                        weak_scaling, weak_scaling_plot)
from plots.flamegraph import FoldedError, hot_paths, parse as parse_folded, render as flame_graph  # noqa: E402
from plots.layout import save  # noqa: E402
from plots.memory_timeline import MIB, TimelineError, peak_sample, timeline_plot  # noqa: E402


class ReportError(Exception):
    pass


def roofline_plot(section: dict, path: Path) -> Path:
    peak, bandwidth = section["peak_flops"], section["bandwidth"]
    kernels = section["kernels"]
    ridge = peak / bandwidth
    low = min([k["intensity"] for k in kernels] + [ridge]) / 4
    high = max([k["intensity"] for k in kernels] + [ridge]) * 4
    fig, ax = axes("roofline of this machine (as your kernels measured it)", "arithmetic intensity (flops/byte)",
                   "GFLOP/s", size=(7, 4.5))
    xs = [low * (high / low) ** (i / 200) for i in range(201)]
    ax.loglog(xs, [min(peak, x * bandwidth) / 1e9 for x in xs], "-", color="black",
              label=f"min({peak / 1e9:.0f} GFLOP/s, I x {bandwidth / 1e9:.1f} GB/s)")
    ax.axvline(ridge, linestyle=":", color="gray", label=f"ridge point {ridge:.2g} flops/byte")
    at: dict[float, list[dict]] = {}  # kernels of equal intensity share a point and a label
    for k in kernels:
        at.setdefault(round(k["intensity"], 9), []).append(k)
    for same in at.values():
        k = same[0]
        color = "tab:blue" if k["bound"] == "memory" else "tab:red"
        ax.loglog([k["intensity"]], [k["attainable"] / 1e9], "o", color=color)
        ax.annotate(", ".join(s["name"] for s in same), (k["intensity"], k["attainable"] / 1e9),
                    textcoords="offset points", xytext=(4, -12), fontsize=8)
    ax.set_xlim(low, high)
    ax.legend(fontsize=8, loc="lower right")
    return save(fig, path)


def _advice(kernel: dict, ridge: float) -> str:
    if kernel["bound"] == "memory":
        return (f"memory-bound at {kernel['intensity']:.2g} flops/byte ({ridge / kernel['intensity']:.0f}x below the "
                f"ridge): fewer bytes per flop, by reuse (blocking, fusing loops) or narrower types")
    return (f"compute-bound at {kernel['intensity']:.2g} flops/byte: vectorize and keep enough independent "
            f"multiply-adds in flight; its roof is {kernel['attainable'] / 1e9:.0f} GFLOP/s")


def hot_spot_lines(folded: str) -> list[str]:
    """The hottest paths by their own time, and where to start."""
    hot = hot_paths(parse_folded(folded))
    if not hot:
        return ["No scope was recorded.", ""]
    lines = ["| hot spot (own time) | own | inclusive |", "|---|---|---|"]
    lines += [f"| `{path}` | {own:.0%} | {inclusive:.0%} |" for path, own, inclusive in hot]
    path, own, _ = hot[0]
    return lines + ["", f"`{path}` spends {own:.0%} of the profiled time in its own code: look there first. Making "
                        f"it free would save that {own:.0%} and no more ({1 / max(1 - own, 1e-9):.2g}x at best).", ""]


def memory_lines(section: dict) -> list[str]:
    """The peak, where it was reached, and a line per leak, all from the tracker's figures."""
    _, peak, where = peak_sample(section["samples"])
    lines = ["## Memory", "",
             f"{section['allocations']} allocations, {section['frees']} frees. Peak {section['peak_bytes'] / MIB:.1f} MiB; "
             f"the highest sample {peak / MIB:.1f} MiB, in `{where or '(no scope)'}`: the phase to slim first "
             "(free what it no longer needs, or stream it).", ""]
    leaked = sum(leak["bytes"] for leak in section["leaks"])
    if not section["leaks"]:
        return lines + ["No block was left live: no leak.", ""]
    lines += [f"Leak report: {leaked / MIB:.2f} MiB never freed.", "", "| scope | blocks | bytes | share of the leak |",
              "|---|---|---|---|"]
    lines += [f"| `{leak['path'] or '(no scope)'}` | {leak['allocations']} | {leak['bytes']} | "
              f"{100 * leak['bytes'] / leaked:.0f}% |" for leak in section["leaks"]]
    return lines + ["", f"Free what `{section['leaks'][0]['path'] or '(no scope)'}` allocates, or bound it "
                        "(a cache needs an eviction rule).", ""]


def render(folder: Path) -> list[Path]:
    """report.md and the plots, from FOLDER/report.json. Raises ReportError when it is unusable."""
    try:
        report = json.loads((folder / "report.json").read_text())
    except (OSError, json.JSONDecodeError) as error:
        raise ReportError(f"cannot read {folder / 'report.json'}: {error}") from None
    written, lines = [], []
    if "profile" in report:
        stacks = folder / report["profile"]["stacks"]
        written.append(flame_graph(stacks.read_text(), folder / "flame.png", title="synthetic workload, your profiler"))
        lines += ["## Profile", "",
                  f"Your profiler's folded stacks: `{stacks.name}`; its timeline: `{report['profile']['trace']}` "
                  "(open it in https://ui.perfetto.dev).", ""] + hot_spot_lines(stacks.read_text())
    if "memory" in report:
        written.append(timeline_plot(report["memory"]["samples"], folder / "memory.png"))
        lines += memory_lines(report["memory"])
    if "scaling" in report:
        section = report["scaling"]
        points = section["points"]
        lines += ["## Scaling", ""]
        if len(points) > 1:
            path, course_fit = scaling_plot(points, f"planted program (serial fraction {section['planted']:g})",
                                            folder / "scaling.png")
            written.append(path)
            t1 = next(t for p, t in points if p == 1)
            lines.append("Parallel efficiency S(p)/p: " + ", ".join(f"{t1 / t / p:.2f} on {p:g}" for p, t in points) + ".")
            lines.append(f"Planted serial fraction {section['planted']:g}; your fit {section['fitted']:.3f}, the course's "
                         f"{course_fit:.3f}. Amdahl then allows {amdahl_speedup(section['fitted'], 8):.1f}x on 8 cores "
                         f"and {amdahl_speedup(section['fitted'], 64):.1f}x on 64, never more than "
                         f"{1 / max(section['fitted'], 1e-9):.1f}x.")
            if len(section.get("weak_points", [])) > 1:
                planted = section["planted"]
                written.append(weak_scaling_plot(section["weak_points"], planted,
                                                 f"weak scaling: the serial part fixed ({planted:g} of one core's work)",
                                                 folder / "weak_scaling.png"))
                scaled = weak_scaling(section["weak_points"], planted)
                lines.append("Weak scaling (the parallel work grows with the cores): scaled speedup " +
                             ", ".join(f"{s:.2f} on {p:g}" for p, s in scaled) + "; Gustafson predicts " +
                             ", ".join(f"{gustafson_speedup(planted, p):.2f}" for p, _ in scaled) + ".")
        else:
            lines.append("One core: no scaling to fit.")
        lines.append("")
    if "roofline" in report:
        section = report["roofline"]
        written.append(roofline_plot(section, folder / "roofline.png"))
        ridge = section["peak_flops"] / section["bandwidth"]
        lines += ["## Roofline", "",
                  f"Peak {section['peak_flops'] / 1e9:.1f} GFLOP/s ({section['peak_flops_one_core'] / 1e9:.1f} on one "
                  f"core), bandwidth {section['bandwidth'] / 1e9:.1f} GB/s: ridge point {ridge:.2g} flops/byte.", "",
                  "| kernel | intensity (flops/byte) | roof (GFLOP/s) | what to do |", "|---|---|---|---|"]
        lines += [f"| {k['name']} | {k['intensity']:.3g} | {k['attainable'] / 1e9:.1f} | {_advice(k, ridge)} |"
                  for k in section["kernels"]]
        lines.append("")
    for name, why in sorted(report.get("errors", {}).items()):
        lines.append(f"- {name}: not measured: {why}")
    header = [f"# Lab 06 report{' (quick sizes: a smoke test)' if report.get('quick') else ''}", "",
              f"Measured on {report.get('cores', '?')} cores ({report.get('simd', '?')}).", ""]
    images = [f"![{p.stem}]({p.name})" for p in written]
    (folder / "report.md").write_text("\n".join(header + lines + [""] + images) + "\n")
    return [folder / "report.md"] + written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python3 -m plots.profiling_report FOLDER   (the --out folder of report_profiling)", file=sys.stderr)
        return 2
    try:
        for path in render(Path(args[0])):
            print(path)
    except (ReportError, FitError, FoldedError, TimelineError, KeyError, ValueError, OSError) as error:
        print(f"plots/profiling_report.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
