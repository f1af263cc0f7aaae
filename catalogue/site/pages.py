"""The site's pages as publish.Outputs: the producer named "catalogue.site.pages:outputs".

Every page is rendered from one Site (templates, vocabularies and similarity computed once per
build); MkDocs only wraps them in the theme. The many pages (records, topics, tags) come as
functions, rendered one at a time as MkDocs writes them (see publish.Output). Outputs come out in a fixed
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
