"""A record's description, Markdown written by anyone, turned into HTML that is safe to publish.

Markdown first, then nh3 with a strict allow-list: whatever Markdown lets through (raw HTML,
javascript: links), nh3 removes. Python-Markdown costs about 0.4 ms per KB, most of a record
page's build time, while most description text is plain paragraphs. So plain paragraph blocks
are written directly and only the other blocks go through Markdown; test_site_describe.py checks
the result is identical to Markdown's on generated texts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown  # type: ignore[import-untyped]
import nh3
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from markupsafe import Markup

# What a description may contain once rendered: text structure and links, nothing active.
# No script/style/iframe/svg/img/form, no id (ids could clobber the theme's own elements).
ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
                "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
                "tbody", "td", "th", "thead", "tr", "ul"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
LINK_REL = "nofollow noopener"
SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
EXTENSIONS = ["tables", "fenced_code", "sane_lists"]

# A block Markdown would turn into one <p> of the same text has no inline markup or escape
# character, no block marker or indent at a line start and no hard break ("  " at a line end).
# Checked as a character class, a line-start pattern and a substring, which Python's re and str
# scan far faster than one pattern with alternatives.
MARKUP_CHAR = re.compile(r"[\\`*_\[\]!<>&#|~\t\x00-\x08\x0b-\x1f\x7f]")
LINE_START = re.compile(r"\n(?:[ +=>-]|\d+[.)])")
# What reaches across blank lines or blocks, or changes how Markdown splits blocks (tabs and
# control characters are rewritten before the split): with one of these, all of it is Markdown.
SPANS_CHAR = re.compile(r"[<\t\x00-\x08\x0b-\x1f\x7f]")
SPANS_TEXT = ("```", "~~~", "]:", "\n\n\n")
BLANK_LINE = re.compile(r"(?<=\n) +\n")  # as Markdown's NormalizeWhitespace, which runs first
HEADING = re.compile(r"(#{1,6}) +([^\n]+)")  # one line, '## Title'
LIST_ITEM = re.compile(r"[-+*] +([^\n]+)")  # one line of a simple bullet list
# A line that starts or continues a list: a list block next to a block with one of these (the
# block after: in its first line) may be joined into one list by Markdown.
LIST_LIKE = re.compile(r"^(?:[ \t]|[-+*] |[-+*]$|\d+[.)])", re.MULTILINE)


class _Demote(Treeprocessor):
    """Description headings sit under the page's own <h2>: '#' becomes h2, '##' h3 and so on."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1] in "123456":
                element.tag = f"h{min(int(element.tag[1]) + 1, 6)}"


def _only_safe_urls(tag: str, attribute: str, value: str) -> str | None:
    # Relative and fragment links would point into this site from someone else's text: drop them
    # along with every scheme but http(s) and mailto.
    if attribute == "href":
        return value if SAFE_URL.match(value) else None
    return value


class Descriptions:
    """Markdown to sanitised HTML, with one Markdown instance and one nh3 cleaner per build."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=EXTENSIONS)
        self.md.treeprocessors.register(_Demote(self.md), "catalogue-demote", 1)
        self.cleaner = nh3.Cleaner(tags=ALLOWED_TAGS, clean_content_tags={"script", "style"},
                                   attributes=ALLOWED_ATTRIBUTES, attribute_filter=_only_safe_urls,
                                   url_schemes={"http", "https", "mailto"}, link_rel=LINK_REL,
                                   strip_comments=True)

    def __call__(self, text: str | None) -> Markup:
        if not text or not text.strip():
            return Markup("")
        return Markup(self.cleaner.clean(self.to_html(text)))  # noqa: S704 - sanitised by the allow-list

    def markdown(self, text: str) -> str:
        return str(self.md.reset().convert(text))

    def to_html(self, text: str) -> str:
        """What Markdown would make of `text`, writing plain paragraphs without it."""
        source = text.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        if " \n" in source:
            source = BLANK_LINE.sub("\n", source)
        source = source.strip("\n")
        if not source or SPANS_CHAR.search(source) or any(text in source for text in SPANS_TEXT):
            return self.markdown(text)
        parts: list[str] = []
        pending: list[str] = []  # consecutive blocks that need Markdown, converted together
        blocks = source.split("\n\n")
        for index, block in enumerate(blocks):
            html = simple_block(blocks, index)
            if html is None:
                pending.append(block)
                continue
            if pending:
                parts.append(self.markdown("\n\n".join(pending)))
                pending = []
            parts.append(html)
        if pending:
            parts.append(self.markdown("\n\n".join(pending)))
        return "\n".join(part for part in parts if part)


def plain(text: str) -> bool:
    """Whether Markdown would leave `text` (a block, or the text of a heading or list item) as it is."""
    return not (MARKUP_CHAR.search(text) or LINE_START.search("\n" + text) or "  \n" in text + "\n")


def simple_block(blocks: list[str], index: int) -> str | None:
    """The HTML Markdown would make of blocks[index] if it is a plain paragraph, a one-line
    heading or a simple bullet list of plain items; None for anything else."""
    block = blocks[index]
    if plain(block):
        return f"<p>{block}</p>"
    heading = HEADING.fullmatch(block)
    if heading and plain(heading[2]):
        level = min(len(heading[1]) + 1, 6)  # demoted, as _Demote does
        return f"<h{level}>{heading[2]}</h{level}>"
    lines = block.split("\n")
    items = [LIST_ITEM.fullmatch(line) for line in lines]
    before = index > 0 and LIST_LIKE.search(blocks[index - 1])
    after = index + 1 < len(blocks) and LIST_LIKE.match(blocks[index + 1])
    if all(item and plain(item[1]) for item in items) and not before and not after:
        return "<ul>\n" + "".join(f"<li>{item[1]}</li>\n" for item in items if item) + "</ul>"
    return None
