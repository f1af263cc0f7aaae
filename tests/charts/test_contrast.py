"""The palette: WCAG AA contrast in the light (default) and dark (slate) schemes, and charts.css in step with it."""

from __future__ import annotations

import colorsys

import pytest
from charts_support import CSS, classes, css_blocks, parse

from catalogue.charts import phase_chart, quarter_chart, tile_map
from catalogue.charts.palette import DARK, GRAPHICS, LIGHT, PAGE, SCHEMES, STEPS, TEXT_PAIRS, contrast, luminance
from catalogue.model import Catalogue

TEXT_AA, GRAPHICS_AA = 4.5, 3.0


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert luminance("#ffffff") == pytest.approx(1)


def test_page_colours_are_those_of_mkdocs_material() -> None:
    def hsl(h: float, s: float, lightness: float) -> list[float]:
        return [c * 255 for c in colorsys.hls_to_rgb(h / 360, lightness, s)]

    def hexa(rgb: list[float]) -> str:
        return "#" + "".join(f"{round(c):02x}" for c in rgb)

    background = hsl(225, 0.15, 0.14)  # slate --md-default-bg-color, --md-hue 225deg
    text = [f * 0.82 + b * 0.18 for f, b in zip(hsl(225, 0.15, 0.90), background, strict=True)]
    assert PAGE["slate"] == {"background": hexa(background), "text": hexa(text)}
    assert PAGE["default"] == {"background": "#ffffff", "text": hexa([255 * 0.13] * 3)}  # #000000de on white


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_label_reads_on_its_fill(scheme: str) -> None:
    palette = SCHEMES[scheme]
    for fill, ink in TEXT_PAIRS:
        ratio = contrast(palette[fill], palette[ink])
        assert ratio >= TEXT_AA, f"{scheme}: {ink} on {fill} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_graphics_stand_out_from_the_page(scheme: str) -> None:
    palette, page = SCHEMES[scheme], PAGE[scheme]
    for name in GRAPHICS:
        ratio = contrast(palette[name], page["background"])
        assert ratio >= GRAPHICS_AA, f"{scheme}: {name} on the page is {ratio:.2f}:1"
    # text drawn in currentColor (axis labels, values, legend) is the page's own text colour
    assert contrast(page["text"], page["background"]) >= TEXT_AA


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_steps_run_away_from_the_page_background(scheme: str) -> None:
    palette, background = SCHEMES[scheme], PAGE[scheme]["background"]
    ratios = [contrast(palette[f"seq-{step.index}"], background) for step in STEPS]
    assert ratios == sorted(ratios) and len(set(ratios)) == len(STEPS)
    # neighbouring steps are told apart by lightness, not only by hue
    assert all(b / a >= 1.15 for a, b in zip(ratios, ratios[1:], strict=False))


def test_steps_cover_every_count_once() -> None:
    for count in range(0, 200):
        assert sum(step.holds(count) for step in STEPS) == 1
    assert [s.label for s in STEPS] == ["0", "1", "2\u20133", "4\u20137", "8 or more"]


def test_charts_css_defines_the_same_colours() -> None:
    blocks = css_blocks(CSS.read_text(encoding="utf-8"))
    assert blocks["default"] == LIGHT
    assert blocks["slate"] == DARK
    assert set(LIGHT) == set(DARK)


def test_fallback_colours_in_the_svg_are_the_light_palette(sample: Catalogue) -> None:
    charts = [tile_map(sample), tile_map(sample, highlight="lambeth-retrofit-data", id_prefix="m2"),
              phase_chart(sample.projects.values()), quarter_chart(sample.projects.values())]
    seen = 0
    for chart in charts:
        for el in parse(chart.svg).iter():
            for cls in classes(el):
                if cls.startswith("chart-fill--"):
                    assert el.get("fill") == LIGHT[cls.removeprefix("chart-fill--")]
                    seen += 1
                elif cls.startswith("chart-stroke--"):
                    assert el.get("stroke") == LIGHT[cls.removeprefix("chart-stroke--")]
                    seen += 1
    assert seen > 100
