"""The schemas document themselves: editors, the docs site and `catalogue new` read them.

Every property has a title and a description, every object closes its fields, every vocabulary
has a title and a description per value, and every example in a schema is valid.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from catalogue import schemas

FILES = [path.name for path in schemas.schema_files()]
RECORD_KINDS = ("project", "borough")


def _walk(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema with its JSON-pointer-like location."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            if key in ("examples", "enum", "enumTitles", "enumDescriptions", "const", "required"):
                continue
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property at every depth: under properties, items, oneOf and $defs."""
    for where, node in _walk(schema, "#"):
        if where.endswith("/if") or "/if/" in where:
            continue  # conditions, not fields
        for name, prop in node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else []:
            yield f"{where}/properties/{name}", prop


def _resolve(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return schema["$defs"][ref.removeprefix("#/$defs/")]  # type: ignore[no-any-return]
    if isinstance(ref, str):
        return schemas.load_json(ref)  # type: ignore[no-any-return]
    return prop


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_property_has_a_title_and_description(kind: str) -> None:
    schema = schemas.schema_for(kind)
    missing = []
    for where, prop in _properties(schema):
        target = _resolve(schema, prop)
        for word in ("title", "description"):
            if not (isinstance(target.get(word), str) and target[word].strip()):
                missing.append(f"{where}: no {word}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_properties_are_found_at_every_depth(kind: str) -> None:
    """Guard the walker itself: it reaches nested fields such as contact.email or partners[].url."""
    found = {where.rsplit("/", 1)[-1] for where, _ in _properties(schemas.schema_for(kind))}
    expected = {"project": {"email", "url", "relation", "actions", "band", "org", "name"},
                "borough": {"gss_code", "reviewers"}}[kind]
    assert expected <= found


@pytest.mark.parametrize("name", FILES)
def test_schema_has_id_title_description_examples(name: str) -> None:
    schema = schemas.load_json(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/" + name)
    for word in ("title", "description"):
        assert isinstance(schema.get(word), str) and schema[word].strip(), f"{name}: no {word}"
    assert isinstance(schema.get("examples"), list) and schema["examples"], f"{name}: no examples"
    Draft202012Validator.check_schema(schema)


def test_schema_ids_are_unique() -> None:
    ids = [schemas.load_json(name)["$id"] for name in FILES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", FILES)
def test_objects_with_properties_are_closed(name: str) -> None:
    open_objects = [where for where, node in _walk(schemas.load_json(name), "#")
                    if "properties" in node and "/if" not in where and node.get("additionalProperties") is not False]
    assert not open_objects, f"additionalProperties: false is missing at {open_objects}"


@pytest.mark.parametrize("name", FILES)
def test_vocabularies_are_complete(name: str) -> None:
    problems = []
    for where, node in _walk(schemas.load_json(name), "#"):
        if "enum" not in node or "/if" in where:
            continue
        values = node["enum"]
        if len(set(map(str, values))) != len(values):
            problems.append(f"{where}: an enum value is listed twice")
        for key in ("enumTitles", "enumDescriptions"):
            if key not in node:
                continue
            labels = node[key]
            if len(labels) != len(values):
                problems.append(f"{where}: {len(values)} values but {len(labels)} {key}")
            if not all(isinstance(label, str) and label.strip() for label in labels):
                problems.append(f"{where}: an empty entry in {key}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", FILES)
def test_every_vocabulary_shown_to_people_has_titles_and_descriptions(name: str) -> None:
    """Enums of record fields are rendered as labels and explanations on the site."""
    missing = [where for where, node in _walk(schemas.load_json(name), "#")
               if "enum" in node and "/if" not in where
               and not ("enumTitles" in node and "enumDescriptions" in node)]
    assert not missing, f"enumTitles/enumDescriptions missing at {missing}"


@pytest.mark.parametrize("name", FILES)
def test_schema_examples_are_valid(name: str) -> None:
    schema = schemas.load_json(name)
    kind = name.removesuffix(".schema.json")
    validator = schemas.validator_for(kind) if kind in RECORD_KINDS else Draft202012Validator(schema)
    for index, example in enumerate(schema["examples"]):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(example)]
        assert not errors, f"{name} examples[{index}]: {errors}"


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_property_examples_are_valid(kind: str) -> None:
    """Examples of single fields are shown in editors and written by `catalogue new`: they must be valid."""
    root = schemas.validator_for(kind)
    problems = []
    for where, prop in _properties(schemas.schema_for(kind)):
        field = root.evolve(schema=prop)  # keeps the registry, so $ref still resolves
        for index, example in enumerate(prop.get("examples", [])):
            problems.extend(f"{where} examples[{index}]: {e.message}" for e in field.iter_errors(example))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_example_records_pass_the_cross_record_rules_shape(kind: str) -> None:
    """The record examples use ids in the catalogue's own form."""
    schema = schemas.schema_for(kind)
    pattern = Draft202012Validator({"type": "string", "pattern": schema["properties"]["id"]["pattern"]})
    for example in schema["examples"]:
        assert pattern.is_valid(example["id"])
        assert set(schema["required"]) <= set(example)
