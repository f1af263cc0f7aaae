"""catalogue search: find projects from the command line, ranked as the /find/ page ranks them.

The records are validated and the same packed index the site publishes is built in-process, then
queried with catalogue.search.query (the steps of the page's finder.js). The index and store are
cached under .cache/search/, named by a fingerprint of the records, schemas, code and settings
(catalogue.search.cache): while nothing changes, a search reads them back instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..cli import UsageError
from ..messages import did_you_mean
from ..model import CatalogueInvalid, load
from ..search import builder
from ..search.cache import cached
from ..search.index import store
from ..search.query import FACETS, SORTS, Finder, Hit, Result, query_words
from ..search.scoring import PackedIndex
from .validate import add_settings_arguments, settings_from

FACET_HELP = {
    "borough": "an organisation id, as lead or partner",
    "phase": "a lifecycle phase, e.g. beta",
    "status": "a delivery status, e.g. active",
    "topic": "a topic id, e.g. housing",
    "collaboration": "a collaboration offer, e.g. ready-to-reuse",
    "year": "a start year, e.g. 2024",
}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "search",
        help="find projects by words and filters",
        description="Search every project's title, summary, outcome, description, tags, topics and "
        "organisations, the way the site's /find/ page does: every word must match, near misses "
        "count ('apprentic', 'wfi'). Filters combine: AND across options, OR within one repeated "
        "option. Exit 0 (also when nothing matches), 1 when the records have errors, 2 on a usage error.",
    )
    parser.add_argument("query", nargs="?", default="", help="words to look for (default: none, every project)")
    for name, text in FACET_HELP.items():
        parser.add_argument(f"--{name}", action="append", default=[], metavar=name.upper(),
                            help=f"{text}; repeat for any of several")
    parser.add_argument("--sort", choices=SORTS, default="relevance",
                        help="relevance (default), start (newest first) or reviewed (latest first)")
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help="show at most N matches, 0 for all (default: 20)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--no-cache", action="store_true",
                        help="validate and index the records afresh, without reading or writing .cache/search/")
    add_settings_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    root, settings = Path(args.root), settings_from(args)

    def index_and_store() -> tuple[dict[str, Any], dict[str, Any]]:
        catalogue = load(root, settings)
        return builder.build(catalogue), store(catalogue)

    try:
        packed_index, docs = cached(root, settings, index_and_store, use_cache=not args.no_cache)
    except CatalogueInvalid as exc:
        print(str(exc), file=sys.stderr)
        print("catalogue search: the records have errors (see above); `catalogue validate` explains them.",
              file=sys.stderr)
        return 1
    finder = Finder(PackedIndex(packed_index), docs)
    filters = chosen_filters(finder, args)
    result = finder.search(args.query, filters, args.sort)
    shown = result.hits if args.limit == 0 else result.hits[: args.limit]
    if args.format == "json":
        print(json.dumps(as_json(args, filters, result, shown), ensure_ascii=False, indent=2))
    else:
        print(as_text(args, result, shown))
    return 0


def chosen_filters(finder: Finder, args: argparse.Namespace) -> dict[str, list[str]]:
    """The filters given, each value checked against the catalogue's options."""
    filters = {}
    for name in FACETS:
        known = [value for value, _ in finder.options(name)]
        for value in getattr(args, name):
            if value not in known and not (name == "year" and value.isdigit() and len(value) == 4):
                raise UsageError(f"unknown {name} '{value}'{did_you_mean(value, known)}")
        filters[name] = list(dict.fromkeys(getattr(args, name)))
    return filters


def as_json(args: argparse.Namespace, filters: dict[str, list[str]], result: Result,
            shown: list[Hit]) -> dict[str, Any]:
    return {
        "query": args.query,
        "words": query_words(args.query),
        "filters": {name: values for name, values in filters.items() if values},
        "sort": args.sort,
        "total": result.total,
        "results": [{
            "rank": rank,
            "id": hit.doc["id"],
            "title": hit.doc["title"],
            "lead": {"id": hit.doc["lead"], "name": hit.doc["lead_name"]},
            "phase": hit.doc["phase"],
            "status": hit.doc["status"],
            "start": hit.doc["start"],
            "last_reviewed": hit.doc["reviewed"],
            "url": hit.doc["url"],
            "score": round(hit.score, 3),
        } for rank, hit in enumerate(shown, 1)],
        "facets": result.counts,
    }


def as_text(args: argparse.Namespace, result: Result, shown: list[Hit]) -> str:
    if args.query.strip() and not query_words(args.query):
        head = f"No words to search for in {args.query!r}: every project is listed. "
    else:
        head = ""
    if not result.hits:
        return head + "No projects match. Try fewer or different words, or fewer filters."
    noun = "project matches" if result.total == 1 else "projects match"
    lines = [f"{head}{result.total} {noun}:", ""]
    width = len(str(len(shown)))
    for rank, hit in enumerate(shown, 1):
        doc = hit.doc
        lines.append(f"{rank:>{width}}. {doc['title']}  [{doc['id']}]")
        facts = (doc["lead_name"], f"phase {doc['phase']}", f"status {doc['status']}", doc["url"])
        lines.append(f"{'':>{width}}  " + " · ".join(facts))
    if len(shown) < result.total:
        lines += ["", f"Showing {len(shown)} of {result.total}; --limit 0 shows all."]
    return "\n".join(lines)
