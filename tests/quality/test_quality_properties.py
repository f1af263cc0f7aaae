"""Property tests over whole records: any record the schema allows validates and gets its pages
and data; any record with one field made invalid fails, with a message naming the file.

Records are drawn from strategies that follow schema/project.schema.json and the cross-record
rules (ids, lengths, enums, real dates in order, lists without duplicates, organisations and
projects that exist). Most examples run in-process (catalogue.validate.check, and the site's
producers through catalogue.publish.outputs, as the MkDocs hook calls them); a few run the real
`catalogue validate` and `mkdocs build --strict`. Each example is written into a copy of
tests/records/base/ (three organisations, two projects), replacing the previous one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from quality_support import REPO, TODAY, copy_project, run_mkdocs, run_validate, to_yaml

from catalogue import publish
from catalogue.rules import Settings
from catalogue.validate import check

pytestmark = pytest.mark.slow

BASE = REPO / "tests" / "records" / "base"
SCHEMA = json.loads((REPO / "schema" / "project.schema.json").read_text(encoding="utf-8"))
PROPS = SCHEMA["properties"]
TOPICS = json.loads((REPO / "schema" / "topics.schema.json").read_text(encoding="utf-8"))["enum"]
ALIASES = set(json.loads((REPO / "schema" / "tag-aliases.json").read_text(encoding="utf-8"))["aliases"])
ORGS = ("camden", "hackney", "loti")  # tests/records/base/boroughs/
EXISTING = ("camden-data-charter", "digital-apprenticeships")  # tests/records/base/projects/
SETTINGS = Settings(today=dt.date.fromisoformat(TODAY))
C1 = re.compile("[\x80-\x9f]")
C1_REF = re.compile(r"&#(12[89]|1[3-5][0-9]);")

few = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
fast = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
# Real builds take seconds each: a few examples, and a failure is reported as found, not shrunk.
builds = settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.explicit, Phase.reuse, Phase.generate])


def enum(path: str) -> list[str]:
    node: Any = SCHEMA
    for part in path.split("."):
        node = node[part]
    return list(node["enum"])


# --- strategies for valid records ---------------------------------------------------------------

SLUG_WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


def slugs(max_size: int) -> st.SearchStrategy[str]:
    return st.lists(SLUG_WORD, min_size=1, max_size=5).map("-".join).filter(lambda s: 2 <= len(s) <= max_size)


# Any character a person might type or paste, controls and astral planes included; never half
# a surrogate pair (not text) or a character YAML cannot hold even escaped.
TEXT_CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufffe\uffff")


def texts(max_size: int, min_size: int = 1) -> st.SearchStrategy[str]:
    return st.text(TEXT_CHARS, min_size=min_size, max_size=min(max_size, 160))


@st.composite
def dates(draw: st.DrawFn, low: dt.date = dt.date(2000, 1, 1), high: dt.date = dt.date(2035, 12, 31),
          day: bool | None = None) -> str:
    date = draw(st.dates(low, high))
    with_day = draw(st.booleans()) if day is None else day
    return date.isoformat() if with_day else date.isoformat()[:7]


def first_day(text: str) -> dt.date:
    return dt.date.fromisoformat(text if len(text) == 10 else text + "-01")


def last_day(text: str) -> dt.date:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    year, month = int(text[:4]), int(text[5:7])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


MARKDOWN_BITS = st.sampled_from(["# Heading", "## What we learned", "- a list item", "1. first", "**bold**",
                                 "_em_", "`code`", "[a link](https://example.org/x)", "> quoted",
                                 "| a | b |\n|---|---|\n| 1 | 2 |", "```\ncode block\n```", "<b>html</b>",
                                 "&amp; &lt;", "\n\n", "  indented"])


@st.composite
def descriptions(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(MARKDOWN_BITS, texts(200)), min_size=1, max_size=8))
    return "\n".join(parts)[: PROPS["description"]["maxLength"]]


@st.composite
def valid_records(draw: st.DrawFn) -> dict[str, Any]:
    lead = draw(st.sampled_from(ORGS))
    record: dict[str, Any] = {
        "schema_version": 1,
        "id": draw(slugs(80).filter(lambda s: s not in EXISTING)),
        "title": draw(texts(120)),
        "summary": draw(texts(300)),
        "lead": lead,
    }
    phase = draw(st.sampled_from(enum("properties.phase")))
    statuses = ["completed", "stopped"] if phase == "retired" else enum("properties.status")
    status = draw(st.sampled_from(statuses))
    record |= {"phase": phase, "status": status}
    start = draw(dates(high=dt.date(2034, 12, 31)))
    record["start"] = start
    if status in ("completed", "stopped") or draw(st.booleans()):
        record["end"] = draw(dates(low=first_day(start) + dt.timedelta(days=31), day=None)
                             .filter(lambda end: not end < start[: len(end)]))
    if draw(st.booleans()):
        record["dates_estimated"] = draw(st.booleans())
    record["topics"] = draw(st.lists(st.sampled_from(TOPICS), min_size=1, max_size=4, unique=True))
    if draw(st.booleans()):
        record["tags"] = draw(st.lists(slugs(40).filter(lambda t: t not in ALIASES), max_size=6, unique=True))
    record["contact"] = {"team": draw(texts(120)),
                         "email": draw(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}",
                                                     fullmatch=True))}
    record["last_reviewed"] = draw(dates(low=dt.date(2020, 1, 1), high=dt.date.fromisoformat(TODAY), day=True))
    if draw(st.booleans()):
        record["description"] = draw(descriptions())
    if draw(st.booleans()):
        record["outcome"] = draw(texts(1000))
    keys = draw(st.lists(st.sampled_from(["actions", "insights", "data", "enablers", "ethics"]), max_size=5,
                         unique=True))
    if keys:
        record["methodology"] = {key: draw(texts(2000)) for key in keys}
    partners = []
    for org in draw(st.lists(st.sampled_from([o for o in ORGS if o != lead]), max_size=2, unique=True)):
        partners.append({"org": org, "role": draw(st.sampled_from(enum("$defs.role")))})
    for _ in range(draw(st.integers(0, 2))):
        outside = {"name": draw(texts(200))}
        if draw(st.booleans()):
            outside["url"] = "https://" + draw(slugs(30)) + ".example.org/" + draw(slugs(30))
        partners.append(outside | {"role": draw(st.sampled_from(enum("$defs.role")))})
    if partners:
        record["partners"] = partners
    related = draw(st.lists(st.sampled_from(EXISTING), max_size=2, unique=True))
    if related:
        record["related"] = [{"project": p, "relation": draw(st.sampled_from(
            enum("properties.related.items.properties.relation")))} for p in related]
    links = [{"title": draw(texts(200)), "url": "https://example.org/" + draw(slugs(40)),
              "type": draw(st.sampled_from(enum("properties.links.items.properties.type")))}
             for _ in range(draw(st.integers(0, 3)))]
    if links:
        record["links"] = links
    funding: dict[str, str] = {}
    if draw(st.booleans()):
        funding["source"] = draw(texts(200))
    if draw(st.booleans()):
        funding["band"] = draw(st.sampled_from(enum("properties.funding.properties.band")))
    if funding:
        record["funding"] = funding
    if draw(st.booleans()):
        record["collaboration"] = draw(st.lists(st.sampled_from(enum("properties.collaboration.items")),
                                                min_size=1, unique=True))
    for flag in ("personal_data", "algorithmic_tool"):
        if draw(st.booleans()):
            record[flag] = draw(st.booleans())
    return record


# --- one field made invalid ---------------------------------------------------------------------

def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def mutate(record: dict[str, Any]) -> dict[str, Any]:
        node: Any = record
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
        return record
    return mutate


def _drop(key: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def mutate(record: dict[str, Any]) -> dict[str, Any]:
        del record[key]
        return record
    return mutate


def _wrap(key: str, fn: Callable[[Any], Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def mutate(record: dict[str, Any]) -> dict[str, Any]:
        record[key] = fn(record)
        return record
    return mutate


MUTATIONS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "id not a slug": _set(("id",), "Not_A Slug"),
    "id not the file name": _wrap("id", lambda r: r["id"] + "-other"),
    "schema version 2": _set(("schema_version",), 2),
    "title empty": _set(("title",), ""),
    "title too long": _set(("title",), "t" * 121),
    "title a number": _set(("title",), 12345),
    "title a list": _set(("title",), ["a", "b"]),
    "summary too long": _set(("summary",), "s" * 301),
    "lead unknown": _set(("lead",), "atlantis"),
    "phase unknown": _set(("phase",), "gamma"),
    "status unknown": _set(("status",), "done"),
    "start impossible month": _set(("start",), "2025-13"),
    "start impossible day": _set(("start",), "2025-02-30"),
    "start not a date": _set(("start",), "next spring"),
    "end before start": _wrap("end", lambda r: f"{int(r['start'][:4]) - 1:04d}-01"),
    "completed without end": lambda r: {**{k: v for k, v in r.items() if k != "end"}, "status": "completed",
                                        "phase": "live"},
    "topics empty": _set(("topics",), []),
    "topic unknown": _set(("topics",), ["underwater-basket-weaving"]),
    "topic twice": _wrap("topics", lambda r: [r["topics"][0], r["topics"][0]]),
    "tag upper case": _set(("tags",), ["Not-Lower"]),
    "tag too long": _set(("tags",), ["a" * 41]),
    "too many tags": _set(("tags",), [f"tag-{i}" for i in range(21)]),
    "email without at": _set(("contact", "email"), "team.example.org"),
    "contact without team": _set(("contact",), {"email": "team@example.org"}),
    "last reviewed in the future": _set(("last_reviewed",), "2099-01-01"),
    "last reviewed without day": _set(("last_reviewed",), "2026-01"),
    "unknown field": _set(("colour",), "blue"),
    "link to javascript": _set(("links",), [{"title": "x", "url": "javascript:alert(1)", "type": "blog"}]),
    "link type unknown": _set(("links",), [{"title": "x", "url": "https://example.org", "type": "tweet"}]),
    "partner is the lead": _wrap("partners", lambda r: [{"org": r["lead"], "role": "partner"}]),
    "partner unknown": _set(("partners",), [{"org": "atlantis", "role": "partner"}]),
    "partner role unknown": _set(("partners",), [{"org": "loti", "role": "boss"}]),
    "partner both org and name": _set(("partners",), [{"org": "loti", "name": "LOTI", "role": "partner"}]),
    "related to itself": _wrap("related", lambda r: [{"project": r["id"], "relation": "similar-to"}]),
    "related unknown": _set(("related",), [{"project": "no-such-project", "relation": "reuses"}]),
    "description too long": _set(("description",), "d" * 20001),
    "methodology empty": _set(("methodology",), {}),
    "funding band unknown": _set(("funding",), {"band": "priceless"}),
    "personal data not a boolean": _set(("personal_data",), "yes please"),
    "no title": _drop("title"),
    "no contact": _drop("contact"),
    "no topics": _drop("topics"),
}


@st.composite
def invalid_records(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    record = draw(valid_records())
    name = draw(st.sampled_from(sorted(MUTATIONS)))
    if name == "partner role unknown" and record["lead"] == "loti":
        record["lead"] = "camden"  # keep the partner from also being the lead
    return name, MUTATIONS[name](record)


# --- the catalogue the examples go into ---------------------------------------------------------

def rel_path(record: dict[str, Any], original_id: str | None = None) -> str:
    lead = record["lead"] if record.get("lead") in ORGS else "camden"
    return f"projects/{lead}/{original_id or record['id']}.yml"


@pytest.fixture(scope="module")
def records_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("properties") / "catalogue"
    shutil.copytree(BASE, root)
    return root


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("properties-site"), BASE)


class Placed:
    """One record written into a catalogue folder, removed again afterwards."""

    def __init__(self, root: Path, rel: str, record: dict[str, Any]) -> None:
        self.path = root / rel
        self.rel = rel
        self.text = to_yaml(record) + "\n"

    def __enter__(self) -> Placed:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(self.text, encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        self.path.unlink()
        shutil.rmtree(self.path.parents[2] / "site", ignore_errors=True)


def outputs_for(root: Path) -> Iterator[publish.Output]:
    options = publish.SiteOptions(root=root, site_url="https://borough-projects.github.io/catalogue/",
                                  repo_url="https://github.com/borough-projects/catalogue", edit_uri="edit/main/")
    return publish.outputs(publish.load_for_site(options), options)


# --- the properties -----------------------------------------------------------------------------

@few
@given(record=valid_records())
def test_a_valid_record_validates_and_gets_its_pages(record: dict[str, Any], records_root: Path) -> None:
    with Placed(records_root, rel_path(record), record) as placed:
        report = check(records_root, SETTINGS)
        assert report.errors == [], [f.text() for f in report.errors]
        outputs = {output.uri: output for output in outputs_for(records_root)}
    pid = record["id"]
    assert f"projects/{pid}.md" in outputs, placed.rel
    # The title is on its page, escaped. Pages are ASCII with character references; a reference to
    # U+0080-U+009F reads as a Windows-1252 character in every browser (&#146; is a quote), so
    # pages drop those C1 controls.
    page = str(outputs[f"projects/{pid}.md"].content)
    assert not C1_REF.search(page)
    title = str(escape(C1.sub("", record["title"]))).encode("ascii", "xmlcharrefreplace").decode("ascii")
    assert title in page
    exported = json.loads(outputs[f"api/projects/{pid}.json"].content)
    assert {key: exported[key] for key in record if key != "tags"} == {k: v for k, v in record.items() if k != "tags"}
    for topic in record["topics"]:
        assert pid in str(outputs[f"topics/{topic}.md"].content)
    assert pid in str(outputs[f"boroughs/{record['lead']}.md"].content)


@builds
@given(record=valid_records())
def test_a_valid_record_builds_with_mkdocs(record: dict[str, Any], site_root: Path) -> None:
    with Placed(site_root, rel_path(record), record):
        build = run_mkdocs(site_root)
        assert build.ok, build.output
        assert (build.site / "projects" / record["id"] / "index.html").is_file()
        assert (build.site / "api" / "projects" / f"{record['id']}.json").is_file()


@fast
@given(case=invalid_records())
def test_an_invalid_record_fails_naming_its_file(case: tuple[str, dict[str, Any]], records_root: Path) -> None:
    name, record = case
    rel = rel_path(record, original_id=None if name != "id not the file name" else record["id"].removesuffix("-other"))
    if name == "id not a slug":
        rel = rel_path(record, original_id="not-a-slug")
    with Placed(records_root, rel, record):
        report = check(records_root, SETTINGS)
    mine = [f for f in report.errors if f.file == rel]
    assert mine, (name, [f.text() for f in report.findings])
    assert all(f.text().startswith(f"{rel}:{f.line}:{f.column}: error: ") for f in mine)


@builds
@given(case=invalid_records())
def test_an_invalid_record_fails_the_cli_and_the_build(case: tuple[str, dict[str, Any]], site_root: Path) -> None:
    name, record = case
    rel = rel_path(record, original_id=None if name != "id not the file name" else record["id"].removesuffix("-other"))
    if name == "id not a slug":
        rel = rel_path(record, original_id="not-a-slug")
    with Placed(site_root, rel, record):
        done = run_validate(site_root, timeout=60)
        assert done.returncode == 1, (name, done.stdout + done.stderr)
        assert f"{rel}:" in done.stdout, (name, done.stdout)
        build = run_mkdocs(site_root, timeout=60)
        assert not build.ok and f"{rel}:" in build.output, (name, build.output)
        assert "Traceback" not in build.output + done.stdout + done.stderr
        assert not (build.site / "index.html").exists()
