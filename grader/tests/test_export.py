import json
import subprocess
import tempfile
import unittest
from pathlib import Path

from grader import adapters, export
from grader.tests.test_reports import sample


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


class AdaptersTest(unittest.TestCase):
    def test_gradescope_fields(self):
        doc = adapters.gradescope(sample())
        self.assertEqual((doc["score"], doc["max_score"]), (2, 9))
        for test in doc["tests"]:
            self.assertEqual(set(test), {"name", "score", "max_score", "status", "output", "visibility"})
            self.assertIn(test["status"], ("passed", "failed"))
        self.assertIn("error: oops", doc["output"], "a build failure is reported, not a silent 0")

    def test_classroom50_fields(self):
        doc = adapters.classroom50(sample())
        self.assertEqual(doc["schema"], "classroom50/result/v1")
        for test in doc["tests"]:
            self.assertEqual(set(test), {"test-name", "passed", "score", "max-score"})
        self.assertEqual([t["passed"] for t in doc["tests"]], [True, False, False])

    def test_prairielearn_fields(self):
        doc = adapters.prairielearn(sample())
        self.assertFalse(doc["gradable"])
        self.assertIn("not gradable", doc["message"])
        self.assertAlmostEqual(doc["score"], 2 / 9)
        for test in doc["tests"]:
            self.assertEqual(set(test), {"name", "points", "max_points", "output"})

    def test_autolab_scores(self):
        self.assertEqual(adapters.autolab_scores(sample()),
                         {"scores": {"01-demo/kernel": 2, "01-demo/speed": 0, "02-other/build": 0}})

    def test_write_each_format(self):
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in adapters.FORMATS:
                path = adapters.write(sample(), fmt, Path(tmp))
                self.assertTrue(json.loads(path.read_text()))


if __name__ == "__main__":
    unittest.main()
