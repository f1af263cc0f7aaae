"""catalogue new: start a project record that already passes `catalogue validate`.

The skeleton holds every required field with a placeholder, and every optional field commented
out with the explanation and example from schema/project.schema.json, so the schema stays the one
place where fields are described.
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .. import dates, schemas
from ..cli import UsageError
from ..messages import PATTERN_HINTS, did_you_mean

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = "new-record.yml.j2"
# Characters YAML does not allow in a file, reads as line breaks even inside quotes, or editors hide:
# written as escapes. (JSON escaping has already taken care of the ASCII control characters.)
_UNPRINTABLE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]")
_ESCAPES = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "new",
        help="start a new project record",
        description="Write projects/<lead>/<id>.yml: every required field with a placeholder that "
        "validates, and every optional field commented out with its explanation. Exit 0 when "
        "written, 2 when the lead is unknown, the id is taken or the file exists.",
    )
    parser.add_argument("--lead", required=True, metavar="ORG-ID",
                        help="the organisation that leads the project: a file name in boroughs/ without .yml")
    parser.add_argument("--title", required=True, help="the project's name as people know it")
    parser.add_argument("--id", metavar="ID",
                        help="the project id and file name (default: made from the title)")
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    return parser


def slugify(text: str, max_length: int = 80) -> str:
    """'Café Connect: phase 2' -> 'cafe-connect-phase-2', cut at a hyphen to fit max_length."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length + 1] else slug[:max_length]
    return slug.strip("-")


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    schema = schemas.schema_for("project")
    lead = _check_lead(root, args.lead)
    title = _check_title(args.title, schema["properties"]["title"])
    record_id = _check_id(args.id, title, schema)
    rel = f"projects/{lead}/{record_id}.yml"
    path = root / rel
    _check_free(root, path, record_id, args.force)

    text = render(record_id=record_id, title=title, lead=lead, validate_command=_validate_command(root, rel))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Wrote {path}")
    print("Next steps:")
    print("  1. Replace the placeholders: summary, topics and contact (team and email).")
    print("  2. To use an optional field, remove the # at the start of its lines.")
    print(f"  3. Check the record: {_validate_command(root, rel)}")
    print("  4. Open a pull request; the reviewers for your organisation will check it.")
    return 0


def _check_lead(root: Path, lead: str) -> str:
    folder = root / "boroughs"
    known = sorted(p.stem for p in folder.glob("*.yml")) if folder.is_dir() else []
    if not known:
        raise UsageError(f"no organisations in {folder}: run this in the catalogue folder or give --root")
    if lead not in known:
        raise UsageError(f"--lead '{lead}' is not an organisation in boroughs/{did_you_mean(lead, known)}: "
                         f"use the name of a file in boroughs/ without .yml, or add boroughs/{lead}.yml first")
    return lead


def _check_title(title: str, field: dict[str, Any]) -> str:
    title = " ".join(title.split())
    if not title:
        raise UsageError("--title is empty: give the project's name, e.g. --title \"Smart street lighting\"")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in title):
        raise UsageError("--title holds a control character or bytes that are not text: type the title again")
    limit = field.get("maxLength", 120)
    if len(title) > limit:
        raise UsageError(f"--title is {len(title)} characters long; at most {limit} allowed: shorten it "
                         "and put the detail in the summary")
    return title


def _check_id(record_id: str | None, title: str, schema: dict[str, Any]) -> str:
    field = schema["properties"]["id"]
    pattern, low, high = field["pattern"], field.get("minLength", 1), field.get("maxLength", 80)
    if record_id is None:
        record_id = slugify(title, high)
        if len(record_id) < low:
            raise UsageError(f"cannot make an id from the title '{title}': give one with --id, "
                             "e.g. --id street-lighting")
        return record_id
    if not re.match(pattern, record_id):
        hint = PATTERN_HINTS.get(pattern, f"it must match {pattern}")
        example = slugify(record_id) or "my-project"
        raise UsageError(f"--id '{record_id}' is not a valid id: {hint} (e.g. --id {example})")
    if not low <= len(record_id) <= high:
        raise UsageError(f"--id '{record_id}' is {len(record_id)} characters long: use {low} to {high}")
    return record_id


def _check_free(root: Path, path: Path, record_id: str, force: bool) -> None:
    taken = [p for p in sorted((root / "projects").glob(f"*/{record_id}.yml")) if p != path]
    if taken:
        other = taken[0].relative_to(root).as_posix()
        raise UsageError(f"the id '{record_id}' is already used by {other}; project ids are unique across "
                         "all organisations: choose another with --id")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists: edit it, choose another --id, or add --force to overwrite it")


def _validate_command(root: Path, rel: str) -> str:
    if root == Path("."):
        return f"catalogue validate {rel}"
    return f"catalogue --root {root} validate {root / rel}"


# Rendering ---------------------------------------------------------------------------------------

def render(record_id: str, title: str, lead: str, validate_command: str = "catalogue validate") -> str:
    """The text of a new record, from templates/new-record.yml.j2 and the project schema."""
    schema = schemas.schema_for("project")
    today = dates.today()
    topic_ids = [value for value, _, _ in schemas.topics()]
    properties: dict[str, Any] = schema["properties"]
    required = set(schema["required"])
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=False, default_for_string=False),  # YAML, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters["yaml"] = yaml_scalar
    return env.get_template(TEMPLATE).render(
        schema=schema,
        help={name: _one_line(prop.get("description", "")) for name, prop in _all_fields(properties)},
        choices={name: _choices_line(prop) for name, prop in _all_fields(properties)},
        id=record_id,
        title=title,
        lead=lead,
        phase="idea",
        status="planned",
        start=f"{today:%Y-%m}",
        last_reviewed=today.isoformat(),
        topic=topic_ids[0],
        topic_lines=textwrap.wrap(", ".join(topic_ids), width=96, break_on_hyphens=False),
        team="Your team name",
        email="team@example.org",
        summary="Replace this with one or two plain sentences: what the project does, and for whom.",
        optional=[_optional(name, prop) for name, prop in properties.items() if name not in required],
        validate_command=validate_command,
    )


def yaml_scalar(value: object) -> str:
    """A value as YAML text on one line; strings always in double quotes, so no word changes type."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _all_fields(properties: dict[str, Any], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """('contact', {...}), ('contact.team', {...}), ... for every property with a description."""
    out = []
    for name, prop in properties.items():
        out.append((prefix + name, prop))
        out.extend(_all_fields(prop.get("properties", {}), f"{prefix}{name}."))
    return out


def _resolve(prop: dict[str, Any]) -> dict[str, Any]:
    """Follow a $ref to #/$defs/... or to another schema file, one step."""
    ref = prop.get("$ref")
    if not isinstance(ref, str):
        return prop
    if ref.startswith("#/$defs/"):
        definition: dict[str, Any] = schemas.schema_for("project")["$defs"][ref.removeprefix("#/$defs/")]
        return definition
    other: dict[str, Any] = schemas.load_json(ref)
    return other


def _choices_line(prop: dict[str, Any], subject: str = "") -> str:
    """'One of: a, b or c.' for an enum, or for a list of enum values; '' otherwise.

    With a subject: 'role is one of: a, b or c.'
    """
    single, items = _resolve(prop), _resolve(prop.get("items", {}))
    if "enum" in single:
        phrase = "one of: " + _listed(single["enum"]) + "."
    elif "enum" in items and len(items["enum"]) <= 12:
        phrase = "one or more of: " + _listed(items["enum"]) + "."
    else:
        return ""
    return f"{subject} is {phrase}" if subject else phrase[0].upper() + phrase[1:]


def _listed(values: list[Any]) -> str:
    words = [str(v) for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _optional(name: str, prop: dict[str, Any]) -> dict[str, Any]:
    """An optional field as comment lines: explanation, choices, and its example ready to uncomment."""
    notes = [line for line in (_choices_line(prop),) if line]
    example = prop.get("examples", [None])[0]
    if prop.get("type") == "object" and "properties" in prop:
        value: Any = {}
        for sub, sub_prop in prop["properties"].items():
            sub_example = (example or {}).get(sub, sub_prop.get("examples", [None])[0])
            value[sub] = sub_example if sub_example is not None else _first_choice(sub_prop, "...")
            if _choices_line(sub_prop):
                notes.append(_choices_line(sub_prop, sub))
        lines = _dump({name: value}).splitlines()
        # The explanation of each part goes above it, as a comment that stays one when uncommented.
        described = [lines[0]]
        for line in lines[1:]:
            key = line.strip().split(":", 1)[0]
            sub_help = _one_line(prop["properties"].get(key, {}).get("description", ""))
            if line.startswith("  ") and not line.startswith("   ") and sub_help:
                described.append(f"  # {sub_help}")
            described.append(line)
        lines = described
    else:
        items = prop.get("items", {})
        for variant in items.get("oneOf", [items]):
            for sub, sub_prop in variant.get("properties", {}).items():
                line = _choices_line(sub_prop, sub)
                if line and line not in notes:
                    notes.append(line)
        lines = _dump({name: example if example is not None else "..."}).splitlines()
    return {"name": name, "help": _one_line(prop.get("description", "")), "notes": notes, "lines": lines}


def _first_choice(prop: dict[str, Any], default: str) -> Any:
    enum = _resolve(prop).get("enum")
    return enum[0] if enum else default


class _Dumper(yaml.SafeDumper):
    """Dates in quotes as the catalogue writes them, long text as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under their key


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if _DATE.match(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,  # noqa: S506 - SafeDumper
                     default_flow_style=False, width=1000)
