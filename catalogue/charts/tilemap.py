"""The London tile map: 33 equal squares, coloured by involvement in projects or marking one project's authorities."""

from __future__ import annotations

from dataclasses import dataclass

from .. import schemas
from ..model import Catalogue, Organisation, Project
from . import counts
from .layout import COLUMNS, ROWS, SQUARES, Square
from .palette import STEPS, step_for
from .render import Cell, Chart, Row, Table, check_id, figure, plural, render

TILE, GAP, PAD = 60, 4, 4
STEP = TILE + GAP
WIDTH, HEIGHT = 2 * PAD + COLUMNS * STEP - GAP, 2 * PAD + ROWS * STEP - GAP
# Highlighted tiles: a patterned frame (hatching for the lead, dots for partners) and a heavy outline
# (solid for the lead, dashed for partners), plus the role written on the tile: never colour alone.
LOOKS = {
    "lead": {"fill": "lead", "ink": "ink-lead", "pattern": "hatch", "edge": "lead"},
    "partner": {"fill": "partner", "ink": "ink-partner", "pattern": "dots", "edge": "partner"},
    "none": {"fill": "dim", "ink": "ink-dim", "pattern": "", "edge": "plain"},
}


@dataclass(frozen=True)
class Tile:
    square: Square
    org: Organisation | None
    href: str | None
    title: str
    value: str
    fill: str
    ink: str
    edge: str = "plain"
    pattern: str = ""
    count: int | None = None
    role: str | None = None

    @property
    def x(self) -> int:
        return PAD + self.square.col * STEP

    @property
    def y(self) -> int:
        return PAD + self.square.row * STEP


@dataclass(frozen=True)
class LegendItem:
    label: str
    fill: str
    edge: str = "plain"
    pattern: str = ""


def _count_tile(square: Square, org: Organisation | None, base: str, topic: str | None) -> Tile:
    if org is None:
        return Tile(square, None, None, f"{square.name}: not in the catalogue", "", "seq-0", "ink-0")
    n = counts.involvement(org, topic).total
    step = step_for(n)
    what = plural(n, "current or future project", "current and future projects")
    on = f" on {_topic_title(topic)}" if topic else ""
    return Tile(square, org, base + org.url, f"{org.name}: {what}{on}", str(n),
                f"seq-{step.index}", f"ink-{step.index}", count=n)


def _role_tile(square: Square, org: Organisation | None, base: str, roles: dict[str, counts.Role]) -> Tile:
    role = roles.get(org.id) if org else None
    kind = role.kind if role else "none"
    look = LOOKS[kind]
    name = org.name if org else square.name
    title = f"{name}: {role.text.lower() if role else 'not involved'}"
    return Tile(square, org, base + org.url if org else None, title, role.kind.title() if role else "",
                look["fill"], look["ink"], look["edge"], look["pattern"], role=kind)


def _topic_title(topic: str) -> str:
    titles = {value: title for value, title, _ in schemas.topics()}
    if topic not in titles:
        raise ValueError(f"unknown topic {topic!r}")
    return titles[topic]


def _project(catalogue: Catalogue, highlight: Project | str) -> Project:
    if isinstance(highlight, Project):
        return highlight
    if highlight not in catalogue.projects:
        raise ValueError(f"unknown project {highlight!r}")
    return catalogue.projects[highlight]


def _names(tiles: list[Tile]) -> str:
    names = [tile.org.short_name if tile.org else tile.square.name for tile in tiles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _count_desc(tiles: list[Tile], topic: str | None) -> str:
    involved = sorted((t for t in tiles if t.count), key=lambda t: (-(t.count or 0), t.square.name))
    on = f" on {_topic_title(topic)}" if topic else ""
    intro = ("Tile map of London's 33 local authorities, each an equal square in roughly its place on the map. "
             "Each tile shows its number of projects as a colour and as a number. ")
    if not involved:
        return intro + f"None of them leads or takes part in a current or future project{on}."
    top = ", ".join(f"{t.org.short_name if t.org else t.square.name} ({t.count})" for t in involved[:3])
    return intro + (f"{len(involved)} of them lead or take part in at least one current or future project{on}; "
                    f"the most involved: {top}.")


def _role_desc(tiles: list[Tile], project: Project) -> str:
    lead = [t for t in tiles if t.role == "lead"]
    partners = [t for t in tiles if t.role == "partner"]
    parts = ["Tile map of London's 33 local authorities, each an equal square in roughly its place on the map."]
    if lead:
        parts.append(f"Lead, hatched with a solid outline: {_names(lead)}.")
    else:
        parts.append(f"Led by {project.lead.short_name}, which is not a local authority and is not on the map.")
    if partners:
        parts.append(f"Partners, dotted with a dashed outline: {_names(partners)}.")
    parts.append("The other authorities are dimmed.")
    return " ".join(parts)


def _count_table(title: str, tiles: list[Tile], topic: str | None, base: str) -> Table:
    rows = []
    orgs = sorted((t.org for t in tiles if t.org is not None), key=lambda org: org.short_name.lower())
    for org in orgs:
        inv = counts.involvement(org, topic)
        cells = [Cell(str(inv.leads), inv.leads, "leads"), Cell(str(inv.partner), inv.partner, "partner"),
                 Cell(str(inv.total), inv.total, "total")]
        rows.append(Row(org.short_name, cells, base + org.url, org.id))
    return Table(title, ["Local authority", "Leads", "Partner in", "Total"], rows)


def _role_table(title: str, project: Project, tiles: list[Tile], base: str) -> Table:
    on_map = {t.org.id: t.org for t in tiles if t.org is not None}
    rows = []
    for org_id, role in counts.roles(project).items():
        org = on_map.get(org_id)
        if org is not None:
            rows.append(Row(org.short_name, [Cell(role.text, column="role")], base + org.url, org_id))
    note = "" if rows else "No London local authority takes part."
    return Table(title, ["Local authority", "Role"], rows, note)


def _legend(mode: str) -> tuple[str, list[LegendItem]]:
    if mode == "roles":
        return "This project", [LegendItem("Lead", "lead", "lead", "hatch"),
                                LegendItem("Partner", "partner", "partner", "dots"),
                                LegendItem("Not involved", "dim")]
    return "Projects", [LegendItem(step.label, f"seq-{step.index}") for step in STEPS]


def tile_map(catalogue: Catalogue, base: str = "", topic: str | None = None,
             highlight: Project | str | None = None, *, id_prefix: str = "london-map") -> Chart:
    """The London tile map as a Chart (figure with inline SVG and a data table).

    Draws the 33 local authorities (organisations of type london-borough or city-corporation, placed by
    GSS code) as equal squares, each a link to `base + "boroughs/<id>/"`; `base` is the relative prefix
    from the calling page to the site root, e.g. "../../".

    - Default: each tile is coloured and numbered by the current and future projects the authority
      leads or partners in (5 fixed colour steps: 0, 1, 2-3, 4-7, 8 or more), with a legend.
    - `topic` (a topic id): the same, counting only projects filed under that topic.
    - `highlight` (a Project or project id): the project's lead and partner authorities are marked
      (pattern, outline and the words Lead / Partner), the others dimmed; the table lists their roles.

    `id_prefix` must be unique on the page; every id in the SVG starts with it. Raises ValueError for an
    unknown topic or project, or when both topic and highlight are given.
    """
    check_id(id_prefix)
    if topic is not None and highlight is not None:
        raise ValueError("tile_map takes a topic or a project to highlight, not both")
    found = counts.authorities(catalogue)
    if highlight is None:
        if topic is not None:
            _topic_title(topic)
        tiles = [_count_tile(sq, found.get(sq.gss), base, topic) for sq in SQUARES]
        on = f": {_topic_title(topic)}" if topic else ""
        title = f"Current and future projects by London local authority{on}"
        desc, table, mode = _count_desc(tiles, topic), _count_table(title, tiles, topic, base), "counts"
    else:
        project = _project(catalogue, highlight)
        roles = counts.roles(project)
        tiles = [_role_tile(sq, found.get(sq.gss), base, roles) for sq in SQUARES]
        title = f"London local authorities taking part in {project.data['title']}"
        desc, table, mode = _role_desc(tiles, project), _role_table(title, project, tiles, base), "roles"
    legend_title, legend = _legend(mode)
    svg = render("tilemap.svg.j2", p=id_prefix, title=title, desc=desc, tiles=tiles, mode=mode,
                 legend_title=legend_title, legend=legend, width=WIDTH, height=HEIGHT, tile=TILE, pad=PAD)
    return figure("tile-map", id_prefix, title, svg, table)
