"""Find the line and column of a field path in a composed YAML node tree."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Place:
    line: int
    column: int
    raw: str | None = None  # the scalar exactly as written, for hints such as "quote it"


def _mark(node: yaml.Node, raw: bool = True) -> Place:
    text = node.value if raw and isinstance(node, yaml.ScalarNode) else None
    return Place(node.start_mark.line + 1, node.start_mark.column + 1, text)


def locate(root: yaml.Node | None, path: tuple[str | int, ...], key: bool = False) -> Place:
    """Place of the value at `path`, or of its key when `key` is true.

    A path that goes further than the data stops at the deepest node that exists, which is
    where a missing field has to be added.
    """
    if root is None:
        return Place(1, 1)
    node, key_node = root, None
    for part in path:
        child = _child(node, part)
        if child is None:
            return _mark(node, raw=False)
        key_node, node = child
    if key and key_node is not None:
        return _mark(key_node, raw=False)
    return _mark(node)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None
