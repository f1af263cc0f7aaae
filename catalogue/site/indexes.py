"""The browsing pages: home, organisations, topics and tags, each an index and one page per item.

Index pages are in the nav; the pages of single organisations, topics and tags are not (there
can be thousands) and are left out of the theme's search index like record pages.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from typing import NamedTuple

from ..model import Organisation, Project
from ..publish import Output
from .context import STATUS_ORDER, Site, grouped
from .records import RECORD_META
from .render import escaped_meta, page

SITE_FEED = "feed.xml"
RECENT = 8


class OrgRow(NamedTuple):
    org: Organisation
    leads: int
    partner_in: int
    by_status: list[int]  # over every project it leads or takes part in, in STATUS_ORDER


def status_counts(projects: Iterable[Project]) -> list[int]:
    counts = Counter(p.data["status"] for p in projects)
    return [counts[status] for status in STATUS_ORDER]


def home(site: Site) -> Output:
    catalogue = site.catalogue
    projects = catalogue.projects.values()
    # Newest review first; nlargest keeps input order among ties, and the input is in id order.
    recent = heapq.nlargest(RECENT, sorted(projects, key=lambda p: p.data["id"]),
                            key=lambda p: p.data["last_reviewed"])
    html = site.render(
        "home.html", "index.md", total=len(catalogue.projects), recent=recent,
        by_status=list(zip(STATUS_ORDER, status_counts(projects), strict=True)),
        orgs=len(catalogue.organisations), active_orgs=sum(1 for o in catalogue.organisations.values() if o.leads),
        topics=len(catalogue.by_topic), stale=sum(1 for p in projects if p.stale))
    meta = escaped_meta("London Borough Projects Catalogue",
                        "Current and future projects of London boroughs and pan-London bodies, in one place.",
                        feed=SITE_FEED)
    return page("index.md", html, meta, toc=[("numbers", "The catalogue in numbers"), ("glance", "London at a glance"),
                                             ("recent", "Recently reviewed"), ("explore", "Explore")])


def boroughs(site: Site) -> Output:
    orgs = sorted(site.catalogue.organisations.values(), key=lambda o: (o.name.lower(), o.id))
    sections = []
    for value, term in site.vocab.org_type.items():
        rows = [OrgRow(o, len(o.leads), len(o.partners_in), status_counts(o.projects()))
                for o in orgs if o.type == value]
        if rows:
            sections.append((term, rows))
    html = site.render("boroughs.html", "boroughs/index.md", sections=sections, statuses=STATUS_ORDER)
    meta = escaped_meta("Organisations", "Every organisation in the catalogue and how many projects it has.")
    return page("boroughs/index.md", html, meta, toc=[(f"type-{term.value}", term.title) for term, _ in sections])


def topics(site: Site) -> Iterator[Output]:
    """The topic index and a page for every topic of the controlled list, empty ones included, so
    each topic keeps one address (and its feed) whether or not it has projects today."""
    terms = sorted(site.vocab.topic.values(), key=lambda t: t.title.lower())
    counts = {t.value: len(site.catalogue.by_topic.get(t.value, [])) for t in terms}
    html = site.render("topics.html", "topics/index.md", terms=terms, counts=counts)
    meta = escaped_meta("Topics", "Projects by subject, from a controlled list of topics.")
    yield page("topics/index.md", html, meta)
    for term in terms:
        uri = f"topics/{term.value}.md"
        feed = f"topics/{term.value}/feed.xml"
        body = partial(site.render, "topic.html", uri, term=term, feed=feed,  # rendered when written
                       groups=grouped(site.catalogue.by_topic.get(term.value, [])))
        meta = escaped_meta(term.title, term.description, **RECORD_META, feed=feed)
        yield page(uri, body, meta)


def tags(site: Site) -> Iterator[Output]:
    by_tag = site.catalogue.by_tag
    html = site.render("tags.html", "tags/index.md", tags=[(tag, len(by_tag[tag])) for tag in sorted(by_tag)])
    yield page("tags/index.md", html, escaped_meta("Tags", "Projects by free keyword."))
    for tag in sorted(by_tag):
        uri = f"tags/{tag}.md"
        body = partial(site.render, "tag.html", uri, tag=tag, groups=grouped(by_tag[tag]))  # rendered when written
        meta = escaped_meta(f"Tag: {tag}", f"Projects tagged {tag}.", **RECORD_META)
        yield page(uri, body, meta)


def outputs(site: Site) -> Iterator[Output]:
    yield home(site)
    yield boroughs(site)
    yield from topics(site)
    yield from tags(site)

