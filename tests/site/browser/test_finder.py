"""The /find/ page in real Chromium, on the sample site served over http.

Typing finds projects, facets narrow them, the URL holds the state (reload and Back restore
it), the prebuilt index is loaded and never built, the browser ranks as `catalogue search`
does, and the page works after the theme's instant navigation. Every test fails on a console
error or an uncaught exception (conftest.py's browser_page).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from catalogue.search.query import Finder
from catalogue.search.scoring import PackedIndex

pytestmark = [pytest.mark.browser, pytest.mark.slow]

READY = "#finder[data-finder-ready]"
APPRENTICESHIPS = ["digital-apprenticeships", "camden-digital-apprenticeships", "lewisham-digital-apprenticeships"]
# Wraps lunr as lunr.js defines it, counting index builds and loads and the TokenSets made
# (runs before any script).
SPY_ON_LUNR = """
window.lunrCalls = {load: 0, build: 0, lunr: 0, tokenSets: 0};
(() => {
  let wrapped;
  Object.defineProperty(window, "lunr", {
    configurable: true,
    get() { return wrapped; },
    set(original) {
      const lunr = function () { window.lunrCalls.lunr += 1; return original.apply(this, arguments); };
      Object.assign(lunr, original);
      const load = original.Index.load, build = original.Builder.prototype.build;
      const fromArray = original.TokenSet.fromArray;
      lunr.Index.load = function () { window.lunrCalls.load += 1; return load.apply(this, arguments); };
      original.Builder.prototype.build = function () {
        window.lunrCalls.build += 1;
        return build.apply(this, arguments);
      };
      original.TokenSet.fromArray = function () {
        window.lunrCalls.tokenSets += 1;
        return fromArray.apply(this, arguments);
      };
      wrapped = lunr;
    },
  });
})();
"""


def open_finder(page: Any, site: str, query: str = "") -> Any:
    page.goto(site + "find/" + query)
    page.wait_for_selector(READY)
    return page


def result_ids(page: Any) -> list[str]:
    hrefs = page.eval_on_selector_all(".finder-result__title a", "links => links.map(a => a.getAttribute('href'))")
    return [urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def search_for(page: Any, text: str) -> None:
    """Type as a person would and wait until the results (and the URL) have caught up."""
    page.fill("#finder-q", "")
    page.type("#finder-q", text, delay=20)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=text.strip())


def state(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.fixture(scope="module")
def python_finder(sample_site: Path) -> Finder:
    """`catalogue search`'s finder over the files the site publishes."""
    api = sample_site / "api"
    return Finder(PackedIndex(json.loads((api / "search-index.json").read_text(encoding="utf-8"))),
                  json.loads((api / "search-docs.json").read_text(encoding="utf-8")))


def test_typing_a_query_shows_the_project(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    assert page.is_hidden("[data-finder-browse]")  # the finder works: no need for the lists
    search_for(page, "govroam")
    assert result_ids(page) == ["govroam-council-buildings"]
    assert page.inner_text("#finder-status") == "1 project matches."
    first = page.locator(".finder-result").first
    assert "Lead: LOTI" in first.inner_text() and "Phase: Live" in first.inner_text()
    assert first.locator("a").get_attribute("href") == served_site + "projects/govroam-council-buildings/"


def test_near_misses_and_prefixes_find_projects(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    search_for(page, "wfi")
    assert result_ids(page)[0] == "govroam-council-buildings"
    search_for(page, "apprentic")
    assert result_ids(page) == APPRENTICESHIPS


def test_a_facet_narrows_the_results_and_its_counts_follow(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    search_for(page, "apprenticeships")
    assert result_ids(page) == APPRENTICESHIPS
    assert page.inner_text("label[for=finder-phase-beta] [data-finder-count]") == "(1)"
    page.check("#finder-borough-camden")
    page.wait_for_function("location.search.includes('borough=camden')")
    assert result_ids(page) == ["camden-digital-apprenticeships"]
    assert state(page) == {"q": ["apprenticeships"], "borough": ["camden"]}
    # other facets count within Camden; Lewisham's beta project is no longer on offer
    assert page.is_hidden("#finder-phase-beta")
    page.check("#finder-borough-lewisham")  # OR within a facet
    page.wait_for_function("location.search.includes('borough=lewisham')")
    assert result_ids(page) == ["camden-digital-apprenticeships", "lewisham-digital-apprenticeships"]
    page.check("#finder-phase-beta")  # AND across facets
    page.wait_for_function("location.search.includes('phase=beta')")
    assert result_ids(page) == ["lewisham-digital-apprenticeships"]


def test_opening_or_reloading_a_url_restores_its_state(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site, "?q=apprenticeships&phase=live&phase=beta&sort=start")
    expected = ["lewisham-digital-apprenticeships", "camden-digital-apprenticeships", "digital-apprenticeships"]
    for _ in range(2):
        assert page.input_value("#finder-q") == "apprenticeships"
        assert page.is_checked("#finder-phase-live") and page.is_checked("#finder-phase-beta")
        assert page.input_value("#finder-sort") == "start"
        assert result_ids(page) == expected
        page.reload()
        page.wait_for_selector(READY)


def test_back_and_forward_walk_through_the_states(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    search_for(page, "apprenticeships")
    page.check("#finder-borough-camden")
    page.wait_for_function("location.search.includes('borough=camden')")
    page.select_option("#finder-sort", "reviewed")
    page.wait_for_function("location.search.includes('sort=reviewed')")
    page.go_back()
    page.wait_for_function("!location.search.includes('sort=')")
    assert page.input_value("#finder-sort") == "relevance"
    assert result_ids(page) == ["camden-digital-apprenticeships"]
    page.go_back()
    page.wait_for_function("!location.search.includes('borough=')")
    assert not page.is_checked("#finder-borough-camden")
    assert result_ids(page) == APPRENTICESHIPS
    page.go_back()  # before any typing: the whole catalogue
    page.wait_for_function("location.search === ''")
    assert page.input_value("#finder-q") == ""
    assert len(result_ids(page)) == 28
    page.go_forward()
    page.wait_for_function("location.search.includes('q=apprenticeships')")
    assert result_ids(page) == APPRENTICESHIPS


def test_a_q_link_shows_its_results_and_leaves_the_theme_s_search_closed(browser_page, served_site: str) -> None:
    """The theme's header search claims ?q= on a page's first load (it opens over the page and
    drops q from the address); on /find/ the finder keeps q to itself."""
    page = open_finder(browser_page, served_site, "?q=apprenticeships&phase=beta")
    assert result_ids(page) == ["lewisham-digital-apprenticeships"]
    assert page.input_value("#finder-q") == "apprenticeships"
    assert page.is_checked("#finder-phase-beta")
    assert not page.is_checked("input[data-md-toggle=search]")  # the theme's search dialog
    assert page.input_value(".md-search__input") == ""
    page.wait_for_load_state("networkidle")  # the theme is fully up: still nothing of it open
    assert not page.is_checked("input[data-md-toggle=search]")
    assert state(page) == {"q": ["apprenticeships"], "phase": ["beta"]}
    page.check("#finder-phase-live")
    page.wait_for_function("location.search.includes('phase=live')")
    assert state(page) == {"q": ["apprenticeships"], "phase": ["beta", "live"]}
    page.go_back()
    page.wait_for_function("!location.search.includes('phase=live')")
    assert state(page) == {"q": ["apprenticeships"], "phase": ["beta"]}
    assert result_ids(page) == ["lewisham-digital-apprenticeships"]
    page.click("[data-finder-clear]")  # nothing covers the page
    page.wait_for_function("location.search === ''")


def test_an_older_query_link_is_read_as_q(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site, "?query=apprenticeships&borough=camden")
    assert result_ids(page) == ["camden-digital-apprenticeships"]
    page.check("#finder-phase-live")
    page.wait_for_function("location.search.includes('phase=live')")
    assert state(page) == {"q": ["apprenticeships"], "borough": ["camden"], "phase": ["live"]}


def test_the_prebuilt_index_is_never_built_in_the_browser(browser_context, page_problems, served_site: str) -> None:
    page = browser_context.new_page()
    page.on("console", page_problems.console)
    page.on("pageerror", page_problems.exception)
    page.add_init_script(SPY_ON_LUNR)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_finder(page, served_site, "?q=wifi")
    assert served_site + "api/search-index.json" in fetched
    assert served_site + "api/search-docs.json" in fetched
    assert result_ids(page)[0] == "govroam-council-buildings"
    assert page.evaluate("window.lunrCalls") == {"load": 0, "build": 0, "lunr": 0, "tokenSets": 0}
    search_for(page, "wfi")  # a near miss: lunr's TokenSet of the prebuilt terms, made once
    search_for(page, "chatbto")
    assert result_ids(page)[0] == "westminster-chatbot"
    assert page.evaluate("window.lunrCalls") == {"load": 0, "build": 0, "lunr": 0, "tokenSets": 1}
    assert not page_problems.found, page_problems.found


RANKING_QUERIES = ["apprentic", "wfi", "housng", "data", "parking sensors", "digital inclusion", "council",
                   "a:b +-~", "london", "zzzqqq", "digital"]


def test_the_browser_ranks_as_catalogue_search_does(browser_page, served_site: str, python_finder: Finder) -> None:
    page = open_finder(browser_page, served_site)
    for text in RANKING_QUERIES:
        page.fill("#finder-q", text)
        page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=text)
        expected = [hit.doc["id"] for hit in python_finder.search(text).hits]
        assert result_ids(page) == expected, text
        # the very same floats: both sum lunr's weights posting by posting, in the same order
        scores = [[hit.doc["id"], hit.score] for hit in python_finder.search(text).hits]
        assert page.evaluate("q => window.boroughFinder.ranked(q)", text) == scores, text
        count = len(expected)
        assert page.inner_text("#finder-status") == (
            "No projects match." if not count else "1 project matches." if count == 1 else f"{count} projects match.")


def test_an_empty_result_says_so_and_offers_to_remove_filters(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site, "?q=apprenticeships&phase=retired")
    assert result_ids(page) == []
    assert page.is_visible("[data-finder-empty]")
    assert page.inner_text("#finder-status") == "No projects match."
    page.click("[data-finder-clear-filters]")
    page.wait_for_function("!location.search.includes('phase=')")
    assert result_ids(page) == APPRENTICESHIPS
    assert page.is_hidden("[data-finder-empty]")


def test_the_count_is_announced_politely(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    status = page.locator("#finder-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == "28 projects match."


def test_it_works_from_the_keyboard(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    page.focus("#finder-q")
    page.keyboard.type("apprenticeships")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('q=apprenticeships')")
    page.keyboard.press("Tab")  # the Search button
    page.keyboard.press("Tab")  # the filters' fold
    assert page.evaluate("document.activeElement.matches('[data-finder-filters] > summary')")
    page.keyboard.press("Tab")  # the first option of the first facet
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("finder-borough-")
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('borough=')")
    assert page.is_checked("#" + focused)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible


def test_without_scripts_the_browse_lists_remain(chromium, served_site: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served_site)
                  else route.abort())
    page = context.new_page()
    page.goto(served_site + "find/")
    assert page.is_hidden("[data-finder-form]")
    assert page.is_visible("[data-finder-browse]")
    assert page.locator("[data-finder-browse] a[href='../boroughs/hackney/']").is_visible()
    assert page.locator("[data-finder-browse] a[href='../topics/housing/']").is_visible()
    context.close()


def test_a_failed_download_keeps_the_browse_lists(browser_context, served_site: str) -> None:
    page = browser_context.new_page()
    page.route("**/api/search-index.json", lambda route: route.fulfill(status=503, body="down"))
    page.goto(served_site + "find/")
    page.wait_for_selector("[data-finder-error]:not([hidden])")
    assert "could not be loaded" in page.inner_text("[data-finder-error]")
    assert page.is_visible("[data-finder-browse]") and page.is_hidden("[data-finder-form]")


def test_it_starts_after_instant_navigation_and_comes_back(browser_page, served_site: str) -> None:
    page = browser_page
    # From About rather than Home: the theme's instant loading throws on Home's SVG map links
    # ("Cannot set property href of SVGAElement"), which is no business of the finder's.
    page.goto(served_site + "about/")
    page.wait_for_load_state("networkidle")  # the theme has read the sitemap
    page.evaluate("""() => { window.stillHere = true;
        const a = document.createElement('a'); a.href = '../find/?q=apprenticeships'; a.id = 'to-find';
        a.textContent = 'Find'; document.querySelector('article').append(a); }""")
    page.click("#to-find")
    page.wait_for_selector(READY)
    assert page.evaluate("window.stillHere") is True  # swapped in by the theme, no full load
    assert result_ids(page) == APPRENTICESHIPS
    page.check("#finder-phase-beta")
    page.wait_for_function("location.search.includes('phase=beta')")
    page.click(".finder-result__title a")
    page.wait_for_url("**/projects/lewisham-digital-apprenticeships/")
    page.go_back()
    page.wait_for_selector(READY)
    assert page.evaluate("window.stillHere") is True
    assert page.is_checked("#finder-phase-beta")
    assert result_ids(page) == ["lewisham-digital-apprenticeships"]
    page.go_back()
    page.wait_for_function("!location.search.includes('phase=')")
    assert result_ids(page) == APPRENTICESHIPS


def test_no_accessibility_violations_in_the_finder(browser_page, served_site: str) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = open_finder(browser_page, served_site, "?q=apprenticeships&borough=camden")
    rules = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    results = axe.Axe().run(page, context="#finder", options=rules)
    assert results.violations_count == 0, results.generate_report()


def test_the_theme_s_header_search_finds_a_project_by_a_title_word(browser_page, served_site: str) -> None:
    """Record pages are out of the theme's search; catalogue.search.material adds them back small."""
    page = browser_page
    page.goto(served_site + "about/")  # not Home: see test_it_starts_after_instant_navigation...
    page.click(".md-search__input")
    page.keyboard.type("govroam")
    link = page.wait_for_selector(".md-search-result__link[href*='projects/govroam-council-buildings/']")
    assert "Shared wifi across council buildings" in link.inner_text()


def test_on_a_phone_the_filters_fold_away_below_the_first_results(browser_page, served_site: str) -> None:
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_finder(page, served_site, "?q=apprenticeships")
    assert not page.evaluate("document.querySelector('[data-finder-filters]').open")
    assert page.is_hidden("#finder-borough-camden")
    first = page.locator(".finder-result").first.bounding_box()
    assert first is not None and first["y"] + first["height"] / 2 < 844  # on the first screen
    page.click("[data-finder-filters] > summary")
    page.check("#finder-borough-camden")
    page.wait_for_function("location.search.includes('borough=camden')")
    assert result_ids(page) == ["camden-digital-apprenticeships"]
    assert page.inner_text("[data-finder-chosen]") == "(1 chosen)"


def test_every_render_is_marked_for_the_benchmark(browser_page, served_site: str) -> None:
    page = open_finder(browser_page, served_site)
    page.evaluate("""() => { window.rendered = [];
        document.getElementById('finder').addEventListener('finder:rendered', e => window.rendered.push(e.detail)); }""")
    before = int(page.get_attribute("#finder", "data-finder-rendered"))
    page.focus("#finder-q")
    page.keyboard.type("wifi")
    page.wait_for_function("window.rendered.length === 4")  # one render per keystroke, none held back
    assert int(page.get_attribute("#finder", "data-finder-rendered")) == before + 4
    assert [detail["total"] for detail in page.evaluate("window.rendered")][-1] == len(result_ids(page))
