"""./grade --self-test: the course's own test suite, run by CI (.ci/run).

It proves what instructors rely on: the grader's unit tests pass; the committed Classroom
workflow matches the labs; every reference solution scores full marks (unit and perf) and is
clean under AddressSanitizer/UBSan (and, on a machine with a GPU, the CUDA lab under
compute-sanitizer; without one, its tests must all report "skipped"); every starter builds and is graded to 0 points, each test
failing cleanly (no crash of the grader, no timeout); every test is worth points somewhere; the
exported student template grades out of the box and refuses a changed test file; and the
adversarial submissions (crashes, hangs, fork bombs, fakes) get exactly the expected verdicts.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from grader import build, classroom, deps, export
from grader.platform_checks import platform_formats, platform_packages, roster_check
from grader.cli import grade_labs, test_environment, write_results
from grader.gpu import cuda_compiler_present, gpu_present
from grader.coverage import ungraded_tests
from grader.labs import ROOT, bin_dir, build_dir, cmake_target, sanitizer_tree, select_labs
from grader.sandbox import reap_orphans

STARTER_SECONDS_PER_LAB = 120  # a starter's tests fail at once; more than this means something hangs


class Tally:
    def __init__(self):
        self.passed, self.failed, self.inconclusive = 0, [], []

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        print(f"[{'PASS' if ok else 'FAIL'}] {what}" + (f"\n{detail}" if detail and not ok else ""), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)
        return ok


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, **kwargs)
    finally:
        reap_orphans()  # the grader is a subreaper: MPI daemons ctest left behind end up as its zombies


def grader_unit_tests(tally: Tally) -> None:
    suite = unittest.defaultTestLoader.discover(str(ROOT / "grader" / "tests"), top_level_dir=str(ROOT))
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
    tally.check(result.wasSuccessful() and result.testsRun > 0,
                f"grader unit tests ({result.testsRun} run, {len(result.failures) + len(result.errors)} failed)")


def solution_tree(tally: Tally, labs, env) -> dict | None:
    build.configure("solution")
    full = build.build_everything("solution")
    if not tally.check(full.returncode == 0, "solution tree builds (every target)", build.first_error(full.output)):
        return None
    harness = _run(["ctest", "--test-dir", str(build_dir("solution")), "-L", "common|runtime|mine", "--output-on-failure"])
    tally.check(harness.returncode == 0,
                "common/ harness, labs' given runtime tests (timing, perf assertions, machine, GIL, interpreter) and mytests examples",
                harness.stdout[-3000:])
    benches = _run(["ctest", "--test-dir", str(build_dir("solution")), "-L", "bench", "--output-on-failure"])
    ran = len(re.findall(r" Test +#\d+:", benches.stdout))  # ctest pads: " 1/13 Test  #24:"
    tally.check(benches.returncode == 0 and ran >= len(labs) - (0 if cuda_compiler_present() else 1),
                f"every Google Benchmark suite runs once as a smoke test ({ran} suite(s))", benches.stdout[-3000:])
    graded = grade_labs(labs, "solution", env)
    results = write_results(graded, "solution", ROOT / "grader-results" / "self-test" / "solution")
    gpu = gpu_present()
    for lab in results["labs"]:
        # A perf item the machine could not measure says so; it is not a failure of the course.
        tally.inconclusive += [f"{lab['lab']}: {t['name']}: {t['output']}" for t in lab["tests"]
                               if t["status"] == "inconclusive"]
        config = next(c for c in labs if c.name == lab["lab"])
        short = [f"  {t['name']}: {t['status']} {t['score']:g}/{t['max_score']:g}\n    {t['output']}"
                 for t in lab["tests"] if t["score"] < t["max_score"] and t["status"] != "inconclusive"
                 and not gpu_item_skipped_here(config, t, gpu)]
        if config.requires_cuda and not cuda_compiler_present():
            tally.check(lab["status"] == "skipped" and "no CUDA compiler" in lab["problem"],
                        f"{lab['lab']}: no CUDA compiler here: the lab is skipped, saying why", lab["problem"])
            continue
        if config.requires_cuda and not gpu:
            # Without a GPU the CUDA lab must build and every test must say it was skipped, and why.
            unskipped = [f"  {t['name']}: {t['status']}: {t['output'][:200]}" for t in lab["tests"]
                         if t["status"] != "skipped" or "no CUDA device" not in t["output"]]
            tally.check(lab["gradable"] and not unskipped,
                        f"{lab['lab']}: no GPU here: it builds and every test is skipped (\"no CUDA device\"), none passed",
                        lab["problem"] + "\n".join(unskipped))
            continue
        waiting = {"inconclusive" if t["status"] == "inconclusive" else "needs a GPU" for t in lab["tests"]
                   if t["score"] < t["max_score"] and (t["status"] == "inconclusive" or gpu_item_skipped_here(config, t, gpu))}
        tally.check(lab["gradable"] and not short,
                    f"{lab['lab']}: reference solution scores full marks ({lab['score']:g}/{lab['max_score']:g}"
                    f"{', the rest ' + ' or '.join(sorted(waiting)) if waiting and not short else ''})",
                    lab["problem"] + "\n".join(short))
    if gpu:
        compute_sanitizer(tally, [lab for lab in labs if lab.requires_cuda])
    for lab in labs:
        if lab.requires_cuda and not cuda_compiler_present():
            continue  # nothing was built
        problems = ungraded_tests(lab, bin_dir("solution", lab))
        tally.check(not problems, f"{lab.name}: every test is graded by grading.toml", "\n".join(problems))
    return results


def gpu_item_skipped_here(lab, test: dict, gpu: bool) -> bool:
    """A GPU item of a CPU lab (Lab 07's task 6) skips on a machine without a GPU, and says why."""
    item = next((i for i in lab.items if i.id == test["id"]), None)
    if item is None or not item.gpu or gpu or test["status"] != "skipped":
        return False
    return "no CUDA device" in test["output"] or "no CUDA compiler" in test["output"]


def avx2_reference(tally: Tally, env, native_results: dict | None) -> None:
    """The top steps must be reachable without AVX-512: Lab 01's reference, built for x86-64-v3
    (AVX2/FMA), scores full marks too. On a CPU without AVX-512 the native build is that build."""
    from grader.calibration import machine
    lab01 = next(lab for lab in (native_results or {}).get("labs", []) if lab["lab"].startswith("01"))
    if machine()["isa"] != "AVX-512":
        tally.check(lab01["score"] == lab01["max_score"] or bool(tally.inconclusive),
                    f"Lab 01 reference with AVX2 only: {lab01['score']:g}/{lab01['max_score']:g} "
                    f"(this CPU has no AVX-512: the native build is the AVX2 build)")
        return
    # The items whose steps depend on the CPU (those with a `reference` figure) and their correctness items.
    lab01 = select_labs(["01"])[0]
    perf = {item.id for item in lab01.items if item.reference}
    only = perf | {required for item in lab01.items if item.id in perf for required in item.requires}
    graded = grade_labs([lab01], "solution-avx2", env, only=only)
    results = write_results(graded, "solution-avx2", ROOT / "grader-results" / "self-test" / "solution-avx2")
    lab = results["labs"][0]
    short = [f"  {t['name']}: {t['status']} {t['score']:g}/{t['max_score']:g}: {t['output'][:200]}"
             for t in lab["tests"] if t["score"] < t["max_score"] and t["status"] != "inconclusive"]
    tally.check(lab["gradable"] and not short,
                f"Lab 01 reference built for AVX2 only (x86-64-v3) scores full marks on the CPU-dependent items "
                f"({lab['score']:g}/{lab['max_score']:g})", lab["problem"] + "\n".join(short))


def calibration_run(tally: Tally, env) -> None:
    """./grade --calibrate on Lab 03's two calibrated items, one run: the file names the machine
    and a plausible factor for each, the grader then grades with it, and the instructor's own
    calibration (if any) is put back afterwards."""
    from grader import calibration
    previous = calibration.CALIBRATION_FILE.read_text() if calibration.CALIBRATION_FILE.exists() else None
    try:
        labs = select_labs(["03"], calibrated=False)
        doc = calibration.calibrate(labs, 1, lambda chosen, only: grade_labs(chosen, "solution", env, only=only),
                                    log=lambda _: None)
        factors = {key: entry.get("factor") for key, entry in doc["items"].items()}
        scaled = select_labs(["03"])[0]
        plausible = all(f is not None and calibration.factor_of({"factor": f}) for f in factors.values())
        tally.check(len(factors) == 2 and (plausible or any("problem" in e for e in doc["items"].values()))
                    and "calibrated on" in calibration.describe(calibration.load()),
                    f"--calibrate writes each calibrated item's factor ({factors}) and grading uses it",
                    calibration.table(doc) + f"\n{[i.steps for i in scaled.items if i.reference]}")
    finally:
        if previous is None:
            calibration.CALIBRATION_FILE.unlink(missing_ok=True)
        else:
            calibration.CALIBRATION_FILE.write_text(previous)


# compute-sanitizer's tools, and the test programs each one runs on: memcheck (out-of-bounds and
# misaligned accesses, leaks) on every one, racecheck and synccheck (shared-memory races, barriers
# not reached by every thread) on the kernels that use shared memory.
SANITIZER_TOOLS = {"memcheck": None, "racecheck": ("test_matmul", "test_reduction"),
                   "synccheck": ("test_matmul", "test_reduction")}


def compute_sanitizer(tally: Tally, cuda_labs) -> None:
    sanitizer = shutil.which("compute-sanitizer") or "/usr/local/cuda/bin/compute-sanitizer"
    if not Path(sanitizer).exists():
        tally.check(False, "compute-sanitizer found (it ships with the CUDA Toolkit)")
        return
    for lab in cuda_labs:
        programs = sorted(p for p in bin_dir("solution", lab).glob("test_*"))
        for tool, only in SANITIZER_TOOLS.items():
            for program in programs:
                if only and program.name not in only:
                    continue
                run = _run([sanitizer, "--tool", tool, "--error-exitcode", "1", str(program)], timeout=1800)
                tally.check(run.returncode == 0, f"{lab.name}: {program.name} clean under compute-sanitizer {tool}",
                            (run.stdout + run.stderr)[-3000:])


def sanitized_unit_tests(tally: Tally, sanitizer: str, targets: list[str], label: str, what: str) -> None:
    """Builds `targets` (unit test programs) in the reference's sanitizer tree (the one the graded
    sanitizer items run from: the same flags, and what those items built is reused) and runs
    the tests labelled `label`."""
    tree = sanitizer_tree("solution", sanitizer)
    try:
        build.configure(tree)
    except build.ConfigureError as error:
        tally.check(False, f"{tree} tree configures", str(error)[-2000:])
        return
    built = build.build_with_progress(["cmake", "--build", str(build_dir(tree)), "-j", str(build.parallel_jobs()),
                                       "--target", *targets], f"{tree} tree")
    if not tally.check(built.returncode == 0, f"{tree} tree builds its unit tests", build.first_error(built.output)):
        return
    tests = _run(["ctest", "--test-dir", str(build_dir(tree)), "-L", label, "--output-on-failure"], cwd=ROOT)
    tally.check(tests.returncode == 0 and "No tests were found" not in tests.stdout + tests.stderr,
                f"reference solutions' unit tests are clean under {what}", tests.stdout[-4000:])


def student_tree(tally: Tally, labs, env) -> dict:
    started = time.monotonic()
    graded = grade_labs(labs, "student", env)
    elapsed = time.monotonic() - started
    results = write_results(graded, "student", ROOT / "grader-results" / "self-test" / "student")
    for lab in results["labs"]:
        tally.check(lab["gradable"], f"{lab['lab']}: starter builds (or is skipped, saying why)", lab["problem"])
        tally.check(lab["score"] == 0, f"{lab['lab']}: starter scores 0 ({lab['score']:g}/{lab['max_score']:g})")
        unclean = [f"  {t['name']}: {t['status']}: {t['output'][:300]}" for t in lab["tests"]
                   if t["status"] not in ("failed", "skipped") or "timed out" in t["output"] or "crashed" in t["output"]]
        tally.check(not unclean, f"{lab['lab']}: every starter test fails cleanly (no error, crash or timeout)",
                    "\n".join(unclean))
    tally.check(elapsed < STARTER_SECONDS_PER_LAB * len(labs),
                f"starters graded in bounded time ({elapsed:.0f} s for {len(labs)} lab(s))")
    return results


def exported_template(tally: Tally, labs) -> dict | None:
    """Returns the results of the lab refused for a changed test file (an unbuildable lab)."""
    with tempfile.TemporaryDirectory(prefix="template-") as tmp:
        template = Path(tmp) / "template"
        export.export(ROOT, template)
        leaked = [p for p in ("solutions", "hidden", ".ci", "grader/tests") if (template / p).exists()]
        tally.check(not leaked, "export leaves out solutions, hidden tests and instructor files", f"present: {leaked}")
        out = Path(tmp) / "results"
        grade = [str(template / "grade"), "--no-install", "--output", str(out)]
        # Configuring the template's tree checks every lab's files; building and grading one lab
        # checks common/ and the grader (the starters themselves were built above).
        run = _run(grade + [labs[1].number], cwd=template)
        results = json.loads((out / "results.json").read_text()) if (out / "results.json").exists() else None
        problems = [] if results else [run.stdout[-2000:] + run.stderr[-2000:]]
        for lab in (results or {}).get("labs", []):
            if not lab["gradable"] or lab["score"] != 0 or any(t["status"] == "error" for t in lab["tests"]):
                problems.append(f"{lab['lab']}: gradable={lab['gradable']} score={lab['score']} {lab['problem']}")
        tally.check(run.returncode == 0 and not problems and results is not None,
                    f"exported template configures every lab, builds and grades {labs[1].name} to 0 points, no errors",
                    "\n".join(problems))

        victim = f"labs/{labs[0].name}/tests/" + next(i.binary for i in labs[0].items if i.kind == "unit") + ".cpp"
        with open(template / victim, "a") as f:
            f.write("\n// changed by a student\n")
        run = _run(grade + [labs[0].number], cwd=template)
        refused = json.loads((out / "results.json").read_text())["labs"][0]
        tally.check(run.returncode == 3 and not refused["gradable"] and f"changed: {victim}" in refused["problem"],
                    "a changed test file makes its lab not gradable, naming the file", refused["problem"][:500])
        return json.loads((out / "results.json").read_text())


CXX_FOLDERS = ("labs", "solutions", "common", "hidden", "grader/tests/adversarial")


def code_style(tally: Tally) -> None:
    """The course's C++ follows .clang-format (Google style, 120 columns)."""
    files = sorted(str(p.relative_to(ROOT)) for folder in CXX_FOLDERS for suffix in ("*.cpp", "*.hpp", "*.cu", "*.cuh")
                   for p in (ROOT / folder).rglob(suffix))
    if not shutil.which("clang-format"):
        tally.check(False, "clang-format installed (apt-get install clang-format)")
        return
    run = _run(["clang-format", "--dry-run", "--Werror"] + files, cwd=ROOT)
    offenders = sorted({line.split(":", 1)[0] for line in run.stderr.splitlines() if ": error:" in line})
    tally.check(run.returncode == 0 and files != [], f"C++ code follows .clang-format ({len(files)} files)",
                "not formatted (clang-format -i FILE): " + " ".join(offenders[:20]))


def plots_fit(tally: Tally) -> None:
    """Every PNG the graded trees produced exists and has no text cut off at its edge."""
    try:
        from plots.layout import png_touches_border
    except ImportError as error:
        tally.check(False, f"plots: matplotlib importable ({error})")
        return
    for tree in ("solution", "student"):
        folder = ROOT / "grader-results" / "self-test" / tree / "plots"
        pngs = sorted(folder.glob("*.png"))
        cut = [p.name for p in pngs if png_touches_border(p)]
        tally.check(len(pngs) >= 2 and not cut, f"{tree} plots: {len(pngs)} PNG(s), no text cut off at an edge",
                    f"cut: {cut}" if cut else f"no plots in {folder}")


def mutant_kill_rates(tally: Tally, labs, env) -> None:
    """Every lab's curated mutants (solutions/<lab>/mutants/) must each be killed by a failing
    correctness item of the file it changes; the kill rate per lab and each killer are printed."""
    from grader.mutants import run_lab
    from grader.scoring import grade_lab
    from grader.mutants import load
    gpu = gpu_present()
    for lab in labs:
        if lab.requires_cuda and not gpu:  # the CUDA tests skip without a GPU: nothing could die
            print(f"   {lab.name}: {len(load(lab))} curated mutant(s) not run here (no GPU); "
                  "they run on a machine with one", flush=True)
            tally.check(len(load(lab)) >= 8, f"{lab.name}: curated mutants ready for a GPU machine ({len(load(lab))})")
            continue
        started = time.monotonic()
        verdicts = run_lab(lab, env, lambda lab, folder, only: grade_lab(lab, folder, env, only=only).tests)
        if not verdicts:
            tally.check(False, f"{lab.name}: curated mutants in solutions/{lab.name}/mutants/")
            continue
        not_run = [v for v in verdicts if v.how.startswith("not run here")]
        counted = [v for v in verdicts if v not in not_run]
        killed = [v for v in counted if v.killed]
        for v in verdicts:
            print(f"   {'killed  ' if v.killed else 'ALIVE   ' if v not in not_run else 'not run '} "
                  f"{v.mutant.name}: {v.how[:160]}", flush=True)
        rate = f"{len(killed)}/{len(counted)}" + (f", {len(not_run)} not run here" if not_run else "")
        tally.check(len(killed) == len(counted),
                    f"{lab.name}: every curated mutant killed by a correctness item ({rate}, "
                    f"{time.monotonic() - started:.0f} s)",
                    "\n".join(f"  {v.mutant.name} ({v.mutant.why}): {v.how}" for v in counted if not v.killed))


def adversarial_suite(tally: Tally) -> None:
    from grader.tests.adversarial.suite import run_suite
    started = time.monotonic()
    for ok, what, detail in run_suite():
        tally.check(ok, what, detail)
    tally.check(time.monotonic() - started < 600, f"adversarial suite in bounded time ({time.monotonic() - started:.0f} s)")


class Sections:
    """Prints how long each part of the self-test took, so that its time budget can be watched."""

    def __init__(self):
        self.times: list[tuple[str, float]] = []

    def __call__(self, name: str, step, *args):
        started = time.monotonic()
        try:
            return step(*args)
        finally:
            self.times.append((name, time.monotonic() - started))
            print(f"   ({name}: {self.times[-1][1]:.0f} s)", flush=True)

    def summary(self) -> str:
        return ", ".join(f"{name} {seconds:.0f} s" for name, seconds in self.times)


def run_self_test(install: bool = True) -> int:
    started = time.monotonic()
    tally = Tally()
    timed = Sections()
    if install and not deps.ensure(dependencies=deps.DEPENDENCIES + deps.MAINTAINER_DEPENDENCIES):
        return 2
    env = test_environment(seed=None)
    labs = select_labs([])
    timed("grader unit tests", grader_unit_tests, tally)
    timed("code style", code_style, tally)
    tally.check(classroom.main(["--check"]) == 0, ".github/workflows/classroom.yml matches the labs")
    passing = timed("reference solutions", solution_tree, tally, labs, env)
    timed("AVX2 reference", avx2_reference, tally, env, passing)
    timed("calibration", calibration_run, tally, env)
    # ASan on every lab's unit tests; TSan on the labs with graded TSan items (the concurrency labs).
    timed("ASan + UBSan", sanitized_unit_tests, tally, "address", ["unit_tests"], "unit", "ASan + UBSan")
    concurrent = [f"{cmake_target(lab)}_unit_tests" for lab in labs if any(i.sanitizer == "thread" for i in lab.items)]
    timed("TSan", sanitized_unit_tests, tally, "thread", concurrent, "tsan", "ThreadSanitizer (the concurrency labs)")
    failing = timed("starters", student_tree, tally, labs, env)
    plots_fit(tally)
    unbuildable = timed("exported template", exported_template, tally, labs)
    timed("mutants", mutant_kill_rates, tally, labs, env)
    platform_formats(tally, {"passing (reference)": passing, "failing (starters)": failing,
                             "unbuildable (a changed test file)": unbuildable})
    timed("platform packages", platform_packages, tally)
    timed("roster", roster_check, tally)
    timed("adversarial suite", adversarial_suite, tally)
    print(f"\nself-test finished in {time.monotonic() - started:.0f} s ({timed.summary()})")
    for what in tally.inconclusive:
        print(f"  inconclusive (machine busy, not a failure): {what}")
    for what in tally.failed:
        print(f"  failed: {what}")
    print(f"self-test: {tally.passed} passed, {len(tally.failed)} failed")
    return 0 if not tally.failed else 1
