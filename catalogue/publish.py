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


@dataclass
class Output:
    """One generated file. `uri` is its path in the site's sources ('projects/wifi.md',
    'api/projects.json'); `.md` outputs become pages, anything else is copied as it is."""

    uri: str
    content: str | bytes
    meta: dict[str, Any] = field(default_factory=dict)  # page meta: title, description, search ...
    edit_path: str | None = None  # repository path behind "Edit this record"


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
