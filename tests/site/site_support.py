"""Helpers for site tests: real `mkdocs build --strict` runs on copies of the repository, and
an HTML parser to look inside what they wrote.

build_catalogue(records, dest) builds any catalogue folder (a projects/ and boroughs/ pair)
with the repository's site configuration; conftest.py's `sample_site` uses it once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-22"
EPOCH = "1795305600"  # 2026-11-22T00:00:00Z, so MkDocs' own dates (sitemap) are fixed too
SITE_SOURCES = ("mkdocs.yml", "hooks", "docs", "overrides", "schema", "catalogue")
RECORD_FOLDERS = ("projects", "boroughs")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "site")


@dataclass
class Build:
    """The outcome of one `mkdocs build`: where it wrote, its exit code and everything it printed."""

    root: Path
    site: Path
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(dest: Path, records: Path = REPO) -> Path:
    """A folder with the repository's site configuration and the records of `records`.

    catalogue/ and schema/ are copied too: mkdocs.yml watches them, and MkDocs checks that
    watched paths exist."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=IGNORE, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest / name)
    for name in RECORD_FOLDERS:
        if (records / name).is_dir():
            shutil.copytree(records / name, dest / name, ignore=IGNORE, dirs_exist_ok=True)
    return dest


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CATALOGUE_TODAY": TODAY, "SOURCE_DATE_EPOCH": EPOCH}
    env.update(extra)
    return env


def run_mkdocs(root: Path, site: Path | None = None, *args: str, **env: str) -> Build:
    """`mkdocs build --strict` in `root`, in a separate process as `make` would run it."""
    site = site or root / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *args],
                          cwd=root, env=build_env(**env), capture_output=True, text=True, timeout=600,
                          check=False)
    return Build(root, site, done.returncode, done.stdout + done.stderr)


def build_catalogue(records: Path, dest: Path, **env: str) -> Build:
    """Build the catalogue whose projects/ and boroughs/ are under `records` into dest/site."""
    return run_mkdocs(copy_project(dest, records), **env)


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes), plus the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = attributes
            self.scripts.append((attributes, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


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
