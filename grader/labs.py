"""Where things are: the repository root, the labs it holds, and the build trees."""
from __future__ import annotations

from pathlib import Path

from grader.config import LabConfig, load_lab

ROOT = Path(__file__).resolve().parent.parent
# tree -> build/<folder>; solution-avx2: the reference built for AVX2/FMA only (x86-64-v3), what
# hosted runners and valgrind run, checked by the self-test next to the native build.
TREES = {"student": "student", "solution": "solution", "submission": "submission", "solution-avx2": "solution-avx2",
         "mutants": "mutants"}  # mutants: the reference with one curated mistake (grader/mutants.py)
MARCH = {"solution-avx2": "x86-64-v3"}  # default: native


# Graded sanitizer items (`sanitizer = "address" | "thread"` in grading.toml) run programs built in a
# sibling tree <tree>-asan / <tree>-tsan from the same sources, with these compiler flags.
# Line tables (-g1) are all a sanitizer's report needs; with -O1 (HPC_OPTIMIZE) instead of -O3 an
# instrumented test compiles three times faster (test_matmul: 20 s -> 7 s).
SANITIZERS = {"address": ("asan", "-g1 -fsanitize=address,undefined -fno-sanitize-recover=undefined "
                                  "-fno-omit-frame-pointer"),
              "thread": ("tsan", "-g1 -fsanitize=thread")}
SANITIZER_OPTIMIZE = "-O1"
SANITIZER_TREES = {kind for kind, _ in SANITIZERS.values()}


def is_reference(tree: str) -> bool:
    return tree.startswith("solution")


def base_tree(tree: str) -> str:
    """student-tsan -> student: the tree whose staged sources a sanitizer tree compiles."""
    head, _, tail = tree.rpartition("-")
    return head if tail in SANITIZER_TREES else tree


def sanitizer_tree(tree: str, sanitizer: str) -> str:
    return f"{tree}-{SANITIZERS[sanitizer][0]}"


class LabSelectionError(Exception):
    pass


def all_lab_dirs(root: Path = ROOT) -> list[Path]:
    labs = root / "labs"
    return sorted(p for p in labs.iterdir() if p.is_dir() and (p / "grading.toml").exists()) if labs.is_dir() else []


def hidden_dir(lab_dir: Path) -> Path:
    """Where the lab's hidden tests live (absent from the student template)."""
    return lab_dir.parent.parent / "hidden" / lab_dir.name


def load_course_lab(lab_dir: Path, calibrated: bool = True) -> LabConfig:
    """A lab of the course with its hidden items and, unless told otherwise, this machine's
    calibration of its step tables (grader/calibration.json, written by ./grade --calibrate)."""
    lab = load_lab(lab_dir, hidden_dir(lab_dir))
    if not calibrated:
        return lab
    from grader import calibration
    return calibration.apply(lab, calibration.load(lab_dir.parent.parent / "grader" / "calibration.json"))


def select_labs(wanted: list[str], root: Path = ROOT, calibrated: bool = True) -> list[LabConfig]:
    """Labs by number ("01"), by folder name ("01-vectorization"), or all of them."""
    dirs = all_lab_dirs(root)
    if not dirs:
        raise LabSelectionError(f"no labs found under {root / 'labs'}")
    if not wanted:
        return [load_course_lab(d, calibrated) for d in dirs]
    chosen = []
    for name in wanted:
        matches = [d for d in dirs if d.name == name or d.name.split("-", 1)[0] == name.zfill(2)]
        if not matches:
            known = ", ".join(d.name for d in dirs)
            raise LabSelectionError(f"no lab '{name}'; the labs are: {known}")
        chosen.append(load_course_lab(matches[0], calibrated))
    return chosen


def build_dir(tree: str, root: Path = ROOT) -> Path:
    base = base_tree(tree)
    return root / "build" / (TREES[base] + tree[len(base):])


def bin_dir(tree: str, lab: LabConfig, root: Path = ROOT) -> Path:
    return build_dir(tree, root) / "bin" / lab.name


def cmake_target(lab: LabConfig) -> str:
    return f"lab{lab.number}"
