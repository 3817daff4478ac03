"""Renders a run of Lab 07's `nbody` program (its output folder) for people to watch:

    python3 plots/nbody.py run/            # run/nbody.gif, run/nbody.mp4 (with ffmpeg), run/energy.png

Each frame is the x-y projection of one snapshot (float32 x, y, z per body after a count, see
labs/07-nbody/driver/snapshots.hpp); the energy plot shows the relative energy error over time
from diagnostics.csv. Errors in the folder get a message and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import struct
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import animation  # noqa: E402

from plots.layout import save  # noqa: E402


class RunError(Exception):
    pass


def read_snapshot(path: Path) -> tuple[list[float], list[float]]:
    data = path.read_bytes()
    if len(data) < 8:
        raise RunError(f"{path.name} is not a snapshot (too short)")
    (n,) = struct.unpack_from("<Q", data)
    if len(data) != 8 + 12 * n:
        raise RunError(f"{path.name} holds {len(data) - 8} bytes of coordinates, not 12 x {n}")
    values = struct.unpack_from(f"<{3 * n}f", data, 8)
    return list(values[0::3]), list(values[1::3])


def snapshots(folder: Path) -> list[Path]:
    found = sorted(folder.glob("snapshot_*.bin"))
    if not found:
        raise RunError(f"no snapshot_*.bin in {folder}: run nbody with --out {folder} first")
    return found


def animate(folder: Path, settings: dict) -> list[Path]:
    paths = snapshots(folder)
    first = read_snapshot(paths[0])
    extent = max(max(map(abs, first[0] or [1])), max(map(abs, first[1] or [1]))) * 1.5
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    size = 20 if len(first[0]) < 10 else max(0.5, 200 / len(first[0]) ** 0.5)
    points = ax.scatter(first[0], first[1], s=size, c="tab:blue", linewidths=0)
    title = ax.set_title("")
    every, dt = settings.get("every", 1), settings.get("dt", 0)

    def frame(k: int):
        x, y = read_snapshot(paths[k])
        points.set_offsets(list(zip(x, y)))
        title.set_text(f"{settings.get('ic', '')}, n = {len(x)}, t = {k * every * dt:.3g}")
        return points, title

    fig.tight_layout(pad=0.6)
    movie = animation.FuncAnimation(fig, frame, frames=len(paths), blit=False)
    written = [folder / "nbody.gif"]
    movie.save(written[0], writer=animation.PillowWriter(fps=15))
    if shutil.which("ffmpeg"):
        written.append(folder / "nbody.mp4")
        movie.save(written[1], writer=animation.FFMpegWriter(fps=30))
    plt.close(fig)
    return written


def energy_plot(folder: Path) -> Path | None:
    path = folder / "diagnostics.csv"
    if not path.exists():
        return None
    with path.open() as lines:
        rows = [r for r in csv.DictReader(lines) if r.get("relative_energy_error")]
    if len(rows) < 2:
        return None
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.semilogy([float(r["time"]) for r in rows[1:]],
                [max(float(r["relative_energy_error"]), 1e-17) for r in rows[1:]], "o-", ms=3)
    ax.set_xlabel("time")
    ax.set_ylabel("|E(t) - E(0)| / |E(0)|")
    ax.set_title("energy error")
    return save(fig, folder / "energy.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render an nbody run: frames, an animation, the energy error.")
    parser.add_argument("folder", type=Path, help="the --out folder of an nbody run")
    args = parser.parse_args(argv)
    try:
        if not args.folder.is_dir():
            raise RunError(f"{args.folder} is not a folder")
        settings_path = args.folder / "run.json"
        settings = json.loads(settings_path.read_text()) if settings_path.exists() else {}
        written = animate(args.folder, settings)
        energy = energy_plot(args.folder)
        written += [energy] if energy else []
    except (RunError, json.JSONDecodeError, OSError) as error:
        print(f"plots/nbody.py: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
