"""Writes a lab's perf targets from grading.toml as a C++ header, at CMake configure time, so the
perf tests assert exactly the thresholds the grader awards points by (one source of truth).

    python3 -m grader.thresholds_header labs/01-vectorization/grading.toml \\
        --namespace hpc::lab01::targets --output build/.../lab01_thresholds.hpp
"""
import argparse
import sys
from pathlib import Path

from grader.config import ConfigError
from grader.labs import load_course_lab


def render(lab, namespace: str) -> str:
    lines = [
        f"// Generated from {lab.name}/grading.toml by grader/thresholds_header.py: edit the TOML, not this.",
        "#pragma once",
        "",
        '#include "hpc/perf_test.hpp"',
        "",
        f"namespace {namespace} {{",
        "",
    ]
    for item in lab.items:
        if item.kind == "perf":
            lines.append(f'inline constexpr hpc::PerfTarget {item.id}{{"{item.id}", "{item.metric}", '
                         f"{item.steps[0].at!r}, {item.steps[-1].at!r}}};")
    lines += ["", f"}}  // namespace {namespace}", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grading_toml", type=Path)
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        lab_dir = args.grading_toml.resolve().parent
        lab = load_course_lab(lab_dir)  # calibrated steps, when this machine has a calibration
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    text = render(lab, args.namespace)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # Rewrite only on change, so a reconfigure does not rebuild every perf test.
    if not args.output.exists() or args.output.read_text() != text:
        args.output.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
