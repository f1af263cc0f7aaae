"""catalogue codeowners: write .github/CODEOWNERS from the organisations' reviewers, or check it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import codeowners, dates
from ..rules import Settings
from ..validate import check


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "codeowners",
        help="generate .github/CODEOWNERS from each organisation's reviewers",
        description="Write .github/CODEOWNERS so that GitHub asks an organisation's reviewers (the "
        "`reviewers` of boroughs/<id>.yml) to review changes to its records. With --check, change "
        "nothing and exit 1 when the file is out of date. Exit 1 too when an organisation record "
        "has errors, as its reviewers cannot be trusted.",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from what would be written")
    parser.add_argument("--output", metavar="PATH",
                        help="the file to write or check (default: .github/CODEOWNERS in the catalogue folder)")
    parser.add_argument("--default-owner", default=codeowners.DEFAULT_OWNER, metavar="OWNER",
                        help=f"who reviews everything else (default: {codeowners.DEFAULT_OWNER})")
    return parser


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    output = Path(args.output) if args.output else root / codeowners.OUTPUT
    report = check(root, Settings(dates.today()))
    errors = codeowners.borough_errors(report)
    if errors:
        for finding in errors:
            print(finding.text(), file=sys.stderr)
        print("CODEOWNERS is made from valid organisation records only: fix the errors above first",
              file=sys.stderr)
        return 1
    wanted = codeowners.render(codeowners.owners(report), args.default_owner)
    current = output.read_text(encoding="utf-8") if output.is_file() else None
    if args.check:
        return _check(output, current, wanted)
    if current == wanted:
        print(f"{output} is up to date")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(wanted, encoding="utf-8")
    print(f"wrote {output}")
    return 0


def _check(output: Path, current: str | None, wanted: str) -> int:
    if current == wanted:
        print(f"{output} is up to date")
        return 0
    if current is None:
        print(f"{output} is missing: run `{codeowners.COMMAND}` and commit the file it writes", file=sys.stderr)
        return 1
    print(codeowners.difference(current, wanted, str(output)), end="", file=sys.stderr)
    print(f"{output} is out of date with the reviewers in boroughs/: run `{codeowners.COMMAND}` "
          "and commit the result", file=sys.stderr)
    return 1
