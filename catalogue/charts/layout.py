"""Where each London local authority sits on the tile map: the familiar "London squares" grid.

8 columns by 7 rows, one equal square per authority, in the arrangement After the Flood designed
(Enfield alone at the top, Sutton alone at the bottom, Hillingdon west, Havering east, the City and
Westminster in the middle). Keyed by the ONS GSS code, so it does not depend on record ids.
"""

from __future__ import annotations

from typing import NamedTuple

COLUMNS, ROWS = 8, 7


class Square(NamedTuple):
    gss: str
    col: int
    row: int
    label: str  # 4-letter label drawn on the tile
    name: str   # used only when no organisation in the catalogue has this code


SQUARES: tuple[Square, ...] = (
    Square("E09000010", 4, 0, "ENFI", "Enfield"),
    Square("E09000015", 2, 1, "HRRW", "Harrow"),
    Square("E09000003", 3, 1, "BARN", "Barnet"),
    Square("E09000014", 4, 1, "HGEY", "Haringey"),
    Square("E09000031", 5, 1, "WALT", "Waltham Forest"),
    Square("E09000017", 0, 2, "HILL", "Hillingdon"),
    Square("E09000009", 1, 2, "EALI", "Ealing"),
    Square("E09000005", 2, 2, "BREN", "Brent"),
    Square("E09000007", 3, 2, "CAMD", "Camden"),
    Square("E09000019", 4, 2, "ISLI", "Islington"),
    Square("E09000012", 5, 2, "HACK", "Hackney"),
    Square("E09000026", 6, 2, "REDB", "Redbridge"),
    Square("E09000016", 7, 2, "HAVE", "Havering"),
    Square("E09000018", 0, 3, "HNSL", "Hounslow"),
    Square("E09000013", 1, 3, "HMSM", "Hammersmith and Fulham"),
    Square("E09000020", 2, 3, "KENS", "Kensington and Chelsea"),
    Square("E09000033", 3, 3, "WSTM", "Westminster"),
    Square("E09000001", 4, 3, "CITY", "City of London"),
    Square("E09000030", 5, 3, "TOWH", "Tower Hamlets"),
    Square("E09000025", 6, 3, "NEWM", "Newham"),
    Square("E09000002", 7, 3, "BARK", "Barking and Dagenham"),
    Square("E09000027", 1, 4, "RICH", "Richmond upon Thames"),
    Square("E09000032", 2, 4, "WAND", "Wandsworth"),
    Square("E09000022", 3, 4, "LAMB", "Lambeth"),
    Square("E09000028", 4, 4, "STHW", "Southwark"),
    Square("E09000023", 5, 4, "LEWS", "Lewisham"),
    Square("E09000011", 6, 4, "GRNW", "Greenwich"),
    Square("E09000004", 7, 4, "BEXL", "Bexley"),
    Square("E09000021", 2, 5, "KING", "Kingston upon Thames"),
    Square("E09000024", 3, 5, "MERT", "Merton"),
    Square("E09000008", 4, 5, "CROY", "Croydon"),
    Square("E09000006", 5, 5, "BROM", "Bromley"),
    Square("E09000029", 3, 6, "SUTT", "Sutton"),
)
BY_GSS: dict[str, Square] = {square.gss: square for square in SQUARES}
