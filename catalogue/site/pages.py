"""The site's pages as publish.Outputs: the producer named "catalogue.site.pages:outputs".

Every page is rendered here, once per build, from one Site (templates, vocabularies and
similarity computed once); MkDocs only wraps them in the theme. Outputs come out in a fixed
order and every list inside them is sorted, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Catalogue
from ..publish import Output, SiteOptions
from . import indexes, records, reference, timeline
from .context import Site


def outputs(catalogue: Catalogue, options: SiteOptions) -> Iterator[Output]:
    site = Site.build(catalogue, options)
    yield from indexes.outputs(site)
    yield timeline.output(site)
    yield reference.output(site)
    yield from records.outputs(site)
