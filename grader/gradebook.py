"""The gradebook of a roster run: a CSV an LMS can import (one row per student; columns total,
then per lab its points and its items' points) and one self-contained HTML page (no script, no
network) with each lab's score distribution and a drill-down per student."""
from __future__ import annotations

import csv
import html
import io
from pathlib import Path


def _columns(results: dict[str, dict]) -> list[tuple[str, str | None, float]]:
    """(lab, item id or None for the lab total, maximum) in lab and grading.toml order, over every
    student (an unbuilt lab still lists its items)."""
    columns, seen = [], set()
    for doc in results.values():
        for lab in doc["labs"]:
            for key in [(lab["lab"], None, lab["max_score"])] + [(lab["lab"], i["id"], i["max_score"]) for i in lab["items"]]:
                if key[:2] not in seen:
                    seen.add(key[:2])
                    columns.append(key)
    return columns


def _earned(doc: dict, lab_name: str, item: str | None) -> float:
    for lab in doc["labs"]:
        if lab["lab"] == lab_name:
            return lab["score"] if item is None else sum(t["score"] for t in lab["tests"] if t["id"] == item)
    return 0


def csv_text(results: dict[str, dict]) -> str:
    columns = _columns(results)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "total", "max"] + [f"{lab} ({most:g})" if item is None else f"{lab}/{item} ({most:g})"
                                                 for lab, item, most in columns] + ["not graded", "inconclusive"])
    for student, doc in sorted(results.items()):
        problems = "; ".join(f"{lab['lab']}: {lab['problem'].splitlines()[0]}" for lab in doc["labs"] if not lab["gradable"])
        writer.writerow([student, f"{doc['score']:g}", f"{doc['max_score']:g}"]
                        + [f"{_earned(doc, lab, item):g}" for lab, item, _ in columns]
                        + [problems, "; ".join(doc.get("inconclusive", []))])
    return out.getvalue()


def _histogram(scores: list[float], most: float, bins: int = 10) -> str:
    """An inline SVG bar chart of how many students reached each tenth of the points."""
    counts = [0] * bins
    for score in scores:
        counts[min(bins - 1, int(bins * score / most)) if most else 0] += 1
    top, width, height = max(counts) or 1, 28, 90
    bars = "".join(
        f'<rect x="{i * width + 2}" y="{height - 70 * c / top:.1f}" width="{width - 4}" height="{70 * c / top:.1f}">'
        f"<title>{c} student(s): {most * i / bins:g}–{most * (i + 1) / bins:g} points</title></rect>"
        f'<text x="{i * width + width / 2}" y="{height - 72 * c / top - 3:.1f}" text-anchor="middle">{c or ""}</text>'
        for i, c in enumerate(counts))
    return (f'<svg viewBox="0 0 {bins * width} {height + 16}" width="{bins * width * 1.5}" role="img">{bars}'
            f'<text x="0" y="{height + 14}">0</text><text x="{bins * width}" y="{height + 14}" text-anchor="end">'
            f"{most:g}</text></svg>")


STYLE = """body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}rect{fill:#4a7bd0}svg text{font-size:9px}
.labs{display:flex;flex-wrap:wrap;gap:2em}.failed,.error,.not.built{color:#b00}.passed{color:#070}
.inconclusive,.skipped{color:#a60}details{margin:.3em 0}summary{cursor:pointer}"""


def html_text(results: dict[str, dict]) -> str:
    esc = html.escape
    labs = [(lab, most) for lab, item, most in _columns(results) if item is None]
    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>hpc-course gradebook</title>"
             f"<style>{STYLE}</style></head><body><h1>Gradebook: {len(results)} student(s)</h1>",
             "<h2>Score distribution per lab</h2><div class=labs>"]
    for lab, most in labs:
        scores = [_earned(doc, lab, None) for doc in results.values()]
        mean = sum(scores) / len(scores) if scores else 0
        parts.append(f"<figure><figcaption><b>{esc(lab)}</b>: mean {mean:.1f} of {most:g}</figcaption>"
                     f"{_histogram(scores, most)}</figure>")
    parts.append("</div><h2>Students</h2>")
    for student, doc in sorted(results.items()):
        problems = "; ".join(lab["problem"].splitlines()[0] for lab in doc["labs"] if not lab["gradable"])
        parts.append(f"<details><summary><b>{esc(student)}</b>: {doc['score']:g} / {doc['max_score']:g}"
                     f"{' — ' + esc(problems) if problems else ''}</summary><table>"
                     "<tr><th>lab</th><th>item</th><th>status</th><th>points</th><th>why</th></tr>")
        for lab in doc["labs"]:
            if not lab["gradable"] or lab.get("status") == "skipped":
                parts.append(f"<tr><td>{esc(lab['lab'])}</td><td>(whole lab)</td><td class='{esc(lab['status'])}'>"
                             f"{esc(lab['status'])}</td><td>0 / {lab['max_score']:g}</td><td><pre>"
                             f"{esc(lab['problem'][:2000])}</pre></td></tr>")
            for t in lab["tests"]:
                why = "" if t["status"] == "passed" else t.get("output", "")[:1500]
                parts.append(f"<tr><td>{esc(lab['lab'])}</td><td>{esc(t['name'])}</td><td class='{esc(t['status'])}'>"
                             f"{esc(t['status'])}</td><td>{t['score']:g} / {t['max_score']:g}</td>"
                             f"<td><pre>{esc(why)}</pre></td></tr>")
        parts.append("</table></details>")
    return "\n".join(parts) + "\n</body></html>\n"


def write(results: dict[str, dict], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("gradebook.csv", csv_text(results)), ("gradebook.html", html_text(results))):
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
