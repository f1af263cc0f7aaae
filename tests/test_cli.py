"""The `catalogue` command line: output formats, narrowing by path, exit codes and help."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from records_support import TODAY, finding_lines, write

from catalogue import cli

BAD_PHASE = """\
schema_version: 1
id: street-lighting
title: Smart street lighting
summary: Street lights that dim when streets are empty.
lead: hackney
phase: betta
status: active
start: "2025-04"
topics:
  - transport-and-streets
contact:
  team: Streetscene
  email: streetscene@hackney.example.org
last_reviewed: "2026-10-01"
"""
BAD_PHASE_PATH = "projects/hackney/street-lighting.yml"
BAD_PHASE_LINE = ("projects/hackney/street-lighting.yml:6:8: error: phase: 'betta' is not one of idea, discovery, "
                  "alpha, beta, live, retired (did you mean 'beta'?)")


def test_text_format_is_the_default(catalogue: Path, run_cli) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 1
    assert out.splitlines() == [BAD_PHASE_LINE, "1 error(s), 0 warning(s) in 1 file(s); 6 record(s) checked"]


def test_github_format_prints_annotations(catalogue: Path, run_cli) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    code, out = run_cli("validate", "--today", TODAY, "--format", "github")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("::error file=projects/hackney/street-lighting.yml,line=6,col=8,title=phase::")
    assert first.endswith(BAD_PHASE_LINE)
    assert re.fullmatch(r"::error file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+", first)


def test_github_format_marks_warnings(catalogue: Path, run_cli) -> None:
    path = catalogue / "projects/camden/camden-data-charter.yml"
    path.write_text(path.read_text().replace('last_reviewed: "2026-09-02"', 'last_reviewed: "2025-01-01"'))
    code, out = run_cli("validate", "--today", TODAY, "--format", "github")
    assert code == 0
    assert out.startswith("::warning file=projects/camden/camden-data-charter.yml,line=15,col=16,"
                          "title=last_reviewed::")


def test_json_format_lists_findings(catalogue: Path, run_cli) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    code, out = run_cli("validate", "--today", TODAY, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["checked"] == 6
    assert report["findings"] == [{
        "file": "projects/hackney/street-lighting.yml",
        "line": 6,
        "column": 8,
        "severity": "error",
        "field": "phase",
        "message": "'betta' is not one of idea, discovery, alpha, beta, live, retired (did you mean 'beta'?)",
    }]


def test_json_format_when_valid(catalogue: Path, run_cli) -> None:
    code, out = run_cli("validate", "--today", TODAY, "--format", "json")
    assert code == 0
    assert json.loads(out) == {"checked": 5, "findings": []}


def test_all_findings_in_one_run(catalogue: Path, run_cli) -> None:
    """Three mistakes in one file give three lines, not one at a time."""
    text = (BAD_PHASE.replace('start: "2025-04"', 'start: "2025-4"')
            .replace("streetscene@hackney.example.org", "streetscene"))
    write(catalogue, BAD_PHASE_PATH, text)
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 1
    assert finding_lines(out) == [
        BAD_PHASE_LINE,
        "projects/hackney/street-lighting.yml:8:8: error: start: '2025-4' is not in the right form: "
        "write the date as \"YYYY-MM\" or \"YYYY-MM-DD\", in quotes",
        "projects/hackney/street-lighting.yml:13:10: error: contact.email: 'streetscene' is not in the right "
        "form: write an email address such as team@example.org",
    ]
    assert out.splitlines()[-1] == "3 error(s), 0 warning(s) in 1 file(s); 6 record(s) checked"


def test_findings_in_several_files_in_one_run(catalogue: Path, run_cli) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    write(catalogue, "boroughs/islington.yml", "id: islington\nname: Islington Council\ntype: london-borough\n")
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 1
    assert {line.split(":")[0] for line in finding_lines(out)} == {BAD_PHASE_PATH, "boroughs/islington.yml"}


# Narrowing: paths choose which findings are shown; the rules always see the whole catalogue.

def test_path_narrows_the_report(catalogue: Path, run_cli) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    code, out = run_cli("validate", "--today", TODAY, "projects/camden")
    assert (code, finding_lines(out)) == (0, [])
    code, out = run_cli("validate", "--today", TODAY, BAD_PHASE_PATH)
    assert (code, finding_lines(out)) == (1, [BAD_PHASE_LINE])
    code, out = run_cli("validate", "--today", TODAY, "projects/hackney/")
    assert (code, finding_lines(out)) == (1, [BAD_PHASE_LINE])


def test_narrowing_hides_cross_record_errors_in_other_files(catalogue: Path, run_cli) -> None:
    """An error in another file is not shown, and the exit code follows the findings shown."""
    charter = catalogue / "projects/camden/camden-data-charter.yml"
    charter.write_text(charter.read_text() + "related:\n  - project: no-such-project\n    relation: reuses\n")
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 1 and "camden-data-charter.yml:17:14: error: related[0].project" in out
    code, out = run_cli("validate", "--today", TODAY, "projects/hackney/digital-apprenticeships.yml")
    assert (code, finding_lines(out)) == (0, [])
    assert "all 5 record(s) are valid" in out


def test_narrowing_keeps_the_whole_catalogue_as_context(catalogue: Path, run_cli) -> None:
    """References to records outside the narrowed paths still resolve."""
    charter = catalogue / "projects/camden/camden-data-charter.yml"
    charter.write_text(charter.read_text()
                       + "partners:\n  - org: hackney\n    role: partner\n"
                       + "related:\n  - project: digital-apprenticeships\n    relation: similar-to\n")
    code, out = run_cli("validate", "--today", TODAY, "projects/camden/camden-data-charter.yml")
    assert (code, finding_lines(out)) == (0, [])


def test_duplicate_id_is_shown_when_narrowed_to_either_file(catalogue: Path, run_cli) -> None:
    copy = (catalogue / "projects/hackney/digital-apprenticeships.yml").read_text().replace("lead: hackney",
                                                                                           "lead: camden")
    write(catalogue, "projects/camden/digital-apprenticeships.yml", copy)
    for path in ("projects/camden/digital-apprenticeships.yml", "projects/hackney/digital-apprenticeships.yml"):
        code, out = run_cli("validate", "--today", TODAY, path)
        assert code == 1
        assert [line.split(":")[0] for line in finding_lines(out)] == [path]


def test_dot_means_the_whole_catalogue(catalogue: Path, run_cli) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    code, out = run_cli("validate", "--today", TODAY, ".")
    assert (code, finding_lines(out)) == (1, [BAD_PHASE_LINE])


def test_paths_are_relative_to_the_working_directory(catalogue: Path, run_cli, monkeypatch) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    monkeypatch.chdir(catalogue / "projects")
    code, out = run_cli("--root", "..", "validate", "--today", TODAY, "hackney")
    assert (code, finding_lines(out)) == (1, [BAD_PHASE_LINE])


def test_root_option(catalogue: Path, run_cli, monkeypatch, tmp_path: Path) -> None:
    write(catalogue, BAD_PHASE_PATH, BAD_PHASE)
    monkeypatch.chdir(tmp_path)
    code, out = run_cli("--root", str(catalogue), "validate", "--today", TODAY)
    assert (code, finding_lines(out)) == (1, [BAD_PHASE_LINE])


def test_nonexistent_path_is_a_usage_error(catalogue: Path, run_cli) -> None:
    code, out = run_cli("validate", "--today", TODAY, "projects/nowhere")
    assert (code, out) == (2, "")
    assert "catalogue: error: no such file or folder: projects/nowhere" in run_cli.err


def test_path_outside_the_catalogue_is_a_usage_error(catalogue: Path, run_cli, tmp_path: Path) -> None:
    code, _ = run_cli("validate", "--today", TODAY, str(tmp_path))
    assert code == 2
    assert "is outside the catalogue folder" in run_cli.err


def test_bad_today_is_a_usage_error(catalogue: Path, run_cli) -> None:
    code, _ = run_cli("validate", "--today", "2026-02-30")
    assert code == 2
    assert "--today" in run_cli.err


# Warnings, --strict and the date of the check.

def _make_charter_stale(root: Path) -> None:
    path = root / "projects/camden/camden-data-charter.yml"
    path.write_text(path.read_text().replace('"2026-09-02"', '"2026-05-01"'))


def test_warnings_exit_0_and_strict_exits_1(catalogue: Path, run_cli) -> None:
    _make_charter_stale(catalogue)
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 0
    assert finding_lines(out) == [
        "projects/camden/camden-data-charter.yml:15:16: warning: last_reviewed: not reviewed for over 6 months: "
        "check the record is still true and update the date"
    ]
    code, _ = run_cli("validate", "--today", TODAY, "--strict")
    assert code == 1


def test_stale_months_option(catalogue: Path, run_cli) -> None:
    _make_charter_stale(catalogue)
    code, out = run_cli("validate", "--today", TODAY, "--stale-months", "12", "--strict")
    assert (code, finding_lines(out)) == (0, [])


def test_today_comes_from_catalogue_today(catalogue: Path, run_cli, monkeypatch) -> None:
    """Without --today the date comes from CATALOGUE_TODAY (set for every test in conftest)."""
    code, out = run_cli("validate", "--strict")
    assert (code, finding_lines(out)) == (0, [])
    monkeypatch.setenv("CATALOGUE_TODAY", "2027-06-01")
    code, out = run_cli("validate", "--strict")
    assert code == 1
    assert len([line for line in finding_lines(out) if "not reviewed for over 6 months" in line]) == 2
    monkeypatch.setenv("CATALOGUE_TODAY", "2026-09-01")
    code, out = run_cli("validate")
    assert code == 1 and "'2026-10-01' is in the future (today is 2026-09-01)" in out


# Help.

def test_catalogue_help(run_cli) -> None:
    code, out = run_cli("--help")
    assert code == 0
    assert out.startswith("usage: catalogue")
    assert "validate" in out


def test_validate_help(run_cli) -> None:
    code, out = run_cli("validate", "--help")
    assert code == 0
    assert out.startswith("usage: catalogue validate")
    for option in ("--format", "--strict", "--today", "--stale-months", "PATH"):
        assert option in out


def test_no_command_is_a_usage_error(run_cli) -> None:
    code, _ = run_cli()
    assert code == 2


@pytest.mark.parametrize("name", cli.COMMANDS)
def test_every_available_command_has_help(name: str, run_cli) -> None:
    if importlib.util.find_spec(f"catalogue.commands.{name}") is None:
        pytest.skip(f"catalogue.commands.{name} is not written yet")
    code, out = run_cli(name, "--help")
    assert code == 0 and out.startswith(f"usage: catalogue {name}")
