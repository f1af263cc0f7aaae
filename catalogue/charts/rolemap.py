"""The tile map of one project's lead and partners, for project pages: drawn once, filled in per page.

Rendering the whole map through Jinja costs over a millisecond, and a build has a project page per
record. On those pages a tile has only a few looks (not involved, lead, or partner under one of the
schema's role titles), so RoleMap.build draws every look of every tile, and the frame around them,
once per build; RoleMap.chart then joins 33 ready strings and escapes the few texts that name the
project. tile_map(highlight=...) goes through here too, so there is one way to draw this map.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import schemas
from ..model import Catalogue, Organisation, Project
from . import counts, tiles
from .counts import Role
from .layout import SQUARES, Square
from .render import Cell, Chart, Row, Stencil, check_id, macro, table_row

MODE = "roles"
HEADERS = ["Local authority", "Role"]
NOT_INVOLVED = ""  # the key of a tile's look when its authority has no part in the project


def _all_roles() -> list[Role]:
    """Every Role that counts.roles can give: the lead, and a partner under each role title."""
    titles = dict.fromkeys([*schemas.role_labels().values(), "Partner"])
    return [Role("lead", "Lead"), *(Role("partner", title) for title in titles)]


def role_tile(square: Square, org: Organisation | None, base: str, role: Role | None) -> tiles.Tile:
    look = tiles.LOOKS[role.kind if role else "none"]
    name = org.name if org else square.name
    title = f"{name}: {role.text.lower() if role else 'not involved'}"
    return tiles.Tile(square, org, base + org.url if org else None, title, role.kind.title() if role else "",
                      look["fill"], look["ink"], look["edge"], look["pattern"],
                      role=role.kind if role else "none")


@dataclass(frozen=True)
class Part:
    """One organisation's part in the project, as the description and the table name it."""

    name: str
    role: Role
    on_map: bool


def _parts(project: Project, on_map: dict[str, Organisation]) -> list[Part]:
    """The lead, then each partner once in record order (as counts.roles), outside partners by name."""
    titles = schemas.role_labels()
    parts = [Part(project.lead.short_name, Role("lead", "Lead"), project.lead.id in on_map)]
    seen = {project.lead.id}
    for org, partner in project.partners:
        key = org.id if org else partner["name"]
        if key not in seen:
            seen.add(key)
            role = Role("partner", titles.get(partner.get("role", ""), "Partner"))
            parts.append(Part(org.short_name if org else partner["name"], role, org is not None and org.id in on_map))
    return parts


def _off_map_text(parts: list[Part]) -> str:
    off = [part for part in parts if not part.on_map]
    if not off:
        return ""
    listed = tiles.names([f"{part.name} ({part.role.kind})" for part in off])
    return f"Not London local authorities, so not on the map: {listed}."


def describe(parts: list[Part]) -> str:
    """The map in words, e.g. 'Led by Hackney (hatched tile, solid outline), with partners Camden and
    Islington (dotted tiles, dashed outline).', naming also who is not on the map."""
    lead = parts[0]
    partners = [part for part in parts[1:] if part.on_map]
    text = f"Led by {lead.name}" + (" (hatched tile, solid outline)" if lead.on_map else "")
    if partners:
        many = len(partners) > 1
        text += (f", with {'partners' if many else 'partner'} {tiles.names([p.name for p in partners])} "
                 f"(dotted {'tiles' if many else 'tile'}, dashed outline)")
    sentences = [tiles.INTRO, text + ".", _off_map_text(parts)]
    if any(part.on_map for part in parts):
        sentences.append("The other authorities are dimmed.")
    else:
        sentences.append("No London local authority takes part, so every tile is dimmed.")
    return " ".join(s for s in sentences if s)


@dataclass(frozen=True)
class Drawn:
    """One square of the project map, drawn in every look it can have."""

    org_id: str | None  # None: no organisation in the catalogue has this code
    dim: str  # not involved: the link and its square
    label: str  # not involved: the label, drawn apart from the link
    looks: dict[str, str]  # role text ('Lead', 'Partner (advisor)' ...) -> the whole tile


@dataclass(frozen=True)
class RoleMap:
    """The project map of one build for pages at one depth (`base`), ready to fill per project."""

    id_prefix: str
    figure: Stencil  # holes: title, svg, table
    svg: Stencil  # holes: title, desc, dim, labels, tiles
    table: Stencil  # holes: caption, rows
    noted_table: Stencil  # holes: caption, note, rows
    squares: tuple[Drawn, ...]
    rows: dict[str, dict[str, str]]  # org id on the map -> role text -> table row markup
    on_map: dict[str, Organisation]

    @classmethod
    def build(cls, catalogue: Catalogue, base: str = "", *, id_prefix: str = "project-map") -> RoleMap:
        check_id(id_prefix)
        found = counts.authorities(catalogue)
        roles = _all_roles()
        squares = []
        for square in SQUARES:
            org = found.get(square.gss)
            quiet = role_tile(square, org, base, None)
            looks = {role.text: str(tiles.tile_markup(id_prefix, role_tile(square, org, base, role)))
                     for role in roles} if org else {}
            squares.append(Drawn(org.id if org else None, str(macro("_shapes.svg.j2", "dim_tile", quiet, tiles.TILE)),
                                  str(macro("_shapes.svg.j2", "dim_label", quiet, tiles.TILE)), looks))
        rows = {org.id: {role.text: str(table_row(Row(org.short_name, [Cell(role.text, column="role")],
                                                          base + org.url, org.id)))
                         for role in roles}
                for org in found.values()}
        figure = Stencil.of("figure.html.j2", ("title", "svg", "table"), kind="tile-map", id_prefix=id_prefix)
        svg = Stencil.of("tilemap.svg.j2", ("title", "desc", "dim", "labels", "tiles"),
                         **tiles.svg_context(id_prefix, MODE))
        table = Stencil.of("table.html.j2", ("caption", "rows"), id_prefix=id_prefix, headers=HEADERS, note="")
        noted = Stencil.of("table.html.j2", ("caption", "note", "rows"), id_prefix=id_prefix, headers=HEADERS)
        return cls(id_prefix, figure, svg, table, noted, tuple(squares), rows, {org.id: org for org in found.values()})

    def chart(self, project: Project) -> Chart:
        """The map with `project`'s lead and partners marked, its description and its table of roles."""
        roles = counts.roles(project)
        dim, labels, marked = [], [], []
        for square in self.squares:
            role = roles.get(square.org_id) if square.org_id else None
            if role is None:
                dim.append(square.dim)
                labels.append(square.label)
            else:
                marked.append(square.looks[role.text])
        parts = _parts(project, self.on_map)
        title = f"London local authorities taking part in {project.data['title']}"
        # Safe: every piece was rendered by the autoescaping environment.
        svg = self.svg.fill(title=title, desc=describe(parts), dim=Markup("\n".join(dim)),  # noqa: S704
                            labels=Markup("\n".join(labels)), tiles=Markup("\n".join(marked)))  # noqa: S704
        rows = [self.rows[org_id][role.text] for org_id, role in roles.items() if org_id in self.rows]
        note = " ".join(filter(None, ["" if rows else "No London local authority takes part.", _off_map_text(parts)]))
        body = Markup("\n".join(rows))  # noqa: S704 - every row was rendered by the autoescaping environment
        table = (self.noted_table.fill(caption=title, note=note, rows=body) if note
                 else self.table.fill(caption=title, rows=body))
        return Chart(self.id_prefix, svg, table, self.figure.fill(title=title, svg=svg, table=table))
