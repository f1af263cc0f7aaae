"""A record full of HTML and script payloads builds, and none of them survives into any page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from site_support import REPO, build_catalogue, copy_project, html_pages, parse, resolve

pytestmark = pytest.mark.slow

RECORD = r'''schema_version: 1
id: xss-payloads
title: "</script><script>alert(1)</script><img src=x onerror=alert(1)>"
summary: "<script>alert(1)</script> <svg onload=alert(1)> \" onmouseover=\"alert(1)"
lead: camden
phase: beta
status: active
start: "2026-01"
topics:
  - housing
tags:
  - xss-check
contact:
  team: "<iframe src=javascript:alert(1)></iframe>Team"
  email: "team@camden.example.org"
last_reviewed: "2026-11-01"
outcome: "<img src=x onerror=alert(1)> </script><script>alert(1)</script>"
methodology:
  actions: "<svg onload=alert(1)>actions"
  ethics: "<a href=\"javascript:alert(1)\">ethics</a>"
funding:
  source: "<script>alert(1)</script>"
  band: unknown
partners:
  - name: "<img src=x onerror=alert(1)>Outside"
    url: "https://example.org/\"onmouseover=\"alert(1)"
    role: advisor
links:
  - title: "<script>alert(1)</script>link"
    url: "https://example.org/?q=<script>alert(1)</script>"
    type: blog
description: |
  <script>alert(1)</script>

  <img src=x onerror=alert(1)>

  [x](javascript:alert(1)) [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
  [v](vbscript:msgbox(1)) <a href="JaVaScRiPt:alert(1)">j</a> <a href=" javascript:alert(1)">k</a>

  <iframe src="https://evil.example"></iframe>

  <svg onload=alert(1)><circle r="1"/></svg>

  <p style="--xss:1;background:url(javascript:alert(1))" onclick="alert(1)">styled</p>

  <object data="data:text/html,<script>alert(1)</script>"></object><embed src="x.swf">

  <form action="javascript:alert(1)"><input onfocus=alert(1) autofocus></form>

  <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

  </script><script>alert(1)</script>

  [fine](https://example.org/page)
'''


# Elements neither the theme nor the catalogue ever writes; <svg> is not here because the theme
# draws its icons with it (a payload's svg is caught by its on* attribute instead).
BANNED = ("iframe", "object", "embed", "math", "style")


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = tmp_path_factory.mktemp("records")
    copy_project(records, REPO)
    (records / "projects" / "camden" / "xss-payloads.yml").write_text(RECORD, encoding="utf-8")
    build = build_catalogue(records, tmp_path_factory.mktemp("xss"))
    assert build.ok, build.output
    return build.site


def is_site_script(site: Path, page: Path, attrs: dict[str, str | None], text: str) -> bool:
    """The theme's and the site's own scripts: files under assets/ of this site, and inline code
    that is not one of the payloads (every payload calls alert)."""
    src = attrs.get("src")
    if src:
        target = resolve(site, page, src)
        return target is not None and target.relative_to(site).parts[0] == "assets"
    return "alert(" not in text


def test_the_payload_page_exists(xss_site: Path) -> None:
    page = (xss_site / "projects" / "xss-payloads" / "index.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, escaped
    assert '<a href="https://example.org/page" rel="nofollow noopener">fine</a>' in page


def test_no_payload_survives_anywhere(xss_site: Path) -> None:
    problems = []
    for path in html_pages(xss_site):
        page = parse(path)
        name = path.relative_to(xss_site).as_posix()
        for attrs, text in page.scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(text)  # intact JSON: nothing closed the element early
                if "<" in text or ">" in text:
                    problems.append((name, "unescaped < or > in JSON-LD"))
            elif not is_site_script(xss_site, path, attrs, text):
                problems.append((name, f"script {attrs} {text[:60]!r}"))
        for tag, attrs in page.tags:
            for attribute, value in attrs.items():
                value = (value or "").strip().lower()
                if attribute.startswith("on"):
                    problems.append((name, f"<{tag} {attribute}>"))
                if attribute in ("href", "src", "action", "data", "formaction") and value.startswith(
                        ("javascript:", "data:", "vbscript:")):
                    problems.append((name, f"<{tag} {attribute}={value[:40]}>"))
                if attribute == "style" and "xss" in value:
                    problems.append((name, f"<{tag} style={value[:40]}>"))
            if tag in BANNED:
                problems.append((name, f"<{tag}>"))
    assert problems == []


def test_page_title_is_escaped_in_head_and_header(xss_site: Path) -> None:
    page = (xss_site / "projects" / "xss-payloads" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; - " in head
    assert "<script>alert(1)</script>" not in page
