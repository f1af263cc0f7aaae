"""catalogue similar: for new or changed record files, the projects of other organisations they look like.

The files themselves need not be valid yet: each is read safely and scored as it is. The rest of
the catalogue is the context, built from every record `check` found no error in, so one broken
record elsewhere hides only itself (and the projects that depend on it) from the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from .. import dates
from ..findings import Finding
from ..loader import Source, read
from ..model import Catalogue, build
from ..reporters import _escape_data, _escape_property
from ..rules import Settings
from ..similar import MIN_SCORE, Match, similar_to
from ..validate import Report, check
from .validate import relative_paths

FORMATS = ("text", "github", "json")


@dataclass
class Result:
    """One given file: the matches found for it, or why it could not be read."""

    file: str
    matches: list[Match] = field(default_factory=list)
    problem: Finding | None = None


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "similar",
        help="list existing projects of other organisations that look like the given records",
        description="For each given project record (new or changed, valid or not yet), list the "
        "projects led by other organisations that look most like it, with the same scorer as the "
        "site's 'similar projects'. Information only: exit 0, or 2 on a usage error.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="project record files (projects/<org>/<id>.yml)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--limit", type=_positive, default=3, metavar="K",
                        help="at most K similar projects per file (default: 3)")
    parser.add_argument("--min-score", type=float, default=MIN_SCORE, metavar="S",
                        help=f"leave out matches scoring under S, from 0 to 1 (default: {MIN_SCORE}, as on the site)")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    rels = relative_paths(root, args.files)
    settings = Settings(dates.today())
    catalogue, left_out = context(check(root, settings), settings, exclude=set(rels))
    results = compare(root, rels, catalogue, args.limit, args.min_score)
    print(FORMATTERS[args.format](results))
    if left_out and args.format != "json":
        print(f"note: {left_out} record(s) with errors were left out of the comparison: "
              "`catalogue validate` lists them", file=sys.stderr)
    return 0


def context(report: Report, settings: Settings, exclude: set[str]) -> tuple[Catalogue, int]:
    """The model of every valid record except the given files, and how many records were left out."""
    bad = {f.file for f in report.errors}
    sources = [s for s in report.sources if s.loaded and s.rel not in bad and s.rel not in exclude]
    org_ids = {s.data["id"] for s in sources if s.kind == "borough"}
    projects = [s for s in sources if s.kind == "project" and s.data["lead"] in org_ids]
    project_ids = {s.data["id"] for s in projects}
    kept = [s for s in sources if s.kind == "borough"] + [_without_dangling(s, project_ids) for s in projects]
    left_out = len({s.rel for s in report.sources} - exclude) - len(kept)
    return build(replace(report, sources=kept, findings=[]), settings), left_out


def _without_dangling(source: Source, project_ids: set[str]) -> Source:
    """A copy whose `related` names only projects in the context (the others were left out)."""
    related = source.data.get("related")
    if not related or all(r["project"] in project_ids for r in related):
        return source
    data = dict(source.data, related=[r for r in related if r["project"] in project_ids])
    return Source(source.kind, source.path, source.rel, source.text, data)


def compare(root: Path, rels: list[str], catalogue: Catalogue, limit: int,
            min_score: float = MIN_SCORE) -> list[Result]:
    results, queries = [], []
    for rel in rels:
        source = Source("project", root / rel, rel)
        read(source)
        result = Result(rel)
        if source.loaded:
            queries.append((result, _as_query(source)))
        else:
            problem = next(p for p in source.problems if p.severity == "error")
            result.problem = Finding(rel, problem.line or 1, problem.column or 1, "error", "", problem.message)
        results.append(result)
    found = similar_to(catalogue, [q for _, q in queries], limit)
    for (result, _), matches in zip(queries, found, strict=True):
        result.matches = [m for m in matches if m.score >= min_score]
    return results


def _as_query(source: Source) -> dict[str, Any]:
    """The record as it is; its lead taken from its folder when the field is missing."""
    data = dict(source.data)
    parts = PurePosixPath(source.rel).parts
    if not isinstance(data.get("lead"), str) and len(parts) == 3 and parts[0] == "projects":
        data["lead"] = parts[1]
    return data


def sentence(match: Match) -> str:
    project = match.project
    return (f"looks similar to '{project.data['title']}' ({project.data['id']}) led by {project.lead.short_name} "
            f"(score {match.score:.2f}): consider contacting them")


def as_text(results: list[Result]) -> str:
    lines = []
    for result in results:
        if result.problem:
            lines.append(f"{result.problem.text()} (not compared: fix the YAML first)")
        elif not result.matches:
            lines.append(f"{result.file}: no similar projects in other organisations")
        lines += [f"{result.file}: {sentence(m)}" for m in result.matches]
    return "\n".join(lines)


def as_github(results: list[Result]) -> str:
    lines = []
    for result in results:
        where = f"file={_escape_property(result.file)}"
        if result.problem:
            p = result.problem
            lines.append(f"::warning {where},line={p.line},col={p.column},title=Not compared::"
                         f"{_escape_data(p.message)}")
        for m in result.matches:
            lines.append(f"::notice {where},title=Similar project::{_escape_data(sentence(m))}")
    found = sum(len(r.matches) for r in results)
    lines.append(f"{found} similar project(s) found for {len(results)} file(s)")
    return "\n".join(lines)


def as_json(results: list[Result]) -> str:
    def match(m: Match) -> dict[str, Any]:
        p = m.project
        return {"id": p.data["id"], "title": p.data["title"], "lead": p.lead.id, "lead_name": p.lead.short_name,
                "file": p.source, "url": p.url, "score": m.score}

    return json.dumps({"files": [{"file": r.file, "problem": r.problem.as_dict() if r.problem else None,
                                  "matches": [match(m) for m in r.matches]} for r in results]}, indent=2)


FORMATTERS = {"text": as_text, "github": as_github, "json": as_json}
