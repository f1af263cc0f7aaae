"""Accessibility in real Chromium: axe-core finds no WCAG 2.0/2.1 A and AA or WCAG 2.2 AA
violation on any kind of page of the built sample site, in the light and the dark scheme, and the
finder and the propose form work from the keyboard alone with visible focus.

Each page type is represented by its fullest example in the sample data (the record with the
most fields, the organisation leading most projects, the busiest topic and tag), so the most
template branches are checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from quality_support import fullest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A focus ring: a computed outline or box-shadow on the element. `own` false also accepts the
# theme's two indirect indicators: a visually hidden radio whose drawn label next to it gets the
# ring (the palette toggle), and the header search, whose whole bar is raised while it has focus.
FOCUS_VISIBLE = """(own) => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const ring = (node) => {
    if (!node) return false;
    const s = getComputedStyle(node);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== "none");
  };
  if (ring(el) || own) return ring(el);
  const next = el.nextElementSibling;
  if (el.matches("input.md-option") && next && next.matches("label") && ring(next)) return true;
  return el.matches(".md-search__input") && ring(el.closest(".md-search__form"));
}"""
ACTIVE = """(visible) => { const el = document.activeElement;
  return el ? {tag: el.tagName.toLowerCase(), id: el.id, type: el.type || "", name: el.name || "",
               text: (el.textContent || "").trim().slice(0, 60),
               inList: Boolean(el.closest("[data-finder-list]")),
               facet: (el.closest("[data-finder-facet]") || {}).dataset?.finderFacet || "",
               seen: eval(visible)(false), ring: eval(visible)(true)} : null; }"""


@pytest.fixture(scope="module")
def pages(clean_site: Path) -> dict[str, str]:
    """Page type -> path under the site root."""
    return {"home": "", **fullest(clean_site), "organisations": "boroughs/", "topics": "topics/", "tags": "tags/",
            "timeline": "timeline/", "data": "data/", "reference": "reference/", "contribute": "contribute/",
            "about": "about/", "propose": "propose/", "not-found": "no-such-page/"}


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {node['target']} {node['html'][:120]!r}\n        {summary[:300]}")
    return "\n".join(lines)


STATUS_CHANGED = "(before) => document.getElementById('finder-status').textContent !== before"


def finder_results(page: Any, query: str) -> str:
    """Type a query into the finder and wait until the results for it are shown."""
    page.wait_for_selector("#finder[data-finder-ready]")
    before = page.text_content("#finder-status")
    page.fill("#finder-q", query)
    page.wait_for_function(STATUS_CHANGED, arg=before)
    page.wait_for_selector("[data-finder-list] li")
    return str(page.text_content("#finder-status"))


# What the theme's palette toggle stores when someone picks the dark scheme (mkdocs.yml's second
# palette), under the site's scope: the page applies it before it first paints.
DARK_PALETTE = """try { localStorage.setItem("/catalogue/.__palette", JSON.stringify({index: 1, color: {
  media: "(prefers-color-scheme: dark)", scheme: "slate", primary: "indigo", accent: "teal"}})); } catch (e) {}"""


def open_dark(open_page: Callable[..., Any], url: str) -> Any:
    """A page in the site's dark scheme, chosen as the palette toggle chooses it."""
    page = open_page().page
    page.emulate_media(color_scheme="dark")
    page.add_init_script(DARK_PALETTE)
    page.goto(url)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-default-bg-color')").strip() \
        not in ("#fff", "#ffffff", "rgb(255, 255, 255)")
    return page


PAGE_TYPES = ["home", "project", "organisation", "topic", "tag", "organisations", "topics", "tags", "timeline",
              "data", "reference", "contribute", "about", "propose", "not-found"]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations(kind: str, pages: dict[str, str], site_url: str, open_page: Callable[..., Any],
                           axe: Callable[[Any], list[dict[str, Any]]]) -> None:
    watch = open_page(site_url + pages[kind])
    page = watch.page
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert watch.response.status == (404 if kind == "not-found" else 200)
    if kind == "not-found":  # the theme's 404 page, styled, as GitHub Pages serves it
        assert "404" in page.locator("h1").first.inner_text()
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    violations = axe(page)
    assert violations == [], report(violations)


def test_no_axe_violations_in_the_finder_with_results(site_url: str, open_page: Callable[..., Any],
                                                      axe: Callable[[Any], list[dict[str, Any]]]) -> None:
    page = open_page(site_url + "find/").page
    finder_results(page, "data")
    violations = axe(page)
    assert violations == [], report(violations)


def test_no_axe_violations_in_the_propose_form_showing_errors(site_url: str, open_page: Callable[..., Any],
                                                              axe: Callable[[Any], list[dict[str, Any]]]) -> None:
    page = open_page(site_url + "propose/").page
    page.wait_for_selector("#propose-form[data-ready]")
    page.click("#propose-form button[type=submit]")
    assert page.locator("#propose-errors").is_visible()
    assert page.locator("[data-propose-error]").count() > 0
    violations = axe(page)
    assert violations == [], report(violations)


# Every colour the dark scheme changes: badges, bars, tags, buttons, "required" and error text.
DARK_TYPES = ["home", "project", "organisation", "tag", "timeline", "reference", "finder", "propose"]


@pytest.mark.parametrize("kind", DARK_TYPES)
def test_no_axe_violations_in_the_dark_scheme(kind: str, pages: dict[str, str], site_url: str,
                                              open_page: Callable[..., Any],
                                              axe: Callable[[Any], list[dict[str, Any]]]) -> None:
    page = open_dark(open_page, site_url + ("find/" if kind == "finder" else pages[kind]))
    if kind == "finder":
        finder_results(page, "data")
    if kind == "propose":
        page.wait_for_selector("#propose-form[data-ready]")
        page.click("#propose-form button[type=submit]")  # the error colours too
    violations = axe(page)
    assert violations == [], report(violations)


# --- keyboard only ------------------------------------------------------------------------------

def tab_to(page: Any, wanted: Callable[[dict[str, Any]], bool], limit: int = 250) -> dict[str, Any]:
    """Press Tab until the focused element is `wanted`, which must show a focus ring of its own;
    every stop on the way must show its focus too."""
    unseen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE, FOCUS_VISIBLE)
        if active and not active["seen"]:
            unseen.append(active)
        if active and wanted(active):
            assert not unseen, f"focus not visible on {unseen}"
            assert active["ring"], f"no focus ring on {active}"
            return dict(active)
    raise AssertionError(f"Tab never reached the element ({limit} presses)")


def test_the_finder_works_from_the_keyboard(site_url: str, open_page: Callable[..., Any]) -> None:
    page = open_page(site_url + "find/").page
    page.wait_for_selector("#finder[data-finder-ready]")
    live = page.locator("#finder-status")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    everything = live.text_content() or ""
    assert re.match(r"\d+ projects\b", everything), everything

    tab_to(page, lambda a: a["id"] == "finder-q")
    page.keyboard.type("data", delay=20)
    page.wait_for_function(STATUS_CHANGED, arg=everything)
    found = live.text_content() or ""
    total = int(found.split()[0])
    assert 0 < total < int(everything.split()[0]), found

    box = tab_to(page, lambda a: a["type"] == "checkbox" and a["facet"] == "borough")
    count = int(page.text_content(f"label[for='{box['id']}'] [data-finder-count]").strip("()"))
    address = page.url
    page.keyboard.press("Space")
    assert page.is_checked(f"#{box['id']}")
    if count != total:  # the live region says what the filter left
        page.wait_for_function(STATUS_CHANGED, arg=found)
    now = live.text_content() or ""
    assert re.match(rf"{count} projects?\b", now), (count, now)
    assert page.url != address  # the filter is in the address, so Back undoes it

    link = tab_to(page, lambda a: a["tag"] == "a" and a["inList"])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/catalogue/projects/[a-z0-9-]+/$"))
    assert page.locator(".cat-project h1").inner_text() == link["text"]


def test_the_propose_form_works_from_the_keyboard(site_url: str, open_page: Callable[..., Any]) -> None:
    page = open_page(site_url + "propose/").page
    page.wait_for_selector("#propose-form[data-ready]")

    tab_to(page, lambda a: a["tag"] == "button" and a["type"] == "submit" and "record" in a["text"])
    page.keyboard.press("Enter")  # empty: the error summary takes the focus
    assert page.evaluate("document.activeElement.id") == "propose-errors"
    assert page.locator("#propose-errors").is_visible()
    assert page.evaluate(FOCUS_VISIBLE, True), "the focused error summary shows no focus"

    # On from the summary through the form, filling the required fields by typing only.
    typed = {"f-title": "Kerbside charging from lamp columns",
             "f-summary": "Charge points in lamp columns for residents without a driveway.",
             "f-start": "2025-04", "f-contact-team": "Sustainable Transport",
             "f-contact-email": "ev@camden.example.org"}
    chosen = {"f-lead": ("Camden", "camden"), "f-phase": ("Beta", "beta"), "f-status": ("Active", "active")}
    done: set[str] = set()
    while len(done) < len(typed) + len(chosen) + 1:
        active = tab_to(page, lambda a: a["id"] in typed or a["id"] in chosen or a["id"] == "f-topics-0")
        ident = active["id"]
        assert ident not in done, f"Tab came back to {ident} before every field was filled: {done}"
        if ident in typed:
            page.keyboard.type(typed[ident])
        elif ident in chosen:
            label, value = chosen[ident]
            page.keyboard.type(label, delay=30)  # type-to-select, as people do
            assert page.input_value(f"#{ident}") == value
        else:
            page.keyboard.press("Space")
            assert page.is_checked("#f-topics-0")
        done.add(ident)
    tab_to(page, lambda a: a["tag"] == "button" and a["type"] == "submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#propose-result:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "propose-result-title"
    assert page.locator("#propose-errors").is_hidden()
    yaml_text = page.text_content("#propose-yaml") or ""
    assert 'title: "Kerbside charging from lamp columns"' in yaml_text, yaml_text
    assert "lead: \"camden\"" in yaml_text or "lead: camden" in yaml_text, yaml_text
