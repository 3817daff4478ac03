"""Installs what the course needs on a Debian/Ubuntu machine, or says exactly what to install.

Required packages stop grading when missing and not installable; wanted ones (MPI, plots, the
OpenBLAS ceiling) are installed when possible and otherwise reported in one line.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

INCLUDE_DIRS = [Path("/usr/include"), Path("/usr/local/include"), Path("/usr/include/x86_64-linux-gnu"),
                Path("/usr/include/aarch64-linux-gnu")]


def _header(name: str) -> Callable[[], bool]:
    return lambda: any((d / name).exists() for d in INCLUDE_DIRS)


def _command(name: str) -> Callable[[], bool]:
    return lambda: shutil.which(name) is not None


def _python_module(module: str) -> Callable[[], bool]:
    def check() -> bool:
        python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else "python3"
        return subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0
    return check


@dataclass(frozen=True)
class Dependency:
    what: str
    packages: tuple[str, ...]
    present: Callable[[], bool]
    required: bool


DEPENDENCIES = [
    Dependency("CMake", ("cmake",), _command("cmake"), True),
    # CMake's default generator on Linux; a bare Debian root has no make.
    Dependency("make (CMake's build program)", ("make",), _command("make"), True),
    Dependency("a C++ compiler", ("g++",), _command("g++"), True),
    Dependency("GoogleTest", ("libgtest-dev",), _header("gtest/gtest.h"), True),
    Dependency("Google Benchmark", ("libbenchmark-dev",), _header("benchmark/benchmark.h"), True),
    Dependency("libcurl (Lab 06's HTTP client)", ("libcurl4-openssl-dev",), _header("curl/curl.h"), True),
    Dependency("cpp-httplib (Lab 06's test web server)", ("libcpp-httplib-dev", "pkg-config"),
               lambda: _header("httplib.h")() and _command("pkg-config")(), True),
    Dependency("oneTBB (Lab 06's streaming pipeline)", ("libtbb-dev",), _header("tbb/parallel_pipeline.h"), True),
    Dependency("Open MPI", ("openmpi-bin", "libopenmpi-dev"), _command("mpirun"), False),
    Dependency("matplotlib (plots)", ("python3-matplotlib",), _python_module("matplotlib"), False),
    Dependency("OpenBLAS (matmul ceiling)", ("libopenblas-dev",), _header("cblas.h"), False),
    # Lab 06's hot-spot hunt: the grader profiles the slow program with callgrind itself.
    Dependency("valgrind (callgrind, Lab 06)", ("valgrind",), _command("valgrind"), False),
    # The profilers Lab 06's handout has students run (never needed to grade).
    Dependency("perf (Lab 06)", ("linux-perf",), _command("perf"), False),
    Dependency("heaptrack (Lab 06)", ("heaptrack",), _command("heaptrack"), False),
    # Lab 06's int8 inference benchmark measures its ceiling with oneDNN (the lab does not configure without it).
    Dependency("oneDNN (Lab 06's int8 ceiling)", ("libdnnl-dev",), _header("oneapi/dnnl/dnnl.hpp"), True),
    # Rebuilds of the course's own code (tests, baselines) come from its cache: faster regrades.
    Dependency("ccache (faster rebuilds)", ("ccache",), _command("ccache"), False),
]


# What only the self-test needs (maintainers, CI): never installed by ./grade for students.
MAINTAINER_DEPENDENCIES = [
    Dependency("clang-format (the course's C++ style)", ("clang-format",), _command("clang-format"), True),
]


def _installer() -> list[str] | None:
    """The command prefix that may install packages here, or None."""
    if shutil.which("apt-get") is None:
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def install_hint(packages) -> str:
    """How this user can install `packages`: as root, with sudo where there is one, else through su."""
    command = f"apt-get install {' '.join(sorted(packages))}"
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo"):
        return f"sudo {command}"
    return f"su -c '{command}'   (as root: this machine has no sudo)"


def _apt_install(prefix: list[str], packages: list[str], log) -> None:
    """apt-get update + install, its progress shown: on a new machine this takes minutes."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log(f"grade: apt-get install {' '.join(packages)} (a few minutes on a new machine; apt's progress follows)")
    subprocess.run(prefix + ["apt-get", "update", "-q"], env=env)
    install = subprocess.run(prefix + ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + packages, env=env)
    if install.returncode != 0:
        log(f"grade: apt-get install failed (exit code {install.returncode}); see its messages above")


def ensure(log=print, dependencies: list[Dependency] | None = None, installer=_installer,
           install: bool = True) -> bool:
    """True when every required dependency is present (after installing what is missing, unless
    `install` is False: then only says what is missing)."""
    dependencies = DEPENDENCIES if dependencies is None else dependencies
    missing = [d for d in dependencies if not d.present()]
    if not missing:
        return True
    prefix = installer() if install else None
    if prefix is not None:
        log(f"grade: installing {', '.join(d.what for d in missing)}")
        _apt_install(prefix, sorted({p for d in missing for p in d.packages}), log)
        missing = [d for d in missing if not d.present()]
        if not missing:
            return True
    hint = install_hint({p for d in missing for p in d.packages})
    required = [d for d in missing if d.required]
    if required:
        log(f"grade: missing {', '.join(d.what for d in required)}. Install with:\n  {hint}")
        return False
    log(f"grade: optional: {', '.join(d.what for d in missing)} not installed ({hint})")
    return True


if __name__ == "__main__":
    # python3 -m grader.deps: install what is missing (image set-up scripts), exit 2 if impossible.
    import sys
    sys.exit(0 if ensure() else 2)
