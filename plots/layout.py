"""Saving a figure so that nothing in it is cut off: a tight layout, then a check that every
visible text lies inside the figure. png_touches_border is the same check on any saved PNG:
text cut at an edge leaves ink on the outermost pixels."""
from __future__ import annotations

from pathlib import Path

import matplotlib.image
import matplotlib.pyplot as plt


class ClippedText(Exception):
    pass


def _outside(extent, box) -> bool:
    return extent.x0 < box.x0 - 1 or extent.y0 < box.y0 - 1 or extent.x1 > box.x1 + 1 or extent.y1 > box.y1 + 1


def clipped_texts(fig) -> list[str]:
    """What does not fit in the figure: each axes with everything it draws (tick labels, titles,
    texts, legend), and the figure's own texts."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    clipped = [ax.get_title(loc="left") or ax.get_title() or "an axes" for ax in fig.axes
               if _outside(ax.get_tightbbox(renderer), fig.bbox)]
    clipped += [text.get_text() for text in fig.texts
                if text.get_visible() and text.get_text().strip() and _outside(text.get_window_extent(renderer), fig.bbox)]
    return clipped


def save(fig, path: Path, dpi: int = 120) -> Path:
    """Tight layout, then save; raises ClippedText naming the texts that do not fit."""
    fig.tight_layout(pad=0.6)
    clipped = clipped_texts(fig)
    if clipped:
        plt.close(fig)
        raise ClippedText(f"{path.name}: text outside the figure: {clipped[:5]}")
    fig.savefig(path, dpi=dpi)
    plt.close(fig)
    return path


def png_touches_border(path: Path, margin: int = 2) -> bool:
    """True when the outermost pixels of the image are not all background (white)."""
    image = matplotlib.image.imread(str(path))
    edges = [image[:margin], image[-margin:], image[:, :margin], image[:, -margin:]]
    return any((edge[..., :3] < 0.95).any() for edge in edges)
