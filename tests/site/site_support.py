"""Helpers for site tests: real `mkdocs build --strict` runs on copies of the repository, and
an HTML parser to look inside what they wrote.

build_catalogue(records, dest) builds any catalogue folder (a projects/ and boroughs/ pair)
with the repository's site configuration; conftest.py's `sample_site` uses it once per session.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from build_support import REPO, TODAY, Build, Elements, build_env, copy_project, html_pages, parse_html, run_mkdocs

__all__ = ["REPO", "TODAY", "Build", "Elements", "broken_links", "build_catalogue", "build_env", "copy_project",
           "html_pages", "internal_links", "parse", "resolve", "run_mkdocs", "site_path"]


def build_catalogue(records: Path, dest: Path, **env: str) -> Build:
    """Build the catalogue whose projects/ and boroughs/ are under `records` into dest/site."""
    return run_mkdocs(copy_project(dest, records), **env)


def parse(path: Path) -> Elements:
    return parse_html(path.read_text(encoding="utf-8"))


BASE = "/catalogue/"  # the path of site_url in mkdocs.yml
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src",
                   "form": "action"}


def internal_links(site: Path, page: Path) -> list[str]:
    """Every href/src of a page that points inside the site, as written."""
    found = []
    for tag, attrs in parse(page).tags:
        # SVG links (the tile maps) are written with xlink:href
        url = attrs.get(LINK_ATTRIBUTES.get(tag, "")) or (attrs.get("xlink:href") if tag == "a" else None)
        if not url or url.startswith("#"):
            continue
        scheme = urlsplit(url).scheme
        if scheme or url.startswith("//"):
            continue  # external (http, mailto) or absolute: not ours to check here
        found.append(url)
    return found


def site_path(site: Path, page: Path, url: str, base: str = BASE) -> str:
    """The site-relative path a link leads to. Absolute links ('/catalogue/x/', as the theme's
    404 page writes them) are read under `base`, the path of site_url."""
    path = unquote(urlsplit(urljoin("/" + page.relative_to(site).as_posix(), url)).path)
    if url.startswith("/"):
        path = "/" + path.removeprefix(base) if path.startswith(base) else "/../" + path
    return path.lstrip("/")


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The file a link from `page` lands on, or None when it leads nowhere."""
    target = (site / site_path(site, page, url)).resolve()
    if not target.is_relative_to(site.resolve()):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(site: Path, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(page, link) for every internal link that resolves to no file. Links whose target path
    starts with one of `skip` (site-relative) are not checked."""
    broken = []
    for page in html_pages(site):
        for url in internal_links(site, page):
            if resolve(site, page, url) is None:
                target = site_path(site, page, url)
                if not (skip and target.startswith(skip)):
                    broken.append((page.relative_to(site).as_posix(), url))
    return broken
