"""Dates from git history: when each record was first published and last changed.

One `git log` pass for the whole catalogue, never one call per file. Without git (a tarball,
a shallow copy with no history) every record falls back to its last_reviewed date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileDates:
    first_published: str  # ISO 8601 timestamps in UTC
    last_changed: str


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _iso(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_dates(root: Path, folders: tuple[str, ...] = ("projects", "boroughs")) -> dict[str, FileDates]:
    """Path relative to `root` -> dates, from one pass over the log (newest commit first).
    --relative keeps paths relative to `root` even when it is a sub-folder of the repository."""
    out = _git(root, "log", "--relative", "--format=@%ct", "--name-only", "--no-renames", "--", *folders)
    if not out:
        return {}
    newest: dict[str, int] = {}
    oldest: dict[str, int] = {}
    stamp = 0
    for line in out.splitlines():
        if line.startswith("@"):
            stamp = int(line[1:])
        elif line:
            newest.setdefault(line, stamp)
            oldest[line] = stamp
    return {path: FileDates(_iso(oldest[path]), _iso(newest[path])) for path in newest}


def last_commit_day(root: Path) -> dt.date | None:
    out = _git(root, "log", "-1", "--format=%ct")
    if not out or not out.strip():
        return None
    return dt.datetime.fromtimestamp(int(out.strip()), dt.UTC).date()


def fallback(last_reviewed: str) -> FileDates:
    stamp = f"{last_reviewed}T00:00:00Z"
    return FileDates(stamp, stamp)
