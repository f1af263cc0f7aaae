"""Helpers for the quality gates (tests/quality/): a local server that serves a built site where
site_url puts it (/catalogue/), YAML writing for generated records, page choice and reading.
conftest.py turns these into session fixtures.

Building (`mkdocs build --strict`), the HTML parser and the Chromium launch settings are shared
with tests/site/ in tests/build_support.py; they are re-exported here.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from build_support import (  # noqa: F401 - re-exported for the quality tests
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    TODAY,
    Build,
    Elements,
    build_env,
    copy_project,
    html_pages,
    parse_html,
    run_mkdocs,
)

ARTIFACTS = REPO / "test-artifacts"  # gitignored; CI uploads it
BASE_PATH = "/catalogue/"  # the path of site_url in mkdocs.yml: the site is served there
SITE_URL = "https://borough-projects.github.io/catalogue/"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


# --- building ------------------------------------------------------------------------------------

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
