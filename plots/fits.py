"""Fits and plots that more than one lab's report uses: log-log slopes, Amdahl's law fitted to
strong scaling, and the strong-scaling plot with its fitted curve."""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import ticker  # noqa: E402

from plots.layout import save  # noqa: E402


class FitError(Exception):
    pass


def loglog_slope(points: list[list[float]]) -> float:
    """Least-squares slope of log y against log x."""
    if len(points) < 2:
        raise FitError("a slope needs at least two points")
    xs = [math.log(p[0]) for p in points]
    ys = [math.log(p[1]) for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def amdahl_serial_fraction(points: list[list[float]]) -> float:
    """The serial fraction f of Amdahl's law, 1/S(p) = f + (1 - f)/p, fitted by least squares to
    the speedups S(p) = T(1)/T(p): 1/S - 1/p = f (1 - 1/p) is a line through the origin."""
    t1 = next((t for p, t in points if p == 1), None)
    if t1 is None:
        raise FitError("strong scaling needs the time on 1 thread")
    pairs = [(1 - 1 / p, t / t1 - 1 / p) for p, t in points if p > 1]
    denominator = sum(x * x for x, _ in pairs)
    if denominator == 0:
        raise FitError("strong scaling needs more than one thread count (this machine has one core)")
    return min(1.0, max(0.0, sum(x * y for x, y in pairs) / denominator))


def amdahl_speedup(f: float, p: float) -> float:
    return 1 / (f + (1 - f) / p)


def axes(title: str, xlabel: str, ylabel: str, size=(6, 4)):
    fig, ax = plt.subplots(figsize=size)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, which="both", alpha=0.3)
    return fig, ax


def gustafson_speedup(f: float, p: float) -> float:
    return p - f * (p - 1)


def weak_scaling(points: list[list[float]], f: float) -> list[tuple[float, float]]:
    """Scaled speedups from weak-scaling times: on p cores the program ran f + (1 - f) p units of
    work (the serial unit fixed) in T(p); one core would take that many times T(1)."""
    t1 = next(t for p, t in points if p == 1)
    return [(p, (f + (1 - f) * p) * t1 / t) for p, t in points]


def _speedup_plot(measured, law, law_label: str, title: str, ylabel: str, path: Path) -> Path:
    """Measured (p, speedup) points, the ideal line and `law`(p) to 64 cores, on log-2 axes."""
    fig, ax = axes(title, "threads", ylabel)
    ax.plot([p for p, _ in measured], [s for _, s in measured], "o", label="measured")
    top = max(64, max(p for p, _ in measured))
    ax.plot([1, top], [1, top], ":", color="gray", label="ideal")
    if law is not None:
        grid = [2 ** (k / 4) for k in range(int(4 * math.log2(top)) + 1)]
        ax.plot(grid, [law(p) for p in grid], "--", label=law_label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log", base=2)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(ticker.FuncFormatter(lambda value, _: f"{value:g}"))
    ax.legend(fontsize=8)
    return save(fig, path)


def weak_scaling_plot(points: list[list[float]], f: float, title: str, path: Path) -> Path:
    """Scaled speedup against cores: measured, ideal and Gustafson's p - f (p - 1)."""
    return _speedup_plot(weak_scaling(points, f), lambda p: gustafson_speedup(f, p),
                         f"Gustafson, f = {f:.3f}: {gustafson_speedup(f, 64):.0f}x at 64", title, "scaled speedup", path)


def scaling_plot(points: list[list[float]], title: str, path: Path) -> tuple[Path, float | None]:
    """Speedup over 1 core against cores, the ideal line and the fitted Amdahl curve to 64 cores."""
    t1 = next(t for p, t in points if p == 1)
    f = amdahl_serial_fraction(points) if len(points) > 1 else None
    law = None if f is None else (lambda p: amdahl_speedup(f, p))
    label = "" if f is None else f"Amdahl, f = {f:.3f}: {amdahl_speedup(f, 64):.0f}x at 64"
    return _speedup_plot([(p, t1 / t) for p, t in points], law, label, title, "speedup over 1 thread", path), f
