"""Open data at stable URLs: the catalogue as JSON and CSV, and the JSON Schemas it is checked with.

Everything comes from the model, the build day and git dates, so two builds of one commit are
byte-identical. docs/data.md documents every file, field and column for users: keep it in step.
"""

from __future__ import annotations

import csv
import io
import json
import re
import weakref
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from . import history
from .model import Catalogue, Organisation, Project
from .publish import Output, SiteOptions
from .schemas import SCHEMA_DIR, schema_files, schema_for

SCHEMA_VERSION = 1
PROJECTS_JSON = "api/projects.json"
BOROUGHS_JSON = "api/boroughs.json"
PROJECTS_CSV = "api/projects.csv"
SCHEMA_FOLDER = "schema"

# Fields added to each project's record fields; none may be a record field name.
DERIVED_FIELDS = ("url", "lead_name", "lead_url", "partner_details", "relations",
                  "first_published", "last_changed", "needs_review")
ORGANISATION_FIELDS = ("url", "lead_count", "partner_count", "project_count", "projects")

CSV_COLUMNS = (
    "id", "title", "summary", "url", "lead", "lead_name", "phase", "status", "start", "end",
    "dates_estimated", "topics", "tags", "partners", "relations", "collaboration", "contact_team",
    "contact_email", "funding_source", "funding_band", "personal_data", "algorithmic_tool", "outcome",
    "links", "last_reviewed", "needs_review", "first_published", "last_changed", "description",
    "methodology_actions", "methodology_insights", "methodology_data", "methodology_enablers",
    "methodology_ethics",
)
LIST_SEPARATOR = "; "
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot carry even escaped (C0 controls but tab, LF, CR; surrogates; U+FFFE/F),
# and DEL with the C1 controls, which it allows but which are never meaningful text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def page_url(options: SiteOptions, uri: str) -> str:
    """The absolute URL of a path in the site, such as 'projects/wifi/'."""
    base = options.site_url if options.site_url.endswith("/") else options.site_url + "/"
    return base + uri


# --- git dates: one pass per build, shared by exports and feeds --------------------------------

_DATES: dict[tuple[int, Path], dict[str, history.FileDates]] = {}


def project_dates(catalogue: Catalogue, options: SiteOptions) -> dict[str, history.FileDates]:
    """Project id -> first published and last changed. One `git log` for the whole build: the
    result is kept for as long as this catalogue object lives, so every producer shares it."""
    key = (id(catalogue), options.root)
    if key not in _DATES:
        found = history.file_dates(options.root)
        _DATES[key] = {pid: found.get(project.source) or history.fallback(project.data["last_reviewed"])
                       for pid, project in catalogue.projects.items()}
        weakref.finalize(catalogue, _DATES.pop, key, None)
    return _DATES[key]


# --- JSON ---------------------------------------------------------------------------------------

def _record(data: dict[str, Any], order: list[str]) -> dict[str, Any]:
    """The record's fields in schema order (nested objects with sorted keys)."""
    keys = [k for k in order if k in data] + sorted(k for k in data if k not in order)
    return {key: _sorted(data[key]) for key in keys}


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def _partner(org: Organisation | None, entry: dict[str, Any], options: SiteOptions) -> dict[str, Any]:
    if org is not None:
        return {"org": org.id, "name": org.name, "role": entry["role"], "url": page_url(options, org.url)}
    outside = {"name": entry["name"], "role": entry["role"]}
    return outside | ({"url": entry["url"]} if "url" in entry else {})


def project_object(project: Project, options: SiteOptions, dates: history.FileDates) -> dict[str, Any]:
    """The record's fields (tags normalised) followed by the derived fields."""
    record = _record(project.data, list(schema_for("project")["properties"]))
    if "tags" in record:
        record["tags"] = list(project.tags)
    return record | {
        "url": page_url(options, project.url),
        "lead_name": project.lead.name,
        "lead_url": page_url(options, project.lead.url),
        "partner_details": [_partner(org, entry, options) for org, entry in project.partners],
        "relations": [{"relation": link.relation, "project": link.project.data["id"],
                       "url": page_url(options, link.project.url)} for link in project.links],
        "first_published": dates.first_published,
        "last_changed": dates.last_changed,
        "needs_review": project.stale,
    }


def project_objects(catalogue: Catalogue, options: SiteOptions) -> Iterator[dict[str, Any]]:
    """Every project's object in id order, each made as it is needed."""
    dates = project_dates(catalogue, options)
    return (project_object(catalogue.projects[pid], options, dates[pid]) for pid in sorted(catalogue.projects))


def organisation_object(org: Organisation, options: SiteOptions) -> dict[str, Any]:
    record = _record(org.data, list(schema_for("borough")["properties"]))
    projects = sorted(p.data["id"] for p in org.projects())
    return record | {
        "url": page_url(options, org.url),
        "lead_count": len(org.leads),
        "partner_count": len({id(p) for p, _ in org.partners_in}),
        "project_count": len(projects),
        "projects": projects,
    }


def to_json(value: Any, indent: int | None = None) -> str:
    separators = None if indent else (",", ":")
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def _collection(catalogue: Catalogue, key: str, items: Iterable[dict[str, Any]], count: int) -> Iterator[str]:
    """The text of to_json({"schema_version", "generated", "count", key: items}), one item at a
    time: at 10,000 projects neither the objects nor the file's 40 MB are held at once."""
    head = to_json({"schema_version": SCHEMA_VERSION, "generated": catalogue.today.isoformat(), "count": count})
    yield head.removesuffix("}\n") + "," + json.dumps(key) + ":["
    for i, item in enumerate(items):
        yield ("," if i else "") + json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    yield "]}\n"


def project_uri(project_id: str) -> str:
    return f"api/projects/{project_id}.json"


# --- CSV ----------------------------------------------------------------------------------------

def csv_row(obj: dict[str, Any]) -> list[str]:
    """One project object as cells in CSV_COLUMNS order."""
    contact, funding, method = obj["contact"], obj.get("funding", {}), obj.get("methodology", {})
    values: dict[str, Any] = {
        "contact_team": contact["team"], "contact_email": contact["email"],
        "funding_source": funding.get("source"), "funding_band": funding.get("band"),
        "partners": [f"{p['name']} ({p['role']})" for p in obj["partner_details"]],
        "relations": [f"{r['relation']}: {r['project']}" for r in obj["relations"]],
        "links": [link["url"] for link in obj.get("links", [])],
    }
    values |= {f"methodology_{key}": method.get(key) for key in
               ("actions", "insights", "data", "enablers", "ethics")}
    return [csv_cell(values[c] if c in values else obj.get(c)) for c in CSV_COLUMNS]


def csv_cell(value: Any) -> str:
    """Text for one cell: lists joined, booleans as true/false, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = strip_controls(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(objects: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(csv_pieces(objects))


def csv_pieces(objects: Iterable[dict[str, Any]], rows_per_piece: int = 500) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends, minimal quoting;
    a few hundred rows at a time."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(CSV_COLUMNS)
    for i, obj in enumerate(objects, 1):
        writer.writerow(csv_row(obj))
        if i % rows_per_piece == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


# --- schemas ------------------------------------------------------------------------------------

def schema_sources(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    return [*schema_files(schema_dir), schema_dir / "tag-aliases.json"]


def schema_outputs(schema_dir: Path = SCHEMA_DIR) -> Iterator[Output]:
    """The schemas the records were checked with, byte for byte, at the URL their $id names."""
    for path in schema_sources(schema_dir):
        yield Output(f"{SCHEMA_FOLDER}/{path.name}", path.read_bytes())


# --- producer -----------------------------------------------------------------------------------

def outputs(catalogue: Catalogue, options: SiteOptions) -> Iterator[Output]:
    """Every large file is made when it is written (see publish.Output), from project objects
    made on the spot: holding all 10,000 of them would cost more memory than making them twice
    costs time."""
    yield Output(PROJECTS_JSON, lambda: _collection(catalogue, "projects", project_objects(catalogue, options),
                                                    len(catalogue.projects)))
    dates = project_dates(catalogue, options)
    for pid in sorted(catalogue.projects):
        yield Output(project_uri(pid), partial(_project_json, catalogue.projects[pid], options, dates[pid]))
    orgs = [organisation_object(catalogue.organisations[oid], options) for oid in sorted(catalogue.organisations)]
    yield Output(BOROUGHS_JSON, "".join(_collection(catalogue, "organisations", orgs, len(orgs))))
    yield Output(PROJECTS_CSV, lambda: csv_pieces(project_objects(catalogue, options)))
    yield from schema_outputs()


def _project_json(project: Project, options: SiteOptions, dates: history.FileDates) -> str:
    return to_json(project_object(project, options, dates), indent=2)
