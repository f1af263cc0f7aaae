"""Link integrity of the whole built sample site: every href, src, srcset, action and data URL of
every HTML page, every url(...) and @import of every style sheet, every address in the sitemap,
the feeds, the JSON-LD and the JSON exports, resolved the way a browser resolves them, leads to a
file of the site; a #fragment to an element with that id. Addresses of the site written in full
(https://borough-projects.github.io/catalogue/...) count as internal. External links are listed
in test-artifacts/external-links.txt, never fetched.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from quality_support import BASE_PATH, SITE_URL, css_urls, file_for, html_pages, parse_html, url_path_of

pytestmark = pytest.mark.slow

ORIGIN = "http://catalogue.test"  # where the crawl pretends the site is served
URL_ATTRIBUTES = {"href", "src", "action", "data", "poster", "formaction", "xlink:href", "cite", "background"}
REFRESH = re.compile(r"url\s*=\s*(\S+)", re.IGNORECASE)


class Crawl:
    """Every reference of the site: (page, url as written, absolute url) per kind of source."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.refs: list[tuple[str, str, str]] = []  # (where, written, absolute)

    def add(self, where: str, base: str, written: str | None) -> None:
        if written is None:
            return
        written = written.strip()
        if not written:
            return
        absolute = urljoin(base, written)
        if absolute.startswith(SITE_URL):  # the site's own address written in full
            absolute = ORIGIN + BASE_PATH + absolute.removeprefix(SITE_URL)
        self.refs.append((where, written, absolute))

    def html(self, path: Path) -> None:
        where = path.relative_to(self.site).as_posix()
        base = ORIGIN + url_path_of(self.site, path)
        page = parse_html(path.read_text(encoding="utf-8"))
        for tag, attrs in page.tags:
            for name, value in attrs.items():
                if name in URL_ATTRIBUTES:
                    self.add(where, base, value)
                elif name in ("srcset", "imagesrcset") and value:
                    for candidate in value.split(","):
                        self.add(where, base, candidate.strip().split(" ")[0])
                elif name == "style" and value:
                    for url in css_urls(value):
                        self.add(where, base, url)
            if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
                found = REFRESH.search(attrs.get("content") or "")
                self.add(where, base, found.group(1).strip("'\"") if found else None)
            if tag == "div" and "data-finder-index" in attrs:  # the finder's index, fetched by finder.js
                root = urljoin(base, attrs.get("data-finder-root") or "./")
                self.add(where, root, attrs.get("data-finder-index"))
                self.add(where, root, attrs.get("data-finder-docs"))
        for text in page.styles:
            for url in css_urls(text):
                self.add(where, base, url)
        for attrs, text in page.scripts:
            if attrs.get("id") == "__config":  # the theme's search worker, loaded by its bundle
                config = json.loads(text)
                self.add(where, base, config.get("search"))
                self.add(where, base, config["base"].rstrip("/") + "/")
            elif attrs.get("type") == "application/ld+json":
                for value in strings(json.loads(text)):
                    if value.startswith(SITE_URL):
                        self.add(where, base, value)

    def css(self, path: Path) -> None:
        where = path.relative_to(self.site).as_posix()
        base = ORIGIN + BASE_PATH + where
        for url in css_urls(path.read_text(encoding="utf-8", errors="replace")):
            self.add(where, base, url)

    def sitemap(self, path: Path) -> list[str]:
        where = path.relative_to(self.site).as_posix()
        tree = ET.parse(path)  # noqa: S314 - our own build's sitemap
        locs = [loc.text or "" for loc in tree.getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        for loc in locs:
            assert loc.startswith(SITE_URL), loc
            self.add(where, ORIGIN + BASE_PATH, loc)
        return locs

    def xml(self, path: Path) -> None:
        """Feeds: every href and every text or attribute that is one of the site's addresses."""
        where = path.relative_to(self.site).as_posix()
        for element in ET.parse(path).getroot().iter():  # noqa: S314 - our own build's feeds
            for name, value in element.attrib.items():
                if name == "href" or value.startswith(SITE_URL):
                    self.add(where, ORIGIN + BASE_PATH + where, value)
            if element.text and element.text.strip().startswith(SITE_URL):
                self.add(where, ORIGIN + BASE_PATH + where, element.text.strip())

    def json(self, path: Path) -> None:
        where = path.relative_to(self.site).as_posix()
        for value in strings(json.loads(path.read_text(encoding="utf-8"))):
            if value.startswith(SITE_URL):
                self.add(where, ORIGIN + BASE_PATH, value)


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@pytest.fixture(scope="module")
def crawl(clean_site: Path) -> Crawl:
    crawl = Crawl(clean_site)
    for path in html_pages(clean_site):
        crawl.html(path)
    for path in sorted(clean_site.rglob("*.css")):
        crawl.css(path)
    crawl.sitemap(clean_site / "sitemap.xml")
    for path in sorted(clean_site.rglob("*.xml")):
        if path.name != "sitemap.xml":
            crawl.xml(path)
    for path in sorted((clean_site / "api").rglob("*.json")):
        crawl.json(path)
    return crawl


@cache
def ids_of(path: Path) -> frozenset[str]:
    return frozenset(parse_html(path.read_text(encoding="utf-8")).ids)


def problem(site: Path, absolute: str) -> str | None:
    """Why an internal address leads nowhere, or None when it is fine."""
    parts = urlsplit(absolute)
    if not parts.path.startswith(BASE_PATH):
        return f"outside the site ({parts.path})"
    target = file_for(site, parts.path)
    if target is None:
        return "no such file"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in ids_of(target):
        return f"no element with id {fragment!r} in {target.relative_to(site).as_posix()}"
    return None


def test_the_crawl_found_the_whole_site(crawl: Crawl, clean_site: Path) -> None:
    pages = {where for where, _, _ in crawl.refs}
    assert len(html_pages(clean_site)) > 50
    assert {"index.html", "404.html", "find/index.html", "propose/index.html", "sitemap.xml",
            "feed.xml", "api/projects.json"} <= pages
    assert any(where.endswith(".css") for where in pages)  # style sheets' url(...) were read


def test_no_internal_link_or_asset_is_broken(crawl: Crawl, clean_site: Path) -> None:
    broken = defaultdict(set)
    for where, written, absolute in crawl.refs:
        scheme = urlsplit(absolute).scheme
        if scheme in ("javascript", "vbscript"):
            broken[f"{written} ({scheme}: link)"].add(where)
        elif absolute.startswith(ORIGIN):
            reason = problem(clean_site, absolute)
            if reason:
                broken[f"{written} -> {reason}"].add(where)
    report = [f"{link}  (in {len(pages)} file(s), e.g. {sorted(pages)[0]})" for link, pages in sorted(broken.items())]
    assert report == [], "\n".join(report)


def test_every_page_is_reachable_from_the_sitemap_or_a_link(crawl: Crawl, clean_site: Path) -> None:
    """No orphan: every page of the site is linked from another page or listed in the sitemap."""
    reached = set()
    for where, _, absolute in crawl.refs:
        if absolute.startswith(ORIGIN):
            target = file_for(clean_site, urlsplit(absolute).path)
            if target is not None and target.relative_to(clean_site).as_posix() != where:
                reached.add(target)
    orphans = [p.relative_to(clean_site).as_posix() for p in html_pages(clean_site)
               if p not in reached and p.name != "404.html"]
    assert orphans == []


def test_external_links_are_listed(crawl: Crawl, artifacts: Path) -> None:
    external: dict[str, set[str]] = defaultdict(set)
    other: dict[str, set[str]] = defaultdict(set)
    for where, _, absolute in crawl.refs:
        scheme = urlsplit(absolute).scheme
        if absolute.startswith(ORIGIN):
            continue
        (external if scheme in ("http", "https") else other)[absolute].add(where)
    lines = ["# External links of the sample site: listed, not fetched (tests/quality/test_quality_links.py)",
             "# url<TAB>number of files<TAB>first file"]
    lines += [f"{url}\t{len(pages)}\t{sorted(pages)[0]}" for url, pages in sorted(external.items())]
    lines += ["", "# Other schemes (mailto:, tel:, data:)"]
    lines += [f"{url[:100]}{'…' if len(url) > 100 else ''}\t{len(pages)}\t{sorted(pages)[0]}"
              for url, pages in sorted(other.items())]
    (artifacts / "external-links.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert external, "the site links to the repository and to records' own pages"
    for url in external:
        assert urlsplit(url).netloc, url


def test_the_crawl_catches_what_it_is_for(clean_site: Path, tmp_path: Path) -> None:
    """On a damaged copy: a missing style sheet, a missing page, a fragment with no target and a
    url(...) to nothing are each reported."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(clean_site, site)
    (site / "assets" / "catalogue.css").write_text(".x { background: url(missing.png) }", encoding="utf-8")
    (site / "tags" / "index.html").unlink()
    home = site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</article>", '<a href="reference/#no-such-field">x</a></article>', 1), encoding="utf-8")
    crawl = Crawl(site)
    for path in html_pages(site):
        crawl.html(path)
    crawl.css(site / "assets" / "catalogue.css")
    found = {(written, problem(site, absolute)) for _, written, absolute in crawl.refs
             if absolute.startswith(ORIGIN) and problem(site, absolute)}
    written = {w for w, _ in found}
    assert "missing.png" in written and "reference/#no-such-field" in written
    assert any(w.endswith("tags/") for w in written)
