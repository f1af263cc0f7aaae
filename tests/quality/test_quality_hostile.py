"""Hostile records: every free-text and URL field of a record full of script and markup payloads,
built with the real `mkdocs build --strict` and loaded in Chromium. No dialog opens, no payload
becomes an element, attribute or script, the text reads exactly as written (so "{{7*7}}" is not
49), and the open data carries every payload byte for byte.

One record per payload, each payload in every free-text field of its record, so a field that
is not escaped shows up whichever payload gets through. The records validate: the payloads fit
the schema's lengths, and URLs are https with the payload in the query or fragment.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from quality_support import REPO, TODAY, Build, copy_project, html_pages, parse_html, run_mkdocs, to_yaml, url_path_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<div onmouseover="alert(1)" style="position:fixed;inset:0">hover</div>',
    '<a href="javascript:alert(1)">js link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="jav&#x09;ascript:alert(1)">entity tab</a>',
    '<a href="&#106;avascript:alert(1)">decimal entity</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data url</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><script>alert(1)</script>",
    "{{7*7}}",
    "{{ 7*7 }} ${7*7} #{7*7}",
    "{% raw %}",
    "{% endraw %}{{ config }}",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "<!-- <script>alert(1)</script> -->",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<object data="data:text/html,x"></object><embed src="x.swf">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "\u202eevil.exe\u202c gnp.txt",
    "zero\u200bwidth\u200cjoin\u200dword\u2060",
]
URL_PAYLOADS = [
    'https://example.org/?q="><script>alert(1)</script>',
    "https://example.org/?q='><img/src=x/onerror=alert(1)>",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/?next=javascript:alert(1)",
    "https://example.org/?a=<svg/onload=alert(1)>&b={{7*7}}",
    "https://example.org/#</script><script>alert(1)</script>",
    "https://example.org/?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "https://example.org/?\u202e=\u200b",
]
TEXT_FIELDS = [("title",), ("summary",), ("outcome",), ("description",), ("contact", "team"),
               ("funding", "source"), ("partners", 0, "name"), ("links", 0, "title"),
               *[("methodology", key) for key in ("actions", "insights", "data", "enablers", "ethics")]]
URL_FIELDS = [("partners", 0, "url"), ("links", 0, "url")]
RELATED = "camden-data-charter"  # a clean project the hostile ones relate to: its page lists them
TOPIC = "housing"
TAG = "hostile-payload"

# Where record text is written on pages and in finder results: no <svg>, form control or styled
# block may appear in them (the theme's own icons and forms are elsewhere).
RECORD_TEXT = (".cat-page h1, .cat-summary-lead, .cat-summary, .cat-description, .cat-outcome, .cat-methodology, "
               ".cat-facts, .cat-links, .cat-projects, .cat-related, .cat-roadmap, .finder-list, .md-search-result")

DOM_CHECK = """() => {
  const problems = [];
  const where = (el) => `<${el.localName}${el.id ? "#" + el.id : ""}>`;
  const url = (v) => (v || "").replace(/[\\u0000-\\u0020\\u007f-\\u009f]/g, "").toLowerCase();
  const active = /^(javascript|data|vbscript):/;
  const linking = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset",
                   "ping", "cite", "codebase", "manifest"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`${where(el)} has ${name}`);
      if (linking.includes(name) && active.test(url(attr.value))) problems.push(`${where(el)} ${name}=${attr.value}`);
      if (name === "srcdoc") problems.push(`${where(el)} has srcdoc`);
    }
  }
  const banned = ["iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "math", "img",
                  "link[rel~=import]", "meta[http-equiv=refresh i]", "[autofocus]", "details[ontoggle]",
                  "[style*='javascript' i]", "[style*='position:fixed' i]"];
  for (const selector of banned) {
    for (const el of document.querySelectorAll(selector)) problems.push(`${where(el)} matches ${selector}`);
  }
  for (const el of document.querySelectorAll("article style, .md-content style, body > style")) {
    problems.push(`style element in the page: ${el.textContent.slice(0, 60)}`);
  }
  for (const el of document.querySelectorAll(RECORD_TEXT)) {
    const inside = "svg, form, input, button, textarea, select, style, div[style], p[style]";
    for (const inner of el.querySelectorAll(inside)) {
      problems.push(`${where(inner)} inside ${where(el)}`);
    }
  }
  const scripts = Array.from(document.scripts, (s) => ({src: s.src, type: s.type, id: s.id,
                                                    inHead: Boolean(s.closest("head")), text: s.textContent}));
  return {problems, scripts};
}""".replace("RECORD_TEXT", json.dumps(RECORD_TEXT))


def set_path(record: dict[str, Any], path: tuple[str | int, ...], value: str) -> None:
    node: Any = record
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def get_path(record: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    node: Any = record
    for part in path:
        node = node[part]
    return node


def hostile_record(n: int, payload: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "schema_version": 1, "id": f"hostile-{n:02d}", "title": "", "summary": "", "lead": "camden",
        "phase": "beta", "status": "active", "start": "2026-01", "topics": [TOPIC],
        "tags": [TAG, f"hostile-{n:02d}"], "contact": {"team": "", "email": "hostile@camden.example.org"},
        "last_reviewed": TODAY, "description": "", "outcome": "",
        "methodology": {key: "" for key in ("actions", "insights", "data", "enablers", "ethics")},
        "funding": {"source": "", "band": "unknown"},
        "partners": [{"name": "", "url": "", "role": "advisor"}],
        "links": [{"title": "", "url": "", "type": "blog"}],
        "related": [{"project": RELATED, "relation": "similar-to"}],
        "collaboration": ["share-learning"], "personal_data": False,
    }
    for path in TEXT_FIELDS:
        set_path(record, path, payload)
    set_path(record, URL_FIELDS[0], URL_PAYLOADS[n % len(URL_PAYLOADS)])
    set_path(record, URL_FIELDS[1], URL_PAYLOADS[(n + 1) % len(URL_PAYLOADS)])
    return record


RECORDS = [hostile_record(n, payload) for n, payload in enumerate(PAYLOADS)]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = copy_project(tmp_path_factory.mktemp("hostile"), REPO)
    for record in RECORDS:
        (root / "projects" / "camden" / f"{record['id']}.yml").write_text(to_yaml(record) + "\n", encoding="utf-8")
    build = run_mkdocs(root)
    assert build.ok, build.output
    return build


@pytest.fixture(scope="module")
def hostile_url(hostile_build: Build, serve: Callable[[Path], str]) -> str:
    return serve(hostile_build.site)


@pytest.fixture(scope="module")
def site_scripts(clean_site: Path) -> tuple[set[str], set[str]]:
    """(URL paths of script files, texts of inline scripts) of every page of the clean build."""
    files, inline = set(), set()
    for path in html_pages(clean_site):
        base = "http://127.0.0.1" + url_path_of(clean_site, path)
        for attrs, text in parse_html(path.read_text(encoding="utf-8")).scripts:
            if attrs.get("src"):
                files.add(urlsplit(urljoin(base, str(attrs["src"]))).path)
            else:
                inline.add(text)
    return files, inline


def payload_problems(page: Any, scripts: tuple[set[str], set[str]]) -> list[str]:
    """What the page's live DOM holds that no page of the clean build has."""
    found = page.evaluate(DOM_CHECK)
    problems = list(found["problems"])
    files, inline = scripts
    json_ld = 0
    for script in found["scripts"]:
        if script["src"]:
            if urlsplit(script["src"]).path not in files:
                problems.append(f"script from {script['src']}")
        elif script["type"] == "application/ld+json":
            json_ld += 1
            json.loads(script["text"])  # whole: nothing closed the element early
            if not script["inHead"]:
                problems.append("JSON-LD outside <head>")
        elif script["text"] not in inline:
            problems.append(f"inline script not in the clean build: {script['text'][:80]!r}")
    if json_ld > 1:
        problems.append(f"{json_ld} JSON-LD blocks")
    return problems


def visit(open_page: Callable[..., Any], url: str, scripts: tuple[set[str], set[str]]) -> Any:
    watch = open_page(url)
    page = watch.page
    page.wait_for_load_state("load")
    problems = payload_problems(page, scripts)
    assert problems == [], (url, problems)
    assert watch.dialogs == [], (url, watch.dialogs)
    return page


def test_every_record_is_hostile_and_valid(hostile_build: Build) -> None:
    """The build passed --strict, so the validator accepted every record; each one carries its
    payload in every free-text field."""
    for record in RECORDS:
        assert {get_path(record, path) for path in TEXT_FIELDS} == {PAYLOADS[int(record["id"][-2:])]}
        assert (hostile_build.site / "projects" / record["id"] / "index.html").is_file()


def test_the_checker_passes_the_clean_site(site_url: str, open_page: Callable[..., Any],
                                           site_scripts: tuple[set[str], set[str]]) -> None:
    """The same DOM checks find nothing on clean pages of each kind, so what they find on the
    hostile build comes from the payloads."""
    for path in ("", f"projects/{RELATED}/", "boroughs/camden/", f"topics/{TOPIC}/", "tags/data-ethics/",
                 "timeline/", "find/", "propose/"):
        visit(open_page, site_url + path, site_scripts)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_the_project_page_shows_the_payload_as_text(record: dict[str, Any], hostile_url: str,
                                                    open_page: Callable[..., Any],
                                                    site_scripts: tuple[set[str], set[str]]) -> None:
    payload = record["title"]
    page = visit(open_page, hostile_url + f"projects/{record['id']}/", site_scripts)
    # Read exactly as written: escaped once, never run as a template (so {{7*7}} is not 49).
    assert page.text_content(".cat-page h1") == payload
    assert page.text_content(".cat-summary-lead") == payload
    assert (page.text_content(".cat-outcome") or "").removeprefix("Outcome:").strip() == payload.strip()
    assert page.locator(".cat-methodology dd").all_text_contents() == [payload] * 5
    assert page.title().startswith(payload)
    assert page.get_attribute("meta[name=description]", "content") == payload
    jsonld = json.loads(page.text_content("script[type='application/ld+json']") or "{}")
    assert jsonld.get("name") == payload, jsonld
    # The URL payloads stay inside their href, byte for byte.
    hrefs = page.eval_on_selector_all(".cat-facts a, .cat-links a", "els => els.map(a => a.getAttribute('href'))")
    for path in URL_FIELDS:
        assert get_path(record, path) in hrefs, (get_path(record, path), hrefs)
    if "7*7" in payload:
        assert "49" not in (page.text_content(".cat-page") or "")


@pytest.mark.parametrize("path", ["", "boroughs/camden/", f"topics/{TOPIC}/", f"tags/{TAG}/", "timeline/",
                                  f"projects/{RELATED}/", "tags/", "topics/", "boroughs/"])
def test_pages_listing_the_records_are_safe(path: str, hostile_url: str, open_page: Callable[..., Any],
                                            site_scripts: tuple[set[str], set[str]]) -> None:
    page = visit(open_page, hostile_url + path, site_scripts)
    text = page.text_content("article") or ""
    listed = [p for p in PAYLOADS if p in text]
    if path in ("boroughs/camden/", f"topics/{TOPIC}/", f"tags/{TAG}/", "timeline/", f"projects/{RELATED}/"):
        # Every title is on these pages (whitespace aside), each as text.
        missing = [p for p in PAYLOADS if " ".join(p.split()) not in " ".join(text.split())]
        assert missing == [], missing
    elif path == "":
        assert listed, "the home page lists recently reviewed records"


def test_the_finder_shows_the_records_safely(hostile_url: str, open_page: Callable[..., Any],
                                             site_scripts: tuple[set[str], set[str]]) -> None:
    page = visit(open_page, hostile_url + "find/", site_scripts)
    page.wait_for_selector("#finder[data-finder-ready]")
    before = page.text_content("#finder-status")
    page.fill("#finder-q", "hostile")
    page.wait_for_function("(b) => document.getElementById('finder-status').textContent !== b", arg=before)
    page.wait_for_selector(".finder-list li")
    titles = page.locator(".finder-list li h3").all_text_contents()
    assert sorted(titles) == sorted(PAYLOADS)
    assert payload_problems(page, site_scripts) == []


@pytest.mark.parametrize("query", ["camden", "alert"])
def test_the_theme_search_shows_the_records_safely(query: str, hostile_url: str, open_page: Callable[..., Any],
                                                   site_scripts: tuple[set[str], set[str]]) -> None:
    """mkdocs-material's header search writes its results as HTML from search/search_index.json,
    so the entries catalogue/search/material.py adds must be escaped. "camden" matches every
    hostile record by its lead without highlighting inside the payload; "alert" highlights in it."""
    watch = open_page(hostile_url)
    page = watch.page
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(500)  # the results render in batches
    problems = payload_problems(page, site_scripts)
    assert watch.dialogs == [], watch.dialogs
    assert problems == [], "\n".join(problems)
    shown = " ".join((page.text_content(".md-search-result") or "").split())
    assert query in shown.lower()


@pytest.mark.parametrize("path", ["feed.xml", "boroughs/camden/feed.xml", f"topics/{TOPIC}/feed.xml"])
def test_feeds_carry_the_text_and_nothing_runs(path: str, hostile_build: Build, hostile_url: str,
                                               open_page: Callable[..., Any]) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    tree = ET.parse(hostile_build.site / path)  # noqa: S314 - our own build; well-formed whatever the records held
    titles = {}
    for entry in tree.getroot().iter(f"{atom}entry"):
        link = entry.find(f"{atom}link").get("href")  # type: ignore[union-attr]
        titles[link.rstrip("/").rsplit("/", 1)[-1]] = (entry.findtext(f"{atom}title"),
                                                       entry.findtext(f"{atom}summary"))
    for record in RECORDS:
        if record["id"] in titles:
            assert titles[record["id"]] == (record["title"], record["summary"])
    assert any(record["id"] in titles for record in RECORDS)
    watch = open_page(hostile_url + path)
    found = watch.page.evaluate("""() => {
        const html = "http://www.w3.org/1999/xhtml", svg = "http://www.w3.org/2000/svg";
        const all = Array.from(document.getElementsByTagName("*"));
        return all.filter((el) => (el.namespaceURI === html && /^(script|iframe|img|object|embed)$/i.test(el.localName))
                               || (el.namespaceURI === svg)
                               || Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith("on")))
                  .map((el) => el.outerHTML.slice(0, 80)); }""")
    assert found == []
    assert watch.dialogs == []


SITE_SCRIPT = re.compile(r'<script src="(\.\./)*assets/[a-z/]+\.js"></script>')
SITE_CHART = re.compile(r'<svg [^>]*class="chart-svg[^"]*"[^>]*>.*?</svg>', re.DOTALL)
THEME_BUTTON = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own local server
        return bytes(response.read())


def test_json_export_carries_every_payload_exactly(hostile_url: str) -> None:
    projects = {p["id"]: p for p in json.loads(fetch(hostile_url + "api/projects.json"))["projects"]}
    for record in RECORDS:
        exported = projects[record["id"]]
        for path in TEXT_FIELDS + URL_FIELDS:
            assert get_path(exported, path) == get_path(record, path), (record["id"], path)
        single = json.loads(fetch(hostile_url + f"api/projects/{record['id']}.json"))
        assert single["title"] == record["title"] and single["description"] == record["description"]


def test_csv_export_carries_every_payload_exactly(hostile_url: str) -> None:
    text = fetch(hostile_url + "api/projects.csv").decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}
    columns = {"title": ("title",), "summary": ("summary",), "outcome": ("outcome",),
               "description": ("description",), "contact_team": ("contact", "team"),
               "funding_source": ("funding", "source"),
               **{f"methodology_{key}": ("methodology", key)
                  for key in ("actions", "insights", "data", "enablers", "ethics")}}
    for record in RECORDS:
        row = rows[record["id"]]
        for column, path in columns.items():
            assert row[column] == get_path(record, path), (record["id"], column)
        assert row["links"] == record["links"][0]["url"]
        assert row["partners"] == f"{record['partners'][0]['name']} (advisor)"


def test_no_page_of_the_hostile_build_holds_a_payload_element(hostile_build: Build,
                                                              site_scripts: tuple[set[str], set[str]]) -> None:
    """Every HTML file, not only those opened in the browser: no payload tag is written as markup."""
    files, inline = site_scripts
    tags = re.compile(r"<(script|img|svg|iframe|math|base|meta http-equiv|object|embed|style|details open"
                      r"|input autofocus)[\s>/]", re.IGNORECASE)
    problems = []
    for path in html_pages(hostile_build.site):
        html = path.read_text(encoding="utf-8")
        page = parse_html(html)
        name = path.relative_to(hostile_build.site).as_posix()
        for attrs, text in page.scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(text)
                if "<" in text or ">" in text:
                    problems.append((name, "unescaped < or > in JSON-LD"))
            elif not attrs.get("src") and text not in inline:
                problems.append((name, f"inline script {text[:60]!r}"))
        for tag, attrs in page.tags:
            for attribute in attrs:
                if attribute.startswith("on"):
                    problems.append((name, f"<{tag} {attribute}>"))
        body = html.split("<article", 1)[-1].split("</article>", 1)[0]
        body = THEME_BUTTON.sub("", body)  # the theme's "edit this page" icon
        body = SITE_SCRIPT.sub("", body)  # the finder's and the form's own script files
        body = SITE_CHART.sub("", body)  # the site's charts (their attributes and scripts are checked above)
        for match in tags.finditer(body):
            context = body[max(0, match.start() - 40):match.end() + 40]
            problems.append((name, f"markup {match.group(0)!r} in the article: {context!r}"))
    assert problems == [], "\n".join(map(str, problems))
