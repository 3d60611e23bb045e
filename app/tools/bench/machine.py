"""The machine a benchmark ran on, and the environment of a one-core run."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

# Thread-pool sizes of the numeric libraries under spaCy: one, so a run uses one core.
SINGLE_THREAD_ENV: dict[str, str] = dict.fromkeys(
    "OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS BLIS_NUM_THREADS NUMEXPR_NUM_THREADS "
    "VECLIB_MAXIMUM_THREADS".split(),
    "1",
)


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    from spacy import about

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": mem_gb,
        "python": platform.python_version(),
        "spacy": about.__version__,
        "platform": platform.platform(),
    }


def single_core_env() -> dict[str, str]:
    return {**os.environ, **SINGLE_THREAD_ENV}


def pin_to_one_cpu() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu
