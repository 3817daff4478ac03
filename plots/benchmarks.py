"""Plots of a Google Benchmark JSON file (--benchmark_format=json): time per benchmark family
against its first argument, GFLOP/s where a benchmark reports that counter, and items per second
where it counts items (state.SetItemsProcessed: Lab 06's requests per second against the batch).

A benchmark that names its argument (->ArgName("ranks")) gets the name on the x axis, and
families with different argument names go to different plots (bench_mpi-time-bytes.png,
bench_mpi-time-ranks.png): message sizes and rank counts do not share an axis. Times are
converted to one unit; runs that reported an error (a skipped configuration) are left out.

    /usr/bin/python3 -m plots.benchmarks build/solution/bench/01-vectorization/bench_matmul.json OUT_DIR
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from plots.layout import save  # noqa: E402

UNNAMED = "problem size (first benchmark argument)"
# Google Benchmark's own name:value parts, which are settings, not arguments.
_SETTINGS = {"iterations", "repeats", "min_time", "min_warmup_time", "threads", "real_time", "manual_time"}
_TO_SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def _arguments(name: str) -> tuple[list[tuple[str, float]], list[str]]:
    """[(argument name, value)] and the other parts of a benchmark's name."""
    args, words = [], []
    for part in name.split("/")[1:]:
        named = re.fullmatch(r"([A-Za-z_]\w*):(\d+)", part)
        if part.isdigit():
            args.append((UNNAMED, float(part)))
        elif named and named.group(1) not in _SETTINGS:
            args.append((named.group(1), float(named.group(2))))
        else:
            words.append(part)
    return args, [name.split("/")[0]] + words


def series(benchmarks: list[dict], value) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """x-axis name -> family -> [(x, value)]; the family is the name without its first argument."""
    out: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    for b in benchmarks:
        if b.get("run_type") == "aggregate" or b.get("error_occurred"):
            continue
        args, words = _arguments(b["name"])
        if not args:
            continue
        axis, x = args[0]
        family = "/".join(words + [f"{n if n != UNNAMED else 'arg'}={v:g}" for n, v in args[1:]])
        v = value(b)
        if v is not None:
            out[axis][family].append((x, v))
    return {axis: {k: sorted(v) for k, v in families.items()} for axis, families in out.items()}


def _seconds(b: dict) -> float | None:
    time = b.get("real_time")
    return None if time is None else time * _TO_SECONDS.get(b.get("time_unit", "ns"), 1e-9)


def _plot(data: dict, xlabel: str, ylabel: str, title: str, path: Path, log_y: bool) -> Path:
    fig, ax = plt.subplots(figsize=(8, 5))
    for family, points in sorted(data.items()):
        xs, ys = zip(*points)
        ax.plot(xs, ys, marker="o", label=family)
    ax.set_xscale("log", base=2)
    if log_y:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    return save(fig, path)


def plot_benchmarks(json_path: Path, out_dir: Path) -> list[Path]:
    doc = json.loads(json_path.read_text())
    benchmarks = doc.get("benchmarks", [])
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = json_path.stem
    paths = []
    for what, value, ylabel, log_y in (("time", _seconds, "time per call (s)", True),
                                       ("gflops", lambda b: b.get("GFLOP/s"), "GFLOP/s", False),
                                       ("throughput", lambda b: b.get("items_per_second"), "items per second",
                                        False)):
        by_axis = series(benchmarks, value)
        for axis, data in sorted(by_axis.items()):
            suffix = "" if len(by_axis) == 1 else "-" + re.sub(r"\W+", "_", axis if axis != UNNAMED else "size")
            path = out_dir / f"{stem}-{what}{suffix}.png"
            paths.append(_plot(data, axis, ylabel, f"{stem}: {ylabel.split(' (')[0]}", path, log_y))
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 -m plots.benchmarks BENCHMARK_JSON OUT_DIR")
    for p in plot_benchmarks(Path(sys.argv[1]), Path(sys.argv[2])):
        print(p)
