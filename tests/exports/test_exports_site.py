"""Across all exports: URLs resolve inside the site, schemas at their $id, byte-identical builds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from exports_support import REPO, SITE_URL, Built, build, xml_root

from catalogue import exports
from catalogue.schemas import SCHEMA_DIR, topics

PAGE = re.compile(r"^(projects|boroughs|topics)/([^/]+)/$")


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def site_urls(built: Built) -> set[str]:
    """Every URL of this site named anywhere in the JSON, CSV and feeds."""
    found: set[str] = set()
    for uri in built.outputs:
        if uri.startswith("api/") and uri.endswith(".json"):
            found |= set(strings(built.json(uri)))
        elif uri.endswith(".csv") or uri.endswith(".xml"):
            found |= set(re.findall(r"https?://[^\s\",<>']+", built.text(uri)))
    return {url for url in found if url.startswith(SITE_URL)}


def resolves(built: Built, url: str) -> bool:
    path = url.removeprefix(SITE_URL)
    if path == "" or path in built.outputs:
        return True
    match = PAGE.match(path)
    if not match:
        return False
    kind, name = match.groups()
    known = {"projects": built.catalogue.projects, "boroughs": built.catalogue.organisations,
             "topics": [t for t, _, _ in topics()]}[kind]
    return name in known


def test_every_site_url_resolves(sample: Built, sample_copy: Built) -> None:
    for built in (sample, sample_copy):
        urls = site_urls(built)
        assert len(urls) > 100
        assert [url for url in sorted(urls) if not resolves(built, url)] == []
        assert {SITE_URL + p.url for p in built.catalogue.projects.values()} <= urls


def test_schemas_are_published_byte_for_byte_at_their_id(sample: Built) -> None:
    published = {uri: o for uri, o in sample.outputs.items() if uri.startswith("schema/")}
    names = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) + ["tag-aliases.json"]
    assert sorted(published) == sorted(f"schema/{name}" for name in names)
    for uri, output in published.items():
        source = (SCHEMA_DIR / uri.removeprefix("schema/")).read_bytes()
        assert output.content == source
        schema_id = json.loads(source).get("$id")
        assert schema_id in (None, SITE_URL + uri)
    assert sum(1 for o in published.values() if b'"$id"' in bytes(o.content)) == len(names) - 1


def test_two_builds_are_byte_identical(sample: Built) -> None:
    again = build(REPO)
    assert list(again.outputs) == list(sample.outputs)
    for uri, output in sample.outputs.items():
        assert again.outputs[uri].content == output.content, uri


def test_no_timestamps_but_build_day_and_git_dates(sample: Built) -> None:
    allowed = {f"{p['first_published']}" for p in sample.projects().values()} | {
        p["last_changed"] for p in sample.projects().values()} | {"2026-11-22T00:00:00Z"}
    for uri in sample.outputs:
        if uri.endswith(".xml"):
            stamps = {e.text for e in xml_root(sample.text(uri)).iter()
                      if e.tag.endswith(("}updated", "}published"))}
            assert stamps <= allowed, uri


def test_data_page_documents_every_file_and_field() -> None:
    page = (REPO / "docs" / "data.md").read_text(encoding="utf-8")
    for path in ("api/projects.json", "api/projects/<id>.json", "api/boroughs.json", "api/projects.csv",
                 "feed.xml", "boroughs/<id>/feed.xml", "topics/<topic>/feed.xml", "schema/"):
        assert f"{SITE_URL}{path}" in page, path
    for name in (*exports.DERIVED_FIELDS, *exports.ORGANISATION_FIELDS, "schema_version", "generated", "count"):
        assert f"`{name}`" in page, name
    assert "Open Government Licence v3.0" in page
    assert "apostrophe" in page
