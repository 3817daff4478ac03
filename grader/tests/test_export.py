import json
import subprocess
import tempfile
import unittest
from pathlib import Path

from grader import export


class ExportTest(unittest.TestCase):
    def make_repo(self, root: Path) -> None:
        for rel, text in {"labs/01-a/src/k.cpp": "starter", "labs/01-a/tests/test_k.cpp": "test",
                          "labs/01-a/grading.toml": "cfg", "labs/01-a/README.md": "handout",
                          "solutions/01-a/src/k.cpp": "answer", "hidden/01-a/tests/test_h.cpp": "hidden",
                          "grader/cli.py": "grader", ".github/workflows/ci.yml": "ci",
                          ".github/workflows/classroom.yml": "classroom"}.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
        subprocess.run(["git", "init", "-q", str(root)], check=True)

    def test_export_manifest_and_verification(self):
        with tempfile.TemporaryDirectory() as tmp:
            repo, dest = Path(tmp) / "repo", Path(tmp) / "template"
            self.make_repo(repo)
            manifest = export.export(repo, dest)
            self.assertFalse((dest / "solutions").exists())
            self.assertFalse((dest / "hidden").exists())
            self.assertFalse((dest / ".github/workflows/ci.yml").exists())
            self.assertTrue((dest / ".github/workflows/classroom.yml").exists())
            self.assertIn("labs/01-a/tests/test_k.cpp", manifest["files"])
            self.assertIn("grader/cli.py", manifest["files"])
            self.assertNotIn("labs/01-a/src/k.cpp", manifest["files"], "students edit src/")
            self.assertEqual(json.loads((dest / export.MANIFEST).read_text()), manifest)

            self.assertEqual(export.verify(dest), {})
            (dest / "labs/01-a/src/k.cpp").write_text("my solution")  # allowed
            self.assertEqual(export.verify(dest), {})
            (dest / "labs/01-a/tests/test_k.cpp").write_text("weakened")
            (dest / "labs/01-a/tests/test_new.cpp").write_text("extra")
            (dest / "grader/cli.py").unlink()
            self.assertEqual(export.verify(dest), {
                "01-a": ["changed: labs/01-a/tests/test_k.cpp", "added: labs/01-a/tests/test_new.cpp"],
                "*": ["deleted: grader/cli.py"]})

    def test_refuses_a_non_empty_destination(self):
        with tempfile.TemporaryDirectory() as tmp:
            repo = Path(tmp) / "repo"
            self.make_repo(repo)
            with self.assertRaises(export.ExportError):
                export.export(repo, repo / "labs")

    def test_no_manifest_means_instructor_repository(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assertIsNone(export.verify(Path(tmp)))


if __name__ == "__main__":
    unittest.main()
