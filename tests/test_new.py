"""catalogue new: the skeleton it writes validates, explains every field from the schema, and is safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from records_support import TODAY, finding_lines, write

from catalogue import schemas, yamlsafe
from catalogue.commands import new

TEMPLATE = Path(new.__file__).resolve().parent.parent / "templates" / "new-record.yml.j2"
PROJECT = schemas.schema_for("project")


def _new(run_cli, *args: str) -> tuple[int, str]:
    return run_cli("new", *args)


def test_writes_a_record_that_validates(catalogue: Path, run_cli) -> None:
    code, out = _new(run_cli, "--lead", "hackney", "--title", "Smart street lighting")
    assert code == 0
    path = catalogue / "projects/hackney/smart-street-lighting.yml"
    assert out.splitlines()[0] == "Wrote projects/hackney/smart-street-lighting.yml"
    assert "Next steps:" in out
    assert "catalogue validate projects/hackney/smart-street-lighting.yml" in out
    assert path.is_file()

    code, out = run_cli("validate", "--today", TODAY, "--strict")
    assert (code, finding_lines(out)) == (0, []), out
    assert "all 6 record(s) are valid" in out


def test_skeleton_fields(catalogue: Path, run_cli) -> None:
    _new(run_cli, "--lead", "camden", "--title", "Housing repairs online")
    text = (catalogue / "projects/camden/housing-repairs-online.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/project.schema.json\n")
    data = yamlsafe.parse(text)
    assert set(data) == set(PROJECT["required"]), "only the required fields are active"
    assert data["schema_version"] == 1
    assert data["id"] == "housing-repairs-online"
    assert data["title"] == "Housing repairs online"
    assert data["lead"] == "camden"
    assert (data["phase"], data["status"]) == ("idea", "planned")
    assert data["start"] == TODAY[:7]
    assert data["last_reviewed"] == TODAY
    assert data["contact"] == {"team": "Your team name", "email": "team@example.org"}
    assert len(data["topics"]) == 1
    assert data["topics"][0] in [value for value, _, _ in schemas.topics()]
    # Dates are written in quotes, as the catalogue asks authors to.
    assert f'start: "{TODAY[:7]}"' in text
    assert f'last_reviewed: "{TODAY}"' in text


def test_today_comes_from_catalogue_today(catalogue: Path, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("CATALOGUE_TODAY", "2027-01-05")
    _new(run_cli, "--lead", "loti", "--title", "New year project")
    data = yamlsafe.parse((catalogue / "projects/loti/new-year-project.yml").read_text())
    assert (data["start"], data["last_reviewed"]) == ("2027-01", "2027-01-05")


def test_every_field_is_explained_from_the_schema(catalogue: Path, run_cli) -> None:
    _new(run_cli, "--lead", "hackney", "--title", "Smart street lighting")
    lines = (catalogue / "projects/hackney/smart-street-lighting.yml").read_text().splitlines()
    for name, prop in PROJECT["properties"].items():
        description = " ".join(prop["description"].split())
        assert f"# {description}" in lines, f"no explanation for {name}"
        if name in PROJECT["required"]:
            assert any(line.startswith(f"{name}:") for line in lines), f"{name} is missing"
        else:
            assert any(line.startswith(f"#{name}:") for line in lines), f"{name} is not offered commented out"
            assert not any(line.startswith(f"{name}:") for line in lines), f"{name} should be commented out"
    for sub, prop in PROJECT["properties"]["contact"]["properties"].items():
        assert f"  # {prop['description']}" in lines, sub


def test_template_does_not_copy_descriptions() -> None:
    """Explanations come from the schema at run time, so the template holds none of them."""
    template = TEMPLATE.read_text(encoding="utf-8")
    for _, prop in new._all_fields(PROJECT["properties"]):
        description = prop.get("description", "")
        if len(description) > 20:
            assert description not in template


def test_optional_fields_validate_once_uncommented(catalogue: Path, run_cli) -> None:
    """Removing the leading # from every optional field gives a record the schema accepts."""
    _new(run_cli, "--lead", "hackney", "--title", "Smart street lighting")
    text = (catalogue / "projects/hackney/smart-street-lighting.yml").read_text()
    marker = text.index("# Optional fields.")
    head, tail = text[:marker], text[marker:]
    uncommented = re.sub(r"^#(?=[a-z_]+:|  |$)", "", tail, flags=re.MULTILINE)
    data = yamlsafe.parse(head + uncommented)
    assert set(data) == set(PROJECT["properties"]), "every field is present once uncommented"
    errors = [e.message for e in schemas.validator_for("project").iter_errors(data)]
    assert errors == []


def test_id_from_title_and_given(catalogue: Path, run_cli) -> None:
    code, _ = _new(run_cli, "--lead", "loti", "--title", "Café Connect: phase 2 (London-wide)!")
    assert code == 0
    assert (catalogue / "projects/loti/cafe-connect-phase-2-london-wide.yml").is_file()
    code, _ = _new(run_cli, "--lead", "loti", "--title", "Café Connect", "--id", "cafe-wifi")
    assert code == 0
    data = yamlsafe.parse((catalogue / "projects/loti/cafe-wifi.yml").read_text())
    assert (data["id"], data["title"]) == ("cafe-wifi", "Café Connect")
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 0, out


@pytest.mark.parametrize(("title", "slug"), [
    ("Smart street lighting", "smart-street-lighting"),
    ("  Smart   Street--Lighting  ", "smart-street-lighting"),
    ("Café Connect", "cafe-connect"),
    ("£50k fund for 2026/27", "50k-fund-for-2026-27"),
    ("COVID-19 shielding", "covid-19-shielding"),
    ("!!!", ""),
    ("☕", ""),
])
def test_slugify(title: str, slug: str) -> None:
    assert new.slugify(title) == slug


def test_slugify_cuts_long_titles_at_a_hyphen() -> None:
    slug = new.slugify("word " * 40)
    assert len(slug) <= 80
    assert re.fullmatch(PROJECT["properties"]["id"]["pattern"], slug)
    assert slug.endswith("word")


def test_refuses_to_overwrite_without_force(catalogue: Path, run_cli) -> None:
    path = catalogue / "projects/hackney/digital-apprenticeships.yml"
    before = path.read_text()
    code, out = _new(run_cli, "--lead", "hackney", "--title", "Digital apprenticeships")
    assert (code, out) == (2, "")
    assert "already exists" in run_cli.err and "--force" in run_cli.err
    assert path.read_text() == before

    code, _ = _new(run_cli, "--lead", "hackney", "--title", "Digital apprenticeships", "--force")
    assert code == 0
    assert path.read_text() != before
    assert yamlsafe.parse(path.read_text())["phase"] == "idea"


def test_unknown_lead(catalogue: Path, run_cli) -> None:
    code, out = _new(run_cli, "--lead", "hackny", "--title", "Smart street lighting")
    assert (code, out) == (2, "")
    assert "'hackny' is not an organisation in boroughs/ (did you mean 'hackney'?)" in run_cli.err
    assert not (catalogue / "projects/hackny").exists()


def test_lead_needs_a_borough_file_not_a_folder(catalogue: Path, run_cli) -> None:
    (catalogue / "projects/islington").mkdir()
    code, _ = _new(run_cli, "--lead", "islington", "--title", "Housing repairs")
    assert code == 2
    assert "add boroughs/islington.yml first" in run_cli.err


def test_lead_needs_a_catalogue(tmp_path: Path, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _ = _new(run_cli, "--lead", "hackney", "--title", "Smart street lighting")
    assert code == 2
    assert "no organisations in boroughs" in run_cli.err


def test_id_used_by_another_organisation(catalogue: Path, run_cli) -> None:
    code, _ = _new(run_cli, "--lead", "camden", "--title", "Digital apprenticeships")
    assert code == 2
    assert "already used by projects/hackney/digital-apprenticeships.yml" in run_cli.err
    assert not (catalogue / "projects/camden/digital-apprenticeships.yml").exists()
    # --force overwrites a file, never another organisation's project.
    code, _ = _new(run_cli, "--lead", "camden", "--title", "Digital apprenticeships", "--force")
    assert code == 2


@pytest.mark.parametrize(("args", "message"), [
    (("--id", "Street Lighting"), "--id 'Street Lighting' is not a valid id"),
    (("--id", "street--lighting"), "is not a valid id"),
    (("--id", "x"), "is 1 characters long"),
    (("--title", "   "), "--title is empty"),
    (("--title", "!!!"), "cannot make an id from the title '!!!': give one with --id"),
    (("--title", "a" * 121), "--title is 121 characters long; at most 120 allowed"),
    (("--title", "bell\x07"), "control character"),
])
def test_bad_input_is_a_usage_error(catalogue: Path, run_cli, args: tuple[str, ...], message: str) -> None:
    base = {"--lead": "hackney", "--title": "Smart street lighting"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    code, _ = _new(run_cli, *[part for pair in base.items() for part in pair])
    assert code == 2
    assert message in run_cli.err
    assert sorted(p.name for p in (catalogue / "projects/hackney").iterdir()) == ["digital-apprenticeships.yml"]


@pytest.mark.parametrize("title", [
    "no", "Yes", "null", "2026", "1e3", "Phase 2: pilots", "# not a comment", "- not a list",
    'The "quoted" one', "it's", "back\\slash", "@team {braces} [brackets] & *star | pipe > fold",
    "Café ☕ — ünïcödé", "%percent", "tab\there", "  padded  ",
])
def test_titles_that_need_quoting(catalogue: Path, run_cli, title: str) -> None:
    code, _ = _new(run_cli, "--lead", "hackney", "--title", title, "--id", "tricky-title")
    assert code == 0, run_cli.err
    data = yamlsafe.parse((catalogue / "projects/hackney/tricky-title.yml").read_text())
    assert data["title"] == " ".join(title.split())
    code, out = run_cli("validate", "--today", TODAY)
    assert code == 0, out


def test_root_option(catalogue: Path, run_cli, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run_cli("--root", str(catalogue), "new", "--lead", "loti", "--title", "Shared data")
    assert code == 0
    assert (catalogue / "projects/loti/shared-data.yml").is_file()
    assert f"catalogue --root {catalogue} validate {catalogue}/projects/loti/shared-data.yml" in out
    code, out = run_cli("--root", str(catalogue), "validate", "--today", TODAY)
    assert code == 0, out


def test_new_organisation_folder_is_created(catalogue: Path, run_cli) -> None:
    write(catalogue, "boroughs/islington.yml",
          "id: islington\nname: Islington Council\ntype: london-borough\ngss_code: E09000019\n")
    code, _ = _new(run_cli, "--lead", "islington", "--title", "Housing repairs online")
    assert code == 0
    code, out = run_cli("validate", "--today", TODAY, "--strict")
    assert code == 0, out


def test_help(run_cli) -> None:
    code, out = run_cli("new", "--help")
    assert code == 0
    assert out.startswith("usage: catalogue new")
    for option in ("--lead", "--title", "--id", "--force"):
        assert option in out


@given(st.text(max_size=200))
def test_any_title_round_trips(title: str) -> None:
    """Whatever the title, the rendered record reads back with exactly that title."""
    text = new.render(record_id="any-title", title=title, lead="hackney")
    assert yamlsafe.parse(text)["title"] == title


@given(st.text(max_size=200))
def test_yaml_scalar_round_trips(value: str) -> None:
    assert yamlsafe.parse(f"key: {new.yaml_scalar(value)}\n") == {"key": value}
