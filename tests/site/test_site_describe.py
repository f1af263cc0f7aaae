"""Descriptions: the fast path for plain paragraphs gives exactly what Markdown alone gives."""

from __future__ import annotations

import nh3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.site.describe import Descriptions

# Lines that exercise every rule of the fast path: plain prose, inline markup, block markers,
# indents, hard breaks, tabs, HTML, fences and reference links.
LINES = ["Plain words here.", "More plain text, with commas; and (brackets) and 'quotes' and \"more\".",
         "Prices in £ and dates like 2024-05.", "# Heading", "## Sub heading", "- item", "* item", "+ item",
         "1. first", "2021. A year", "    indented code", "  two spaces in", "> quoted", "Title", "===", "---",
         "| a | b |", "|---|---|", "text with *emphasis*", "snake_case_word", "a [link](https://example.org)",
         "an ![image](https://example.org/i.png)", "trailing two  ", "tab\there", "<b>raw</b>", "&amp; entity",
         "```", "~~~", "[ref]: https://example.org", "use [ref] here", "back\\slash", "`code`", "a # hash",
         "x!", "  ", "", "\t", "***", "1) paren", "### Deep", "###### Six", "####### Seven", "#NoSpace",
         "## Ends with hash #", "- ", "-item", "-  two spaces", "* mixed", "    - nested", "-", "1.", "## "]


@pytest.fixture(scope="module")
def describe() -> Descriptions:
    return Descriptions()


def full_markdown(describe: Descriptions, text: str) -> str:
    return nh3.clean(describe.markdown(text), tags=set(nh3.ALLOWED_TAGS) | {"pre"})


def fast(describe: Descriptions, text: str) -> str:
    return nh3.clean(describe.to_html(text), tags=set(nh3.ALLOWED_TAGS) | {"pre"})


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(LINES), min_size=1, max_size=4), min_size=1, max_size=6),
       st.sampled_from(["\n\n", "\n\n\n", "\n", "\r\n\r\n"]))
def test_fast_path_matches_markdown(describe: Descriptions, blocks: list[list[str]], gap: str) -> None:
    text = gap.join("\n".join(lines) for lines in blocks)
    assert fast(describe, text) == full_markdown(describe, text)


def test_plain_paragraphs_skip_markdown(describe: Descriptions, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = describe.markdown
    monkeypatch.setattr(describe, "markdown", lambda text: calls.append(text) or original(text))
    html = describe.to_html("First paragraph,\nstill first.\n\n## Learned\n\n- one\n- two\n\nSecond paragraph.")
    assert html == ("<p>First paragraph,\nstill first.</p>\n<h3>Learned</h3>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
                    "<p>Second paragraph.</p>")
    assert calls == []
