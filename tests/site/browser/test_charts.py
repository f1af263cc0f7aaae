"""The project page's tile map and the timeline in real Chromium, on the sample site served over http.

The map and its links work on a page the theme's instant navigation swapped in, and the timeline fits a phone
(390 px wide) as a list while staying a roadmap of quarters on a desktop screen.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROJECT = "lambeth-retrofit-data"  # led by Lambeth, with Southwark and the GLA (not on the map)


def arrive_instantly(page: Any, site: str, start: str, target: str) -> None:
    """Open `start`, then follow an added link to `target`, which the theme swaps in without a load."""
    page.goto(site + start)
    page.wait_for_load_state("networkidle")  # the theme has read the sitemap
    page.evaluate("""(href) => { window.stillHere = true;
        const a = document.createElement('a'); a.href = href; a.id = 'go'; a.textContent = 'Go';
        document.querySelector('article').append(a); }""", target)
    page.click("#go")


def test_the_map_and_its_links_work_after_instant_navigation(browser_context, page_problems, served_site: str) -> None:
    # Uncaught errors and console errors (a 404 on the way, say) fail the test.
    page = browser_context.new_page()
    page.on("console", page_problems.console)
    page.on("pageerror", page_problems.exception)
    arrive_instantly(page, served_site, "about/", f"../projects/{PROJECT}/")
    page.wait_for_selector("#project-map-svg")
    assert page.evaluate("window.stillHere") is True
    marked = page.eval_on_selector_all("#project-map-svg a:is([data-role='lead'], [data-role='partner'])",
                                       "tiles => tiles.map(t => [t.dataset.org, t.dataset.role])")
    assert marked == [["lambeth", "lead"], ["southwark", "partner"]]
    assert "not on the map: GLA (partner)" in page.text_content("#project-map-desc")
    page.click("#project-map-svg a[data-org='lambeth']")
    page.wait_for_url("**/boroughs/lambeth/")
    # The theme leaves SVG links to the browser (a full load): what matters is that they lead there
    # and that nothing threw on the way.
    page.wait_for_selector("#org-phase-svg")
    page.wait_for_load_state("networkidle")
    page.close()
    assert not page_problems.found, page_problems.found


def test_map_tiles_are_reached_from_the_keyboard(browser_context, served_site: str) -> None:
    page = browser_context.new_page()
    page.goto(served_site + f"projects/{PROJECT}/")
    page.focus("#project-map-svg a[data-org='lambeth']")
    assert page.evaluate("document.activeElement.dataset.org") == "lambeth"
    page.keyboard.press("Enter")
    page.wait_for_url("**/boroughs/lambeth/")
    page.close()


def test_the_timeline_fits_a_phone_as_a_list(browser_context, page_problems, served_site: str) -> None:
    page = browser_context.new_page()
    page.on("pageerror", page_problems.exception)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "timeline/")
    widths = page.evaluate("""() => { const box = document.querySelector('.cat-scroll');
        return [document.documentElement.scrollWidth, innerWidth, box.scrollWidth, box.clientWidth]; }""")
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths  # nothing to scroll sideways
    bars = page.eval_on_selector_all(".cat-roadmap td.cat-bar", """cells => cells.map(c => {
        const r = c.getBoundingClientRect(); return [r.left, r.right, c.textContent]; })""")
    assert bars and all(left >= 0 and right <= 390 for left, right, _ in bars)  # every bar whole on screen
    assert page.is_visible(".cat-roadmap-now") and page.is_hidden(".cat-roadmap thead")
    estimated = page.eval_on_selector_all(".cat-bar--estimated", "cells => cells.map(c => getComputedStyle(c)"
                                          ".backgroundImage)")
    assert estimated and all("gradient" in image for image in estimated)  # still hatched
    page.close()
    assert not page_problems.found, page_problems.found


def test_the_timeline_stays_a_roadmap_on_a_desktop(browser_page, served_site: str) -> None:
    page = browser_page
    page.goto(served_site + "timeline/")
    assert page.is_visible(".cat-roadmap thead") and page.is_hidden(".cat-roadmap-now")
    columns = page.eval_on_selector_all(".cat-roadmap thead th", "ths => ths.length")
    assert columns > 5
    display = page.evaluate("getComputedStyle(document.querySelector('.cat-roadmap td.cat-bar')).display")
    assert display == "table-cell"
