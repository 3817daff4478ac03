"""Everything the grader writes, derived from the one results.json document: the console table,
JUnit XML, the markdown summary (also for $GITHUB_STEP_SUMMARY)."""
from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path


def _fmt(value) -> str:
    return "" if value is None else f"{value:.3g}"


def _points(score: float, max_score: float) -> str:
    return f"{score:g}/{max_score:g}"


def next_step(test: dict) -> str:
    """What a perf item's next step needs: ">= 45 for 4 pt", or "top step" once it is reached."""
    steps, measured = test.get("steps"), test.get("measured")
    if not steps:
        return f">= {_fmt(test['required'])}" if test.get("required") is not None else ""
    upcoming = [(at, points) for at, points in steps if measured is None or measured < at]
    return f">= {upcoming[0][0]:g} for {upcoming[0][1]:g} pt" if upcoming else "top step"


def rows(results: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(lab, test, status, measured, required, points) per graded item, plus ungradable labs."""
    table = []
    for lab in results["labs"]:
        if not lab["gradable"] or lab.get("status") == "skipped":
            status = "skipped" if lab["gradable"] else "not built"
            table.append((lab["lab"], "(whole lab)", status, "", "", _points(0, lab["max_score"])))
        for t in lab["tests"]:
            required = next_step(t)
            measured = f"{_fmt(t.get('measured'))} {t.get('metric', '')}".strip() if t.get("measured") is not None else ""
            name = f"{t['name']} (hidden)" if t.get("hidden") else t["name"]
            table.append((lab["lab"], name, t["status"], measured, required, _points(t["score"], t["max_score"])))
    return table


def _intensity(entry: dict) -> str:
    return "no memory traffic" if entry["intensity"] is None else f"{entry['intensity']:.3g} flop/byte"


def roofline_rows(results: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(lab, test, GFLOP/s, intensity, roof, % of roof and the reference's) per item with feedback."""
    table = []
    for lab in results["labs"]:
        for t in lab["tests"]:
            entry = t.get("roofline")
            if not entry:
                continue
            ref = entry.get("reference")
            reference = f"{ref['gflops']:.3g} GFLOP/s = {ref['percent_of_roof']:.3g}%" if ref else "not recorded"
            table.append((lab["lab"], t["name"], f"{entry['gflops']:.3g} GFLOP/s", _intensity(entry),
                          f"{entry['roof_gflops']:.3g} GFLOP/s ({entry['bound']}-bound, {entry['cores']} core(s))",
                          f"{entry['percent_of_roof']:.3g}%", reference))
    return table


def roofline_notes(results: dict) -> list[str]:
    """Per lab with roofline feedback: the ceilings it was measured against, or why it is missing."""
    notes = []
    for lab in results["labs"]:
        roof = lab.get("roofline")
        if roof and "omitted" in roof:
            notes.append(f"{lab['lab']}: roofline feedback omitted: {roof['omitted']}")
        elif roof:
            notes.append(f"{lab['lab']}: this machine's roofs: peak {roof['peak_gflops_one_core']:g} GFLOP/s a core "
                         f"(FP64 FMA), triad {roof['bandwidth_gbs']:g} GB/s on {roof['threads']} core(s)")
    return notes


ROOFLINE_HEADER = ("lab", "test", "yours", "intensity", "roof there", "% of roof", "reference")
ROOFLINE_NOTE = "Roofline (feedback only: it never changes points; the roof is min(peak, intensity x bandwidth))"


def _aligned(header: tuple, body: list[tuple]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    return [line(header), line(tuple("-" * w for w in widths))] + [line(r) for r in body]


def console_table(results: dict) -> str:
    out = _aligned(("lab", "test", "status", "measured", "next step", "points"), rows(results))
    for lab in results["labs"]:
        if lab["problem"]:
            out.append(f"\n{lab['lab']}: {lab['problem']}")
        for note in lab.get("notes", []):
            out.append(f"\n{lab['lab']}: {note}")
    out.append(f"\nTotal: {_points(results['score'], results['max_score'])} points ({results['tree']} tree)")
    if results.get("calibration"):
        out.append(f"Perf steps: {results['calibration']}")
    hidden = sum(t["max_score"] for t in results["tests"] if t.get("hidden"))
    if hidden:
        out.append(f"{hidden:g} of these points are the instructor's hidden items, marked (hidden): the handouts "
                   f"count the other {results['max_score'] - hidden:g}")
    if results.get("inconclusive"):
        out.append(f"Inconclusive (the machine was too busy to measure; grade again on a quieter one): "
                   f"{', '.join(results['inconclusive'])}")
    roofline, notes = roofline_rows(results), roofline_notes(results)
    if roofline or notes:
        out += ["", ROOFLINE_NOTE + ":"] + notes
        out += _aligned(ROOFLINE_HEADER, roofline) if roofline else []
    return "\n".join(out)


def failure_details(results: dict) -> str:
    """What went wrong, test by test, for the console (the table only says 'failed')."""
    out = []
    for lab in results["labs"]:
        for t in lab["tests"]:
            if t["status"] != "passed" and t.get("output"):
                out.append(f"--- {lab['lab']}: {t['name']} ({t['status']})\n{t['output']}")
    return "\n".join(out)


def markdown(results: dict) -> str:
    out = [f"## hpc-course: {_points(results['score'], results['max_score'])} points ({results['tree']} tree)", "",
           "| lab | test | status | measured | next step | points |", "|---|---|---|---|---|---|"]
    icons = {"passed": "✅", "failed": "❌", "skipped": "⏭️", "error": "⚠️", "not built": "🚫", "inconclusive": "⏳"}
    for lab, test, status, measured, required, points in rows(results):
        out.append(f"| {lab} | {test} | {icons.get(status, '')} {status} | {measured} | {required} | {points} |")
    for lab in results["labs"]:
        out += [f"\n**{lab['lab']}**: {text}" for text in ([lab["problem"]] if lab["problem"] else []) + lab.get("notes", [])]
    if results.get("calibration"):
        out.append(f"\nPerf steps: {results['calibration']}.")
    roofline, notes = roofline_rows(results), roofline_notes(results)
    if roofline or notes:
        out += ["", f"### {ROOFLINE_NOTE}", ""] + [f"- {note}" for note in notes]
        if roofline:
            out += ["", "| " + " | ".join(ROOFLINE_HEADER) + " |", "|" + "---|" * len(ROOFLINE_HEADER)]
            out += ["| " + " | ".join(row) + " |" for row in roofline]
    if results.get("seed") is not None:
        out.append(f"\nGraded with seed {results['seed']}: `./grade --seed {results['seed']}` repeats these inputs.")
    return "\n".join(out) + "\n"


# XML 1.0 cannot hold most control characters, and terminal colour codes are noise in a report.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Any program output made safe for an XML report: escapes removed, other control characters
    shown as U+FFFD."""
    return _NOT_XML_CHAR.sub("\ufffd", _ANSI_ESCAPE.sub("", text or ""))


def junit_xml(results: dict) -> str:
    """JUnit XML in the shape of the widely used junit-4 schema (Jenkins, GitLab, the JUnit
    publishers of every CI): testsuites > testsuite > testcase; a testcase holds at most one
    skipped, then error/failure, then system-out. The points go to the testcase's system-out,
    since the schema gives testcases no properties."""
    suites = ET.Element("testsuites", name="hpc-course")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "time": 0.0}
    for lab in results["labs"]:
        suite = ET.SubElement(suites, "testsuite", name=lab["lab"])
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "time": 0.0}

        def case(name: str, seconds: float = 0.0) -> ET.Element:
            counts["tests"] += 1
            counts["time"] += seconds
            return ET.SubElement(suite, "testcase", name=xml_text(name), classname=lab["lab"], time=f"{seconds:.3f}")

        def outcome(element: ET.Element, kind: str, message: str, text: str = "") -> None:
            counts[{"failure": "failures", "error": "errors", "skipped": "skipped"}[kind]] += 1
            child = ET.SubElement(element, kind, message=xml_text(message.splitlines()[0] if message else kind))
            if text and kind != "skipped":
                child.text = xml_text(text)

        if not lab["gradable"]:
            outcome(case("build"), "error", "not gradable", lab["problem"])
        elif lab.get("status") == "skipped":
            outcome(case("build"), "skipped", lab["problem"])
        for t in lab["tests"]:
            element = case(t["name"], t.get("wall_s", 0.0))
            output = t.get("output", "")
            if t["status"] in ("failed", "error"):
                outcome(element, "failure" if t["status"] == "failed" else "error", output or t["status"], output)
            elif t["status"] in ("skipped", "inconclusive"):
                outcome(element, "skipped", f"{t['status']}: {output}" if output else t["status"])
            ET.SubElement(element, "system-out").text = xml_text(
                f"points: {_points(t['score'], t['max_score'])}" + (f"\n{output}" if output else ""))
        suite.attrib.update({k: (f"{v:.3f}" if k == "time" else str(v)) for k, v in counts.items()})
        for key in totals:
            totals[key] += counts[key]
    suites.attrib.update({k: (f"{v:.3f}" if k == "time" else str(v)) for k, v in totals.items() if k != "skipped"})
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def write_all(results: dict, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("results.json", json.dumps(results, indent=2) + "\n"),
                       ("junit.xml", junit_xml(results)),
                       ("summary.md", markdown(results))):
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(markdown(results))
    return written
