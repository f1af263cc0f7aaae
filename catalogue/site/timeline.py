"""The roadmap at /timeline/: current and planned projects as bars across quarters.

A table, not a drawing: each bar is a cell spanning its quarters, so the roadmap needs no inline
styles or scripts and reads in order with a screen reader. Past projects are folded away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import quarter
from ..model import Project
from ..publish import Output
from .context import Site
from .render import escaped_meta, page

QUARTERS_BEFORE = 4  # quarters shown before the current one, at most
QUARTERS_AFTER = 12  # quarters shown after it, at most: a roadmap, not a forecast
NO_END = 10**6


def quarter_index(text: str) -> int:
    """'2024-05' or '2024-05-17' -> a running quarter number, so quarters can be counted."""
    return int(text[:4]) * 4 + (int(text[5:7]) - 1) // 3


def quarter_label(index: int) -> str:
    return f"{index // 4} Q{index % 4 + 1}"


@dataclass(frozen=True)
class Bar:
    """One project's row: empty cells before, the bar's width, empty cells after."""

    project: Project
    before: int
    span: int
    after: int
    from_earlier: bool  # started before the first quarter shown
    runs_on: bool  # no end date, or ends after the last quarter shown

    @property
    def label(self) -> str:
        data = self.project.data
        end = quarter(data["end"]) if data.get("end") else "no end date"
        return f"{quarter(data['start'])} to {end}"


@dataclass(frozen=True)
class Roadmap:
    columns: list[tuple[str, bool]]  # (quarter label, is the current quarter)
    bars: list[Bar]


def window(projects: list[Project], now: int) -> tuple[int, int]:
    """The first and last quarter shown: from the earliest start (at most QUARTERS_BEFORE back)
    to the latest date (at most QUARTERS_AFTER ahead), always including the current quarter."""
    starts = [quarter_index(p.data["start"]) for p in projects] or [now]
    dates = starts + [quarter_index(p.data["end"]) for p in projects if p.data.get("end")]
    first = min(max(min(starts), now - QUARTERS_BEFORE), now)
    last = max(min(max(dates), now + QUARTERS_AFTER), now)
    return first, last


def bar(project: Project, first: int, last: int) -> Bar:
    start = quarter_index(project.data["start"])
    end = quarter_index(project.data["end"]) if project.data.get("end") else NO_END
    # Clamp into the window; an overdue end (before the window) still shows one cell.
    shown_start = min(max(start, first), last)
    shown_end = max(min(end, last), shown_start)
    return Bar(project, shown_start - first, shown_end - shown_start + 1, last - shown_end,
               from_earlier=start < first, runs_on=end > last)


def roadmap(projects: Iterable[Project], today: dt.date) -> Roadmap:
    chosen = sorted(projects, key=lambda p: (quarter_index(p.data["start"]),
                                             quarter_index(p.data["end"]) if p.data.get("end") else NO_END,
                                             p.data["title"].lower(), p.data["id"]))
    now = quarter_index(today.isoformat())
    first, last = window(chosen, now)
    columns = [(quarter_label(i), i == now) for i in range(first, last + 1)]
    return Roadmap(columns, [bar(p, first, last) for p in chosen])


def past(projects: Iterable[Project]) -> list[Project]:
    """Finished projects, most recently ended first."""
    by_title = sorted(projects, key=lambda p: (p.data["title"].lower(), p.data["id"]))
    return sorted(by_title, key=lambda p: p.data.get("end") or p.data["start"], reverse=True)


def output(site: Site) -> Output:
    projects = list(site.catalogue.projects.values())
    plan = roadmap((p for p in projects if p.group != "past"), site.catalogue.today)
    html = site.render("timeline.html", "timeline/index.md", plan=plan,
                       past=past(p for p in projects if p.group == "past"))
    # Out of the theme's search index: a row per project would make every project's name a hit here.
    meta = escaped_meta("Timeline", "Current and planned projects by quarter, from start to end.",
                        search={"exclude": True})
    toc = [("starts", "Projects starting each quarter"), ("roadmap", "Current and planned"), ("past", "Past projects")]
    return page("timeline/index.md", html, meta, toc=toc)
