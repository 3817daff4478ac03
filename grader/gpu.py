"""Whether this machine can compile and run the CUDA lab."""
from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path


# Why a CUDA item or lab was not built here, in every report.
NO_CUDA_COMPILER = "no CUDA compiler (nvcc) on this machine; graded on a machine with an NVIDIA GPU and the CUDA Toolkit"


def cuda_compiler_present() -> bool:
    return shutil.which("nvcc") is not None or Path("/usr/local/cuda/bin/nvcc").exists()


@cache
def gpu_present() -> bool:
    """A CUDA driver that sees at least one GPU."""
    try:
        listing = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return listing.returncode == 0 and "GPU" in listing.stdout
