"""What a student's object files may define: the lab's own functions, nothing that could replace
instructor code at link time.

A test program links the student's objects with the baseline, the harness, GoogleTest and the
system libraries. A student file that defines `hpc::lab01::baseline::matmul`, `clock_gettime`,
`std::chrono::steady_clock::now` or a harness function would replace the instructor's (the
executable's definitions win), so that the tests compare garbage with itself or read a forged
clock. The rules, on the mangled names of the defined global symbols:

- strong definitions only in the lab's namespace `hpc::labNN`, outside `hpc::labNN::baseline`;
- no call into `hpc::labNN::baseline` either: the baseline is what the work is measured against
  (in Lab 06 it is the machine's fastest kernel), never a way to do the work; nor into
  `hpc::roofline_probe`, the course's ceiling kernels (Lab 06's baseline calls them);
- weak definitions (template instantiations, inline functions of the course's headers) also
  elsewhere, but never C symbols (they would interpose the C library: `clock_gettime`), nor
  `hpc::labNN::baseline`, `testing::`, `std::chrono::`, nor a global `operator new`/`delete`.
  An instructor's own copy of an inline function still wins: the tests link the instructor's
  objects and libraries before the student's (cmake/HpcLab.cmake).
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

# The entity a mangled name is about, behind the vtable/typeinfo/guard/local-static prefixes.
_ENTITY = r"^_Z(?:TV|TI|TS|TT|GV|Z|Th[n\d]+_|Tv[n\d]+_[n\d]+_)?N?[KVRrO]*"
_HPC = re.compile(_ENTITY + r"3hpc(?P<rest>\w*)")
_FORBIDDEN_WEAK = re.compile(_ENTITY + r"(?:7testing|St6chrono|S[tT]?6chrono)|^_Z(?:nw|na|dl|da)")
_TOOLCHAIN = re.compile(r"^DW\.ref\.")  # the exception-handling personality's references
_DEVICE_STUB = re.compile(r"^_Z\d+__device_stub__(?=Z)")  # nvcc's host stub of a kernel, named after it
_WEAK = set("WVwvu")


def _lab_prefix(number: str) -> str:
    return f"5lab{number}"


_PROBE = "14roofline_probe"  # hpc::roofline_probe: instructor kernels, baseline of every lab


def _is_baseline(rest: str, number: str) -> bool:
    return rest.startswith(_lab_prefix(number) + "8baseline") or rest.startswith(_PROBE)


def _allowed(name: str, kind: str, number: str) -> bool:
    name = _DEVICE_STUB.sub("_", name)  # a kernel's stub is judged by the kernel's name
    if _TOOLCHAIN.match(name):
        return True
    hpc = _HPC.match(name)
    rest = hpc.group("rest") if hpc else ""
    if _is_baseline(rest, number):
        return False
    if kind in _WEAK:
        return name.startswith("_Z") and not _FORBIDDEN_WEAK.match(name)
    return rest.startswith(_lab_prefix(number))


def _calls_baseline(name: str, number: str) -> bool:
    """An undefined symbol of a student object that is the lab's baseline."""
    hpc = _HPC.match(name)
    return bool(hpc) and _is_baseline(hpc.group("rest"), number)


def _demangle(names: list[str]) -> list[str]:
    if not names:
        return []
    run = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True)
    shown = run.stdout.splitlines()
    return shown if len(shown) == len(names) else names


def foreign_definitions(objects: list[Path], number: str) -> dict[Path, list[str]]:
    """Per object file, the (demangled) symbols it may not define."""
    found: dict[Path, list[str]] = {}
    for obj in objects:
        listing = subprocess.run(["nm", "--defined-only", "-g", str(obj)], capture_output=True, text=True)
        bad = []
        for line in listing.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2 and not _allowed(parts[-1], parts[-2], number):
                bad.append(parts[-1])
        if bad:
            found[obj] = _demangle(bad)
    return found


def student_objects(build_tree: Path, lab_name: str, target: str) -> dict[str, Path]:
    """The object files of the lab's student library, by student file name (matmul.cpp)."""
    folder = build_tree / "labs" / lab_name / "CMakeFiles" / f"{target}.dir"
    return {obj.name.removesuffix(".o"): obj for obj in folder.rglob("*.o")}


def baseline_calls(objects: list[Path], number: str) -> dict[Path, list[str]]:
    """Per object file, the (demangled) functions of its lab's baseline that it calls."""
    found: dict[Path, list[str]] = {}
    for obj in objects:
        listing = subprocess.run(["nm", "--undefined-only", "-g", str(obj)], capture_output=True, text=True)
        calls = [line.split()[-1] for line in listing.stdout.splitlines()
                 if line.split() and _calls_baseline(line.split()[-1], number)]
        if calls:
            found[obj] = _demangle(calls)
    return found
