"""The /propose/ form in real Chromium, on the sample site served over http.

Fill it in, read the YAML it writes and check `catalogue validate` accepts it; check the GitHub
address it builds (read from the link, never followed); an empty submit shows the error summary.
The server and browser fixtures are browser/conftest.py's; `sample_site` is tests/site/conftest.py's.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from catalogue import yamlsafe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[3]
NEW_FILE = "https://github.com/borough-projects/catalogue/new/main/projects/camden"
AWKWARD = ["yes", "no", "null", "~", "2024-01", "1e3", "0x1F", "- dash", "? query", ": colon", "# hash",
           "a: b", "a #b", "'single'", '"double"', "back\\slash \\n", "tab\tin", "{curly}", "[square]",
           "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "---", "...", "  lead",
           "trail  ", "ünïcødé £", "emoji 😀", "line\u2028separator", "next\u0085line", "bom\ufeff",
           "bell\x07", "del\x7f"]


@pytest.fixture
def page(browser_page, served_site: str) -> Any:
    """The form, ready; browser_page (conftest.py) fails the test on any console error or uncaught exception."""
    browser_page.goto(served_site + "propose/")
    browser_page.wait_for_selector("#propose-form[data-ready]")
    return browser_page


def fill_required(page, title: str = "Kerbside EV charging") -> None:
    page.select_option("#f-lead", "camden")
    page.fill("#f-title", title)
    page.fill("#f-summary", "Charge points in lamp columns, so residents without a driveway can charge near home.")
    page.select_option("#f-phase", "beta")
    page.select_option("#f-status", "active")
    page.fill("#f-start", "2025-04")
    page.check("#propose-form input[value='transport-and-streets']")
    page.fill("#f-contact-team", "Sustainable Transport")
    page.fill("#f-contact-email", "ev-charging@camden.example.org")


def submit(page) -> str:
    page.click("#propose-form button[type=submit]")
    page.wait_for_selector("#propose-result:not([hidden])")
    return page.text_content("#propose-yaml")


def test_empty_submit_shows_the_error_summary(page) -> None:
    page.click("#propose-form button[type=submit]")
    summary = page.locator("#propose-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "propose-errors"
    assert page.title().startswith("Error: ")
    messages = page.locator("#propose-errors li a").all_inner_texts()
    assert "Enter the title" in messages and "Choose the lead organisation" in messages
    assert "Choose at least one of the topics" in messages and "Enter the team mailbox" in messages
    # Each message at its field too, read out with it, and the summary's links go there.
    title = page.locator("#f-title")
    assert title.get_attribute("aria-invalid") == "true"
    assert "f-title-error" in title.get_attribute("aria-describedby")
    assert "Enter the title" in page.text_content("#f-title-error")
    assert "f-topics-error" in page.get_attribute("#f-topics", "aria-describedby")
    page.click("#propose-errors a[href='#f-title']")
    assert page.evaluate("document.activeElement.id") == "f-title"
    assert page.is_hidden("#propose-result")


def test_format_errors_come_from_the_schema(page) -> None:
    fill_required(page)
    page.fill("#f-id", "Not An Id")
    page.fill("#f-start", "2025-13")
    page.fill("#f-contact-email", "not-an-address")
    page.select_option("#f-status", "completed")
    page.click("#propose-form button[type=submit]")
    messages = page.locator("#propose-errors li a").all_inner_texts()
    assert any(m.startswith("Project id must be lower case letters and numbers") for m in messages)
    assert "Start must be a real date: check the month and the day" in messages
    assert any(m.startswith("Team mailbox must be an email address") for m in messages)
    assert "Enter the end date: a completed project needs one" in messages


def test_a_filled_form_makes_a_record_the_validator_accepts(page, tmp_path: Path, run_cli) -> None:
    title = 'Kerbside EV charging: "phase 2" # pilot'
    fill_required(page, title)
    assert page.input_value("#f-id") == "kerbside-ev-charging-phase-2-pilot"  # suggested from the title
    description = "  Indented first line.\n\n## What we learn\n\n- Usage: by hour\n- 'Quotes' and \"more\""
    page.fill("#f-description", description)
    page.fill("#f-tags", "electric-vehicles, kerbside")
    page.check("#propose-form input[value='share-learning']")
    page.click("#f-personal-data-false")
    page.select_option("#f-partners-0-org", "loti")
    page.select_option("#f-partners-0-role", "advisor")
    page.click("[data-add='f-partners']")
    page.fill("#f-partners-1-name", "Example Charging Ltd")
    page.fill("#f-partners-1-url", "https://charging.example.com")
    page.select_option("#f-partners-1-role", "supplier")
    page.fill("#f-links-0-title", "Request a charge point")
    page.fill("#f-links-0-url", "https://www.camden.gov.uk/ev-charging")
    page.select_option("#f-links-0-type", "service")
    text = submit(page)

    path = "projects/camden/kerbside-ev-charging-phase-2-pilot.yml"
    assert page.text_content("#propose-path") == path
    record = yamlsafe.parse(text)
    assert record["title"] == title and record["description"] == description + "\n"
    assert record["partners"] == [{"org": "loti", "role": "advisor"},
                                  {"name": "Example Charging Ltd", "url": "https://charging.example.com",
                                   "role": "supplier"}]
    assert record["personal_data"] is False and record["start"] == "2025-04"
    assert 'start: "2025-04"' in text and "description: |2\n" in text

    root = tmp_path / "catalogue"
    for folder in ("projects", "boroughs"):
        shutil.copytree(REPO / folder, root / folder)
    (root / path).write_text(text, encoding="utf-8")
    code, out = run_cli("--root", str(root), "validate", "--today", dt.date.today().isoformat(), str(root / path))
    assert code == 0, out

    href = page.get_attribute("#propose-github", "href")
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == NEW_FILE
    query = parse_qs(url.query, keep_blank_values=True, strict_parsing=True)
    assert query == {"filename": ["kerbside-ev-charging-phase-2-pilot.yml"], "value": [text]}


def test_the_yaml_writer_keeps_awkward_text_as_typed(page) -> None:
    spec = page.evaluate("JSON.parse(document.getElementById('propose-form').dataset.propose)")
    for text in AWKWARD:
        record = {"id": "x", "title": text, "summary": text + "\nsecond line", "description": text,
                  "tags": [text]}
        yaml_text = page.evaluate("([spec, record]) => window.catalogueProposeYaml(spec, record)", [spec, record])
        parsed = yamlsafe.parse(yaml_text)
        assert parsed["title"] == text and parsed["tags"] == [text], yaml_text
        assert parsed["summary"] in (text + "\nsecond line", text + "\nsecond line\n"), yaml_text
        assert parsed["description"] in (text, text + "\n"), yaml_text


def test_rows_are_added_and_removed_from_the_keyboard(page) -> None:
    add = page.locator("[data-add='f-links']")
    add.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "f-links-1-title"  # the new row's first field
    assert page.locator("#f-links-rows .propose-row").count() == 2
    assert page.locator("#f-links-rows .propose-row legend").all_inner_texts() == ["Link 1", "Link 2"]
    page.locator("#f-links-rows .propose-row").nth(0).locator("[data-remove]").focus()
    page.keyboard.press("Enter")
    assert page.locator("#f-links-rows .propose-row legend").all_inner_texts() == ["Link 1"]
    assert page.evaluate("document.activeElement.id") == "f-links-1-title"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible


def test_the_form_starts_after_instant_navigation(browser_page, served_site: str) -> None:
    page = browser_page
    page.goto(served_site)
    page.wait_for_load_state("networkidle")  # the theme has read the sitemap
    page.evaluate("""() => { window.stillHere = true;
        const a = document.createElement('a'); a.href = 'propose/'; a.id = 'to-propose'; a.textContent = 'Propose';
        document.querySelector('article').append(a); }""")
    page.click("#to-propose")
    page.wait_for_selector("#propose-form[data-ready]")
    assert page.evaluate("window.stillHere") is True  # the theme swapped the page in: no full load
    page.click("#propose-form button[type=submit]")
    assert page.locator("#propose-errors").is_visible()
