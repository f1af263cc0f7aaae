"""Screenshots for a person to look at: the home page, a project, an organisation, the finder with
a query and the timeline, at desktop (1280x900) and phone (390x844) widths, written to
test-artifacts/screenshots/ (CI uploads the folder). What a machine can tell is checked too: the
page does not scroll sideways (WCAG 1.4.10 reflow), nothing overlaps the header, text renders.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from quality_support import fullest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
PAGES = ["home", "project", "organisation", "finder", "timeline"]


@pytest.fixture(scope="module")
def shots(artifacts: Path) -> Path:
    folder = artifacts / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("kind", PAGES)
def test_screenshot(kind: str, width: str, clean_site: Path, site_url: str, shots: Path,
                    open_page: Callable[..., Any]) -> None:
    paths = {"home": "", "finder": "find/", "timeline": "timeline/", **fullest(clean_site)}
    page = open_page().page
    page.set_viewport_size(VIEWPORTS[width])
    page.goto(site_url + paths[kind])
    if kind == "finder":
        page.wait_for_selector("#finder[data-finder-ready]")
        before = page.text_content("#finder-status")
        page.fill("#finder-q", "data")
        page.wait_for_function("(b) => document.getElementById('finder-status').textContent !== b", arg=before)
        page.wait_for_selector(".finder-list li")
    page.wait_for_load_state("networkidle")
    path = shots / f"{kind}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000

    overflow = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, view: window.innerWidth,
        wide: Array.from(document.querySelectorAll("article *")).filter((el) => {
            const r = el.getBoundingClientRect();
            const scrolls = el.closest(".cat-scroll, pre, .md-typeset__scrollwrap");
            return r.width > 0 && r.right > window.innerWidth + 1 && !scrolls;
        }).slice(0, 5).map((el) => el.outerHTML.slice(0, 100))})""")
    assert overflow["scroll"] <= overflow["view"] + 1 and overflow["wide"] == [], overflow
    h1 = page.locator("article h1").first
    assert h1.is_visible() and h1.bounding_box()["height"] > 10  # type: ignore[index]
    header = page.locator(".md-header").bounding_box()
    assert header and h1.bounding_box()["y"] >= header["y"] + header["height"] - 1  # type: ignore[index]
