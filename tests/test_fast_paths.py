"""The shortcuts that make `catalogue validate` fast give what the plain ways give.

Reading on every core (catalogue.forked) against reading in one process, the file listing against
sorted(rglob), the string forms of path and date helpers against pathlib and calendar, the parser
of the chosen command alone against the full one, and the start-up of `validate` without the
modules only other commands need. (yamlsafe's event loop has
its own tests in test_yaml_reference.py.)
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st
from records_support import BASE, RECORDS, TODAY
from test_records import GENERATED

from catalogue import cli, dates, forked, validate
from catalogue.loader import KIND_DIRS, discover
from catalogue.rules import Settings, _file_stem, _folder_name

SETTINGS = Settings(today=dt.date.fromisoformat(TODAY))
needs_fork = pytest.mark.skipif(not forked.available(), reason="forking is how the children share the work")


def every_case_in_one(root: Path) -> None:
    """The base catalogue plus the files of every record case, each case in a folder of its own,
    so one catalogue holds every kind of problem the cases test (and valid records)."""
    shutil.copytree(BASE, root)
    for case in sorted((RECORDS / "valid").iterdir()) + sorted((RECORDS / "invalid").iterdir()):
        files = {p.relative_to(case).as_posix(): p.read_bytes() for p in case.rglob("*") if p.is_file()}
        files.update(GENERATED.get(case.name, {}))
        for rel, raw in files.items():
            kind, _, rest = rel.partition("/")
            if kind == "projects":
                target = root / "projects" / case.name / rest.replace("/", "-")
            elif kind == "boroughs":
                target = root / "boroughs" / f"{case.name}-{rest.replace('/', '-')}"
            else:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(raw)


@needs_fork
def test_reading_on_every_core_gives_what_one_process_gives(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    every_case_in_one(tmp_path / "catalogue")
    root = tmp_path / "catalogue"
    monkeypatch.setattr(validate, "PARALLEL_FROM", 10**9)
    alone = validate.check(root, SETTINGS)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 1)
    monkeypatch.setattr(validate, "CHUNK", 3)  # many chunks, so every process takes some
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    shared = validate.check(root, SETTINGS)
    assert len(alone.findings) > 50 and any(f.severity == "warning" for f in alone.findings)
    assert shared.findings == alone.findings
    assert [(s.rel, s.data, s.problems) for s in shared.sources] == [(s.rel, s.data, s.problems)
                                                                     for s in alone.sources]


def _square_or_die(parent: int, n: int) -> int:
    if os.getpid() != parent:
        os._exit(3)  # a child that fails in the middle of its work
    return n * n


@needs_fork
def test_the_work_of_a_failed_child_is_done_again() -> None:
    parent = os.getpid()
    items = list(range(40))
    got = forked.map_forked(lambda n: _square_or_die(parent, n), items, children=2, chunk=1)
    assert got == [n * n for n in items]


@needs_fork
@pytest.mark.parametrize("children", [0, 1, 3])
def test_results_come_back_in_order(children: int) -> None:
    items = [f"item {i}" for i in range(101)]
    assert forked.map_forked(str.upper, items, children, chunk=7) == [s.upper() for s in items]


def test_files_are_listed_as_sorted_rglob_lists_them(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    for rel in ("projects/a/x.yml", "projects/a/sub/y.yml", "projects/a-b/z.yml", "projects/A/q.yaml",
                "projects/top.yml", "projects/a/.yml", "projects/.hidden/h.yml", "projects/a/sp ace.yml",
                "boroughs/b.yml", "boroughs/x/c.yml", "boroughs/notes.txt", "boroughs/b-c.yml"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("id: x\n", encoding="utf-8")
    (root / "projects" / "link").symlink_to(root / "projects" / "a", target_is_directory=True)
    (root / "projects" / "a" / "broken.yml").symlink_to(tmp_path / "nowhere.yml")
    records, strays = discover(root)
    listed = [s.path for s in records + strays]
    expected = [p for folder in KIND_DIRS.values() for p in sorted((root / folder).rglob("*")) if not p.is_dir()]
    assert sorted(listed) == sorted(expected)
    assert [s.path for s in records] == [p for p in expected if p in {s.path for s in records}]
    assert all(s.rel == s.path.relative_to(root).as_posix() for s in records + strays)


segment = st.text("ab.-_ X", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))


@given(st.lists(segment, min_size=0, max_size=3), segment)
def test_record_path_helpers_agree_with_pathlib(folders: list[str], name: str) -> None:
    rel = "/".join([*folders, f"{name}.yml"])
    assert _file_stem(rel) == PurePosixPath(rel).stem
    assert _folder_name(rel) == PurePosixPath(rel).parent.name


@given(st.integers(0, 9999), st.integers(1, 12), st.integers(0, 32))
def test_days_in_a_month_agree_with_calendar(year: int, month: int, day: int) -> None:
    last = calendar.monthrange(year, month)[1]
    reason = dates.calendar_error(f"{year:04d}-{month:02d}-{day:02d}")
    assert (reason is None) == (1 <= day <= last)
    if reason:
        assert reason.endswith(f"use 01 to {last}")


def test_validate_starts_without_what_only_other_commands_need(tmp_path: Path) -> None:
    """Start-up is most of a small run: numpy, scipy and lunr (similar, search) and jsonschema
    (explaining errors) stay unimported when every record is valid."""
    shutil.copytree(BASE, tmp_path / "catalogue")
    probe = ("import sys; from catalogue import cli; code = cli.main(sys.argv[1:]); "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'scipy', 'lunr', 'jsonschema', "
             "'referencing', 'jinja2'})); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe, "--root", str(tmp_path / "catalogue"), "validate",
                           "--today", TODAY], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


@pytest.mark.parametrize(("argv", "command"), [
    (["validate"], "validate"), (["--root", "x", "validate", "--format", "json", "projects"], "validate"),
    (["--root=x", "validate", "--strict"], "validate"), (["--root", "validate", "validate"], "validate"),
    (["codeowners", "--check"], "codeowners"), (["similar", "projects/a/b.yml", "--limit", "2"], "similar"),
    (["search", "housing", "--phase", "beta"], "search"), (["new", "--lead", "hackney", "--title", "A"], "new"),
])
def test_the_chosen_command_alone_parses_as_the_full_parser_does(argv: list[str], command: str) -> None:
    def parsed(parser: argparse.ArgumentParser) -> dict[str, object]:
        return {k: v for k, v in vars(parser.parse_args(argv)).items() if k != "run"}

    assert cli.chosen_command(argv) == command
    assert parsed(cli.build_parser(command)) == parsed(cli.build_parser())


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h", "validate"], ["--root"], ["bogus"], ["--roo", "x", "new"]])
def test_anything_unusual_gets_the_full_parser(argv: list[str]) -> None:
    assert cli.chosen_command(argv) is None
