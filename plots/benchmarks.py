"""Plots of a Google Benchmark JSON file (--benchmark_format=json): time per benchmark family
against problem size, and GFLOP/s where a benchmark reports that counter.

    /usr/bin/python3 -m plots.benchmarks build/solution/bench/01-vectorization/bench_matmul.json OUT_DIR
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def series(benchmarks: list[dict], value) -> dict[str, list[tuple[float, float]]]:
    """family -> [(size, value)], where the family is the name without its first argument."""
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for b in benchmarks:
        if b.get("run_type") == "aggregate":
            continue
        parts = b["name"].split("/")
        args = [p for p in parts[1:] if p.isdigit()]
        words = [p for p in parts if not p.isdigit()]
        if not args:
            continue
        family = "/".join(words + [f"threads={a}" for a in args[1:]])
        v = value(b)
        if v is not None:
            out[family].append((float(args[0]), v))
    return {k: sorted(v) for k, v in out.items()}


def _plot(data: dict, ylabel: str, title: str, path: Path, log_y: bool) -> Path:
    fig, ax = plt.subplots(figsize=(8, 5))
    for family, points in sorted(data.items()):
        xs, ys = zip(*points)
        ax.plot(xs, ys, marker="o", label=family)
    ax.set_xscale("log", base=2)
    if log_y:
        ax.set_yscale("log")
    ax.set_xlabel("problem size (first benchmark argument)")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_benchmarks(json_path: Path, out_dir: Path) -> list[Path]:
    doc = json.loads(json_path.read_text())
    benchmarks = doc.get("benchmarks", [])
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = json_path.stem
    paths = []
    times = series(benchmarks, lambda b: b.get("real_time"))
    if times:
        unit = benchmarks[0].get("time_unit", "ns")
        paths.append(_plot(times, f"time per call ({unit})", f"{stem}: time", out_dir / f"{stem}-time.png", True))
    flops = series(benchmarks, lambda b: b.get("GFLOP/s"))
    if flops:
        paths.append(_plot(flops, "GFLOP/s", f"{stem}: throughput", out_dir / f"{stem}-gflops.png", False))
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 -m plots.benchmarks BENCHMARK_JSON OUT_DIR")
    for p in plot_benchmarks(Path(sys.argv[1]), Path(sys.argv[2])):
        print(p)
