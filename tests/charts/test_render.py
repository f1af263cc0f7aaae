"""What every chart shares: figure and table markup, unique ids, escaping, determinism, one Environment."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest
from charts_support import CSS, by_id, elements, local, parse
from jinja2 import Environment

from catalogue.charts import Chart, phase_chart, quarter_chart, status_chart, tile_map, topic_chart
from catalogue.charts.render import environment
from catalogue.model import Catalogue


def every_chart(sample: Catalogue) -> list[Chart]:
    projects = list(sample.projects.values())
    return [
        tile_map(sample, "../../", id_prefix="map"),
        tile_map(sample, "../../", topic="housing", id_prefix="map-housing"),
        tile_map(sample, "../../", highlight="lambeth-retrofit-data", id_prefix="map-project"),
        phase_chart(projects),
        status_chart(projects),
        topic_chart(sample),
        quarter_chart(projects, today=sample.today),
    ]


def test_each_chart_is_a_figure_with_the_svg_and_a_table_to_open(sample: Catalogue) -> None:
    for chart in every_chart(sample):
        figure = parse(chart.html)
        assert local(figure.tag) == "figure" and figure.get("id") == chart.id
        svg = next(el for el in figure if local(el.tag) == "svg")
        details = next(el for el in figure if local(el.tag) == "details")
        assert details[0].tag == "summary" and details[0].text == "Show the data as a table"
        table = details[1]
        assert table.tag == "table"
        assert (elements(table, "caption")[0].text or "").strip()
        assert all(th.get("scope") in ("col", "row") for th in elements(table, "th"))
        assert str(chart.svg) in str(chart.html) and str(chart.table) in str(chart.html)
        assert svg.get("aria-labelledby")


def test_ids_are_unique_on_a_page_and_start_with_the_prefix(sample: Catalogue) -> None:
    charts = every_chart(sample)
    page = parse("<main>" + "".join(str(c) for c in charts) + "</main>")
    ids = Counter(el.get("id") for el in page.iter() if el.get("id"))
    assert ids and max(ids.values()) == 1
    for chart in charts:
        assert all(el.get("id", "").startswith(chart.id) for el in parse(chart.html).iter() if el.get("id"))


def test_every_reference_points_inside_its_own_svg(sample: Catalogue) -> None:
    for chart in every_chart(sample):
        svg = parse(chart.svg)
        ids = by_id(svg)
        refs = [r for el in svg.iter() for r in el.get("aria-labelledby", "").split()]
        refs += [m for el in svg.iter() for m in re.findall(r"url\(#([^)]+)\)", el.get("fill", ""))]
        assert refs and all(r in ids for r in refs)


def test_output_is_deterministic(sample: Catalogue) -> None:
    first = [str(c) for c in every_chart(sample)]
    environment.cache_clear()
    assert [str(c) for c in every_chart(sample)] == first


def test_templates_are_compiled_once() -> None:
    env = environment()
    assert environment() is env
    assert env.get_template("bars.svg.j2") is env.get_template("bars.svg.j2")
    assert env.autoescape is True


def test_text_from_records_is_escaped(sample: Catalogue) -> None:
    project = sample.projects["lambeth-retrofit-data"]
    nasty = dataclasses.replace(project, data={**project.data, "title": '<script>alert("x")</script> & co'})
    chart = tile_map(sample, highlight=nasty, id_prefix="nasty")
    assert "<script>" not in str(chart.html)
    svg = parse(chart.svg)
    assert by_id(svg)["nasty-title"].text == 'London local authorities taking part in <script>alert("x")</script> & co'


def test_chart_renders_itself_in_a_jinja_template(sample: Catalogue) -> None:
    chart = phase_chart(sample.projects.values())
    page = Environment(autoescape=True).from_string("<div>{{ chart }}</div>").render(chart=chart)
    assert page == f"<div>{chart.html}</div>"


def test_no_blank_lines_so_markdown_keeps_the_html_block_whole(sample: Catalogue) -> None:
    for chart in every_chart(sample):
        assert all(line.strip() for line in str(chart).splitlines())


def test_no_scripts_styles_or_external_references(sample: Catalogue) -> None:
    for chart in every_chart(sample):
        html = str(chart)
        assert not re.search(r"<script|<style|style=|https?://(?!www\.w3\.org/(2000/svg|1999/xlink))", html)


def test_every_colour_class_used_has_a_rule_in_charts_css(sample: Catalogue) -> None:
    css = CSS.read_text(encoding="utf-8")
    used = {c for chart in every_chart(sample) for el in parse(chart.svg).iter()
            for c in el.get("class", "").split() if c.startswith(("chart-fill--", "chart-stroke--"))}
    assert used
    missing = [c for c in used if not re.search(rf"\.{re.escape(c)}\s*\{{", css)]
    assert missing == []


@pytest.mark.parametrize("prefix", ["", "1abc", "a b", 'x"y', "a/b"])
def test_bad_id_prefixes_are_refused(sample: Catalogue, prefix: str) -> None:
    with pytest.raises(ValueError):
        phase_chart([], id_prefix=prefix)
