"""The heap over time, as a memory tracker sampled it: a step line of live bytes, each stretch
coloured by the profiler scope that was open, the peak marked. Used by Lab 06's report; also on
its own:

    python3 -m plots.memory_timeline REPORT_JSON OUT_PNG     # the "memory" section of report.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from plots.fits import axes  # noqa: E402
from plots.layout import save  # noqa: E402

MIB = 1024 * 1024


class TimelineError(ValueError):
    pass


def peak_sample(samples: list[list]) -> list:
    """The first sample at the highest heap: [seconds, bytes, scope path]."""
    if not samples:
        raise TimelineError("no samples: the program ran with no allocation sampled")
    return max(samples, key=lambda s: s[1])


def timeline_plot(samples: list[list], path: Path, title: str = "heap over time (your memory tracker)") -> Path:
    top = peak_sample(samples)
    fig, ax = axes(title, "seconds", "live heap (MiB)", size=(7, 4))
    colors: dict[str, str] = {}  # a scope's colour, and whether the legend has it already
    start = 0
    for i in range(1, len(samples) + 1):  # one step line per run of samples in the same scope
        if i < len(samples) and samples[i][2] == samples[start][2]:
            continue
        scope = samples[start][2] or "(no scope)"
        first = scope not in colors
        color = colors.setdefault(scope, f"C{len(colors) % 10}")
        stretch = samples[max(start - 1, 0):i]  # from the previous sample: the line stays joined
        ax.step([s[0] for s in stretch], [s[1] / MIB for s in stretch], where="post", color=color,
                label=scope if first else None)
        start = i
    ax.plot([top[0]], [top[1] / MIB], "v", color="black", label=f"peak {top[1] / MIB:.1f} MiB in {top[2] or '(no scope)'}")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, loc="upper right")
    return save(fig, path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python3 -m plots.memory_timeline REPORT_JSON OUT_PNG", file=sys.stderr)
        return 2
    try:
        samples = json.loads(Path(args[0]).read_text())["memory"]["samples"]
        print(timeline_plot(samples, Path(args[1])))
    except (OSError, json.JSONDecodeError, KeyError, TypeError, TimelineError) as error:
        print(f"plots/memory_timeline.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
