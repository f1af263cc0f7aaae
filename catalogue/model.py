"""The catalogue as objects: organisations, projects and the links derived between them.

Built only from records that passed validation, in one pass over all of them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import dates
from .rules import Settings
from .schemas import tag_aliases
from .validate import Report, check

CURRENT, FUTURE, PAST = ("active", "paused"), ("planned",), ("completed", "stopped")
REVERSE = {"reuses": "reused-by", "based-on": "basis-for", "follows-on-from": "followed-by",
           "depends-on": "needed-by", "similar-to": "similar-to"}
RELATION_LABELS = {"reuses": "Reuses", "reused-by": "Reused by", "based-on": "Based on",
                   "basis-for": "Basis for", "follows-on-from": "Follows on from",
                   "followed-by": "Followed by", "depends-on": "Depends on",
                   "needed-by": "Needed by", "similar-to": "Similar to"}


class CatalogueInvalid(Exception):
    """The records have errors: nothing may be built from them."""

    def __init__(self, report: Report) -> None:
        super().__init__("\n".join(f.text() for f in report.errors))
        self.report = report


@dataclass
class Organisation:
    id: str
    data: dict[str, Any]
    source: str
    # repr=False: objects point at each other, so a default repr would never end.
    leads: list[Project] = field(default_factory=list, repr=False)
    partners_in: list[tuple[Project, str]] = field(default_factory=list, repr=False)

    @property
    def name(self) -> str:
        return str(self.data["name"])

    @property
    def short_name(self) -> str:
        return str(self.data.get("short_name") or self.name)

    @property
    def type(self) -> str:
        return str(self.data["type"])

    @property
    def url(self) -> str:
        return f"boroughs/{self.id}/"

    def projects(self) -> list[Project]:
        """Projects led or partnered in, each once, led first."""
        seen = dict.fromkeys(self.leads + [p for p, _ in self.partners_in])
        return list(seen)


@dataclass(frozen=True)
class Link:
    """A relation between two projects, seen from one side (e.g. 'reused-by')."""

    relation: str
    project: Project = field(repr=False)

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.relation]


@dataclass(eq=False)
class Project:
    data: dict[str, Any]
    source: str
    lead: Organisation = field(repr=False)
    tags: list[str]
    stale: bool
    partners: list[tuple[Organisation | None, dict[str, Any]]] = field(default_factory=list, repr=False)
    links_out: list[Link] = field(default_factory=list, repr=False)
    links_in: list[Link] = field(default_factory=list, repr=False)

    def __getattr__(self, name: str) -> Any:
        # Plain fields read straight from the record: project.title, project.phase ...
        if name.startswith("_") or name in ("data",):
            raise AttributeError(name)
        return self.data.get(name)

    @property
    def url(self) -> str:
        return f"projects/{self.data['id']}/"

    @property
    def group(self) -> str:
        status = self.data["status"]
        return "current" if status in CURRENT else "future" if status in FUTURE else "past"

    @cached_property
    def links(self) -> list[Link]:
        """Both directions, outgoing first, each related project once per relation."""
        return list(dict.fromkeys(self.links_out + self.links_in))

    def partner_orgs(self) -> list[Organisation]:
        return [org for org, _ in self.partners if org is not None]


@dataclass
class Catalogue:
    organisations: dict[str, Organisation] = field(repr=False)
    projects: dict[str, Project] = field(repr=False)
    settings: Settings
    by_topic: dict[str, list[Project]] = field(repr=False)
    by_tag: dict[str, list[Project]] = field(repr=False)

    @property
    def today(self) -> dt.date:
        return self.settings.today

    def sorted_projects(self) -> list[Project]:
        return sorted(self.projects.values(), key=lambda p: p.data["title"].lower())


def normalise_tags(tags: list[str] | None) -> list[str]:
    aliases = tag_aliases()
    return list(dict.fromkeys(aliases.get(t, t) for t in tags or []))


def build(report: Report, settings: Settings) -> Catalogue:
    """The model of a catalogue whose report has no errors."""
    if report.errors:
        raise CatalogueInvalid(report)
    orgs = {data["id"]: Organisation(data["id"], data, rel) for rel, data in sorted(report.records("borough"))}
    cutoff = dates.months_before(settings.today, settings.stale_months).isoformat()
    projects: dict[str, Project] = {}
    for rel, data in sorted(report.records("project"), key=lambda r: r[1]["id"]):
        project = Project(data, rel, orgs[data["lead"]], normalise_tags(data.get("tags")),
                          stale=data["last_reviewed"] < cutoff)
        projects[data["id"]] = project
        project.lead.leads.append(project)
    by_topic: dict[str, list[Project]] = defaultdict(list)
    by_tag: dict[str, list[Project]] = defaultdict(list)
    for project in projects.values():
        _link(project, orgs, projects)
        for topic in project.data["topics"]:
            by_topic[topic].append(project)
        for tag in project.tags:
            by_tag[tag].append(project)
    return Catalogue(orgs, projects, settings, dict(by_topic), dict(sorted(by_tag.items())))


def _link(project: Project, orgs: dict[str, Organisation], projects: dict[str, Project]) -> None:
    for partner in project.data.get("partners", []):
        org = orgs.get(partner["org"]) if "org" in partner else None
        project.partners.append((org, partner))
        if org is not None:
            org.partners_in.append((project, partner["role"]))
    for related in project.data.get("related", []):
        other = projects[related["project"]]
        project.links_out.append(Link(related["relation"], other))
        other.links_in.append(Link(REVERSE[related["relation"]], project))


def load(root: Path, settings: Settings) -> Catalogue:
    """Validate the records under `root` and build the model, or raise CatalogueInvalid."""
    return build(check(root, settings), settings)
