"""Property tests: whatever is in a record file, the validator reports it and never raises.

Records are written by people in a web editor, so any text (or bytes) can arrive. For each example
the file is written into one copy of the base catalogue, replacing the previous example.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from records_support import BASE, TODAY

from catalogue import yamlsafe
from catalogue.rules import Settings
from catalogue.schemas import validator_for
from catalogue.validate import check

REL = "projects/hackney/fuzz.yml"
BOROUGH_REL = "boroughs/fuzz.yml"
SETTINGS = Settings(today=dt.date.fromisoformat(TODAY))
VALID = """\
schema_version: 1
id: fuzz
title: Fuzz
summary: A record that the tests change at random.
lead: hackney
phase: alpha
status: active
start: "2025-04"
end: "2027-03"
topics:
  - open-data
partners:
  - org: loti
    role: advisor
contact:
  team: Testing
  email: testing@hackney.example.org
last_reviewed: "2026-10-01"
"""

fuzz_settings = settings(deadline=None, max_examples=150,
                         suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "catalogue"
    shutil.copytree(BASE, path)
    return path


def _is_valid_record(raw: bytes, kind: str = "project") -> bool:
    """True only for a file that is a record the schema accepts (random input almost never is)."""
    try:
        data = yamlsafe.parse(yamlsafe.decode(raw)[0])
    except yamlsafe.YamlError:
        return False
    return isinstance(data, dict) and validator_for(kind).is_valid(data) and data.get("id") == "fuzz"


def _check_file(root: Path, raw: bytes, rel: str = REL) -> None:
    (root / rel).write_bytes(raw)
    try:
        report = check(root, SETTINGS)  # must not raise, whatever the file holds
    finally:
        (root / rel).unlink()
    mine = [f for f in report.findings if f.file == rel]
    # Lines as YAML counts them: a lone carriage return, NEL, LS and PS end a line too.
    line_count = len(re.split("\r\n|[\r\n\x85\u2028\u2029]", raw.decode("utf-8", "replace")))
    for finding in report.findings:
        assert "\n" not in finding.message and "\r" not in finding.message, finding
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.severity in ("error", "warning")
    for finding in mine:
        assert finding.line <= line_count + 1, finding
    if not _is_valid_record(raw, "borough" if rel.startswith("boroughs/") else "project"):
        assert any(f.severity == "error" for f in mine), f"no error for an invalid record: {raw[:200]!r}"


@fuzz_settings
@given(st.text())
@example("")
@example("\ufeff")
@example("- a\n- b\n")
@example("id: [\n")
@example("a: b\n---\nc: d\n")
@example("&a x: *a\n")
@example("? [a, b]\n: c\n")
@example("{a: 1, a: 2}")
@example("x: !!binary aGVsbG8=\n")
@example("x: !!python/object:os.system ls\n")
@example("x: 0o17\ny: 0x1f\nz: 1_000\nw: .inf\nv: 12:30:00\n")
@example("1: one\n1.0: one again\ntrue: yes\n")
@example("1: a key that is a number\n")  # jsonschema-rs refused non-text keys with a traceback
@example("?")
@example("id: x\n~: null key\n")
@example("a:\n  " * 200 + "b")
@example("[" * 2000)
@example("x: \x00\x07\x1b\u2028\ufffe\n")
@example("\t- tab\n")
@example("\r[")  # libyaml places this error on line 3
def test_any_text_is_reported_never_raises(root: Path, text: str) -> None:
    _check_file(root, text.encode("utf-8", "surrogatepass"))


@fuzz_settings
@given(st.binary())
@example(b"\xff\xfe")
@example(b"id: caf\xe9\n")
@example(b"\xef\xbb\xbf")
@example(b"\xed\xa0\x80")  # a UTF-8 encoded surrogate
def test_any_bytes_are_reported_never_raise(root: Path, raw: bytes) -> None:
    _check_file(root, raw)


@fuzz_settings
@given(st.text())
@example("id: fuzz\nname: Fuzz\ntype: london-borough\ngss_code: E09000012\n")
@example("id: fuzz\nname: Fuzz\ntype: partner\nreviewers: [\"@\"]\n")
def test_any_text_as_an_organisation_never_raises(root: Path, text: str) -> None:
    _check_file(root, text.encode("utf-8", "surrogatepass"), BOROUGH_REL)


@fuzz_settings
@given(st.integers(0, len(VALID)), st.integers(0, 20), st.text(max_size=20))
def test_edits_of_a_valid_record_never_raise(root: Path, at: int, cut: int, insert: str) -> None:
    """Small edits reach deeper than random text: into the schema checks, the rules and placing."""
    _check_file(root, (VALID[:at] + insert + VALID[at + cut:]).encode("utf-8", "surrogatepass"))


@fuzz_settings
@given(st.sampled_from(VALID.splitlines()), st.sampled_from(["", "no", "2026-02-30", "[]", "{}", "~", "1",
                                                          "'x'", "-", "loti", "hackney", "fuzz", "a: b"]))
def test_replaced_values_never_raise(root: Path, line: str, value: str) -> None:
    if ":" not in line:
        return
    key = line.split(":", 1)[0]
    _check_file(root, VALID.replace(line + "\n", f"{key}: {value}\n", 1).encode())


def test_the_valid_record_is_valid(root: Path) -> None:
    (root / REL).write_text(VALID)
    assert check(root, SETTINGS).findings == []
    assert _is_valid_record(VALID.encode())
    (root / REL).unlink()


# Dates stay text: YAML 1.1 would turn an unquoted 2026-10-01 into a date object.

def test_unquoted_date_loads_as_a_string() -> None:
    data = yamlsafe.parse("last_reviewed: 2026-10-01\nstart: 2025-04\nend: 2026-02-30\n")
    assert data == {"last_reviewed": "2026-10-01", "start": "2025-04", "end": "2026-02-30"}
    assert all(type(value) is str for value in data.values())


def test_unquoted_dates_pass_the_schema(root: Path) -> None:
    text = VALID.replace('"2025-04"', "2025-04").replace('"2026-10-01"', "2026-10-01")
    assert 'last_reviewed: 2026-10-01\n' in text
    (root / REL).write_text(text)
    assert check(root, SETTINGS).findings == []
    (root / REL).unlink()


@given(st.dates(), st.booleans())
def test_any_date_stays_text(day: dt.date, with_time: bool) -> None:
    written = f"{day.isoformat()} 10:30:00" if with_time else day.isoformat()
    assert yamlsafe.parse(f"last_reviewed: {written}\n") == {"last_reviewed": written}
