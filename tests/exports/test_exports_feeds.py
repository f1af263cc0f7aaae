"""The Atom feeds: valid, newest first, each holding exactly the projects it is about."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from exports_support import SITE_URL, Built, build, write_borough, write_project, xml_root

from catalogue import feeds
from catalogue.model import Project
from catalogue.schemas import topics

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(built: Built, uri: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(built.outputs[uri].content)
    assert parsed.bozo == 0, f"{uri}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    return parsed


def feed_uris(built: Built) -> list[str]:
    return [uri for uri in built.outputs if uri.endswith(".xml")]


def urls(projects: list[Project], limit: int = feeds.FEED_LIMIT) -> set[str]:
    return {SITE_URL + p.url for p in projects} if len(projects) <= limit else set()


def test_one_feed_for_the_site_each_organisation_and_each_topic(sample: Built) -> None:
    expected = {"feed.xml"} | {f"boroughs/{oid}/feed.xml" for oid in sample.catalogue.organisations} | {
        f"topics/{topic}/feed.xml" for topic, _, _ in topics()}
    assert set(feed_uris(sample)) == expected


def test_every_feed_is_valid_atom(sample: Built, sample_copy: Built) -> None:
    for built in (sample, sample_copy):
        for uri in feed_uris(built):
            parsed = parse(built, uri)
            assert parsed.feed.id and parsed.feed.title and parsed.feed.updated and parsed.feed.author
            links = {link.rel: link.href for link in parsed.feed.links}
            assert links["self"] == SITE_URL + uri
            assert links["alternate"] == SITE_URL + uri.removesuffix("feed.xml")


def test_entries_have_the_required_elements(sample: Built) -> None:
    root = xml_root(sample.outputs["feed.xml"].content)
    assert root.tag == f"{ATOM}feed"
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "published", "summary", "author"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None


def test_site_feed_is_newest_first_and_capped(sample: Built) -> None:
    entries = parse(sample, "feed.xml").entries
    assert len(entries) == min(feeds.FEED_LIMIT, len(sample.catalogue.projects))
    stamps = [(e.updated, e.published) for e in entries]
    assert stamps == sorted(stamps, reverse=True)


def test_cap(sample: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "FEED_LIMIT", 3)
    output = next(o for o in feeds.outputs(sample.catalogue, sample.options) if o.uri == "feed.xml")
    assert len(feedparser.parse(output.content).entries) == 3


def test_entry_fields(sample: Built) -> None:
    entry = next(e for e in parse(sample, "boroughs/hackney/feed.xml").entries
                 if e.id == SITE_URL + "projects/digital-apprenticeships/")
    project = sample.projects()["digital-apprenticeships"]
    assert entry.title == project["title"] and entry.summary == project["summary"]
    assert entry.link == project["url"]
    assert entry.updated == project["last_changed"] and entry.published == project["first_published"]
    assert entry.author == "London Borough of Hackney"
    assert [t.term for t in entry.tags] == project["topics"]
    assert entry.tags[0].label == "Education and skills"
    assert entry.tags[0].scheme == SITE_URL + "schema/topics.schema.json"


def test_organisation_feeds_hold_exactly_its_projects(sample: Built) -> None:
    for oid, org in sample.catalogue.organisations.items():
        got = {e.id for e in parse(sample, feeds.org_feed_uri(oid)).entries}
        assert got == urls(org.projects()), oid


def test_topic_feeds_hold_exactly_its_projects(sample: Built) -> None:
    for topic, _, _ in topics():
        got = {e.id for e in parse(sample, feeds.topic_feed_uri(topic)).entries}
        assert got == urls(sample.catalogue.by_topic.get(topic, [])), topic


def test_an_empty_feed_is_dated_the_build_day(sample: Built) -> None:
    empty = next(uri for uri in feed_uris(sample) if not parse(sample, uri).entries)
    assert parse(sample, empty).feed.updated == "2026-11-22T00:00:00Z"


def test_untrusted_text_is_escaped_never_lost(no_git: Path) -> None:
    title = "Wifi <script>alert('x')</script> & \"Tom's\" \x01\x0b\x1f\x7f\x85\ufffe ]]> end"
    write_borough(no_git, "loti", "LOTI <b>&amp;</b> \x02")
    write_project(no_git, "wifi", "loti", title=title, summary="<![CDATA[ x ]]> <!-- c --> &lt; \x00 done")
    built = build(no_git)
    for uri in ("feed.xml", "boroughs/loti/feed.xml", "topics/housing/feed.xml"):
        text = built.text(uri)
        root = xml_root(text)  # well-formed XML 1.0
        assert root.findtext(f"{ATOM}entry/{ATOM}author/{ATOM}name") == "LOTI <b>&amp;</b> "
        assert "<script>" not in text and "&lt;script&gt;" in text
        entry = parse(built, uri).entries[0]
        assert entry.title == "Wifi <script>alert('x')</script> & \"Tom's\"  ]]> end"
        assert entry.summary == "<![CDATA[ x ]]> <!-- c --> &lt;  done"


def test_feeds_are_rendered_from_the_template() -> None:
    template = feeds.TEMPLATES / "atom.xml"
    assert template.is_file()
    assert feeds._environment().autoescape is True
