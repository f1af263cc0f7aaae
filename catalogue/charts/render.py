"""Rendering the chart templates: one cached Jinja environment, and the Chart every function returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .palette import LIGHT

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "charts"
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Chart:
    """A rendered picture: the inline SVG, its data table, and both in one <figure>.

    `html` is what a page shows. The object renders as `html` in Jinja (`{{ chart }}`, no |safe
    needed) and as a string.
    """

    id: str
    svg: Markup
    table: Markup
    html: Markup

    def __html__(self) -> str:
        return str(self.html)

    def __str__(self) -> str:
        return str(self.html)


@dataclass(frozen=True)
class Cell:
    """One table cell after the row header: its text and, for numbers, the count behind it."""

    text: str
    count: int | None = None
    column: str = ""


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    href: str | None = None
    key: str = ""


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    note: str = ""


def number(value: float) -> str:
    """A coordinate for SVG: at most one decimal, no trailing '.0' (the same input, the same text)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def text_width(text: str, size: float) -> float:
    """A deliberately generous estimate of rendered text width, for laying out labels."""
    return len(text) * size * 0.6


def check_id(id_prefix: str) -> str:
    if not _ID.match(id_prefix):
        raise ValueError(f"id_prefix must start with a letter and hold only letters, digits, - and _: {id_prefix!r}")
    return id_prefix


@cache
def environment() -> Environment:
    """The one Environment for chart templates; templates are compiled once and cached by Jinja."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["n"] = number
    env.globals["light"] = LIGHT
    return env


def _compact(text: str) -> Markup:
    """Blank lines dropped, so the HTML stays one block inside Markdown. Only ever given the
    output of the autoescaping environment, so it is safe."""
    return Markup("\n".join(line for line in text.splitlines() if line.strip()))  # noqa: S704


def render(name: str, **context: Any) -> Markup:
    """Render a chart template."""
    return _compact(environment().get_template(name).render(**context))


def macro(name: str, macro_name: str, *args: Any) -> Markup:
    """Call one macro of a template holding only macros (e.g. the tile of _shapes.svg.j2)."""
    module = environment().get_template(name).module
    return _compact(getattr(module, macro_name)(*args))


@dataclass(frozen=True)
class Stencil:
    """A template rendered once with named holes, to be filled many times by joining strings.

    For markup drawn on thousands of pages where only a few values change: filling costs
    microseconds where rendering the template again would cost a millisecond.
    """

    pieces: tuple[str, ...]
    holes: tuple[str, ...]  # the hole between pieces[i] and pieces[i + 1]

    @classmethod
    def of(cls, name: str, holes: tuple[str, ...], **context: Any) -> Stencil:
        """Render template `name` with each hole given as a unique marker, then cut at the markers."""
        marks = {hole: f"\x00{hole}\x00" for hole in holes}
        text = str(render(name, **context, **{hole: Markup(mark) for hole, mark in marks.items()}))  # noqa: S704
        parts = re.split("\x00(" + "|".join(map(re.escape, holes)) + ")\x00", text)
        found = tuple(parts[1::2])
        if set(found) != set(holes):
            raise ValueError(f"{name}: the template does not use every hole of {holes}")
        return cls(tuple(parts[0::2]), found)

    def fill(self, **values: str) -> Markup:
        """The markup with every hole filled; plain strings are escaped, Markup is kept as it is."""
        out = [self.pieces[0]]
        for hole, piece in zip(self.holes, self.pieces[1:], strict=True):
            out.append(escape(values[hole]))
            out.append(piece)
        return Markup("".join(out))  # noqa: S704 - pieces come from the autoescaping environment


def table_row(row: Row) -> Markup:
    return macro("_table.html.j2", "row", row)


def table_rows(rows: list[Row]) -> Markup:
    return Markup("\n".join(table_row(row) for row in rows))  # noqa: S704 - each row is safe Markup


def figure(kind: str, id_prefix: str, title: str, svg: Markup, table: Table) -> Chart:
    """Wrap an SVG and its table in the figure every chart shares."""
    table_html = render("table.html.j2", id_prefix=id_prefix, caption=table.caption, note=table.note,
                        headers=table.headers, rows=table_rows(table.rows))
    html = render("figure.html.j2", kind=kind, id_prefix=id_prefix, title=title, svg=svg, table=table_html)
    return Chart(id_prefix, svg, table_html, html)
