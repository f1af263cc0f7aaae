"""Read untrusted YAML text into plain data, with located errors and never a traceback.

libyaml (CSafeLoader) when present. Dates stay strings, duplicate keys, anchors, aliases and
merge keys are rejected, and positions are found again only for files that have an error.
"""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
BOM = "\ufeff"


class YamlError(Exception):
    """A problem with the file as YAML, at a 1-based line and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class RecordLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that keeps dates as text and refuses duplicate and merge keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _located("merge keys (<<) are not allowed: write each field out", key_node)
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise _located(
                        f"the key '{key_node.value}' appears twice in the same block: keep one",
                        key_node,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


# YAML 1.1 turns 2024-05-01 into a date object; records keep every date as the text written.
RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
RecordLoader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True)
)


def _located(message: str, node: yaml.Node) -> YamlError:
    mark = node.start_mark
    return YamlError(message, mark.line + 1, mark.column + 1)


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Bytes to text, or YamlError at the first byte that is not UTF-8. Also returns warnings."""
    if len(raw) > MAX_BYTES:
        raise YamlError(
            f"the file is {len(raw) / 1024:.0f} KB; a record must be under {MAX_BYTES // 1024} KB"
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


def _reject_anchors(text: str) -> None:
    # Only files containing & or * can hold an anchor or alias, so the event scan is rare.
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise YamlError(
                "anchors and aliases (&name, *name) are not allowed: write the value out in full",
                mark.line + 1,
                mark.column + 1,
            )


def parse(text: str) -> Any:
    """Parse one YAML document into plain Python data, or raise YamlError."""
    try:
        _reject_anchors(text)
        return yaml.load(text, Loader=RecordLoader)  # noqa: S506 - RecordLoader is a safe loader
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _from_marked(exc) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlError("the data is nested too deeply to be a record") from None


def _from_marked(exc: yaml.MarkedYAMLError) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "not valid YAML"
    if "'\\t'" in problem or "tab character" in problem:
        return YamlError("a tab character here: indent with spaces, not tabs", line, column)
    if "expected a single document" in problem:
        return YamlError("only one document per file: remove the '---' line", line, column)
    context = f" ({exc.context})" if exc.context else ""
    return YamlError(f"not valid YAML: {problem}{context}", line, column)


def compose(text: str) -> yaml.Node | None:
    """The node tree with line marks, for files that need their errors placed."""
    try:
        return yaml.compose(text, Loader=RecordLoader)  # type: ignore[no-any-return]
    except (yaml.YAMLError, RecursionError):
        return None
