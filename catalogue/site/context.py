"""What every page of one build shares: the model, options, templates, vocabularies, similarity.

Built once per build, so per-page work never scans the whole catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from jinja2 import Environment
from markupsafe import Markup

from .. import charts
from ..model import Catalogue, Project
from ..publish import SiteOptions
from ..schemas import schema_for, topics, vocabulary
from ..similar import Match, similar_projects
from .describe import Descriptions
from .render import ascii_html, environment, root_of

GROUPS = (("current", "Current", "Active or paused now."),
          ("future", "Planned", "Agreed or proposed, not started yet."),
          ("past", "Past", "Completed or stopped."))
STATUS_ORDER = ("planned", "active", "paused", "completed", "stopped")


class Term(NamedTuple):
    """One value of a controlled vocabulary, with its label and explanation from the schema."""

    value: str
    title: str
    description: str


def _terms(node: dict[str, Any]) -> dict[str, Term]:
    return {value: Term(value, title, text) for value, title, text in vocabulary(node)}


@dataclass(frozen=True)
class Vocab:
    """Labels for every coded field, read from the schemas so pages never drift from them."""

    phase: dict[str, Term]
    status: dict[str, Term]
    link_type: dict[str, Term]
    band: dict[str, Term]
    collaboration: dict[str, Term]
    role: dict[str, Term]
    relation: dict[str, Term]
    topic: dict[str, Term]
    org_type: dict[str, Term]
    methodology: dict[str, Term]  # the outcomes-based methodology's parts, in the schema's order

    @classmethod
    def load(cls) -> Vocab:
        props = schema_for("project")["properties"]
        return cls(
            phase=_terms(props["phase"]), status=_terms(props["status"]),
            link_type=_terms(props["links"]["items"]["properties"]["type"]),
            band=_terms(props["funding"]["properties"]["band"]),
            collaboration=_terms(props["collaboration"]["items"]),
            role=_terms(schema_for("project")["$defs"]["role"]),
            relation=_terms(props["related"]["items"]["properties"]["relation"]),
            topic={value: Term(value, title, text) for value, title, text in topics()},
            org_type=_terms(schema_for("borough")["properties"]["type"]),
            methodology={key: Term(key, prop["title"], prop["description"])
                         for key, prop in props["methodology"]["properties"].items()},
        )


def by_title(projects: Iterable[Project]) -> list[Project]:
    """Projects in reading order; the id breaks ties so the order never depends on input order."""
    return sorted(projects, key=lambda p: (p.data["title"].lower(), p.data["id"]))


def grouped(projects: Iterable[Project]) -> list[tuple[str, str, str, list[Project]]]:
    """(key, heading, explanation, projects) for current, planned and past work, empty groups kept
    so pages keep the same shape."""
    buckets: dict[str, list[Project]] = {key: [] for key, _, _ in GROUPS}
    for project in projects:
        buckets[project.group].append(project)
    return [(key, heading, text, by_title(buckets[key])) for key, heading, text in GROUPS]


@dataclass
class Site:
    """The shared state of one build's pages."""

    catalogue: Catalogue
    options: SiteOptions
    env: Environment = field(default_factory=environment)
    describe: Descriptions = field(default_factory=Descriptions)
    vocab: Vocab = field(default_factory=Vocab.load)
    similar: dict[str, list[Match]] = field(default_factory=dict)
    cards: dict[tuple[str, str], Markup] = field(default_factory=dict)
    project_maps: dict[str, charts.RoleMap] = field(default_factory=dict)

    @classmethod
    def build(cls, catalogue: Catalogue, options: SiteOptions) -> Site:
        # Similarity is one sparse matrix product over all projects: compute it once, here.
        return cls(catalogue, options, similar=similar_projects(catalogue))

    def render(self, template: str, uri: str, **context: Any) -> str:
        """The HTML of a page at `uri`; templates get `root`, the relative way back to the site root.

        Characters outside ASCII are written as character references: Python stores a string
        with one such character at two or four bytes per character, and the theme copies the
        page's HTML several times while it wraps it. C1 controls are dropped (see ascii_html)."""
        html = self.env.get_template(template).render(root=root_of(uri), site=self, vocab=self.vocab, **context)
        return html if html.isascii() else ascii_html(html)

    def project_map(self, root: str, project: Project) -> charts.Chart:
        """The tile map marking a project's lead and partners. The map is drawn once per `root` (all
        project pages share one) and only filled in per page: drawing it costs a millisecond a page."""
        role_map = self.project_maps.get(root)
        if role_map is None:
            role_map = self.project_maps[root] = charts.RoleMap.build(self.catalogue, root, id_prefix="project-map")
        return role_map.chart(project)

    def card(self, root: str, project: Project) -> Markup:
        """A project's line in lists (_macros.html `card`), rendered once per project and `root`:
        at 10,000 records the list pages hold some 65,000 of them."""
        key = (root, project.data["id"])
        card = self.cards.get(key)
        if card is None:
            macros = self.env.get_template("_macros.html").module
            card = self.cards[key] = macros.card(root, self.vocab, project,  # type: ignore[attr-defined]
                                                 self.catalogue.settings.stale_months)
        return card

    def absolute(self, path: str) -> str:
        """The public address of a site path, for JSON-LD."""
        return self.options.site_url.rstrip("/") + "/" + path

    def edit_url(self, repo_path: str) -> str | None:
        """Where to edit a file of the repository, as MkDocs builds its own edit links."""
        if not self.options.repo_url or not self.options.edit_uri:
            return None
        edit_uri = self.options.edit_uri if self.options.edit_uri.endswith("/") else self.options.edit_uri + "/"
        if edit_uri.startswith(("http://", "https://")):
            return edit_uri + repo_path
        return self.options.repo_url.rstrip("/") + "/" + edit_uri.lstrip("/") + repo_path
