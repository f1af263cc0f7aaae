"""Horizontal bar charts: projects by phase, by status, and the top topics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Catalogue, Project
from . import counts
from .counts import Count
from .render import Cell, Chart, Row, Table, check_id, figure, plural, render, text_width

FONT, ROW, BAR, AREA, TOP = 13, 26, 16, 300, 6


@dataclass(frozen=True)
class Bar:
    count: Count
    y: float
    width: float


def _layout(items: list[Count]) -> tuple[list[Bar], float, float, float]:
    """Bars with their positions; also the x of the axis, and the SVG's width and height."""
    axis = max([text_width(c.label, FONT) for c in items] + [40]) + 12
    scale = AREA / max([c.count for c in items] + [1])
    bars = [Bar(c, TOP + i * ROW + (ROW - BAR) / 2, c.count * scale) for i, c in enumerate(items)]
    height = TOP * 2 + max(len(items), 1) * ROW
    return bars, axis, axis + AREA + 40, height


def _desc(intro: str, items: list[Count]) -> str:
    if not any(c.count for c in items):
        return f"{intro}: there are no projects to show."
    return f"{intro}: " + "; ".join(f"{c.label} {c.count}" for c in items) + "."


def bar_chart(items: list[Count], *, kind: str, id_prefix: str, title: str, desc: str, dimension: str) -> Chart:
    """Any horizontal bar chart of counts, one bar per item, in the given order."""
    check_id(id_prefix)
    bars, axis, width, height = _layout(items)
    svg = render("bars.svg.j2", p=id_prefix, title=title, desc=desc, bars=bars, axis=axis,
                 width=width, height=height, top=TOP, row=ROW, bar=BAR, font=FONT)
    rows = [Row(c.label, [Cell(str(c.count), c.count, "count")], key=c.key) for c in items]
    note = "" if items else "There are no projects to show."
    return figure(kind, id_prefix, title, svg, Table(title, [dimension, "Projects"], rows, note))


def phase_chart(projects: Iterable[Project], *, id_prefix: str = "chart-phase",
                title: str = "Projects by phase") -> Chart:
    """Bar chart of how many of `projects` are in each phase (all six phases in lifecycle order, zeros shown).

    Pass all projects for the home page, or `organisation.projects()` for an organisation's page.
    """
    projects = list(projects)
    items = counts.phase_counts(projects)
    desc = _desc(f"Bar chart of {plural(len(projects), 'project', 'projects')} by phase", items)
    return bar_chart(items, kind="phase", id_prefix=id_prefix, title=title, desc=desc, dimension="Phase")


def status_chart(projects: Iterable[Project], *, id_prefix: str = "chart-status",
                 title: str = "Projects by status") -> Chart:
    """Bar chart of how many of `projects` have each status (all five statuses, zeros shown)."""
    projects = list(projects)
    items = counts.status_counts(projects)
    desc = _desc(f"Bar chart of {plural(len(projects), 'project', 'projects')} by status", items)
    return bar_chart(items, kind="status", id_prefix=id_prefix, title=title, desc=desc, dimension="Status")


def topic_chart(source: Catalogue | Iterable[Project], *, id_prefix: str = "chart-topics", limit: int = 10,
                title: str = "Topics with the most projects") -> Chart:
    """Bar chart of the `limit` topics with the most projects, most first (ties in title order).

    `source` is a Catalogue (all its projects) or any list of projects, e.g. current_and_future(...).
    A project counts once under each of its topics; topics with no projects are left out.
    """
    projects = list(source.projects.values()) if isinstance(source, Catalogue) else list(source)
    items = counts.topic_counts(projects, limit)
    intro = (f"Bar chart of the {plural(len(items), 'topic', 'topics')} with the most projects, out of "
             f"{plural(len(projects), 'project', 'projects')}, each counted under every topic it has")
    return bar_chart(items, kind="topics", id_prefix=id_prefix, title=title, desc=_desc(intro, items),
                     dimension="Topic")
