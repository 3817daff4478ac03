"""The grader's door to plots/: a missing matplotlib (or a plotting error) costs the PNGs and one
warning line, never the grading results."""
from __future__ import annotations

from pathlib import Path


def _warn(log, what: str, error: Exception) -> list[Path]:
    log(f"grade: warning: no {what} plots ({type(error).__name__}: {error}); the markdown table has the same figures")
    return []


def plot_results(results: dict, out_dir: Path, log=print) -> list[Path]:
    try:
        from plots.speedups import plot_results as plot
        return plot(results, out_dir)
    except Exception as error:  # noqa: BLE001 - plots are optional by design
        return _warn(log, "speedup", error)


def plot_rooflines(results: dict, out_dir: Path, log=print) -> list[Path]:
    try:
        from plots.roofline import plot_rooflines as plot
        return plot(results, out_dir)
    except Exception as error:  # noqa: BLE001
        return _warn(log, "roofline", error)


def plot_benchmarks(json_path: Path, out_dir: Path, log=print) -> list[Path]:
    try:
        from plots.benchmarks import plot_benchmarks as plot
        return plot(json_path, out_dir)
    except Exception as error:  # noqa: BLE001
        return _warn(log, "benchmark", error)


def render_report(renderer: str, folder: Path, log=print) -> list[Path]:
    """A lab's report (grading.toml [report]): `renderer` is a module of plots/ with render(folder)."""
    try:
        import importlib
        return importlib.import_module(renderer).render(folder)
    except Exception as error:  # noqa: BLE001
        return _warn(log, "report", error)
