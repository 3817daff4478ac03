"""What ./grade NN --package writes for each platform, and the entry point every package calls:
it leaves the platform's result, accepted by the platform's validator, even when the submission
cannot be graded at all."""
import json
import py_compile
import re
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path

from grader import packages
from grader.labs import ROOT, select_labs
from grader.packages import gradescope as gradescope_package
from grader.validators import autolab, classroom50, gradescope, prairielearn

LAB = select_labs(["02"])[0]
CLASSROOM_ENV = {"CLASSROOM": "hpc-2026", "ASSIGNMENT": "lab02", "OWNER": "ada",
                 "SUBMISSION_TAG": "submit/20261125T101500Z-abc1234", "COMMIT_URL": "https://example.org/c",
                 "RELEASE_URL": "https://example.org/r", "REVIEW_URL": "https://example.org/p"}


def entry(platform: str, submission: Path, result: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader.platform_entry", platform, "02", "--submission",
                           str(submission), "--result", str(result)], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)


class EntryAlwaysLeavesAResult(unittest.TestCase):
    """A submission without labs/ stops before any build: every platform still gets its file."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = Path(self._tmp.name)
        (self.tmp / "submission").mkdir()
        (self.tmp / "submission" / "matmul.cpp").write_text("// the wrong folder\n")

    def tearDown(self):
        self._tmp.cleanup()

    def test_gradescope(self):
        run = entry("gradescope", self.tmp / "submission", self.tmp / "results" / "results.json")
        self.assertEqual(run.returncode, 0, run.stderr)
        doc = json.loads((self.tmp / "results" / "results.json").read_text())
        self.assertEqual(gradescope.validate(doc), [])
        self.assertEqual(doc["score"], 0)
        self.assertIn("no labs/ folder", doc["output"])
        self.assertIn("matmul.cpp", doc["output"], "says what was found instead")

    def test_classroom50(self):
        import os
        run = entry("classroom50", self.tmp / "submission", self.tmp / "result.json", env={**os.environ, **CLASSROOM_ENV})
        self.assertEqual(run.returncode, 0, run.stderr)
        text = (self.tmp / "result.json").read_text()
        self.assertEqual(classroom50.validate_file(text, "hpc-2026", "lab02"), [])
        self.assertIn("no labs/ folder", (self.tmp / "release-body.md").read_text())

    def test_prairielearn(self):
        run = entry("prairielearn", self.tmp / "submission", self.tmp / "results" / "results.json")
        self.assertEqual(run.returncode, 0, run.stderr)
        doc = json.loads((self.tmp / "results" / "results.json").read_text())
        self.assertEqual(prairielearn.validate(doc), [])
        self.assertFalse(doc["gradable"])
        self.assertIn("no labs/ folder", doc["format_errors"][0])

    def test_autolab_last_line(self):
        run = entry("autolab", self.tmp / "submission", self.tmp / "scores.json")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(autolab.validate(run.stdout, {item.id for item in LAB.items}), [], run.stdout[-500:])


class PackagesHoldWhatThePlatformRuns(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def test_gradescope_zip(self):
        packages.package("gradescope", ROOT, LAB, self.tmp / "ag.zip")
        with zipfile.ZipFile(self.tmp / "ag.zip") as archive:
            names = archive.namelist()
            for script in ("setup.sh", "run_autograder"):
                self.assertEqual(archive.getinfo(script).external_attr >> 16 & 0o111, 0o111, script)
            run = archive.read("run_autograder").decode()
        self.assertFalse([n for n in names if n.startswith("solutions/")])
        self.assertIn("grader/platform_entry.py", names)
        self.assertIn("platform_entry gradescope 02 --random-seed", run)
        self.assertIn("/autograder/results/results.json", run)

    def test_gradescope_setup_installs_cmake_only_where_too_old(self):
        for version, needs in (("3.22.1", True), ("3.25.1", False), ("3.28.3", False), ("4.0.2", False)):
            fake = self.tmp / version
            fake.mkdir()
            (fake / "cmake").write_text(f"#!/bin/sh\necho 'cmake version {version}'\n")
            (fake / "cmake").chmod(0o755)
            check = gradescope_package.VERSION_CHECK + "cmake_at_least_3_25 && echo new || echo old\n"
            out = subprocess.run(["bash", "-c", check], capture_output=True, text=True,
                                 env={"PATH": f"{fake}:/usr/bin:/bin"}).stdout.strip()
            self.assertEqual(out, "old" if needs else "new", version)
        self.assertIn("pip install --no-cache-dir 'cmake>=3.25", gradescope_package.setup_script())
        self.assertEqual(subprocess.run(["bash", "-n", "-c", gradescope_package.setup_script()]).returncode, 0)

    def test_classroom50_folder(self):
        packages.package("classroom50", ROOT, LAB, self.tmp / "c50")
        py_compile.compile(str(self.tmp / "c50" / "autograder.py"), doraise=True)
        self.assertTrue((self.tmp / "c50" / "course" / "grader" / "platform_entry.py").exists())
        self.assertFalse((self.tmp / "c50" / "course" / "solutions").exists())
        runtime = json.loads((self.tmp / "c50" / "runtime.json").read_text())
        self.assertEqual(set(runtime) - {"runs-on", "container", "python", "node", "java", "go", "rust", "apt"}, set())
        for name in runtime["apt"]:  # the names Classroom 50's workflow accepts
            self.assertRegex(name, r"^[a-z0-9][a-z0-9.+-]{0,63}$")
        self.assertIn("make", runtime["apt"])

    def test_prairielearn_folder(self):
        packages.package("prairielearn", ROOT, LAB, self.tmp / "pl")
        info = json.loads(next((self.tmp / "pl" / "questions").glob("*/info.json")).read_text())
        options = info["externalGradingOptions"]
        self.assertLessEqual(options["timeout"], 600)
        entry_script = self.tmp / "pl" / options["entrypoint"].replace("/grade/", "", 1)
        self.assertTrue(entry_script.exists() and entry_script.stat().st_mode & 0o111, entry_script)
        self.assertEqual(subprocess.run(["bash", "-n", str(entry_script)]).returncode, 0)
        self.assertIn("mkdir -p \"$GRADE/results\"", entry_script.read_text())
        self.assertTrue(re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", info["uuid"]))
        self.assertIn("run_programs.cpp", (entry_script.parents[2] / "questions").joinpath(
            f"hpc-course-lab{LAB.number}", "question.html").read_text())

    def test_autolab_folder(self):
        packages.package("autolab", ROOT, LAB, self.tmp / "al")
        problems = json.loads((self.tmp / "al" / "problems.json").read_text())
        self.assertEqual([p["name"] for p in problems], [item.id for item in LAB.items])
        recipe = (self.tmp / "al" / "autograde-Makefile").read_text()
        self.assertTrue(all(line.startswith("\t") for line in recipe.split("autograde:\n", 1)[1].splitlines()))
        self.assertIn("|| echo '{\"scores\": {}}'", recipe)
        with tarfile.open(self.tmp / "al" / "autograde.tar") as archive:
            names = archive.getnames()
        self.assertIn("course/grader/platform_entry.py", names)
        self.assertFalse([n for n in names if n.startswith("course/solutions")])

    def test_refuses_a_destination_inside_the_course(self):
        with self.assertRaises(packages.PackageError):
            packages.package("autolab", ROOT, LAB, ROOT / "build" / "autolab-package")


if __name__ == "__main__":
    unittest.main()
