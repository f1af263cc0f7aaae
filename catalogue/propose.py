"""The /propose/ page: a form that writes a new project record in the browser.

Its fields, labels, hints, allowed values, patterns and lengths are read from
schema/project.schema.json at build time, so the form changes with the schema. The same field
list is rendered by templates/propose.html and embedded as JSON for assets/propose.js, which
checks the answers and writes the YAML. The JSON sits in the form's data-propose attribute, not
in a <script type="application/json">: mkdocs-material's instant navigation re-runs every script
in the page as JavaScript, dropping its type and id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .model import Catalogue
from .publish import Output, SiteOptions
from .schemas import load_json, schema_for
from .site.render import escaped_meta, page, root_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
URI = "propose/index.md"
TITLE = "Propose a project"
DESCRIPTION = "Describe a project in a form and get a record ready to add to the catalogue on GitHub."
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/project.schema.json"
# Left out of the form: a list of every project would not scale; authors add these in the file.
SKIP = frozenset({"related"})
# Always written as block scalars (|): long Markdown text.
BLOCK = frozenset({"description"})
ORG_FIELDS = frozenset({"lead", "partners.org"})
# Asked first, so the id can be suggested from the title; the record keeps the schema's order.
FORM_FIRST = ("lead", "title", "id")
SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$"


def outputs(catalogue: Catalogue, options: SiteOptions) -> Iterator[Output]:
    # Short names ("Hackney", not "London Borough of Hackney"), so typing a letter finds the borough.
    orgs = sorted(((o.id, o.short_name) for o in catalogue.organisations.values()), key=lambda o: o[1].lower())
    spec = form_spec(schema_for("project"), orgs, new_file_base(options))
    yield page(URI, render(spec, root_of(URI)), escaped_meta(TITLE, DESCRIPTION))


def render(spec: dict[str, Any], root: str = "../") -> str:
    """The page's finished HTML (it skips Markdown); `root` is the relative path to the site root."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    data = json.dumps(_for_script(spec), ensure_ascii=False)
    html = env.get_template("propose.html").render(spec=spec, spec_json=data, root=root)
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def _for_script(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec without what only the template shows (hints, choices): the script checks, it does not draw."""
    def slim(field: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in field.items() if k not in ("hint", "options")}
        if "fields" in field:
            out["fields"] = [slim(f) for f in field["fields"]]
        return out

    return {**spec, "fields": [slim(f) for f in spec["fields"]]}


def new_file_base(options: SiteOptions) -> str | None:
    """GitHub's "new file" address for projects/, e.g. https://github.com/o/r/new/main/projects/."""
    if not options.repo_url or "github.com" not in options.repo_url:
        return None
    branch = "main"
    match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/", options.edit_uri or "")
    if match:
        branch = match[1]
    return f"{options.repo_url.rstrip('/')}/new/{branch}/projects/"


def form_spec(schema: dict[str, Any], orgs: list[tuple[str, str]], new_file: str | None) -> dict[str, Any]:
    """Everything the template and the script need: the fields in schema order and the fixed values."""
    fixed = {k: p["const"] for k, p in schema["properties"].items() if "const" in p}
    names = [name for name in schema["properties"] if name not in fixed and name not in SKIP]
    asked = sorted(names, key=lambda n: FORM_FIRST.index(n) if n in FORM_FIRST else len(FORM_FIRST))
    fields = [_field(name, schema["properties"][name], name in schema["required"], schema, orgs) for name in asked]
    return {"fields": fields, "fixed": fixed, "newFile": new_file, "comment": SCHEMA_COMMENT, "order": names}


def _resolve(prop: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref")
    if not ref:
        return prop
    if ref.startswith("#/"):
        node: Any = root
        for part in ref[2:].split("/"):
            node = node[part]
        return {**node, **{k: v for k, v in prop.items() if k != "$ref"}}
    return load_json(ref)


def _field(name: str, prop: dict[str, Any], required: bool, root: dict[str, Any],
           orgs: list[tuple[str, str]]) -> dict[str, Any]:
    prop = _resolve(prop, root)
    field: dict[str, Any] = {
        "name": name, "key": name.rsplit(".", 1)[-1], "id": "f-" + re.sub(r"[^a-z0-9]+", "-", name.lower()),
        "label": prop.get("title", name), "hint": prop.get("description", ""), "required": required,
    }
    for key in ("pattern", "minLength", "maxLength", "minItems", "maxItems"):
        if key in prop:
            field[key] = prop[key]
    field["widget"] = _widget(name, prop)
    if field["widget"] == "yesno":  # the schema speaks of true/false, the form of Yes/No
        field["hint"] = re.sub(r"^true when", "Yes when", field["hint"])
    if name in ORG_FIELDS:
        field["options"] = [{"value": v, "title": t, "hint": ""} for v, t in orgs]
    elif "enum" in prop:
        field["options"] = _options(prop)
    if field["widget"] == "checkboxes":
        field["options"] = _options(_resolve(prop["items"], root))
    if field["widget"] == "list":
        item = prop["items"]
        field.update(itemPattern=item.get("pattern"), itemMaxLength=item.get("maxLength"))
        field["format"] = _format_message(item.get("pattern"), prop.get("examples", [[""]])[0][:1])
    elif "pattern" in prop:
        field["format"] = _format_message(prop["pattern"], prop.get("examples", [])[:1])
    if field["widget"] == "group":
        field["fields"] = _children(name, prop, root, orgs)
    if field["widget"] == "rows":
        _rows(field, prop, root, orgs)
    field["block"] = name in BLOCK
    return field


def _widget(name: str, prop: dict[str, Any]) -> str:
    kind = prop.get("type")
    if kind == "boolean":
        return "yesno"
    if kind == "object":
        return "group"
    if kind == "array":
        item = prop["items"]
        if "oneOf" in item or item.get("type") == "object":
            return "rows"
        return "checkboxes" if "enum" in item or "$ref" in item else "list"
    if "enum" in prop or name in ORG_FIELDS:
        return "select"
    pattern = prop.get("pattern", "")
    if pattern.startswith("^https?://"):
        return "url"
    if "@" in pattern:
        return "email"
    if "[0-9]{4}-[0-9]{2}" in pattern:
        return "date"
    return "textarea" if prop.get("maxLength", 0) >= 300 else "text"


def _options(prop: dict[str, Any]) -> list[dict[str, str]]:
    values = prop["enum"]
    titles = prop.get("enumTitles", values)
    hints = prop.get("enumDescriptions", [""] * len(values))
    return [{"value": v, "title": t, "hint": h} for v, t, h in zip(values, titles, hints, strict=True)]


def _children(name: str, prop: dict[str, Any], root: dict[str, Any],
              orgs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    required = prop.get("required", [])
    return [_field(f"{name}.{key}", child, key in required, root, orgs) for key, child in prop["properties"].items()]


def _rows(field: dict[str, Any], prop: dict[str, Any], root: dict[str, Any], orgs: list[tuple[str, str]]) -> None:
    """A repeatable group. With oneOf, one field per alternative's own properties, shared ones last."""
    item = prop["items"]
    field["noun"] = item.get("title") or field["label"].rstrip("s")
    if "oneOf" not in item:
        field["fields"] = _children(field["name"], item, root, orgs)
        return
    alternatives = item["oneOf"]
    shared = set.intersection(*(set(a["properties"]) for a in alternatives))
    merged: dict[str, dict[str, Any]] = {}
    for alt in alternatives:
        own = [k for k in alt["properties"] if k not in shared]
        for key in own:
            merged.setdefault(key, dict(alt["properties"][key]))
        if own:  # the alternative's first own field stands for it: "Outside organisation"
            merged[own[0]].update(title=alt.get("title", own[0]), description=alt.get("description", ""))
    for key in alternatives[0]["properties"]:
        if key in shared:
            merged[key] = alternatives[0]["properties"][key]
    field["fields"] = [_field(f"{field['name']}.{key}", child, key in shared, root, orgs)
                       for key, child in merged.items()]
    field["alternatives"] = [{"keys": list(a["properties"]), "required": a.get("required", []),
                              "title": a.get("title", "")} for a in alternatives]


def _format_message(pattern: str | None, examples: list[Any]) -> str:
    """What the pattern asks for, in words, with the schema's example."""
    like = f", like {examples[0]}" if examples and examples[0] else ""
    if not pattern:
        return ""
    if pattern == SLUG:
        return f"must be lower case letters and numbers, with words joined by single hyphens{like}"
    if pattern.startswith("^https?://"):
        return "must be a web address starting with https:// or http://"
    if "@" in pattern:
        return f"must be an email address{like}"
    if "[0-9]{4}-[0-9]{2}" in pattern:
        shape = "YYYY-MM or YYYY-MM-DD" if "?" in pattern else "YYYY-MM-DD"
        return f"must be a date written {shape}{like}"
    return f"is not in the right format{like}"
