"""Builds throw-away labs for the grader's tests: a grading.toml and fake test programs."""
import os
import tempfile
import textwrap
from pathlib import Path

FAKE = Path(__file__).with_name("fake_gtest.py")


class TempLab:
    """A lab folder `01-demo` with the given grading.toml and fake programs named after behaviours."""

    def __init__(self, toml: str, programs: list[str]):
        self._tmp = tempfile.TemporaryDirectory(prefix="grader-test-")
        self.root = Path(self._tmp.name)
        self.lab_dir = self.root / "01-demo"
        self.lab_dir.mkdir()
        (self.lab_dir / "grading.toml").write_text(textwrap.dedent(toml))
        self.bin_dir = self.root / "bin"
        self.bin_dir.mkdir()
        for name in programs:
            wrapper = self.bin_dir / name
            os.symlink(FAKE, wrapper)

    def close(self):
        self._tmp.cleanup()
