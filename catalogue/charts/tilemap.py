"""The London tile map: 33 equal squares, coloured by involvement in projects or marking one project's authorities."""

from __future__ import annotations

from .. import schemas
from ..model import Catalogue, Organisation, Project
from . import counts
from .layout import SQUARES, Square
from .palette import step_for
from .render import Cell, Chart, Row, Table, check_id, figure, plural
from .rolemap import RoleMap
from .tiles import INTRO, Tile, svg, tiles_markup


def _count_tile(square: Square, org: Organisation | None, base: str, topic: str | None) -> Tile:
    if org is None:
        return Tile(square, None, None, f"{square.name}: not in the catalogue", "", "seq-0", "ink-0")
    n = counts.involvement(org, topic).total
    step = step_for(n)
    what = plural(n, "current or future project", "current and future projects")
    on = f" on {_topic_title(topic)}" if topic else ""
    return Tile(square, org, base + org.url, f"{org.name}: {what}{on}", str(n),
                f"seq-{step.index}", f"ink-{step.index}", count=n)


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


def _count_desc(tiles: list[Tile], topic: str | None) -> str:
    involved = sorted((t for t in tiles if t.count), key=lambda t: (-(t.count or 0), t.square.name))
    on = f" on {_topic_title(topic)}" if topic else ""
    intro = INTRO + " Each tile shows its number of projects as a colour and as a number. "
    if not involved:
        return intro + f"None of them leads or takes part in a current or future project{on}."
    top = ", ".join(f"{t.org.short_name if t.org else t.square.name} ({t.count})" for t in involved[:3])
    return intro + (f"{len(involved)} of them lead or take part in at least one current or future project{on}; "
                    f"the most involved: {top}.")


def _count_table(title: str, tiles: list[Tile], topic: str | None, base: str) -> Table:
    rows = []
    orgs = sorted((t.org for t in tiles if t.org is not None), key=lambda org: org.short_name.lower())
    for org in orgs:
        inv = counts.involvement(org, topic)
        cells = [Cell(str(inv.leads), inv.leads, "leads"), Cell(str(inv.partner), inv.partner, "partner"),
                 Cell(str(inv.total), inv.total, "total")]
        rows.append(Row(org.short_name, cells, base + org.url, org.id))
    return Table(title, ["Local authority", "Leads", "Partner in", "Total"], rows)


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
    if highlight is not None:
        return RoleMap.build(catalogue, base, id_prefix=id_prefix).chart(_project(catalogue, highlight))
    if topic is not None:
        _topic_title(topic)
    found = counts.authorities(catalogue)
    tiles = [_count_tile(sq, found.get(sq.gss), base, topic) for sq in SQUARES]
    on = f": {_topic_title(topic)}" if topic else ""
    title = f"Current and future projects by London local authority{on}"
    picture = svg(id_prefix, "counts", title, _count_desc(tiles, topic), tiles_markup(id_prefix, tiles))
    return figure("tile-map", id_prefix, title, picture, _count_table(title, tiles, topic, base))
