"""Turn jsonschema errors into problems a non-programmer can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .findings import Severity

if TYPE_CHECKING:  # jsonschema is imported only when a record is invalid
    from jsonschema.exceptions import ValidationError

# What each pattern in the schemas asks for, in words.
PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "use lower-case letters and digits, words joined by single hyphens, "
    "like 'street-lighting'",
    "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$": "write the date as \"YYYY-MM\" or \"YYYY-MM-DD\", in quotes",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "write the date as \"YYYY-MM-DD\", in quotes",
    "^https?://[^\\s/$.?#][^\\s]*$": "write a full web address starting with https:// (or http://)",
    "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$": "write an email address such as team@example.org",
    "^E090000(0[1-9]|[12][0-9]|3[0-3])$": "write the ONS code of a London authority, E09000001 to E09000033",
}
TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
              "boolean": "true or false", "array": "a list", "object": "a block of fields"}


@dataclass(frozen=True)
class Problem:
    """A finding before it is placed in the file: `at_key` points at the key, not its value."""

    path: tuple[str | int, ...]
    message: str
    severity: Severity = "error"
    at_key: bool = False
    quote_hint: bool = False
    line: int | None = None  # known already for YAML errors; found from `path` otherwise
    column: int | None = None


def did_you_mean(word: object, choices: list[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems(error: ValidationError) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    # jsonschema types these as possibly unset; for errors it raised, they are always set.
    kind = str(error.validator)
    value: Any = error.instance
    schema: Any = error.schema
    expected: Any = error.validator_value
    if kind == "oneOf" and isinstance(value, dict):
        yield from _best_alternative(error)
    elif kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        for extra in sorted(set(value) - set(known), key=str):
            yield Problem(path + (str(extra),), f"'{extra}' is not a field here{did_you_mean(extra, known)}; "
                          f"allowed fields: {', '.join(known)}", at_key=True)
    elif kind == "required":
        missing = [name for name in expected if name not in value]
        for name in missing:
            yield Problem(path + (name,), f"'{name}' is required: add a line '{name}: ...'")
    elif kind == "enum":
        choices = [str(c) for c in expected]
        title = str(schema.get("title", "allowed")).lower()
        where = f"one of {', '.join(choices)}" if len(choices) <= 12 else f"in the {title} list"
        yield Problem(path, f"{_shown(value)} is not {where}{did_you_mean(value, choices)}",
                      quote_hint=not isinstance(value, str))
    elif kind == "type":
        expected = expected
        words = TYPE_WORDS.get(expected, str(expected)) if isinstance(expected, str) else " or ".join(expected)
        yield Problem(path, f"expected {words}, found {_shown(value)}", quote_hint=expected == "string")
    elif kind == "pattern":
        hint = PATTERN_HINTS.get(expected, f"must match {expected}")
        yield Problem(path, f"{_shown(value)} is not in the right form: {hint}", quote_hint=not isinstance(value, str))
    elif kind in ("maxLength", "minLength"):
        limit, size = expected, len(value)
        fix = "shorten it" if kind == "maxLength" else "it cannot be empty"
        word = "at most" if kind == "maxLength" else "at least"
        yield Problem(path, f"is {size} characters long; {word} {limit} allowed: {fix}")
    elif kind in ("minItems", "maxItems", "minProperties"):
        word = "at least" if kind.startswith("min") else "at most"
        noun = "fields" if kind == "minProperties" else "items"
        yield Problem(path, f"needs {word} {expected} {noun}")
    elif kind == "uniqueItems":
        yield Problem(path, "the same item is listed twice: list each once")
    elif kind == "const":
        yield Problem(path, f"must be {_shown(expected)}, found {_shown(value)}: "
                      f"change it to {_shown(expected)}")
    else:
        yield Problem(path, error.message)


def _best_alternative(error: ValidationError) -> Iterator[Problem]:
    """For {org, role} vs {name, url, role}: report against the alternative the author meant."""
    value: Any = error.instance
    alternatives: Any = error.validator_value

    def overlap(index: int) -> int:
        return len(set(value) & set(alternatives[index].get("properties", {})))

    best = max(range(len(alternatives)), key=lambda i: (overlap(i), -i))
    chosen = [e for e in error.context or [] if e.schema_path and e.schema_path[0] == best]
    if not chosen:
        titles = " or ".join(a.get("title", "?") for a in alternatives)
        yield Problem(tuple(error.absolute_path), f"must be one of: {titles}")
        return
    for sub in chosen:
        yield from problems(sub)
