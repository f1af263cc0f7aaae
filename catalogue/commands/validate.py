"""catalogue validate: check records against the schema and the cross-record rules."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .. import dates
from ..cli import UsageError
from ..reporters import REPORTERS
from ..rules import Settings
from ..validate import check


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "validate",
        help="check records; exit 1 on any error",
        description="Check every record against the schema and the cross-record rules. Paths narrow "
        "the report; the rules always see the whole catalogue. Exit 0 when valid, 1 on any error "
        "(with --strict, on any warning too), 2 on a usage error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to report on (default: all)")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    add_settings_arguments(parser)
    return parser


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the date to check against (default: CATALOGUE_TODAY, SOURCE_DATE_EPOCH or today)")
    parser.add_argument("--stale-months", type=int, default=6, metavar="N",
                        help="warn when a record was last reviewed more than N months ago (default: 6)")


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings(today=args.today or dates.today(), stale_months=args.stale_months)


def relative_paths(root: Path, paths: list[str]) -> list[str]:
    out = []
    for given in paths:
        path = Path(given)
        full = (path if path.is_absolute() else Path.cwd() / path).resolve()
        if not full.exists():
            raise UsageError(f"no such file or folder: {given}")
        try:
            out.append(full.relative_to(root.resolve()).as_posix())
        except ValueError:
            raise UsageError(f"{given} is outside the catalogue folder {root}") from None
    return out


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    wanted = relative_paths(root, args.paths)
    report = check(root, settings_from(args))
    if wanted:
        report = report.narrowed(wanted)
    print(REPORTERS[args.format](report.findings, len(report.sources)))
    return 1 if report.failed(args.strict) else 0
