"""yamlsafe.parse's tuned loop against the plain reading of the same events (yaml_reference).

For any text both give the same data, down to the type of every value, or the same message at
the same line and column. Random text mostly fails early, so most examples are put together from
pieces of YAML (keys, indents, flow brackets, tags, anchors, quotes, numbers, documents) or are
real data written out by PyYAML and then edited.
"""

from __future__ import annotations

from typing import Any

import yaml
import yaml_reference
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catalogue import yamlsafe

PIECES = (
    "a", "b", "id", "key", ": ", ":", "- ", "-", "\n", "  ", "    ", "\t", " ", "[", "]", "{", "}", ", ", ",",
    "? ", "&x ", "&y ", "*x", "*y", "!!str ", "! ", "!!int ", "!!map ", "!!seq ", "!custom ",
    "!<tag:yaml.org,2002:str> ",
    '"q"', "'s'", '"a\\tb"', "1", "-1", "+1", "0", "01", "1.5", ".5", "1e3", "1.0e+3", "0x1f", "0o17", "1_000",
    "12:30", ".inf", ".nan", "true", "True", "yes", "no", "off", "null", "~", "Null", "", "<<", "<<: ",
    "---\n", "...\n", "%YAML 1.1\n", "|\n", ">-\n", "# c", "2024-05-01", "2024-05", "\u00e9", "\u2028", "\ufeff",
)
yaml_pieces = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12))
data = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=20)
checks = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(parse: Any, text: str) -> tuple[str, Any]:
    """The data with the type of every value, or the error where it was found."""
    try:
        return "data", typed(parse(text))
    except yamlsafe.YamlError as exc:
        return "error", (exc.message, exc.line, exc.column)


def typed(value: Any) -> Any:
    """1, 1.0 and True are equal in Python: compare their types too."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, repr(value))


def agree(text: str) -> None:
    assert outcome(yamlsafe.parse, text) == outcome(yaml_reference.parse, text), repr(text)


@checks
@given(yaml_pieces)
@example("a: 1\nb: [1, 1.5, true, null, x]\nc: {d: e}\n")
@example("&x a: *x\n")
@example("a: !!str 1\nb: ! 2\nc: !!int 3\n")
@example("? [a]\n: b\n")
@example("{1: a, 1.0: b}")
@example("true: a\n1: b\n")
@example("<<: {a: 1}\n")
@example("a: b\n---\nc: d\n")
@example("a:\n  " * 25 + "b")
@example("[" * 25 + "]" * 25)
@example("- " * 25 + "x")
@example("!!seq {a: 1}")
@example("!!map [1]")
@example("")
@example("---\n...\n")
def test_pieces_of_yaml(text: str) -> None:
    agree(text)


@checks
@given(st.text())
def test_any_text(text: str) -> None:
    agree(text)


@checks
@given(data, st.sampled_from(["block", "flow"]), st.integers(0, 200), st.integers(0, 5), st.sampled_from(PIECES))
def test_written_data_and_edits_of_it(value: Any, style: str, at: int, cut: int, insert: str) -> None:
    text = yaml.safe_dump(value, default_flow_style=style == "flow", allow_unicode=True)
    agree(text)
    agree(text[:at] + insert + text[at + cut:])
