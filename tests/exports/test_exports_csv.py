"""The CSV export: one row a project, documented columns, Excel-safe encoding and cells."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from exports_support import REPO, Built, build, write_borough, write_project

from catalogue import exports


def rows(built: Built) -> list[dict[str, str]]:
    raw = built.outputs[exports.PROJECTS_CSV].content
    assert isinstance(raw, bytes)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def documented_columns() -> list[str]:
    """The column names in the CSV table of docs/data.md, in order."""
    text = (REPO / "docs" / "data.md").read_text(encoding="utf-8")
    section = text.split("### CSV columns", 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| *\d+ *\| *`([a-z_]+)`", section, flags=re.MULTILINE)


def test_one_row_per_project_with_documented_header(sample: Built, sample_copy: Built) -> None:
    for built in (sample, sample_copy):
        table = rows(built)
        assert len(table) == len(built.catalogue.projects)
        assert [row["id"] for row in table] == sorted(built.catalogue.projects)
        assert list(table[0]) == list(exports.CSV_COLUMNS) == documented_columns()


def test_utf8_bom_crlf_and_quoting(sample: Built) -> None:
    raw = sample.outputs[exports.PROJECTS_CSV].content
    assert isinstance(raw, bytes)
    assert raw.startswith(b"\xef\xbb\xbfid,title,summary,")
    assert raw.endswith(b"\r\n")
    assert raw.split(b"\r\n", 1)[0] == b"\xef\xbb\xbf" + ",".join(exports.CSV_COLUMNS).encode()
    # Multi-line descriptions are quoted; every record still parses back to the right width.
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert {len(row) for row in reader} == {len(exports.CSV_COLUMNS)}


def test_cells_match_the_json(sample: Built) -> None:
    objects = sample.projects()
    for row in rows(sample):
        obj = objects[row["id"]]
        assert row["title"] == obj["title"] and row["url"] == obj["url"]
        assert row["topics"] == "; ".join(obj["topics"])
        assert row["tags"] == "; ".join(obj.get("tags", []))
        assert row["contact_email"] == obj["contact"]["email"]
        assert row["needs_review"] == ("true" if obj["needs_review"] else "false")
        assert row["last_changed"] == obj["last_changed"]
        assert row["description"] == obj.get("description", "")
        assert row["relations"] == "; ".join(f"{r['relation']}: {r['project']}" for r in obj["relations"])


def test_partner_and_optional_cells(sample: Built) -> None:
    row = {r["id"]: r for r in rows(sample)}["shared-security-operations-centre"]
    assert row["partners"].startswith("London Borough of Camden (co-lead); ")
    assert "Managed security service provider (supplier)" in row["partners"]
    assert row["dates_estimated"] in ("", "true", "false")


def test_formulas_are_defused(tmp_path: Path, no_git: Path) -> None:
    write_borough(no_git, "loti", "LOTI")
    write_project(no_git, "sums", "loti", title="=HYPERLINK(\"http://evil.example\")",
                  summary="+1 is a formula", outcome="-2 too", contact={"team": "@team", "email": "a@example.org"},
                  description="\tTabbed", tags=["ok"])
    row = rows(build(no_git))[0]
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\")"
    assert row["summary"] == "'+1 is a formula"
    assert row["outcome"] == "'-2 too"
    assert row["contact_team"] == "'@team"
    assert row["description"] == "'\tTabbed"
    assert row["tags"] == "ok" and row["start"] == "2026-01"


def test_control_characters_are_dropped_and_markup_kept(no_git: Path) -> None:
    write_borough(no_git, "loti", "LOTI")
    write_project(no_git, "ctl", "loti", title="A <b>bold</b> & \x01\x1b plan, \"quoted\"")
    row = rows(build(no_git))[0]
    assert row["title"] == "A <b>bold</b> &  plan, \"quoted\""
