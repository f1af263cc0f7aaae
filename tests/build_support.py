"""Building and reading the site in tests: real `mkdocs build --strict` runs on copies of the
repository, an HTML parser, and the Chromium every browser test launches.

Shared by tests/site/ (site_support.py) and tests/quality/ (quality_support.py). It sits in tests/,
whose conftest.py puts this folder on the import path, so it imports whichever of those folders
runs, alone or together.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"
EPOCH = "1795305600"  # 2026-11-22T00:00:00Z, so MkDocs' own dates (sitemap) are fixed too
SITE_SOURCES = ("mkdocs.yml", "hooks", "docs", "overrides", "schema", "catalogue")
RECORD_FOLDERS = ("projects", "boroughs")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "site")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


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
    `records`. catalogue/ and schema/ are copied too: mkdocs.yml watches them, and MkDocs checks
    that watched paths exist."""
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


def run_mkdocs(root: Path, site: Path | None = None, *args: str, timeout: float = 600, **env: str) -> Build:
    """`mkdocs build --strict` in `root`, in its own process as `make build` runs it, into `site`
    (root/site by default); `env` adds environment variables."""
    site = site or root / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *args],
                          cwd=root, env=build_env(**env), capture_output=True, text=True, timeout=timeout,
                          check=False)
    return Build(root, site, done.returncode, done.stdout + done.stderr)


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
