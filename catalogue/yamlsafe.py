"""Read untrusted YAML text into plain data, with located errors and never a traceback.

libyaml (CSafeLoader) when present. Dates stay strings, duplicate keys, anchors, aliases and
merge keys are rejected; positions of schema errors are found again only for files that have one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20  # records nest four levels; deeper data is an attack or a mistake, never a record
BOM = "\ufeff"


class YamlError(Exception):
    """A problem with the file as YAML, at a 1-based line and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class RecordLoader(_BaseLoader):
    """The libyaml loader, used for its event stream and, for error files, its node tree."""


# YAML 1.1 turns 2024-05-01 into a date object; records keep every date as the text written.
RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")
_FALSE = ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")
_BOOL = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_STR_TAGS = frozenset(("tag:yaml.org,2002:str", "!"))
_COLLECTION_TAGS = frozenset(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))
_ANCHORS = "anchors and aliases (&name, *name) are not allowed: write the value out in full"
_TOO_DEEP = f"the data is nested more than {MAX_DEPTH} levels deep: a record needs a few at most"
_PLAIN_WORDS: dict[str, Any] = {**dict.fromkeys(_NULL), **_BOOL}
_NUMBER_START = frozenset("+-.0123456789")  # the characters _INT and _FLOAT can start with
_TEXT = object()  # marks a plain scalar that is neither null nor a boolean
_NO_KEY = object()  # marks a mapping whose next scalar or collection is a key


def _at(message: str, event: yaml.Event) -> YamlError:
    return YamlError(message, event.start_mark.line + 1, event.start_mark.column + 1)


def _build(loader: Any) -> Any:
    """Plain data from libyaml's events: one pass, with duplicate keys, anchors and aliases
    reported at their exact place. Three events in four are scalars, and this loop is most of
    the time validation takes: they are tested for first, and the open collection is kept in
    local variables rather than looked up on a stack."""
    get_event = loader.get_event
    outer: list[tuple[Any, Any]] = []  # (collection, its key awaiting a value) of each enclosing one
    top: Any = None  # the innermost open collection
    key: Any = _NO_KEY  # when `top` is a mapping: its key awaiting a value
    in_list = False
    root: Any = None
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor:
                raise _at(_ANCHORS, event)
            tag = event.tag
            if tag is not None:
                if tag not in _STR_TAGS:
                    raise _at(f"the tag {tag} is not allowed: write plain values", event)
                value = event.value
            elif not event.implicit[0]:
                value = event.value
            else:  # a plain scalar: mostly text, so _plain is called only for what may be a number
                value = _PLAIN_WORDS.get(event.value, _TEXT)
                if value is _TEXT:
                    value = event.value
                    if value[:1] in _NUMBER_START:
                        value = _plain(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor:
                raise _at(_ANCHORS, event)
            if event.tag is not None and event.tag not in _COLLECTION_TAGS:
                raise _at(f"the tag {event.tag} is not allowed: write plain values", event)
            if top is not None:
                if len(outer) + 1 >= MAX_DEPTH:
                    raise _at(_TOO_DEEP, event)
                outer.append((top, key))
            top, key = ({}, _NO_KEY) if kind is MappingStartEvent else ([], _NO_KEY)
            in_list = kind is SequenceStartEvent
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = top
            top, key = outer.pop() if outer else (None, _NO_KEY)
            in_list = type(top) is list
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _at("only one document per file: remove the '---' line", event)
            continue
        elif kind is AliasEvent:
            raise _at(_ANCHORS, event)
        elif kind is StreamEndEvent:
            return root
        else:
            continue
        if top is None:
            root = value
        elif in_list:
            top.append(value)
        elif key is _NO_KEY:
            # A text key that is new in its block is the common case; _key explains the others.
            key = value if type(value) is str and value != "<<" and value not in top else _key(value, top, event)
        else:
            top[key] = value
            key = _NO_KEY


def _plain(text: str) -> Any:
    """A plain scalar becomes null, a boolean or a number, or else stays the text as written.
    Unlike YAML 1.1, no dates, octal, hex or base-60 numbers: no silent type changes."""
    value = _PLAIN_WORDS.get(text, _TEXT)
    if value is not _TEXT:
        return value
    if text[:1] in _NUMBER_START:
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
    return text


def _key(value: Any, mapping: dict[Any, Any], event: yaml.Event) -> Any:
    if isinstance(value, (dict, list)):
        raise _at("a key must be a single word or phrase, not a block or list", event)
    if value == "<<":
        raise _at("merge keys (<<) are not allowed: write each field out", event)
    if value in mapping:
        raise _at(f"the key '{value}' appears twice in the same block: keep one", event)
    return value


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Bytes to text, or YamlError at the first byte that is not UTF-8. Also returns warnings."""
    if len(raw) > MAX_BYTES:
        raise YamlError(
            f"the file is {-(-len(raw) // 1024)} KB; a record must be under {MAX_BYTES // 1024} KB: "
            "shorten it, and link to long documents instead of copying them in"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8", line, column
        ) from None
    warnings = []
    if text.startswith(BOM):
        text = text[1:]
        warnings.append("the file starts with a byte-order mark: save it as UTF-8 without BOM")
    return text, warnings


def parse(text: str) -> Any:
    """Parse one YAML document into plain Python data, or raise YamlError."""
    loader = RecordLoader(text)
    try:
        return _build(loader)
    except YamlError:
        raise
    except yaml.reader.ReaderError as exc:
        raise _from_reader(exc, text) from None
    except yaml.MarkedYAMLError as exc:
        raise _from_marked(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlError("the data is nested too deeply to be a record") from None
    finally:
        loader.dispose()


# Fixes for libyaml's commonest complaints, in words an author can act on.
_HINTS = (
    ("mapping values are not allowed", "a value containing ': ' must be in quotes"),
    ("did not find expected key", "check the indentation of this line and the one above"),
    ("did not find expected ',' or ']'", "close the list with ] or separate items with commas"),
    ("did not find expected ',' or '}'", "close the block with } or separate fields with commas"),
    ("found unexpected end of stream", "a quote or bracket opened here is never closed"),
    ("found undefined alias", "anchors and aliases (&name, *name) are not allowed"),
    ("found character that cannot start any token", "put the value in quotes"),
)


def _from_marked(exc: yaml.MarkedYAMLError, text: str = "") -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "not valid YAML"
    if problem.startswith("found unexpected end of stream") and exc.context_mark:
        mark = exc.context_mark  # where the unclosed quote or bracket starts, not the end of the file
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "'\\t'" in problem or "tab character" in problem or _char_at(text, line, column) == "\t":
        return YamlError("a tab character here: indent with spaces, not tabs", line, column)
    if "expected a single document" in f"{problem} {exc.context}":
        return YamlError("only one document per file: remove the '---' line", line, column)
    context = f" ({exc.context})" if exc.context else ""
    hint = next((fix for words, fix in _HINTS if words in problem), "")
    return YamlError(f"not valid YAML: {problem}{context}" + (f": {hint}" if hint else ""), line, column)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if not 1 <= line <= len(lines) or not 1 <= column <= len(lines[line - 1]):
        return ""
    return lines[line - 1][column - 1]


def _from_reader(exc: yaml.reader.ReaderError, text: str) -> YamlError:
    """A character YAML does not allow (control characters), placed at its line and column."""
    position = exc.position
    if _BaseLoader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text, not characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    position = max(0, min(position, len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return YamlError(f"the character U+{char:04X} cannot appear in YAML: delete it", line, column)


def compose(text: str) -> yaml.Node | None:
    """The node tree with line marks, for files that need their errors placed."""
    try:
        return yaml.compose(text, Loader=RecordLoader)
    except (yaml.YAMLError, RecursionError):
        return None
