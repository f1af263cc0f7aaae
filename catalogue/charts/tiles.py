"""What both tile maps share: the geometry, one tile and its looks, the legend, the SVG frame."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..model import Organisation
from .layout import COLUMNS, ROWS, Square
from .palette import STEPS
from .render import macro, render

TILE, GAP, PAD = 60, 4, 4
STEP = TILE + GAP
WIDTH, HEIGHT = 2 * PAD + COLUMNS * STEP - GAP, 2 * PAD + ROWS * STEP - GAP
INTRO = "Tile map of London's 33 local authorities, each an equal square in roughly its place on the map."
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


def legend(mode: str) -> tuple[str, list[LegendItem]]:
    """The legend's title and items: the colour steps ("counts"), or lead / partner / not involved ("roles")."""
    if mode == "roles":
        return "This project", [LegendItem("Lead", "lead", "lead", "hatch"),
                                LegendItem("Partner", "partner", "partner", "dots"),
                                LegendItem("Not involved", "dim")]
    return "Projects", [LegendItem(step.label, f"seq-{step.index}") for step in STEPS]


def tile_markup(id_prefix: str, tile: Tile) -> Markup:
    return macro("_shapes.svg.j2", "tile", id_prefix, tile, TILE)


def tiles_markup(id_prefix: str, tiles: Iterable[Tile]) -> Markup:
    return Markup("\n".join(tile_markup(id_prefix, tile) for tile in tiles))  # noqa: S704 - each is safe Markup


def svg_context(id_prefix: str, mode: str) -> dict[str, Any]:
    """Everything tilemap.svg.j2 needs except the title, the description and the tiles."""
    legend_title, items = legend(mode)
    return {"p": id_prefix, "mode": mode, "legend_title": legend_title, "legend": items, "width": WIDTH,
            "height": HEIGHT, "pad": PAD}


def svg(id_prefix: str, mode: str, title: str, desc: str, tiles: Markup) -> Markup:
    return render("tilemap.svg.j2", title=title, desc=desc, tiles=tiles, **svg_context(id_prefix, mode))


def names(labels: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
