"""Record cases, found automatically: each folder in records/valid/ and records/invalid/ is one case.

A case is a file tree (projects/... and/or boroughs/...) laid over a copy of records/base/.

- valid/<case>/: `catalogue validate` exits 0. An optional expected.txt lists warnings that must be
  shown; without it there must be no finding at all. A case with warnings fails under --strict.
- invalid/<case>/: expected.txt holds the exact `file:line:col: severity: field: message` lines that
  must appear, and exit_code the exit code (1 or 2).

A few files cannot sensibly be committed (bytes that are not UTF-8, a file over the size limit, a
byte-order mark that editors strip): GENERATED writes them into the case before it runs, and the
case folder holds only expected.txt and exit_code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from records_support import RECORDS, TODAY, finding_lines, overlay, write

from catalogue import yamlsafe

STREET_LIGHTING = """\
schema_version: 1
id: street-lighting
title: Smart street lighting
summary: Street lights that dim when streets are empty and report their own faults.
lead: hackney
phase: alpha
status: active
start: "2025-04"
topics:
  - transport-and-streets
contact:
  team: Streetscene
  email: streetscene@hackney.example.org
last_reviewed: "2026-10-01"
"""
STREET_LIGHTING_PATH = "projects/hackney/street-lighting.yml"


def _too_big() -> bytes:
    """A record that is fine except for its size: 300 KB, padded with comment lines."""
    record = STREET_LIGHTING.encode()
    size = 300 * 1024
    assert size > yamlsafe.MAX_BYTES
    comment = b"# " + b"x" * 97 + b"\n"
    padding = comment * ((size - len(record)) // len(comment))
    return (record + padding).ljust(size, b"#")


GENERATED: dict[str, dict[str, bytes]] = {
    # 'Café' saved as Latin-1: the é is the single byte 0xe9.
    "invalid-utf8": {STREET_LIGHTING_PATH: STREET_LIGHTING.replace("Smart street lighting", "Café lighting")
                     .encode("utf-8").replace("é".encode(), b"\xe9")},
    "file-too-big": {STREET_LIGHTING_PATH: _too_big()},
    "byte-order-mark": {STREET_LIGHTING_PATH: b"\xef\xbb\xbf" + STREET_LIGHTING.encode()},
}


def cases(kind: str) -> list[Path]:
    return sorted(path for path in (RECORDS / kind).iterdir() if path.is_dir())


def expected_lines(case: Path) -> list[str]:
    path = case / "expected.txt"
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prepare(root: Path, case: Path) -> None:
    overlay(root, case)
    for rel, content in GENERATED.get(case.name, {}).items():
        write(root, rel, content)


def _id(case: Path) -> str:
    return case.name


WARNING_CASES = [case for case in cases("valid") if expected_lines(case)]


@pytest.mark.parametrize("case", cases("valid"), ids=_id)
def test_valid_case(case: Path, catalogue: Path, run_cli) -> None:
    prepare(catalogue, case)
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 0, out
    shown = finding_lines(out)
    expected = expected_lines(case)
    assert all(" warning: " in line for line in expected), "a valid case can only expect warnings"
    if expected:
        missing = [line for line in expected if line not in shown]
        assert not missing, f"expected lines not in the output:\n{chr(10).join(missing)}\n--- output:\n{out}"
    else:
        assert shown == [], out


@pytest.mark.parametrize("case", WARNING_CASES, ids=_id)
def test_warnings_fail_with_strict(case: Path, catalogue: Path, run_cli) -> None:
    prepare(catalogue, case)
    code, out = run_cli("validate", "--today", TODAY, "--strict")
    assert code == 1, out
    assert set(expected_lines(case)) <= set(finding_lines(out))


@pytest.mark.parametrize("case", cases("invalid"), ids=_id)
def test_invalid_case(case: Path, catalogue: Path, run_cli) -> None:
    prepare(catalogue, case)
    code, out = run_cli("validate", "--today", TODAY)
    expected = expected_lines(case)
    assert expected, f"{case.name} has no expected.txt lines"
    shown = finding_lines(out)
    missing = [line for line in expected if line not in shown]
    assert not missing, f"expected lines not in the output:\n{chr(10).join(missing)}\n--- output:\n{out}"
    assert code == int((case / "exit_code").read_text().strip()), out


def test_every_case_is_complete() -> None:
    """Catch a case folder that would silently test nothing."""
    for kind in ("valid", "invalid"):
        for case in cases(kind):
            tree = [p for p in case.rglob("*") if p.is_file() and p.name not in ("expected.txt", "exit_code")]
            assert tree or case.name in GENERATED, f"{kind}/{case.name} holds no record files"
            if kind == "invalid":
                assert (case / "exit_code").read_text().strip() in ("1", "2"), case.name
                assert expected_lines(case), case.name
    assert set(GENERATED) <= {case.name for kind in ("valid", "invalid") for case in cases(kind)}


def test_base_catalogue_is_valid(catalogue: Path, run_cli) -> None:
    code, out = run_cli("validate", "--today", TODAY)
    assert (code, out.strip()) == (0, "all 5 record(s) are valid")


def test_invalid_record_does_not_hide_other_findings(catalogue: Path, run_cli) -> None:
    """A file that is not YAML is reported, and the rest of the catalogue is still checked."""
    write(catalogue, "projects/hackney/broken.yml", "id: [\n")
    write(catalogue, "projects/camden/camden-data-charter.yml",
          (catalogue / "projects/camden/camden-data-charter.yml").read_text().replace("phase: live", "phase: betta"))
    code, out = run_cli("validate", "--today", TODAY)
    files = {line.split(":", 1)[0] for line in finding_lines(out)}
    assert files == {"projects/hackney/broken.yml", "projects/camden/camden-data-charter.yml"}
    assert code == 1
