"""What a student sees of a failed build: the first real compiler error, course paths made relative,
and never a line quoted from a course file."""
import os
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from grader.build import _failed_student_files, compile_isolation, first_error, unprotected_compile
from grader.labs import select_labs

ROOT = Path("/srv/course")
STAGE = ROOT / "build/student-src"

LOG = f"""[ 10%] Building CXX object labs/01-error-handling/CMakeFiles/x.dir/src/a.cpp.o
{ROOT}/hidden/01-vectorization/tests/test_hidden.cpp:12:5: error: 'secret_expected_value' was not declared
   12 |     secret_expected_value(42);
{STAGE}/labs/01-vectorization/src/matmul.cpp:3:2: error: #error "half-finished"
    3 | #error "half-finished"
      |  ^~~~~
gmake[2]: *** [labs/01-vectorization/CMakeFiles/lab01_impl.dir/build.make:76: labs/01-vectorization/CMakeFiles/lab01_impl.dir/__/__/build/student-src/labs/01-vectorization/src/matmul.cpp.o] Error 1
"""


class UnprotectedCompileTest(unittest.TestCase):
    """As root, with no mount namespace and the course where the sandbox user cannot enter, an
    `#include` in student code could read the reference solutions: such grading is refused."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        os.chmod(self.tmp.name, 0o755)
        self.course = Path(self.tmp.name) / "private" / "course"
        (self.course / "labs").mkdir(parents=True)
        os.chmod(self.course.parent, 0o700)

    def tearDown(self):
        self.tmp.cleanup()

    def refused(self, isolation: bool, root: bool = True):
        with mock.patch("grader.build.isolation_available", return_value=isolation), \
                mock.patch("os.geteuid", return_value=0 if root else 1000):
            return unprotected_compile(self.course)

    def test_refused_only_where_nothing_protects_instructor_files(self):
        (self.course / "solutions").mkdir()
        self.assertIn("not gradable here", self.refused(isolation=False))
        self.assertIn("/srv", self.refused(isolation=False))
        self.assertIsNone(self.refused(isolation=True))
        self.assertIsNone(self.refused(isolation=False, root=False))
        os.chmod(self.course.parent, 0o755)
        self.assertIsNone(self.refused(isolation=False))

    def test_a_students_template_has_nothing_to_protect(self):
        self.assertIsNone(self.refused(isolation=False))


class CompileIsolationTest(unittest.TestCase):
    def test_instructor_folders_hidden_and_a_course_in_tmp_kept(self):
        with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
            root = Path(tmp)
            for folder in ("solutions", "hidden", "build/solution", "build/student", "build/student-src", "labs"):
                (root / folder).mkdir(parents=True)
            isolation = compile_isolation("student", root)
        self.assertEqual(sorted(p.relative_to(root).as_posix() for p in isolation.hidden),
                         ["build/solution", "hidden", "solutions"])
        self.assertNotIn(Path("/tmp"), isolation.private_dirs)  # the course itself lives there
        self.assertIn(Path("/dev/shm"), isolation.private_dirs)


class FirstErrorTest(unittest.TestCase):
    def test_make_progress_lines_naming_error_are_not_errors(self):
        self.assertNotIn("Building CXX", first_error(LOG, (STAGE,), ROOT))

    def test_course_files_are_named_but_never_quoted(self):
        shown = first_error(LOG, (STAGE,), ROOT)
        self.assertIn("hidden/01-vectorization/tests/test_hidden.cpp:12:5: error:", shown)
        self.assertNotIn("secret_expected_value(42)", shown)
        self.assertNotIn(str(ROOT), shown)

    def test_the_students_own_file_is_quoted_with_a_relative_path(self):
        shown = first_error(LOG, (STAGE,), ROOT, in_file="matmul.cpp")
        self.assertTrue(shown.startswith("labs/01-vectorization/src/matmul.cpp:3:2: error:"), shown)
        self.assertIn('#error "half-finished"', shown.splitlines()[1])

    def test_failed_objects_name_the_students_files(self):
        lab = select_labs(["01"])[0]
        self.assertEqual(_failed_student_files(LOG, lab), {"matmul.cpp"})


if __name__ == "__main__":
    unittest.main()


class ConfigureOnceTest(unittest.TestCase):
    """A tree configured with the same arguments gets only CMake's own check (which regenerates
    the build files when a CMakeLists.txt changed); new arguments configure it again."""

    def test_the_same_arguments_configure_once_and_a_changed_cmakelists_is_still_seen(self):
        from grader import build
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "CMakeLists.txt").write_text("cmake_minimum_required(VERSION 3.20)\nproject(demo NONE)\n")
            commands = []
            real = build.run_limited

            def recording(command, *args, **kwargs):
                commands.append(command[0] if command[0] != "make" else "check")
                return real(command, *args, **kwargs)

            with mock.patch("grader.build.run_limited", side_effect=recording), \
                    mock.patch("grader.build.gpu_present", return_value=False):
                build.configure("solution", root)
                build.configure("solution", root)
                (root / "CMakeLists.txt").write_text("cmake_minimum_required(VERSION 3.20)\nproject(demo2 NONE)\n")
                build.configure("solution", root)
                build.configure("solution-avx2", root)
            self.assertEqual(commands, ["cmake", "check", "check", "cmake"])
            cache = (root / "build" / "solution" / "CMakeCache.txt").read_text()
            self.assertIn("CMAKE_PROJECT_NAME:STATIC=demo2", cache, "the check regenerated the changed project")
