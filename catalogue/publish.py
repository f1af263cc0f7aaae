"""What a build publishes: every generated page and file, from the model, with no MkDocs import.

Each producer turns the catalogue into Outputs; the MkDocs hook only hands them to MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from . import dates, history
from .model import Catalogue, load
from .rules import Settings

Content = str | bytes
# The content, or a function that makes it, whole or as an iterator of pieces (all str or all bytes).
Body = Content | Callable[[], Content | Iterator[str] | Iterator[bytes]]


@dataclass
class Output:
    """One generated file. `uri` is its path in the site's sources ('projects/wifi.md',
    'api/projects.json'); `.md` outputs become pages, anything else is copied as it is.

    `body` is the content or a function that makes it. Producers hand over functions for
    anything large (pages, per-project JSON, projects.json, the CSV, feeds): the hook calls each
    one when MkDocs writes that file and keeps nothing afterwards, so a build of 10,000
    records never holds the whole site in memory at once. `meta` is always ready at once:
    MkDocs reads every page's meta before it writes any page."""

    uri: str
    body: Body
    meta: dict[str, Any] = field(default_factory=dict)  # page meta: title, description, search ...
    edit_path: str | None = None  # repository path behind "Edit this record"

    def pieces(self) -> Iterator[Content]:
        """The content in the pieces `body` makes it in, afresh on every call."""
        made = self.body() if callable(self.body) else self.body
        if isinstance(made, str | bytes):
            yield made
        else:
            yield from made

    @property
    def content(self) -> Content:
        """The whole content, made afresh on every call when `body` is a function."""
        pieces = list(self.pieces())
        if len(pieces) == 1:
            return pieces[0]
        return b"".join(pieces) if pieces and isinstance(pieces[0], bytes) else "".join(pieces)  # type: ignore[arg-type]

    def write(self, path: Path) -> None:
        """Write the content to `path` (text as UTF-8) piece by piece, never whole in memory."""
        with path.open("wb") as out:
            for piece in self.pieces():
                out.write(piece.encode("utf-8") if isinstance(piece, str) else piece)

    @property
    def deferred(self) -> bool:
        return callable(self.body)


@dataclass(frozen=True)
class SiteOptions:
    """What producers need to know about the site being built."""

    root: Path
    site_url: str
    repo_url: str | None = None
    edit_uri: str | None = None
    stale_months: int = 6


Producer = Callable[[Catalogue, SiteOptions], Iterable[Output]]

# "module:function" of every producer, in the order their outputs are added.
PRODUCERS = (
    "catalogue.site.pages:outputs",
    "catalogue.search.build:outputs",
    "catalogue.exports:outputs",
    "catalogue.feeds:outputs",
    "catalogue.propose:outputs",
)


def _producer(spec: str) -> Producer:
    module_name, func = spec.split(":")
    producer: Producer = getattr(import_module(module_name), func)
    return producer


def build_day(root: Path) -> dt.date:
    """'Today' for a build: fixed by CATALOGUE_TODAY or SOURCE_DATE_EPOCH, else the last commit
    date, so two builds of one commit are byte-identical."""
    if os.environ.get("CATALOGUE_TODAY") or os.environ.get("SOURCE_DATE_EPOCH"):
        return dates.today()
    return history.last_commit_day(root) or dates.today()


def load_for_site(options: SiteOptions) -> Catalogue:
    return load(options.root, Settings(build_day(options.root), options.stale_months))


def outputs(catalogue: Catalogue, options: SiteOptions) -> Iterator[Output]:
    for spec in PRODUCERS:
        yield from _producer(spec)(catalogue, options)
