"""Atom 1.0 feeds of projects added or changed: the whole catalogue, each organisation, each topic.

Entries are ordered newest first by the date the record last changed in git (first published
for ties, then id), capped at FEED_LIMIT. Every value goes through the template's XML escaping
and loses the control characters XML 1.0 cannot carry, so no record text can break a feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .exports import page_url, project_dates, strip_controls
from .model import Catalogue, Organisation, Project
from .publish import Output, SiteOptions
from .schemas import topics

FEED_LIMIT = 50
SITE_FEED = "feed.xml"
SITE_NAME = "London Borough Projects Catalogue"  # as site_name in mkdocs.yml
RIGHTS = "Open Government Licence v3.0 unless stated otherwise"
TOPIC_SCHEME = "schema/topics.schema.json"  # the controlled list of topic ids, published by exports
TEMPLATES = Path(__file__).resolve().parent / "templates" / "feeds"


def org_feed_uri(org_id: str) -> str:
    """Where an organisation's feed is, beside its page boroughs/<id>/."""
    return f"boroughs/{org_id}/feed.xml"


def topic_feed_uri(topic: str) -> str:
    """Where a topic's feed is, beside its page topics/<topic>/."""
    return f"topics/{topic}/feed.xml"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str
    updated: str
    published: str
    summary: str
    author: str
    author_url: str
    categories: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Feed:
    uri: str
    title: str
    subtitle: str
    page_url: str
    self_url: str
    updated: str
    entries: list[Entry]

    @property
    def id(self) -> str:
        return self.page_url


def _finalize(value: Any) -> Any:
    # Runs on every {{ value }} before autoescaping: no control character reaches the XML.
    return strip_controls(value) if isinstance(value, str) else value


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       finalize=_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(feed: Feed, options: SiteOptions) -> str:
    site = {"name": SITE_NAME, "url": page_url(options, ""), "rights": RIGHTS,
            "topic_scheme": page_url(options, TOPIC_SCHEME)}
    return _environment().get_template("atom.xml").render(feed=feed, site=site)


def entries(catalogue: Catalogue, options: SiteOptions) -> dict[str, Entry]:
    """Project id -> its entry, built once and shared by every feed it appears in."""
    dates = project_dates(catalogue, options)
    titles = {value: title for value, title, _ in topics()}
    out = {}
    for pid, project in catalogue.projects.items():
        url = page_url(options, project.url)
        out[pid] = Entry(
            id=url, title=project.data["title"], url=url, updated=dates[pid].last_changed,
            published=dates[pid].first_published, summary=project.data["summary"],
            author=project.lead.name, author_url=page_url(options, project.lead.url),
            categories=tuple((t, titles.get(t, t)) for t in project.data["topics"]),
        )
    return out


def newest_first(chosen: Iterable[Entry]) -> list[Entry]:
    by_id = sorted(chosen, key=lambda e: e.id)
    return sorted(by_id, key=lambda e: (e.updated, e.published), reverse=True)[:FEED_LIMIT]


def _output(catalogue: Catalogue, options: SiteOptions, uri: str, page: str, titles: tuple[str, str],
            chosen: list[Entry]) -> Output:
    recent = newest_first(chosen)
    updated = recent[0].updated if recent else f"{catalogue.today.isoformat()}T00:00:00Z"
    feed = Feed(uri, titles[0], titles[1], page_url(options, page), page_url(options, uri), updated, recent)
    return Output(uri, partial(render, feed, options))  # rendered when written: see publish.Output


def _of(projects: Iterable[Project], by_id: dict[str, Entry]) -> list[Entry]:
    return [by_id[p.data["id"]] for p in projects]


def org_feed(catalogue: Catalogue, options: SiteOptions, org: Organisation, by_id: dict[str, Entry]) -> Output:
    titles = (f"{org.name}: projects added or changed",
              f"Projects led by {org.name} or with it as a partner, newest change first.")
    return _output(catalogue, options, org_feed_uri(org.id), org.url, titles, _of(org.projects(), by_id))


def topic_feed(catalogue: Catalogue, options: SiteOptions, topic: str, title: str,
               by_id: dict[str, Entry]) -> Output:
    titles = (f"{title}: projects added or changed", f"Projects about {title.lower()}, newest change first.")
    projects = catalogue.by_topic.get(topic, [])
    return _output(catalogue, options, topic_feed_uri(topic), f"topics/{topic}/", titles, _of(projects, by_id))


def outputs(catalogue: Catalogue, options: SiteOptions) -> Iterator[Output]:
    by_id = entries(catalogue, options)
    titles = (f"{SITE_NAME}: projects added or changed",
              "Projects of London boroughs and pan-London bodies, newest change first.")
    yield _output(catalogue, options, SITE_FEED, "", titles, list(by_id.values()))
    for org_id in sorted(catalogue.organisations):
        yield org_feed(catalogue, options, catalogue.organisations[org_id], by_id)
    for topic, title, _ in topics():
        yield topic_feed(catalogue, options, topic, title, by_id)
