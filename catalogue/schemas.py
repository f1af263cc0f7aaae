"""The JSON Schemas in schema/: loaded once, one reused Draft 2020-12 validator per kind."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

if TYPE_CHECKING:  # imported when first needed: only invalid records go through it
    from jsonschema import Draft202012Validator


def _schema_dir() -> Path:
    """schema/ beside the package in a checkout; from an installed copy (e.g. a pre-commit hook
    in a borough's clone), the schema/ of the catalogue being checked."""
    beside = Path(__file__).resolve().parent.parent / "schema"
    return beside if beside.is_dir() else Path.cwd() / "schema"


SCHEMA_DIR = _schema_dir()
KINDS = ("project", "borough")


@cache
def load_json(name: str, schema_dir: Path = SCHEMA_DIR) -> Any:
    with open(schema_dir / name, encoding="utf-8") as fh:
        return json.load(fh)


def schema_for(kind: str) -> dict[str, Any]:
    return load_json(f"{kind}.schema.json")


def schema_files(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    return sorted(schema_dir.glob("*.schema.json"))


@cache
def validator_for(kind: str) -> Draft202012Validator:
    """One validator per kind, reused for every record (building one per call is 40x slower)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry: Registry = Registry()
    for path in schema_files():
        contents = load_json(path.name)
        registry = registry.with_resource(contents["$id"], Resource.from_contents(contents))
    return Draft202012Validator(schema_for(kind), registry=registry)


@cache
def fast_validator_for(kind: str) -> jsonschema_rs.Validator:
    """The same schemas compiled by jsonschema-rs: about 40x faster, used to pass valid records
    quickly; invalid ones go through validator_for() for readable, located explanations."""
    resources = [(load_json(p.name)["$id"], load_json(p.name)) for p in schema_files()]
    return jsonschema_rs.Draft202012Validator(schema_for(kind), registry=jsonschema_rs.Registry(resources))


def vocabulary(schema: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(value, title, description) for an enum annotated with enumTitles/enumDescriptions."""
    values = schema["enum"]
    titles = schema.get("enumTitles", values)
    descriptions = schema.get("enumDescriptions", [""] * len(values))
    return list(zip(values, titles, descriptions, strict=True))


def topics() -> list[tuple[str, str, str]]:
    return vocabulary(load_json("topics.schema.json"))


def labels(*path: str) -> dict[str, str]:
    """value -> title for a vocabulary inside the project schema, e.g. labels('phase')."""
    node: dict[str, Any] = schema_for("project")
    for part in path:
        node = node["properties"][part] if part != "items" else node["items"]
    return {value: title for value, title, _ in vocabulary(node)}


def role_labels() -> dict[str, str]:
    return {v: t for v, t, _ in vocabulary(schema_for("project")["$defs"]["role"])}


def tag_aliases() -> dict[str, str]:
    return load_json("tag-aliases.json")["aliases"]
