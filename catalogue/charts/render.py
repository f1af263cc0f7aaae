"""Rendering the chart templates: one cached Jinja environment, and the Chart every function returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

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


def render(name: str, **context: Any) -> Markup:
    """Render a chart template; blank lines are dropped so the HTML stays one block inside Markdown."""
    text = environment().get_template(name).render(**context)
    # Safe: the text comes from an autoescaping environment.
    return Markup("\n".join(line for line in text.splitlines() if line.strip()))  # noqa: S704


def figure(kind: str, id_prefix: str, title: str, svg: Markup, table: Table) -> Chart:
    """Wrap an SVG and its table in the figure every chart shares."""
    table_html = render("table.html.j2", table=table, id_prefix=id_prefix)
    html = render("figure.html.j2", kind=kind, id_prefix=id_prefix, title=title, svg=svg, table=table_html)
    return Chart(id_prefix, svg, table_html, html)
