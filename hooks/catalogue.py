"""MkDocs hooks: hand the catalogue's generated pages and files to MkDocs, and nothing more.

Everything published comes from catalogue.publish, which never imports MkDocs; this file only
adapts it. MkDocs caches this module for the whole `mkdocs serve` process, so nothing is kept in
module globals: each build keeps its state on its own config object, under STATE, made afresh by
on_config and filled by on_files.

Nothing large is made in on_files: a page's HTML is made in on_page_context, just before MkDocs
wraps it in the theme, and dropped once the page is written (on_post_page); other deferred
files are made when MkDocs copies them. At 10,000 records that keeps the build's peak memory
to the model and MkDocs' own page objects instead of the whole site.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# While MkDocs runs this file, hooks/ is first on sys.path and this file is itself named
# catalogue.py: drop hooks/ so `import catalogue` finds the package, not this module. The
# repository goes first in case the package is not installed (sys.path is restored afterwards).
_HOOKS_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [os.path.dirname(_HOOKS_DIR)] + [p for p in sys.path if os.path.abspath(p or ".") != _HOOKS_DIR]

from jinja2 import Environment  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from catalogue import publish  # noqa: E402
from catalogue.model import CatalogueInvalid  # noqa: E402
from catalogue.search import material as header_search  # noqa: E402
from catalogue.site.render import PRERENDERED, TOC  # noqa: E402

log = logging.getLogger("mkdocs.hooks.catalogue")
STATE = "catalogue_build"  # config key of this build's _Build


@dataclass
class _Build:
    options: publish.SiteOptions
    pages: dict[str, publish.Output] = field(default_factory=dict)  # src_uri -> Output of each page
    search_entries: list[dict[str, str]] = field(default_factory=list)  # projects for the header search


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    options = publish.SiteOptions(root=root, site_url=config.site_url or "", repo_url=config.repo_url,
                                  edit_uri=config.edit_uri, stale_months=int(config.extra.get("stale_months", 6)))
    config[STATE] = _Build(options)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Validate the records and add every Output. Runs after MkDocs has emptied site_dir, so an
    invalid catalogue leaves no site behind."""
    build: _Build = config[STATE]
    try:
        catalogue = publish.load_for_site(build.options)
    except CatalogueInvalid as exc:
        raise Abort(str(exc)) from None  # exactly the validator's findings, one per line
    build.pages = {}
    build.search_entries = header_search.project_entries(catalogue)
    for output in publish.outputs(catalogue, build.options):
        file = _file(config, output)
        file.edit_uri = output.edit_path  # "Edit this page" opens the record's YAML, or nothing
        existing = files.get_file_from_path(output.uri)
        if existing is not None:
            log.warning("%s is generated from the catalogue and also exists in docs/: the generated one is used",
                        output.uri)
            files.remove(existing)
        files.append(file)
        if file.is_documentation_page():
            build.pages[output.uri] = output
    return files


class _DeferredFile(File):
    """A generated file whose content is made each time it is read or written, and never kept."""

    output: publish.Output

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        content = self.output.content
        return content.encode("utf-8") if isinstance(content, str) else content

    @property  # type: ignore[override]
    def content_string(self) -> str:
        content = self.output.content
        return content if isinstance(content, str) else content.decode("utf-8-sig")

    def copy_file(self, dirty: bool = False) -> None:
        # Always written, even with --dirty: there is no source file whose date could say otherwise.
        path = Path(self.abs_dest_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.output.write(path)


def _file(config: MkDocsConfig, output: publish.Output) -> File:
    inclusion = _inclusion(output.uri)
    if output.meta.get(PRERENDERED):
        # The page's source is empty: its HTML is made in on_page_context.
        return File.generated(config, output.uri, content="", inclusion=inclusion)
    if not output.deferred:
        return File.generated(config, output.uri, content=output.content, inclusion=inclusion)
    # The placeholder content only tells MkDocs there is no source file to read.
    file = _DeferredFile.generated(config, output.uri, content=b"", inclusion=inclusion)
    assert isinstance(file, _DeferredFile)
    file.output = output
    return file


def _inclusion(uri: str) -> InclusionLevel:
    # Section index pages may be in the nav; the thousands of record, topic and tag pages never
    # are, which keeps the build linear (each page renders the whole nav).
    return InclusionLevel.UNDEFINED if uri == "index.md" or uri.endswith("/index.md") else InclusionLevel.NOT_IN_NAV


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    output = config[STATE].pages.get(page.file.src_uri)
    if output is None:
        return markdown
    page.meta.update((key, value) for key, value in output.meta.items() if key not in (PRERENDERED, TOC))
    # Finished HTML skips Python-Markdown: on_page_context puts it in place.
    return "" if output.meta.get(PRERENDERED) else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    output = _prerendered(page, config)
    if output is None:
        return html
    page.toc = get_toc(output.meta.get(TOC, []))
    return ""  # the HTML comes in on_page_context: MkDocs would keep every page's until the end


@event_priority(100)  # before the search plugin reads the page's HTML
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    output = _prerendered(page, config)
    if output is not None:
        page.content = str(output.content)
    return context


@event_priority(-100)  # after every other plugin has seen the page
def on_post_page(html: str, page: Page, config: MkDocsConfig) -> str:
    if _prerendered(page, config) is not None:
        page.content = None  # written: let it go
    return html


def _prerendered(page: Page, config: MkDocsConfig) -> publish.Output | None:
    output = config[STATE].pages.get(page.file.src_uri)
    return output if output is not None and output.meta.get(PRERENDERED) else None


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # A new cache for every build: overrides/main.html keeps the sidebars of out-of-nav pages here.
    env.globals["catalogue_cache"] = {}
    return env


@event_priority(-100)  # after the search plugin has written search/search_index.json
def on_post_build(config: MkDocsConfig) -> None:
    """Record pages are out of the theme's search: add one small entry per project instead."""
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        header_search.add_entries(index, config[STATE].search_entries)
