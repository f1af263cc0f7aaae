"""Column chart of projects starting per quarter, for the timeline."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from .. import dates
from ..model import Project
from . import counts
from .counts import Count
from .render import Cell, Chart, Row, Table, check_id, figure, plural, render

LEFT, RIGHT, TOP, PLOT, BOTTOM = 40, 28, 22, 160, 34
TARGET_WIDTH, MIN_STEP, MAX_STEP = 600, 6, 32


@dataclass(frozen=True)
class Column:
    count: Count
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Layout:
    columns: list[Column]
    y_ticks: list[Tick]
    years: list[Tick]
    boundaries: list[float]
    width: float
    height: float
    today: float | None


def _tick_step(top: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... giving at most 5 steps up to `top`."""
    for magnitude in (10 ** e for e in range(7)):
        for base in (1, 2, 5):
            if top / (base * magnitude) <= 5:
                return base * magnitude
    return 10 ** 7


def _year_every(step: float) -> int:
    """Label every year, or every 2nd, 5th or 10th, so that labels sit at least 40 units apart."""
    return next((k for k in (1, 2, 5, 10) if 4 * step * k >= 40), 20)


def _today_x(today: dt.date | None, items: list[Count], step: float) -> float | None:
    if today is None:
        return None
    labels = [c.key for c in items]
    quarter = dates.quarter(today.isoformat())
    if quarter not in labels:
        return None
    into = ((today.month - 1) % 3 + (today.day - 1) / 31) / 3
    return LEFT + (labels.index(quarter) + into) * step


def _layout(items: list[Count], today: dt.date | None) -> Layout:
    step = min(MAX_STEP, max(MIN_STEP, TARGET_WIDTH / max(len(items), 1)))
    tick = _tick_step(max([c.count for c in items] + [1]))
    top = math.ceil(max([c.count for c in items] + [1]) / tick) * tick
    scale = PLOT / top
    gap = max(1.0, step * 0.2)
    columns = [Column(c, LEFT + i * step + gap / 2, TOP + PLOT - c.count * scale, step - gap, c.count * scale)
               for i, c in enumerate(items)]
    y_ticks = [Tick(TOP + PLOT - v * scale, str(v)) for v in range(0, top + 1, tick)]
    every = _year_every(step)
    starts = [(i, int(c.key[:4])) for i, c in enumerate(items) if c.key.endswith("Q1")]
    years = [Tick(LEFT + (i + 2) * step, str(year)) for i, year in starts if year % every == 0]
    boundaries = [LEFT + i * step for i, _ in starts]
    width = LEFT + max(len(items), 1) * step + RIGHT
    return Layout(columns, y_ticks, years, boundaries, width, TOP + PLOT + BOTTOM, _today_x(today, items, step))


def _desc(items: list[Count], total: int, today_x: float | None, today: dt.date | None) -> str:
    if not items:
        return "Column chart of project start dates by quarter: there are no projects to show."
    peak = max(c.count for c in items)
    busiest = [c.key for c in items if c.count == peak]
    named = ", ".join(busiest) if len(busiest) <= 3 else f"{len(busiest)} quarters"
    text = (f"Column chart of when {plural(total, 'project starts', 'projects start')}, by quarter, from "
            f"{items[0].key} to {items[-1].key}. Busiest: {named}, with {plural(peak, 'start', 'starts')} each.")
    if today_x is not None and today is not None:
        text += f" A dashed line marks today, in {dates.quarter(today.isoformat())}."
    return text


def quarter_chart(projects: Iterable[Project], *, id_prefix: str = "chart-quarters",
                  title: str = "Projects starting each quarter", today: dt.date | None = None) -> Chart:
    """Column chart of how many of `projects` start in each quarter (from each record's `start`).

    Every quarter from the earliest start to the latest is a column, empty ones included; years are
    labelled below. Give `today` (e.g. catalogue.today) to draw a dashed "Today" line when it falls in
    that range. The table lists only the quarters with at least one start.
    """
    check_id(id_prefix)
    projects = list(projects)
    items = counts.quarter_counts(projects)
    layout = _layout(items, today)
    desc = _desc(items, len(projects), layout.today, today)
    svg = render("columns.svg.j2", p=id_prefix, title=title, desc=desc, layout=layout, left=LEFT, top=TOP,
                 plot=PLOT)
    rows = [Row(c.label, [Cell(str(c.count), c.count, "count")], key=c.key) for c in items if c.count]
    note = "Quarters with no starts are left out." if rows else "There are no projects to show."
    return figure("quarters", id_prefix, title, svg, Table(title, ["Quarter", "Projects starting"], rows, note))
