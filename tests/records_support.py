"""Helpers for the record, CLI and `catalogue new` tests; the fixtures are in conftest.py.

tests/records/base/ is a minimal valid catalogue (three organisations, two projects). Test cases in
tests/records/valid/ and tests/records/invalid/ are file trees laid over a copy of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue import cli

RECORDS = Path(__file__).parent / "records"
BASE = RECORDS / "base"
TODAY = "2026-11-22"
# Files in a case folder that describe the case rather than belong to the catalogue.
CASE_FILES = ("expected.txt", "exit_code")


def overlay(root: Path, case: Path) -> None:
    """Copy a case's file tree over the catalogue at `root`, replacing files with the same path."""
    shutil.copytree(case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*CASE_FILES))


def write(root: Path, rel: str, content: str | bytes) -> Path:
    """Write one file under the catalogue, creating its folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def finding_lines(output: str) -> list[str]:
    """The `file:line:col: severity: ...` lines of a text report, without the summary."""
    return [line for line in output.splitlines() if ": error: " in line or ": warning: " in line]


class CliRunner:
    """runner('validate', '--today', ...) -> (exit code, stdout), in process; stderr is kept in .err.

    argparse usage errors raise SystemExit; they become the exit code, as in a shell.
    """

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.err = ""

    def __call__(self, *args: str) -> tuple[int, str]:
        self.capsys.readouterr()  # drop anything printed before
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        captured = self.capsys.readouterr()
        self.err = captured.err
        return code, captured.out
