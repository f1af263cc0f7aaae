"""Helpers for the quality gates (tests/quality/): real `mkdocs build --strict` runs of catalogue
folders, a local server that serves a built site where site_url puts it (/catalogue/), an HTML
parser, and the Chromium launch settings. conftest.py turns these into session fixtures.

Self-contained on purpose: tests/site/site_support.py is importable only once tests/site/ has
been collected, and these tests must also run alone (`pytest tests/quality`).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"  # gitignored; CI uploads it
TODAY = "2026-11-22"
EPOCH = "1795305600"  # 2026-11-22T00:00:00Z
SITE_SOURCES = ("mkdocs.yml", "hooks", "docs", "overrides", "schema", "catalogue")
RECORD_FOLDERS = ("projects", "boroughs")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "site")
BASE_PATH = "/catalogue/"  # the path of site_url in mkdocs.yml: the site is served there
SITE_URL = "https://borough-projects.github.io/catalogue/"

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


# --- building ------------------------------------------------------------------------------------

@dataclass
class Build:
    """One `mkdocs build`: the folder built, where it wrote, its exit code and all it printed."""

    root: Path
    site: Path
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(dest: Path, records: Path = REPO) -> Path:
    """dest/ with the repository's site configuration and the records (projects/, boroughs/) of
    `records`. catalogue/ and schema/ are copied too: mkdocs.yml watches them."""
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


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CATALOGUE_TODAY": TODAY, "SOURCE_DATE_EPOCH": EPOCH}


def run_mkdocs(root: Path, timeout: float = 300) -> Build:
    """`mkdocs build --strict` in `root` in its own process, as `make build` runs it."""
    site = root / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=root, env=build_env(), capture_output=True, text=True, timeout=timeout,
                          check=False)
    return Build(root, site, done.returncode, done.stdout + done.stderr)


def run_validate(root: Path, *paths: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`catalogue validate` on the catalogue folder `root`, as CI runs it."""
    return subprocess.run([sys.executable, "-m", "catalogue.cli", "--root", str(root), "validate",
                           "--today", TODAY, *paths],
                          cwd=root, env=build_env(), capture_output=True, text=True, timeout=timeout,
                          check=False)


# Characters a YAML file cannot hold as they are (C1 controls, DEL) or that it reads as line
# breaks inside a quoted scalar (NEL, LS, PS): written as escapes instead.
_YAML_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`: JSON's escaping for the
    quotes, backslashes and C0 controls, everything else as it is but what YAML cannot carry raw."""
    return _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False))


def to_yaml(value: Any, indent: int = 0) -> str:
    """A record as block YAML, every string a double-quoted scalar (yaml_str), so any text
    survives exactly and nothing is read as another type."""
    pad = " " * indent
    lines = []

    def scalar(item: Any) -> str:
        return yaml_str(item) if isinstance(item, str) else json.dumps(item)

    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
        return "\n".join(lines)
    for item in value:
        if isinstance(item, (dict, list)) and item:
            lines.append(f"{pad}- {to_yaml(item, indent + 2).lstrip()}")
        else:
            lines.append(f"{pad}- {scalar(item)}")
    return "\n".join(lines)


# --- serving ---------------------------------------------------------------------------------------

class SiteHandler(SimpleHTTPRequestHandler):
    """A built site served under BASE_PATH like GitHub Pages serves it: unknown paths get 404.html
    with status 404, and the sitemap names this server (mkdocs-material navigates instantly only
    to pages its sitemap lists on this host)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(BASE_PATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path.removeprefix(BASE_PATH))

    def send_head(self):  # type: ignore[no-untyped-def]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            return self._send(404, (Path(self.directory) / "404.html").read_bytes(), "text/html; charset=utf-8")
        if urlsplit(self.path).path == BASE_PATH + "sitemap.xml":
            host, port = self.server.server_address[:2]
            text = target.read_text(encoding="utf-8").replace(SITE_URL, f"http://{host}:{port}{BASE_PATH}")
            return self._send(200, text.encode("utf-8"), "application/xml")
        return super().send_head()

    def _send(self, status: int, body: bytes, content_type: str):  # type: ignore[no-untyped-def]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class SiteServer:
    """A threaded HTTP server on 127.0.0.1 with a free port, serving one built site."""

    def __init__(self, site: Path) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(SiteHandler, directory=str(site)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + BASE_PATH

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- reading pages ---------------------------------------------------------------------------------

class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes), every id, and the text of each <script>
    and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        for key in ("id", "name"):
            if attributes.get(key) and (key == "id" or tag == "a"):
                self.ids.add(str(attributes[key]))
        if tag == "script":
            self._raw = "script"
            self.scripts.append((attributes, ""))
        elif tag == "style":
            self._raw = "style"
            self.styles.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)
        elif self._raw == "style":
            self.styles[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._raw = None


def parse_html(text: str) -> Elements:
    parser = Elements()
    parser.feed(text)
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_path_of(site: Path, file: Path) -> str:
    """The URL path a file of the site is served at ('/catalogue/projects/x/' for its index.html)."""
    rel = file.relative_to(site).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel.removesuffix("index.html")
    return BASE_PATH + rel


def file_for(site: Path, path: str) -> Path | None:
    """The file served at a URL path under BASE_PATH (directories serve index.html), or None."""
    path = unquote(path)
    if not path.startswith(BASE_PATH):
        return None
    target = (site / path.removeprefix(BASE_PATH)).resolve()
    if not target.is_relative_to(site.resolve()):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""")


def css_urls(text: str) -> list[str]:
    """Every url(...) and @import of a style sheet, as written."""
    found = [a or b or c for a, b, c in CSS_URL.findall(text)]
    found += [a or b for a, b in CSS_IMPORT.findall(text)]
    return [url for url in found if url]


# --- choosing pages -----------------------------------------------------------------------------

def fullest(site: Path) -> dict[str, str]:
    """The example of each page type with the most on it, from the site's own open data."""
    projects = json.loads((site / "api" / "projects.json").read_text(encoding="utf-8"))["projects"]
    richest = max(projects, key=lambda p: (len(p), len(p.get("links", [])), p["id"]))
    leads = Counter(p["lead"] for p in projects)
    topics = Counter(t for p in projects for t in p["topics"])
    tags = Counter(t for p in projects for t in p.get("tags", []))

    def top(counter: Counter[str]) -> str:
        return min(counter, key=lambda k: (-counter[k], k))

    return {"project": f"projects/{richest['id']}/", "organisation": f"boroughs/{top(leads)}/",
            "topic": f"topics/{top(topics)}/", "tag": f"tags/{top(tags)}/"}
