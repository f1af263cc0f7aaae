"""The record format at /reference/, generated from schema/*.json so it can never drift from
what the validator checks: every field of both schemas with its rules, values and examples."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..publish import Output
from ..schemas import load_json, schema_for, vocabulary
from .context import Site
from .render import escaped_meta, page

DATE_LIKE = re.compile(r"^[0-9]{4}-[0-9]{2}")
KINDS = (("project", "Project records", "projects/<organisation-id>/<project-id>.yml"),
         ("borough", "Organisation records", "boroughs/<organisation-id>.yml"))


@dataclass
class Field:
    """One field as an author needs to know it."""

    path: str  # e.g. 'partners[].role'
    anchor: str  # e.g. 'project-partners-role'
    title: str
    description: str
    type: str
    required: bool
    rules: list[str] = field(default_factory=list)
    values: list[tuple[str, str, str]] = field(default_factory=list)  # (value, title, description)
    examples: list[str] = field(default_factory=list)  # YAML snippets
    variant: str = ""  # for one of several shapes (partners), which one


def resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a $ref, local ('#/$defs/role') or to a sibling schema file ('topics.schema.json')."""
    ref = node.get("$ref")
    if not ref:
        return node
    if ref.startswith("#/"):
        target: dict[str, Any] = root
        for part in ref[2:].split("/"):
            target = target[part]
        return target
    return dict(load_json(ref))


def type_of(node: dict[str, Any], root: dict[str, Any]) -> str:
    if "const" in node:
        return f"always {node['const']}"
    kind = node.get("type", "one of the values below" if "enum" in node else "")
    if kind == "array" and "items" in node:
        items = resolve(node["items"], root)
        inner = "objects" if "oneOf" in items else type_of(items, root)
        return f"list of {inner}"
    if kind == "object":
        return "group of fields"
    return {"string": "text", "boolean": "true or false", "integer": "whole number"}.get(kind, kind)


def rules_of(node: dict[str, Any]) -> list[str]:
    """The schema's constraints in words; the pattern stays as written, for precision."""
    words = {"minLength": "at least {} characters", "maxLength": "at most {} characters",
             "minItems": "at least {} items", "maxItems": "at most {} items",
             "minProperties": "at least {} of its fields"}
    rules = [text.format(node[key]) for key, text in words.items() if key in node]
    if node.get("uniqueItems"):
        rules.append("no repeated items")
    if "pattern" in node:
        rules.append(f"matches {node['pattern']}")
    return rules


class _Dumper(yaml.SafeDumper):
    """Writes YAML as the sample records do (dates in double quotes, list items indented, no
    line wrapping), so an example can be copied into a record as it is."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if DATE_LIKE.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=10_000)


def snippet(name: str, example: Any) -> str:
    return to_yaml({name: example}).strip()


def walk(node: dict[str, Any], root: dict[str, Any], kind: str, prefix: str = "", variant: str = "") -> Iterator[Field]:
    """Every property under `node`, depth first in the schema's own order."""
    required = set(node.get("required", []))
    for name, raw in node.get("properties", {}).items():
        prop = resolve(raw, root)
        path = f"{prefix}{name}"
        items = resolve(prop["items"], root) if "items" in prop else {}
        enum_node = prop if "enum" in prop else items if "enum" in items else None
        yield Field(path=path, anchor=f"{kind}-{path.replace('[]', '').replace('.', '-')}",
                    title=raw.get("title") or prop.get("title", name), type=type_of(prop, root),
                    description=raw.get("description") or prop.get("description", ""), required=name in required,
                    rules=rules_of(prop) + rules_of(items), values=vocabulary(enum_node) if enum_node else [],
                    examples=[snippet(name, e) for e in prop.get("examples", [])], variant=variant)
        if "properties" in prop:
            yield from walk(prop, root, kind, f"{path}.", variant)
        for choice in items.get("oneOf", []):
            yield from walk(resolve(choice, root), root, kind, f"{path}[].", choice.get("title", ""))
        if "properties" in items:
            yield from walk(items, root, kind, f"{path}[].", variant)


def sections() -> list[dict[str, Any]]:
    out = []
    for kind, heading, where in KINDS:
        schema = schema_for(kind)
        out.append({"kind": kind, "heading": heading, "where": where, "description": schema["description"],
                    "fields": list(walk(schema, schema, kind)),
                    "example": to_yaml(schema["examples"][0])})
    return out


def output(site: Site) -> Output:
    parts = sections()
    html = site.render("reference.html", "reference/index.md", sections=parts)
    meta = escaped_meta("Record format", "Every field of project and organisation records, generated from the schemas.")
    return page("reference/index.md", html, meta, toc=[(f"{s['kind']}-records", s["heading"]) for s in parts])
