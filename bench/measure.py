"""Measuring helpers for the benchmark runner: timed child processes with their peak memory,
file sizes raw and gzipped, and the machine's load.

A child's wall time is taken around its whole life (Python start-up included) and its peak
resident memory comes from os.wait4(), the kernel's rusage of that child and every descendant
it waited for: the largest resident set any of them reached, not a sum.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

GZIP_LEVEL = 9  # what `gzip -9` and Python's gzip module use by default
MB = 1_000_000  # sizes and memory are reported in decimal megabytes


@dataclass
class Run:
    """One finished child process."""

    argv: list[str]
    seconds: float
    cpu_seconds: float  # user + system time of the process and its children: less sensitive to a busy machine
    peak_rss_kb: int
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss_kb * 1024 / MB

    def failure(self, what: str) -> str:
        tail = "\n".join((self.stderr or self.stdout).strip().splitlines()[-15:])
        command = " ".join(self.argv[:6]) + (" ..." if len(self.argv) > 6 else "")
        return f"{what} exited with {self.returncode}: {command}\n{tail}"


def run(argv: Sequence[str], cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Run:
    """Run argv to completion; wall time and peak RSS of it and its children."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=cwd, env=dict(env) if env is not None else None,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        # Linux reports ru_maxrss in KiB, macOS in bytes.
        rss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        return Run(list(argv), seconds, usage.ru_utime + usage.ru_stime, rss_kb, proc.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def tool(name: str, module: str) -> list[str]:
    """The console script installed next to this Python (what a user types), else `python -m`."""
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    found = shutil.which(name)
    return [found] if found else [sys.executable, "-m", module]


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def sizes(paths: Iterable[Path]) -> dict[str, int]:
    """Total raw and gzip bytes of some files, each compressed on its own (as a server sends them)."""
    raw = packed = 0
    for path in paths:
        data = path.read_bytes()
        raw += len(data)
        packed += gzip_size(data)
    return {"raw": raw, "gzip": packed}


def tree_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under a folder."""
    count = total = 0
    for path in folder.rglob("*"):
        if path.is_file():
            count += 1
            total += path.stat().st_size
    return count, total


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def wait_for_quiet(limit: float, max_wait: float, log: Callable[[str], None] = print) -> list[float]:
    """Wait (up to max_wait seconds) until the 1-minute load average is below limit."""
    deadline = time.monotonic() + max_wait
    load = load_average()
    while load and load[0] >= limit and time.monotonic() < deadline:
        log(f"load average {load[0]:.2f} >= {limit}: waiting (up to {deadline - time.monotonic():.0f} s more)")
        time.sleep(min(30.0, max(1.0, deadline - time.monotonic())))
        load = load_average()
    return load


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
