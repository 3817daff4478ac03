"""The student template: `./grade --export DIR` copies the instructor repository without what
students must not see, and writes a manifest of SHA-256 hashes of every file they must not change.
In a tree with a manifest, student-mode grading first verifies it (verify()), and a lab whose
tests, baseline, headers or config — or the grader, common/ or the build — differ is reported
"not gradable" with the changed files named, instead of being scored.

The manifest is a guard against accidents and casual edits, not against a determined student who
rewrites the grader too: the tamper-proof way to grade is `./grade --submission DIR` in the
instructor repository, which takes only the student's labs/*/src files.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

MANIFEST = ".grading-manifest.json"
INSTRUCTOR_ONLY = ("solutions/", "hidden/", ".ci/", "grader/tests/", ".github/workflows/ci.yml",
                   ".github/workflows/gpu.yml", "course/instructor-guide.md")
NEVER_COPIED = ("build/", "grader-results/", ".git/")
# Folders where a file the manifest does not know is a change too (an added test, say).
PROTECTED_FOLDERS = ("common/", "grader/", "cmake/", "plots/")
PROTECTED_LAB_FOLDERS = ("tests/", "baseline/", "include/", "bench/", "remote/")


class ExportError(Exception):
    pass


def student_editable(path: str) -> bool:
    """labs/NN/src/ (graded) and labs/NN/mytests/ (the student's own tests, never graded)."""
    parts = path.split("/")
    return len(parts) >= 4 and parts[0] == "labs" and parts[2] in ("src", "mytests")


def protected(path: str) -> bool:
    return not (student_editable(path) or path.endswith(".md") or path == MANIFEST or "__pycache__" in path)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def repository_files(root: Path) -> list[str]:
    """Tracked and untracked-but-not-ignored files of a git checkout; otherwise every file."""
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, text=True)
    if listed.returncode == 0:
        return sorted(p for p in listed.stdout.splitlines() if (root / p).is_file())
    files = []
    for folder, dirs, names in os.walk(root):
        rel = Path(folder).relative_to(root)
        dirs[:] = [d for d in dirs if not any(f"{rel / d}/".lstrip("./").startswith(n) for n in NEVER_COPIED)
                   and d not in (".git", "__pycache__")]
        files += [str(rel / n) if str(rel) != "." else n for n in names]
    return sorted(f for f in files if not f.startswith(NEVER_COPIED) and "__pycache__" not in f)


def export(root: Path, dest: Path) -> dict:
    if dest.exists() and any(dest.iterdir()):
        raise ExportError(f"{dest} exists and is not empty: export into a new folder")
    if dest.resolve().is_relative_to(root.resolve()):
        raise ExportError(f"{dest} is inside the repository: export outside it")
    files = [f for f in repository_files(root) if not f.startswith(INSTRUCTOR_ONLY + NEVER_COPIED)]
    manifest = {"version": 1, "files": {}}
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, target)
        if protected(rel):
            manifest["files"][rel] = sha256(target)
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return manifest


def _owner(path: str) -> str:
    """The lab a protected file belongs to, or '*' for files every lab depends on."""
    parts = path.split("/")
    return parts[1] if parts[0] == "labs" and len(parts) > 2 else "*"


def verify(root: Path) -> dict[str, list[str]] | None:
    """None without a manifest (the instructor repository); else {lab or '*': [problems]}."""
    path = root / MANIFEST
    if not path.exists():
        return None
    try:
        expected = json.loads(path.read_text())["files"]
    except (ValueError, KeyError, TypeError):
        return {"*": [f"{MANIFEST} is unreadable"]}
    problems: dict[str, list[str]] = {}
    for rel, digest in sorted(expected.items()):
        file = root / rel
        if not file.is_file():
            problems.setdefault(_owner(rel), []).append(f"deleted: {rel}")
        elif sha256(file) != digest:
            problems.setdefault(_owner(rel), []).append(f"changed: {rel}")
    for rel in repository_files(root):
        parts = rel.split("/")
        in_lab_folder = parts[0] == "labs" and len(parts) > 3 and f"{parts[2]}/" in PROTECTED_LAB_FOLDERS
        if (rel.startswith(PROTECTED_FOLDERS) or in_lab_folder) and protected(rel) and rel not in expected:
            problems.setdefault(_owner(rel), []).append(f"added: {rel}")
    return problems
