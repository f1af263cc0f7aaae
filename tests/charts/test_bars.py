"""Bar and column charts: by phase, by status, top topics and starts per quarter, checked against the records."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from charts_support import by_id, data_counts, elements, local, parse, table_counts

from catalogue import dates, schemas
from catalogue.charts import current_and_future, phase_chart, quarter_chart, status_chart, topic_chart
from catalogue.model import Catalogue


def check_named_image(svg) -> None:
    assert local(svg.tag) == "svg" and svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby", "").split()
    ids = by_id(svg)
    assert local(ids[title_id].tag) == "title" and ids[title_id].text
    assert local(ids[desc_id].tag) == "desc" and ids[desc_id].text


def test_phase_chart_counts_every_phase_in_lifecycle_order(sample: Catalogue) -> None:
    projects = list(sample.projects.values())
    chart = phase_chart(projects)
    svg = parse(chart.svg)
    check_named_image(svg)
    expected = Counter(p.data["phase"] for p in projects)
    bars = data_counts(svg)
    assert list(bars) == list(schemas.labels("phase"))
    assert bars == {phase: expected[phase] for phase in schemas.labels("phase")}
    assert table_counts(parse(chart.table)) == bars
    assert sum(bars.values()) == len(projects) == 28


def test_bar_lengths_are_proportional_to_counts(sample: Catalogue) -> None:
    svg = parse(phase_chart(sample.projects.values()).svg)
    widths = {}
    for group in svg.iter():
        if "chart-bar" in group.get("class", "").split():
            rect = next(el for el in group if local(el.tag) == "rect")
            widths[group.get("data-key")] = (float(rect.get("width", "")), int(group.get("data-count", "")))
    per_project = {w / n for w, n in widths.values() if n}
    assert max(per_project) - min(per_project) < 0.2  # rounding to one decimal only
    assert all(w == 0 for w, n in widths.values() if n == 0)


def test_status_chart_for_one_organisation(sample: Catalogue) -> None:
    hackney = sample.organisations["hackney"].projects()
    chart = status_chart(hackney, id_prefix="hackney-status", title="Hackney's projects by status")
    svg = parse(chart.svg)
    check_named_image(svg)
    expected = Counter(p.data["status"] for p in hackney)
    assert data_counts(svg) == {s: expected[s] for s in schemas.labels("status")}
    assert data_counts(svg)["completed"] == 2  # blocked applications audit and shielding data sharing
    assert by_id(svg)["hackney-status-title"].text == "Hackney's projects by status"


def test_topic_chart_shows_the_top_ten_most_first(sample: Catalogue) -> None:
    chart = topic_chart(sample)
    svg = parse(chart.svg)
    check_named_image(svg)
    expected = Counter(t for p in sample.projects.values() for t in p.data["topics"])
    bars = data_counts(svg)
    assert len(bars) == 10
    assert all(bars[t] == expected[t] for t in bars)
    assert list(bars.values()) == sorted(bars.values(), reverse=True)
    assert min(bars.values()) >= max(n for t, n in expected.items() if t not in bars)
    assert table_counts(parse(chart.table)) == bars
    assert next(iter(bars)) == "data-and-analytics"


def test_topic_chart_takes_a_list_and_a_limit(sample: Catalogue) -> None:
    live = current_and_future(sample.projects.values())
    assert {p.group for p in live} == {"current", "future"}
    bars = data_counts(parse(topic_chart(live, limit=3, id_prefix="t3").svg))
    expected = Counter(t for p in live for t in p.data["topics"])
    assert len(bars) == 3 and all(bars[t] == expected[t] for t in bars)
    assert data_counts(parse(topic_chart(list(sample.projects.values())).svg)) == \
        data_counts(parse(topic_chart(sample).svg))


def test_quarter_chart_counts_starts_per_quarter(sample: Catalogue) -> None:
    projects = list(sample.projects.values())
    chart = quarter_chart(projects, today=sample.today)
    svg = parse(chart.svg)
    check_named_image(svg)
    expected = Counter(dates.quarter(p.data["start"]) for p in projects)
    columns = data_counts(svg)
    assert {q: n for q, n in columns.items() if n} == dict(expected)
    keys = list(columns)
    assert keys[0] == min(expected) == "2010 Q1" and keys[-1] == max(expected) == "2027 Q2"
    assert len(keys) == (2027 - 2010) * 4 + 2  # every quarter between, empty ones too
    assert table_counts(parse(chart.table)) == dict(expected)  # the table leaves out empty quarters
    assert sum(expected.values()) == len(projects)


def test_quarter_chart_marks_today_only_when_asked_and_in_range(sample: Catalogue) -> None:
    projects = list(sample.projects.values())

    def today_marks(**kwargs: object) -> int:
        svg = parse(quarter_chart(projects, **kwargs).svg)  # type: ignore[arg-type]
        return len([g for g in svg.iter() if "chart-today" in g.get("class", "").split()])

    assert today_marks(today=sample.today) == 1
    assert today_marks() == 0
    assert today_marks(today=dt.date(2031, 1, 1)) == 0


def test_year_labels_are_years_in_order(sample: Catalogue) -> None:
    svg = parse(quarter_chart(sample.projects.values()).svg)
    years = [int(t.text or "") for t in elements(svg, "text") if (t.text or "").isdigit() and len(t.text or "") == 4]
    assert years and years == sorted(years) and years[0] == 2010


@pytest.mark.parametrize("make", [phase_chart, status_chart, topic_chart, quarter_chart])
def test_empty_input_still_draws_a_named_picture(make) -> None:
    chart = make([])
    svg = parse(chart.svg)
    check_named_image(svg)
    assert "no projects" in (by_id(svg)[svg.get("aria-labelledby", "").split()[1]].text or "").lower()
    parse(chart.table)


def test_bar_chart_description_reads_out_the_numbers(sample: Catalogue) -> None:
    svg = parse(status_chart(sample.projects.values()).svg)
    desc = by_id(svg)["chart-status-desc"].text or ""
    counts = Counter(p.data["status"] for p in sample.projects.values())
    for status, title in schemas.labels("status").items():
        assert f"{title} {counts[status]}" in desc
