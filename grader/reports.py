"""Everything the grader writes, derived from the one results.json document: the console table,
JUnit XML, the markdown summary (also for $GITHUB_STEP_SUMMARY)."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path


def _fmt(value) -> str:
    return "" if value is None else f"{value:.3g}"


def _points(score: float, max_score: float) -> str:
    return f"{score:g}/{max_score:g}"


def rows(results: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(lab, test, status, measured, required, points) per graded item, plus ungradable labs."""
    table = []
    for lab in results["labs"]:
        if not lab["gradable"] or lab.get("status") == "skipped":
            status = "skipped" if lab["gradable"] else "not built"
            table.append((lab["lab"], "(whole lab)", status, "", "", _points(0, lab["max_score"])))
        for t in lab["tests"]:
            required = f">= {_fmt(t.get('required'))}" if t.get("required") is not None else ""
            measured = f"{_fmt(t.get('measured'))} {t.get('metric', '')}".strip() if t.get("measured") is not None else ""
            table.append((lab["lab"], t["name"], t["status"], measured, required, _points(t["score"], t["max_score"])))
    return table


def console_table(results: dict) -> str:
    header = ("lab", "test", "status", "measured", "required", "points")
    body = rows(results)
    widths = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    out = [line(header), line(tuple("-" * w for w in widths))] + [line(r) for r in body]
    for lab in results["labs"]:
        if lab["problem"]:
            out.append(f"\n{lab['lab']}: {lab['problem']}")
        for note in lab.get("notes", []):
            out.append(f"\n{lab['lab']}: {note}")
    out.append(f"\nTotal: {_points(results['score'], results['max_score'])} points ({results['tree']} tree)")
    if results.get("inconclusive"):
        out.append(f"Inconclusive (the machine was too busy to measure; grade again on a quieter one): "
                   f"{', '.join(results['inconclusive'])}")
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
           "| lab | test | status | measured | required | points |", "|---|---|---|---|---|---|"]
    icons = {"passed": "✅", "failed": "❌", "skipped": "⏭️", "error": "⚠️", "not built": "🚫", "inconclusive": "⏳"}
    for lab, test, status, measured, required, points in rows(results):
        out.append(f"| {lab} | {test} | {icons.get(status, '')} {status} | {measured} | {required} | {points} |")
    return "\n".join(out) + "\n"


def junit_xml(results: dict) -> str:
    suites = ET.Element("testsuites", name="hpc-course", tests=str(len(results["tests"])))
    for lab in results["labs"]:
        tests = lab["tests"]
        suite = ET.SubElement(suites, "testsuite", name=lab["lab"], tests=str(len(tests)),
                              failures=str(sum(t["status"] == "failed" for t in tests)),
                              errors=str(sum(t["status"] == "error" for t in tests) + (0 if lab["gradable"] else 1)),
                              skipped=str(sum(t["status"] in ("skipped", "inconclusive") for t in tests)))
        if not lab["gradable"]:
            case = ET.SubElement(suite, "testcase", classname=lab["lab"], name="build")
            ET.SubElement(case, "error", message="not gradable").text = lab["problem"]
        elif lab.get("status") == "skipped":
            ET.SubElement(ET.SubElement(suite, "testcase", classname=lab["lab"], name="build"), "skipped",
                          message=lab["problem"])
        for t in tests:
            case = ET.SubElement(suite, "testcase", classname=lab["lab"], name=t["name"], time=f"{t.get('wall_s', 0):.3f}")
            ET.SubElement(ET.SubElement(case, "properties"), "property", name="score",
                          value=_points(t["score"], t["max_score"]))
            if t["status"] in ("failed", "error"):
                ET.SubElement(case, "failure" if t["status"] == "failed" else "error",
                              message=t["output"].splitlines()[0] if t["output"] else t["status"]).text = t["output"]
            elif t["status"] in ("skipped", "inconclusive"):
                ET.SubElement(case, "skipped", message=t["output"])
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
