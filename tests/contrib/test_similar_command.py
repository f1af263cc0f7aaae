"""`catalogue similar`: projects of other organisations that look like new or changed records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from contrib_support import copy_catalogue

ORIGINAL = "projects/barnet/barnet-parking-sensors.yml"
PLANTED = "projects/southwark/southwark-bay-sensors.yml"
UNRELATED = "responsible-ai-guidance"  # LOTI's guidance on AI: nothing to do with parking


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample catalogue with a near-duplicate of Barnet's parking sensors in Southwark."""
    root = copy_catalogue(tmp_path / "catalogue")
    text = (root / ORIGINAL).read_text(encoding="utf-8")
    for old, new in (("id: barnet-parking-sensors", "id: southwark-bay-sensors"), ("lead: barnet", "lead: southwark"),
                     ("Barnet", "Southwark"), ("barnet", "southwark"), ("Smart parking sensors", "Parking bay sensors"),
                     ("several high streets", "Peckham and Walworth high streets")):
        assert old in text
        text = text.replace(old, new)
    (root / PLANTED).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_finds_the_planted_near_duplicate_first(root: Path, run_cli) -> None:
    code, out = run_cli("similar", PLANTED)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{PLANTED}: looks similar to 'Smart parking sensors' (barnet-parking-sensors) "
                               "led by Barnet (score 0.")
    assert lines[0].endswith("): consider contacting them")
    assert UNRELATED not in out


def test_unrelated_record_is_not_listed_even_with_a_high_limit(root: Path, run_cli) -> None:
    code, out = run_cli("similar", "--limit", "10", "--format", "json", PLANTED)
    assert code == 0
    matches = json.loads(out)["files"][0]["matches"]
    ids = [m["id"] for m in matches]
    assert ids[0] == "barnet-parking-sensors"
    assert matches[0]["lead"] == "barnet" and matches[0]["lead_name"] == "Barnet" and matches[0]["score"] > 0.5
    assert UNRELATED not in ids
    assert all(m["lead"] != "southwark" for m in matches)  # never the record's own organisation
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)


def test_github_format_prints_notices_on_the_file(root: Path, run_cli) -> None:
    code, out = run_cli("similar", "--format", "github", "--limit", "1", PLANTED)
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith(f"::notice file={PLANTED},title=Similar project::looks similar to 'Smart parking sensors'")
    assert "led by Barnet" in first and first.endswith("consider contacting them")


def test_a_new_record_that_is_not_valid_yet_is_still_compared(root: Path, run_cli) -> None:
    draft = root / "projects" / "sutton" / "draft.yml"  # Sutton has no projects yet: its first record
    draft.parent.mkdir(exist_ok=True)
    draft.write_text("title: Parking bay sensors\nsummary: Sensors in parking bays show drivers free spaces.\n")
    code, out = run_cli("similar", "projects/sutton/draft.yml")
    assert code == 0
    assert "(barnet-parking-sensors) led by Barnet" in out


def test_other_invalid_records_are_left_out_with_a_note(root: Path, run_cli) -> None:
    (root / "projects" / "croydon" / "croydon-parking-sensors.yml").write_text("id: [unclosed\n")
    code, out = run_cli("similar", PLANTED)
    assert code == 0
    assert "barnet-parking-sensors" in out and "croydon-parking-sensors" not in out
    assert "1 record(s) with errors" in run_cli.err


def test_a_yaml_error_is_reported_with_its_line_not_a_traceback(root: Path, run_cli) -> None:
    bad = "projects/southwark/broken.yml"
    (root / bad).write_text('id: broken\ntitle: "Parking: sensors\nsummary: x\n')
    code, out = run_cli("similar", bad, PLANTED)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{bad}:2:8: error: ") and "not compared" in lines[0]
    assert any(line.startswith(f"{PLANTED}: looks similar to") for line in lines[1:])
    code, out = run_cli("similar", "--format", "github", bad)
    assert out.splitlines()[0].startswith(f"::warning file={bad},line=2,col=8,")


def test_a_record_with_nothing_similar_says_so(root: Path, run_cli) -> None:
    (root / "projects" / "southwark" / "odd.yml").write_text("title: Zyxwvut\nsummary: Qwertyuiop asdfghjkl.\n")
    code, out = run_cli("similar", "projects/southwark/odd.yml")
    assert (code, out.strip()) == (0, "projects/southwark/odd.yml: no similar projects in other organisations")


def test_usage_errors_exit_2(root: Path, run_cli) -> None:
    assert run_cli("similar", "projects/nowhere/missing.yml")[0] == 2
    assert run_cli("similar", "--limit", "0", PLANTED)[0] == 2
    assert run_cli("similar")[0] == 2
