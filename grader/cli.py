"""./grade — build, run and score the labs.

  ./grade                 grade every lab of the student tree (labs/NN/src)
  ./grade 01 03           grade some labs
  ./grade --solutions     grade the reference solutions (solutions/NN/src)
  ./grade --bench         run the Google Benchmark suites and plot them
  ./grade --self-test     the course's own test suite (what CI runs)
  ./grade --self-test --fresh-debian   the README's two commands on a bare Debian 12 root (maintainers)

Instructors:
  ./grade --submission DIR          grade a student repository's labs/*/src files against this
                                    repository's tests (hidden ones included): tamper-proof
  ./grade --calibrate [NN ...]      time the reference solutions' machine-dependent perf items here
                                    (3 runs) and scale their step tables to this machine
  ./grade --roster DIR [NN ...]     grade every student folder in DIR, one after another, and
                                    write a gradebook (CSV and HTML); resumes when interrupted
  ./grade --export DIR              write the student template (no solutions or hidden tests)
                                    with a manifest of the files students must not change
  ./grade NN --package PLATFORM DEST   what to upload to a grading platform for lab NN:
                                    classroom50 (folder), gradescope (zip), prairielearn (folder),
                                    autolab (folder); see the instructor guide
  ./grade --format gradescope ...   also write another platform's result format

Exit status: 0 when grading ran, whatever the score (1 with --require-full-marks and points
missing; a lab skipped on this machine, e.g. CUDA without nvcc, and an inconclusive measurement
are reported as such); 2 for bad arguments, a broken grading.toml or missing dependencies; 3 when
a lab did not build (its results are still written).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from grader import adapters, build, classroom, deps, export, mpi, packages, plotting, reports
from grader.config import ConfigError, LabConfig
from grader.gpu import NO_CUDA_COMPILER, cuda_compiler_present
from grader.labs import ROOT, LabSelectionError, bin_dir, build_dir, is_reference, select_labs
from grader.results import LabResult, items_of, summary_json
from grader.sandbox import instructor_files_private
from grader.scoring import grade_lab

EXIT_OK, EXIT_SHORT, EXIT_USAGE, EXIT_BUILD = 0, 1, 2, 3


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="grade", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("labs", nargs="*", help="lab numbers (01) or folder names; default: all")
    parser.add_argument("--solutions", action="store_true", help="grade solutions/ instead of labs/")
    parser.add_argument("--bench", action="store_true", help="run the benchmarks instead of the tests")
    parser.add_argument("--self-test", action="store_true", help="run the course's own test suite")
    parser.add_argument("--fresh-debian", action="store_true",
                        help="with --self-test (maintainers, root, about an hour): run the README's two commands "
                             "in a bare Debian 12 root made with debootstrap")
    parser.add_argument("--require-full-marks", action="store_true", help="exit 1 unless every point is earned")
    parser.add_argument("--output", type=Path, default=ROOT / "grader-results", help="where results go")
    parser.add_argument("--seed", type=int, help="seed for the tests' random inputs (HPC_SEED)")
    parser.add_argument("--no-install", action="store_true", help="never install missing packages")
    parser.add_argument("--classroom-output", action="store_true",
                        help="also emit the GitHub Classroom reporter payload (one lab) to $GITHUB_OUTPUT")
    parser.add_argument("--format", action="append", choices=adapters.FORMATS, default=[],
                        help="also write this platform's result format (repeatable)")
    parser.add_argument("--submission", type=Path, help="grade this student repository's labs/*/src files")
    parser.add_argument("--roster", type=Path, metavar="DIR", help="grade every submission folder in DIR")
    parser.add_argument("--calibrate", action="store_true",
                        help="scale the CPU-dependent step tables to what the reference reaches on this machine")
    parser.add_argument("--runs", type=int, default=3, help="with --calibrate: how many runs (default 3)")
    parser.add_argument("--export", type=Path, metavar="DIR", help="write the student template to DIR")
    parser.add_argument("--package", nargs=2, metavar=("PLATFORM", "DEST"),
                        help=f"write lab NN's autograder for a platform ({', '.join(packages.PLATFORMS)})")
    args = parser.parse_args(argv)
    if args.roster and (args.submission or args.solutions or args.bench):
        parser.error("--roster grades students' folders: it cannot be combined with --submission, --solutions or --bench")
    if args.calibrate and (args.submission or args.solutions or args.bench or args.roster):
        parser.error("--calibrate times the reference solutions: it takes only lab numbers and --runs")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.submission and args.solutions:
        parser.error("--submission grades a student's files: it cannot be combined with --solutions")
    if args.submission and not (args.submission / "labs").is_dir():
        parser.error(f"--submission {args.submission}: not a course repository (no labs/ folder)")
    if args.classroom_output and len(args.labs) != 1:
        parser.error("--classroom-output grades exactly one lab: ./grade NN --classroom-output")
    if args.self_test and (args.labs or args.bench or args.solutions):
        parser.error("--self-test takes no lab and no other mode")
    if args.fresh_debian and not args.self_test:
        parser.error("--fresh-debian is a mode of --self-test: ./grade --self-test --fresh-debian")
    if args.package and args.package[0] not in packages.PLATFORMS:
        parser.error(f"--package {args.package[0]}: choose one of {', '.join(packages.PLATFORMS)}")
    if args.package and len(args.labs) != 1:
        parser.error("--package writes one lab's autograder (one assignment per lab): ./grade NN --package ...")
    if args.seed is not None and args.seed < 0:
        parser.error("--seed must be a non-negative integer")
    return args


def machine_facts() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": model or platform.processor(), "usable_cores": len(os.sched_getaffinity(0)),
            "logical_cores": os.cpu_count(), "system": platform.platform()}


# What a test may see of the grader's environment: where programs and libraries are, the locale,
# which GPU to use, and OpenBLAS's core type (older OpenBLAS builds crash on some new CPUs without
# it). Nothing else: a platform's tokens and an instructor's variables never reach student code.
PASSED_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "TZ", "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES",
                      "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def test_environment(seed: int | None) -> dict[str, str]:
    env = {k: os.environ[k] for k in PASSED_ENVIRONMENT if k in os.environ}
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env["GTEST_COLOR"] = "no"
    if seed is not None:
        env["HPC_SEED"] = str(seed)
    return env


def tampering(labs: list[LabConfig], tree: str) -> dict[str, list[str]]:
    """Per lab, the protected files that differ from the exported template's manifest (student
    tree of a template only; the instructor repository has no manifest)."""
    problems = export.verify(ROOT) if tree == "student" else None
    if not problems:
        return {}
    return {lab.name: problems.get("*", []) + problems.get(lab.name, []) for lab in labs
            if problems.get("*") or problems.get(lab.name)}


def prepare_tree(labs: list[LabConfig], tree: str, submission: Path | None = None) -> dict[str, list[str]]:
    """Stages the student files (student and submission trees) and configures the build; returns
    per lab the submitted files that were not taken, and why."""
    notes = {} if is_reference(tree) else build.stage_sources(tree, labs, submission)
    build.configure(tree, staged=not is_reference(tree))
    instructor_files_private(ROOT)
    return notes


def lab_without_tests(lab: LabConfig, problem: str, status: str = "not built") -> LabResult:
    return LabResult(lab=lab.name, title=lab.title, max_score=lab.max_points, items=items_of(lab), gradable=status == "skipped",
                     status=status, problem=problem)


def _source_of(item) -> str:
    """The student file an item's program is named after: test_matmul / perf_matmul -> matmul."""
    return item.binary.split("_", 1)[1] if "_" in item.binary else item.binary


def grade_labs(labs: list[LabConfig], tree: str, env: dict[str, str], log=print,
               submission: Path | None = None, only: set[str] | None = None, limits=None,
               build_limits=build.BUILD_LIMITS) -> list[LabResult]:
    """Builds and grades `labs` (`only` these items, under these `limits`: the adversarial suite)."""
    notes = prepare_tree(labs, tree, submission)
    changed = tampering(labs, tree)
    graded = []
    for index, lab in enumerate(labs, 1):
        if lab.name in changed:
            files = changed[lab.name]
            graded.append(lab_without_tests(
                lab, "not gradable: files students must not change differ from the course's released versions:\n  "
                + "\n  ".join(files) + "\n(run your own experiments freely, but restore these files, e.g. with "
                "git checkout, before grading)"))
            continue
        if lab.requires_cuda and not cuda_compiler_present():
            log(f"== {lab.name}: skipped: no CUDA compiler")
            graded.append(lab_without_tests(lab, f"skipped: {NO_CUDA_COMPILER}", status="skipped"))
            continue
        if lab.requires_mpi and mpi.mpirun() is None:
            graded.append(lab_without_tests(
                lab, "not built: no MPI launcher (mpirun) on this machine; install Open MPI with: "
                + deps.install_hint(["openmpi-bin", "libopenmpi-dev"])))
            continue
        log(f"== {lab.name} ({tree} tree, lab {index} of {len(labs)}): building")
        # Grading some items only (the self-test's adversarial cases): only their programs are built.
        binaries = {item.binary for item in lab.items if item.id in only} if only is not None else None
        built = build.build_lab(tree, lab, log=log, limits=build_limits, binaries=binaries)
        if not built.ok:
            log(f"   build failed:\n{built.error}")
            graded.append(lab_without_tests(lab, f"build failed; the compiler's first error:\n{built.error}"))
            continue
        sanitized = build.build_sanitized(tree, lab, log=log, limits=build_limits) \
            if any(item.rebuilt_with_sanitizer and (only is None or item.id in only) for item in lab.items) else {}
        log(f"== {lab.name}: running {len(lab.items)} graded test(s)")
        result = grade_lab(lab, bin_dir(tree, lab), env, only=only, limits=limits, sanitizer_problems=sanitized,
                           on_result=lambda t: log(f"   {t.status:<12} {t.score:g}/{t.max_score:g}  {t.name}"))
        result.notes = notes.get(lab.name, []) + [f"src/{name} cannot be used, so its items were graded with the "
                                                  f"starter's: {why}" for name, why in built.fallbacks.items()]
        for test in result.tests:
            for note in result.notes:  # the items of a file not taken as submitted say why
                if note.startswith(f"src/{_source_of(lab.item(test.id))}.") and test.score < test.max_score:
                    test.output = f"{note}\n\n{test.output}"
        graded.append(result)
    add_roofline_feedback(graded, labs, tree)
    return graded


def add_roofline_feedback(graded: list[LabResult], labs: list[LabConfig], tree: str) -> None:
    """GFLOP/s and % of this machine's roof for the perf items that declare their work: after every
    verdict, from what the tests recorded; it never changes points."""
    from grader import calibration, roofline
    from grader.scoring import counted_cores
    roofline.attach(graded, labs, build_dir(tree) / "bin" / roofline.PROGRAM, counted_cores(), calibration.load())


def calibration_in_use() -> str:
    from grader import calibration
    return calibration.describe(calibration.load())


def write_results(graded: list[LabResult], tree: str, out_dir: Path, log=print, seed: int | None = None) -> dict:
    results = summary_json(graded, tree, machine_facts())
    results["seed"] = seed
    results["calibration"] = calibration_in_use()
    written = reports.write_all(results, out_dir)
    written += plotting.plot_results(results, out_dir / "plots", log=log)
    written += plotting.plot_rooflines(results, out_dir / "plots", log=log)
    log("")
    details = reports.failure_details(results)
    if details:
        log(details + "\n")
    log(reports.console_table(results))
    log(f"Results: {', '.join(str(p.relative_to(out_dir)) for p in written)} in {out_dir}")
    return results


def emit_classroom(results: dict) -> None:
    encoded = classroom.encoded(results["labs"][0])
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(f"result={encoded}\n")
    else:
        print(f"result={encoded}")


def benchmark_environment() -> dict[str, str]:
    """Debian 12's OpenBLAS (0.3.21) does not recognise recent AVX-512 CPUs (AMD Zen 4/5) and
    falls back to its AVX2 'Haswell' kernels, half the ceiling. Where the CPU has the AVX-512
    subset of Skylake-X, ask for those kernels, unless the user chose a core type."""
    env = dict(os.environ)
    try:
        flags = set(next(line for line in Path("/proc/cpuinfo").read_text().splitlines()
                         if line.startswith("flags")).split())
    except (OSError, StopIteration):
        flags = set()
    if {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"} <= flags:
        env.setdefault("OPENBLAS_CORETYPE", "SkylakeX")
    return env


def run_benchmarks(labs: list[LabConfig], tree: str, out_dir: Path, log=print, submission: Path | None = None) -> int:
    prepare_tree(labs, tree, submission)
    env = benchmark_environment()
    status = EXIT_OK
    for lab in labs:
        built = build.build_lab(tree, lab, log=log)
        if not built.ok:
            log(f"{lab.name}: build failed:\n{built.error}")
            status = EXIT_BUILD
            continue
        for bench in sorted(bin_dir(tree, lab).glob("bench_*")):
            json_path = out_dir / "bench" / lab.name / f"{bench.name}.json"
            json_path.parent.mkdir(parents=True, exist_ok=True)
            log(f"== {lab.name}: {bench.name}")
            command = [str(bench), f"--benchmark_out={json_path}", "--benchmark_out_format=json"]
            if lab.ranks:  # an MPI lab: its benchmarks are collective, started on the lab's ranks
                if mpi.mpirun() is None:
                    log(f"{bench.name}: not run, no mpirun ({deps.install_hint(['openmpi-bin'])})")
                    status = EXIT_BUILD
                    continue
                command = mpi.launcher(lab.ranks) + command
            run = subprocess.run(command, env=mpi.environment(env) if lab.ranks else env)
            if run.returncode != 0:
                log(f"{bench.name} exited with {run.returncode}")
                status = EXIT_BUILD
                continue
            for png in plotting.plot_benchmarks(json_path, json_path.parent, log=log):
                log(f"   plot: {png}")
        if lab.report and not run_report(lab, tree, out_dir / "report" / lab.name, env, log):
            status = EXIT_BUILD
    return status


def run_report(lab: LabConfig, tree: str, folder: Path, env: dict[str, str], log=print) -> bool:
    """The lab's report program measures into `folder`; its renderer draws report.md and the plots."""
    folder.mkdir(parents=True, exist_ok=True)
    log(f"== {lab.name}: {lab.report.program} (the report's measurements)")
    run = subprocess.run([str(bin_dir(tree, lab) / lab.report.program), "--out", str(folder)], env=env)
    if run.returncode != 0:
        log(f"{lab.report.program} exited with {run.returncode}")
        return False
    for path in plotting.render_report(lab.report.renderer, folder, log=log):
        log(f"   report: {path}")
    return True


def export_template(args) -> int:
    try:
        if args.export:
            manifest = export.export(ROOT, args.export)
            print(f"grade: student template written to {args.export} "
                  f"({len(manifest['files'])} protected files in {export.MANIFEST})")
        if args.package:
            platform, dest = args.package
            print(f"grade: {packages.package(platform, ROOT, select_labs(args.labs)[0], Path(dest))}")
    except (export.ExportError, packages.PackageError, LabSelectionError, ConfigError, OSError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def run_calibration(args) -> int:
    from grader import calibration
    try:
        labs = [lab for lab in select_labs(args.labs, calibrated=False)
                if any(item.kind == "perf" and item.reference for item in lab.items)]
    except (LabSelectionError, ConfigError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not labs:
        print("grade: none of these labs has a perf item with a `reference` to calibrate", file=sys.stderr)
        return EXIT_USAGE
    if not deps.ensure(install=not args.no_install):
        return EXIT_USAGE
    env = test_environment(None)
    doc = calibration.calibrate(labs, args.runs, lambda chosen, only: grade_labs(chosen, "solution", env, only=only))
    print(calibration.table(doc))
    print(f"\ngrade: wrote {calibration.CALIBRATION_FILE.relative_to(ROOT)}: {calibration.describe(doc)}.\n"
          "Commit it with the course (it is part of the grader): ./grade on this machine now grades with it.")
    return EXIT_OK


def grade_roster(args) -> int:
    from grader.roster import RosterError, grade_roster as grade_all
    from grader.submission import grade_submission
    try:
        select_labs(args.labs)  # a wrong lab name is a usage error, not n failed students
        if not deps.ensure(install=not args.no_install):
            return EXIT_USAGE
        grade_all(args.roster, args.output,
                  lambda submission, out: grade_submission(args.labs, submission, args.seed, out))
    except (RosterError, LabSelectionError, ConfigError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test and args.fresh_debian:
        from grader.fresh_debian import run as run_fresh_debian
        return run_fresh_debian()
    if args.self_test:
        from grader.selftest import run_self_test
        return run_self_test(install=not args.no_install)
    if args.export or args.package:
        return export_template(args)
    if args.roster:
        return grade_roster(args)
    if args.calibrate:
        return run_calibration(args)
    try:
        labs = select_labs(args.labs)
    except (LabSelectionError, ConfigError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not deps.ensure(install=not args.no_install):
        return EXIT_USAGE
    tree = "solution" if args.solutions else "submission" if args.submission else "student"
    try:
        if args.bench:
            return run_benchmarks(labs, tree, args.output, submission=args.submission)
        graded = grade_labs(labs, tree, test_environment(args.seed), submission=args.submission)
    except build.ConfigureError as error:
        print(f"grade: {error}", file=sys.stderr)
        return EXIT_USAGE
    results = write_results(graded, tree, args.output, seed=args.seed)
    for fmt in args.format:
        print(f"{fmt}: {adapters.write(results, fmt, args.output)}")
    if args.classroom_output:
        emit_classroom(results)
    if "autolab" in args.format:
        print(json.dumps(adapters.autolab_scores(results)))  # Autolab reads the last line
    if not all(lab.gradable for lab in graded):
        return EXIT_BUILD
    if args.require_full_marks and results["score"] < results["max_score"]:
        return EXIT_SHORT
    return EXIT_OK
