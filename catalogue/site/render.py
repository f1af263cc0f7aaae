"""Rendering helpers for the site: one Jinja environment per build, and the shape of page Outputs.

Templates autoescape everything. The only HTML that is not escaped is a record's description,
made safe in describe.py.

Pages are handed to MkDocs already rendered: Python-Markdown would spend as long parsing a raw
HTML block as it does on a page of prose, 10,000 times over. Two Output.meta keys, read by
hooks/catalogue.py, say so: PRERENDERED (the content is the page's HTML, skip Markdown) and
TOC (the page's table of contents, as MkDocs toc tokens).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from .. import charts
from ..publish import Output

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
PRERENDERED = "prerendered"
TOC = "toc"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# C1 controls, U+0080..U+009F. Written as character references (&#128; ...), browsers show most of
# them as Windows-1252 punctuation (a euro sign, curly quotes); as raw characters, as boxes or nothing.
# A record can hold them only through YAML escapes ("\x85"), and they are never meant as text.
C1_CONTROLS = re.compile("[\x80-\x9f]")
C1_REFERENCES = re.compile(r"&#(?:12[89]|1[3-5][0-9]);")  # the same, as decimal references
HTTP_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)  # quotes and < > are escaped by autoescape


def environment() -> Environment:
    """The build's one Jinja environment: templates compile once and are reused for every page."""
    # The default Undefined, not StrictUndefined: records leave most fields out, and a missing
    # optional field must read as empty. Golden-file tests catch misspelt names instead.
    # auto_reload off: a build never sees a template change, so no stat() per page.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters["human_date"] = human_date
    env.filters["external"] = external
    env.globals["charts"] = charts  # the SVG tile map and charts, with their data tables
    return env


def human_date(text: str) -> str:
    """'2024-04' -> 'April 2024', '2024-04-15' -> '15 April 2024', whatever the machine's locale."""
    year, month = text[:4], MONTHS[int(text[5:7]) - 1]
    return f"{int(text[8:10])} {month} {year}" if len(text) >= 10 else f"{month} {year}"


def external(url: object) -> str | None:
    """The address if it is a plain http(s) URL, else None: a last guard after the schema's."""
    return url if isinstance(url, str) and HTTP_URL.match(url) else None


def without_c1(text: str) -> str:
    return C1_CONTROLS.sub("", text) if not text.isascii() else text


def ascii_html(html: str) -> str:
    """HTML in ASCII: every character outside ASCII as a character reference, C1 controls dropped.

    They are dropped after encoding, as the references &#128; to &#159;: finding those in the ASCII
    text is some ten times faster than a character class over the page before it."""
    text = html.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return C1_REFERENCES.sub("", text) if "&#1" in text else text


def root_of(uri: str) -> str:
    """The relative path from the page made of `uri` back to the site root ('../../' for
    'projects/x.md', served at projects/x/). Links are relative so the site works under any path."""
    path = uri.removesuffix(".md")
    path = path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"
    return "../" * path.count("/") or "./"


def page(uri: str, html: str | Callable[[], str], meta: dict[str, Any], edit_path: str | None = None,
         toc: Iterable[tuple[str, str]] = ()) -> Output:
    """A page Output whose content is finished HTML (or a function that renders it, called when
    MkDocs writes the page), with an optional table of contents of (anchor id, plain-text title)
    pairs."""
    meta = {**meta, PRERENDERED: True}
    tokens = [{"level": 2, "id": anchor, "name": str(Markup.escape(name)), "children": []} for anchor, name in toc]
    if tokens:
        meta[TOC] = tokens
    return Output(uri, html, meta, edit_path)


def escaped_meta(title: str, description: str | None = None, **extra: Any) -> dict[str, Any]:
    """Page meta with title and description HTML-escaped: MkDocs' theme environment does not
    autoescape, and material writes both unescaped into <title>, the header and <meta>. C1 controls
    are dropped from all of it (JSON-LD included), as from page bodies."""
    meta: dict[str, Any] = {"title": str(Markup.escape(without_c1(title)))}
    if description:
        meta["description"] = str(Markup.escape(without_c1(description)))
    meta.update({key: _meta_without_c1(value) for key, value in extra.items()})
    return meta


def _meta_without_c1(value: Any) -> Any:
    """The value with C1 controls dropped from every string in it: JSON-LD is data, but search
    engines show its name and description."""
    if isinstance(value, str):
        return without_c1(value)
    if isinstance(value, list):
        return [_meta_without_c1(item) for item in value]
    if isinstance(value, dict):
        return {key: _meta_without_c1(item) for key, item in value.items()}
    return value
