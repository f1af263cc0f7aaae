"""Helpers for the export tests: build in-process, write small catalogues."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from catalogue import exports, feeds
from catalogue.model import Catalogue, load
from catalogue.publish import Output, SiteOptions
from catalogue.rules import Settings

REPO = Path(__file__).resolve().parents[2]
SITE_URL = "https://borough-projects.github.io/catalogue/"
SETTINGS = Settings(today=dt.date(2026, 11, 22))


@dataclass(repr=False)
class Built:
    catalogue: Catalogue
    options: SiteOptions
    outputs: dict[str, Output]

    def __repr__(self) -> str:
        # The model's default repr walks organisation <-> project cycles: far too big for a traceback.
        return f"Built({self.options.root}, {len(self.outputs)} outputs)"

    def text(self, uri: str) -> str:
        content = self.outputs[uri].content
        return content.decode("utf-8") if isinstance(content, bytes) else content

    def json(self, uri: str) -> Any:
        return json.loads(self.text(uri))

    def projects(self) -> dict[str, dict[str, Any]]:
        return {obj["id"]: obj for obj in self.json(exports.PROJECTS_JSON)["projects"]}


def build(root: Path) -> Built:
    """Load the catalogue under `root` and run both producers, as a site build would."""
    catalogue = load(root, SETTINGS)
    options = SiteOptions(root=root, site_url=SITE_URL)
    outputs: dict[str, Output] = {}
    for output in [*exports.outputs(catalogue, options), *feeds.outputs(catalogue, options)]:
        assert output.uri not in outputs, f"two outputs at {output.uri}"
        outputs[output.uri] = output
    return Built(catalogue, options, outputs)


def xml_root(text: str | bytes) -> ET.Element:
    """Parse a feed this build wrote (strictly: any XML 1.0 error raises)."""
    return ET.fromstring(text)  # noqa: S314 - our own output, parsed to prove it is well-formed


# --- small catalogues written by the tests ------------------------------------------------------

def write_borough(root: Path, org_id: str, name: str) -> None:
    data = {"id": org_id, "name": name, "type": "pan-london-body"}
    _write(root / "boroughs" / f"{org_id}.yml", data)


def write_project(root: Path, pid: str, lead: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": 1, "id": pid, "title": f"Project {pid}", "summary": f"What {pid} does.",
        "lead": lead, "phase": "alpha", "status": "active", "start": "2026-01",
        "topics": ["housing"], "contact": {"team": "Digital", "email": "digital@example.org"},
        "last_reviewed": "2026-10-01",
    }
    data.update(fields)
    _write(root / "projects" / lead / f"{pid}.yml", data)
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


GitRunner = Callable[..., None]
