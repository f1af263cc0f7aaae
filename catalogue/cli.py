"""The `catalogue` command: a thin layer over the package, one module per sub-command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

# Each module in catalogue/commands/ offers add_parser(subparsers) and run(args) -> exit code.
COMMANDS = ("validate", "new", "search", "similar", "codeowners")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the one named by `only` (the others are not imported)."""
    parser = argparse.ArgumentParser(
        prog="catalogue",
        description="Check, search and publish the Borough Projects Catalogue.",
    )
    parser.add_argument("--root", default=".",
                        help="the catalogue folder, holding projects/ and boroughs/ (default: .)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if only is None else (only,):
        module = import_module(f"catalogue.commands.{name}")
        module.add_parser(sub).set_defaults(run=module.run)
    return parser


def chosen_command(argv: Sequence[str] | None) -> str | None:
    """The command named on the command line, when nothing but --root comes before it. Building
    only its parser keeps what other commands import (numpy, scipy, lunr) out of the start-up
    of `catalogue validate`; anything unusual gets the full parser and its messages."""
    args = list(sys.argv[1:] if argv is None else argv)
    while args:
        if args[0] == "--root" and len(args) > 1:
            del args[:2]
        elif args[0].startswith("--root="):
            del args[0]
        else:
            break
    return args[0] if args and args[0] in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except UsageError as exc:
        parser.error(str(exc))  # exits with 2
        return 2


class UsageError(Exception):
    """Bad command-line input: reported with the usage line and exit code 2."""


if __name__ == "__main__":
    # Run the imported catalogue.cli, not this __main__ copy: the commands raise catalogue.cli.UsageError.
    from catalogue.cli import main as _main

    sys.exit(_main())
