"""./grade --self-test --fresh-debian: the README's two commands on a bare Debian 12 root.

For maintainers (root, network access to a Debian mirror, about an hour on 2 cores): builds a
Debian 12 root with debootstrap, adds git (as a new user would have it), clones this repository's
committed HEAD into it (/srv/hpc-course), and runs `./grade` and then `./grade --self-test` inside it with chroot.
Everything those commands need they must install themselves. Prints the wall time of each step;
exits 0 only when both commands do (`./grade` grades the starters: exit 0 with 0 points).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader.labs import ROOT

SUITE = "bookworm"
MOUNTS = (("proc", "proc", "proc"), ("sysfs", "sys", "sysfs"), ("/dev", "dev", None), ("devpts", "dev/pts", "devpts"),
          ("tmpfs", "dev/shm", "tmpfs"))


def _mirror() -> str:
    """The host's Debian mirror (the one package registry this machine may reach)."""
    for sources in [*Path("/etc/apt/sources.list.d").glob("*.sources"), Path("/etc/apt/sources.list")]:
        try:
            found = re.search(r"(?:URIs:\s*|^deb\s+)(https?://\S+/debian)\b", sources.read_text(), re.M)
        except OSError:
            continue
        if found:
            return found.group(1)
    return "http://deb.debian.org/debian"


def _step(what: str, command: list[str], log) -> tuple[int, float]:
    log(f"== fresh Debian: {what}: {' '.join(command)}")
    started = time.monotonic()
    code = subprocess.run(command).returncode
    elapsed = time.monotonic() - started
    log(f"== fresh Debian: {what}: exit code {code} after {elapsed:.0f} s")
    return code, elapsed


def _mount_all(target: Path) -> list[Path]:
    mounted = []
    for source, where, fstype in MOUNTS:
        point = target / where
        point.mkdir(parents=True, exist_ok=True)
        how = ["--bind"] if fstype is None else ["-t", fstype]
        command = ["mount", *how, source, str(point)]
        if subprocess.run(command).returncode == 0:
            mounted.append(point)
    return mounted


def _in_root(target: Path, script: str) -> list[str]:
    path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    env = ["env", "-i", "HOME=/root", "LANG=C.UTF-8", f"PATH={path}"]
    return ["chroot", str(target)] + env + ["bash", "-c", script]


def run(keep: Path | None = None, log=print) -> int:
    if os.geteuid() != 0:
        log("grade: --fresh-debian needs root (debootstrap and chroot)")
        return 2
    if shutil.which("debootstrap") is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "debootstrap"],
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    workdir = keep or Path(tempfile.mkdtemp(prefix="fresh-debian-", dir="/var/tmp"))
    target = workdir / "root"
    times: dict[str, float] = {}
    mounted: list[Path] = []
    try:
        code, times["debootstrap"] = _step("debootstrap", ["debootstrap", SUITE, str(target), _mirror()], log)
        if code != 0:
            return 1
        mounted = _mount_all(target)
        code, times["git"] = _step("git", _in_root(target, "apt-get update -q && DEBIAN_FRONTEND=noninteractive "
                                                            "apt-get install -y -q git"), log)
        if code != 0:
            return 1
        # /srv, not /root: in a chroot no mount namespace can hide the reference solutions, so the
        # sandbox user, who cannot enter /root, must compile student code (see build.unprotected_compile).
        course = target / "srv" / "hpc-course"
        shutil.rmtree(course, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", str(ROOT), str(course)], check=True)
        grade_code, times["./grade"] = _step("./grade", _in_root(target, "cd /srv/hpc-course && ./grade"), log)
        test_code, times["./grade --self-test"] = _step(
            "./grade --self-test", _in_root(target, "cd /srv/hpc-course && ./grade --self-test"), log)
        log("\nfresh Debian 12 root, wall times: " + ", ".join(f"{k} {v:.0f} s" for k, v in times.items()))
        return 0 if grade_code == 0 and test_code == 0 else 1
    finally:
        for point in reversed(mounted):
            subprocess.run(["umount", "--lazy", str(point)])
        if keep is None and not mounted_still(target):
            shutil.rmtree(workdir, ignore_errors=True)


def mounted_still(target: Path) -> bool:
    """Never delete a tree with something still mounted in it (rm would reach the host's /dev)."""
    return str(target) in Path("/proc/mounts").read_text()


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
