"""A flame graph from folded stacks (Lab 06's folded_stacks(), perf script | stackcollapse, ...):

    python3 -m plots.flamegraph stacks.txt flame.png

Each input line is "a;b;c weight": the weight (microseconds, samples) spent in c itself when
called from b from a. Every frame becomes a box whose width is its inclusive weight (its own and
its callees'), stacked on its caller; siblings are sorted by name, as in Brendan Gregg's
flamegraph.pl, so the x axis is not time: the widest boxes are where the time goes. A malformed
line gets a message and exit code 2, never a traceback.
"""
from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from plots.layout import save  # noqa: E402


class FoldedError(Exception):
    pass


@dataclass
class Frame:
    name: str
    own: float = 0.0
    children: dict[str, "Frame"] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return self.own + sum(c.total for c in self.children.values())


@dataclass(frozen=True)
class Box:
    name: str
    depth: int
    x: float
    width: float


def parse(text: str) -> Frame:
    """The call tree of folded stacks; repeated paths add up."""
    root = Frame("all")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        path, _, weight = line.rpartition(" ")
        try:
            value = float(weight)
        except ValueError:
            value = -1
        if not path or value < 0:
            raise FoldedError(f"line {number} is not 'frame;frame;... weight': {line[:80]!r}")
        node = root
        for name in path.split(";"):
            node = node.children.setdefault(name, Frame(name))
        node.own += value
    return root


def hot_paths(root: Frame, count: int = 5) -> list[tuple[str, float, float]]:
    """The `count` paths with the most weight of their own: (path, own share, inclusive share) of
    the whole, shares in [0, 1]. Where to look first in a profile."""
    whole = root.total or 1.0
    found: list[tuple[str, float, float]] = []

    def walk(frame: Frame, path: str) -> None:
        for name, child in frame.children.items():
            child_path = f"{path};{name}" if path else name
            found.append((child_path, child.own / whole, child.total / whole))
            walk(child, child_path)

    walk(root, "")
    return sorted(found, key=lambda entry: (-entry[1], entry[0]))[:count]


def boxes(root: Frame) -> list[Box]:
    """Every frame's box: depth 0 for the outermost frames, x and width in weight units."""
    out: list[Box] = []

    def place(frame: Frame, depth: int, x: float) -> None:
        for name in sorted(frame.children):
            child = frame.children[name]
            out.append(Box(name, depth, x, child.total))
            place(child, depth + 1, x)
            x += child.total

    place(root, 0, 0.0)
    return out


def _color(name: str) -> tuple[float, float, float]:
    """Warm colours, the same for the same name in every graph."""
    h = zlib.crc32(name.encode())
    return 0.85 + 0.15 * (h % 100) / 100, 0.35 + 0.45 * (h // 100 % 100) / 100, 0.1 + 0.2 * (h // 10000 % 100) / 100


def render(text: str, path: Path, title: str = "flame graph", unit: str = "µs") -> Path:
    root = parse(text)
    total = root.total
    if total <= 0:
        raise FoldedError("no weight in the input: nothing to draw")
    placed = boxes(root)
    depth = max(b.depth for b in placed) + 1
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.32 * depth))
    for b in placed:
        ax.add_patch(Rectangle((b.x, b.depth), b.width, 0.92, facecolor=_color(b.name), edgecolor="white", linewidth=0.5))
        if b.width / total > 0.06:  # a label only where it fits
            label = b.name if len(b.name) * 0.009 < b.width / total else b.name[: max(1, int(b.width / total / 0.009) - 1)] + "…"
            ax.text(b.x + b.width / 2, b.depth + 0.46, label, ha="center", va="center", fontsize=7, clip_on=True)
    ax.set_xlim(0, total)
    ax.set_ylim(0, depth)
    ax.set_yticks([])
    ax.set_xlabel(f"inclusive weight ({unit}; total {total:g})")
    ax.set_title(title)
    return save(fig, path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python3 -m plots.flamegraph FOLDED_STACKS.txt OUT.png", file=sys.stderr)
        return 2
    try:
        print(render(Path(args[0]).read_text(), Path(args[1]), title=f"flame graph of {Path(args[0]).name}"))
    except (FoldedError, OSError) as error:
        print(f"plots/flamegraph.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
