"""The numbers behind the charts, computed from the model alone (no drawing here)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .. import dates, schemas
from ..model import Catalogue, Organisation, Project

LOCAL_AUTHORITY_TYPES = ("london-borough", "city-corporation")
LIVE_GROUPS = ("current", "future")


def current_and_future(projects: Iterable[Project]) -> list[Project]:
    """The projects whose group is 'current' or 'future' (the tile map counts only these)."""
    return [p for p in projects if p.group in LIVE_GROUPS]


def authorities(catalogue: Catalogue) -> dict[str, Organisation]:
    """GSS code -> organisation, for the London boroughs and the City of London."""
    return {org.data["gss_code"]: org for org in catalogue.organisations.values()
            if org.type in LOCAL_AUTHORITY_TYPES and org.data.get("gss_code")}


@dataclass(frozen=True)
class Involvement:
    """How many current and future projects an organisation leads, and partners in without leading."""

    leads: int = 0
    partner: int = 0

    @property
    def total(self) -> int:
        return self.leads + self.partner


def involvement(org: Organisation, topic: str | None = None) -> Involvement:
    """Current and future projects `org` leads or partners in, optionally only those filed under `topic`."""
    def keep(project: Project) -> bool:
        return project.group in LIVE_GROUPS and (topic is None or topic in project.data["topics"])

    led = {p.data["id"] for p in org.leads if keep(p)}
    partnered = {p.data["id"] for p, _ in org.partners_in if keep(p)} - led
    return Involvement(len(led), len(partnered))


@dataclass(frozen=True)
class Role:
    """An organisation's part in one project: 'lead' or 'partner', with the partner role's title."""

    kind: str
    label: str

    @property
    def text(self) -> str:
        """'Lead', 'Partner' or, for a particular partner role, e.g. 'Partner (advisor)'."""
        if self.kind == "lead" or self.label == "Partner":
            return self.label
        return f"Partner ({self.label.lower()})"


def roles(project: Project) -> dict[str, Role]:
    """Organisation id -> its role in `project`, the lead first, then partners in record order."""
    titles = schemas.role_labels()
    found = {project.lead.id: Role("lead", "Lead")}
    for org, partner in project.partners:
        if org is not None and org.id not in found:
            found[org.id] = Role("partner", titles.get(partner.get("role", ""), "Partner"))
    return found


@dataclass(frozen=True)
class Count:
    """One bar: a vocabulary value, its title, and how many projects have it."""

    key: str
    label: str
    count: int


def _vocabulary_counts(values: Iterable[str], titles: dict[str, str]) -> list[Count]:
    counter = Counter(values)
    return [Count(key, title, counter[key]) for key, title in titles.items()]


def phase_counts(projects: Iterable[Project]) -> list[Count]:
    """Every phase in schema order (zeros included)."""
    return _vocabulary_counts((p.data["phase"] for p in projects), schemas.labels("phase"))


def status_counts(projects: Iterable[Project]) -> list[Count]:
    """Every status in schema order (zeros included)."""
    return _vocabulary_counts((p.data["status"] for p in projects), schemas.labels("status"))


def topic_counts(projects: Iterable[Project], limit: int | None = 10) -> list[Count]:
    """Topics with at least one project, most projects first (ties by title), at most `limit` of them."""
    titles = {value: title for value, title, _ in schemas.topics()}
    counter = Counter(topic for p in projects for topic in p.data["topics"])
    ranked = sorted(counter.items(), key=lambda item: (-item[1], titles.get(item[0], item[0]).lower()))
    return [Count(key, titles.get(key, key), n) for key, n in ranked[:limit]]


def _quarter_index(label: str) -> int:
    return int(label[:4]) * 4 + int(label[-1]) - 1


def _quarter_label(index: int) -> str:
    return f"{index // 4} Q{index % 4 + 1}"


def quarter_counts(projects: Iterable[Project]) -> list[Count]:
    """Projects starting in each quarter, every quarter from the first start to the last (zeros included)."""
    counter = Counter(dates.quarter(p.data["start"]) for p in projects)
    if not counter:
        return []
    indexes = [_quarter_index(label) for label in counter]
    labels = (_quarter_label(i) for i in range(min(indexes), max(indexes) + 1))
    return [Count(label, label, counter[label]) for label in labels]
