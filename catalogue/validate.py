"""The validation pipeline: discover, read, schema-check, apply rules, place every finding."""

from __future__ import annotations

import gc
import marshal
import os
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import forked, yamlsafe
from .findings import Finding, field_path
from .loader import Source, discover, read
from .locate import locate
from .messages import Problem, problems
from .rules import Context, Settings, apply_all
from .schemas import fast_validator_for, validator_for

# Below this many files, forking costs more than it saves.
PARALLEL_FROM = 1500
CHUNK = 100  # files per piece of work handed out: small enough to even out busy cores
# A file with thousands of problems is not a record: report enough to act on, in bounded time.
MAX_FINDINGS_PER_FILE = 50


@dataclass
class Report:
    """Everything one run found, and the data of every record that could be read."""

    root: Path
    sources: list[Source]
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def records(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        """(relative path, data) of every record of `kind` that was read."""
        return [(s.rel, s.data) for s in self.sources if s.kind == kind and s.loaded]

    def narrowed(self, paths: Iterable[str]) -> Report:
        """The same report, keeping only findings in or under the given relative paths."""
        wanted = [p.rstrip("/") for p in paths]
        if any(p in ("", ".") for p in wanted):  # the catalogue folder itself: everything
            return self
        kept = [f for f in self.findings if any(f.file == p or f.file.startswith(p + "/") for p in wanted)]
        return Report(self.root, self.sources, kept)


def check(root: Path, settings: Settings) -> Report:
    """Validate the whole catalogue under `root`."""
    records, strays = discover(root)
    with _collector_paused():
        records = _read_all(records)
    loaded = [s for s in records if s.loaded]
    apply_all(Context([s for s in loaded if s.kind == "project"],
                      [s for s in loaded if s.kind == "borough"], settings))
    findings = sorted(f for source in records + strays for f in _place(source))
    return Report(root, records, findings)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading makes no reference cycles, only containers that all stay alive: the garbage
    collector would walk them again and again as they pile up (a tenth of the time) and find
    nothing to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_and_check(source: Source) -> Source:
    """Stage one, per file and independent of the others: parse, then check against the schema."""
    read(source)
    if source.loaded and not _fast_is_valid(source):
        # Only invalid records pay for the slower validator that explains each error.
        for error in validator_for(source.kind).iter_errors(source.data):
            source.problems.extend(problems(error))
    return source


def _fast_is_valid(source: Source) -> bool:
    try:
        return bool(fast_validator_for(source.kind).is_valid(source.data))
    except (ValueError, TypeError, OverflowError):
        # jsonschema-rs refuses data JSON cannot hold, such as a key written 1: or ?: the full
        # validator takes it and explains what is wrong.
        return False


def _outcome(source: Source) -> tuple[Any, list[Problem]]:
    """What stage one found, and all a forked reader sends back: the text is read again only for
    the few files whose findings need placing."""
    _read_and_check(source)
    return source.data, source.problems


def _read_all(records: list[Source]) -> list[Source]:
    """Stage one for every file, on every core when the catalogue is large enough to gain."""
    workers = min(os.cpu_count() or 1, 4)
    if len(records) < PARALLEL_FROM or workers < 2 or not forked.available():
        return [_read_and_check(source) for source in records]
    outcomes = forked.map_forked(_outcome, records, workers - 1, CHUNK, _encode, _decode)
    for source, (data, found) in zip(records, outcomes, strict=True):
        source.text, source.data, source.problems = "", data, found
    return records


def _encode(outcomes: list[tuple[Any, list[Problem]]]) -> bytes:
    """The data as marshal writes it (plain values only, five times faster than pickle), the
    problems pickled."""
    return pickle.dumps((marshal.dumps([data for data, _ in outcomes]), [found for _, found in outcomes]))


def _decode(blob: bytes) -> list[tuple[Any, list[Problem]]]:
    # Written by our own forked reader, never read from anywhere else.
    data, found = pickle.loads(blob)  # noqa: S301
    return list(zip(marshal.loads(data), found, strict=True))  # noqa: S302


def _place(source: Source) -> list[Finding]:
    if not source.problems:
        return []
    tree = None
    if any(p.line is None for p in source.problems):
        tree = yamlsafe.compose(source.text or _reread(source))
    unique = list(dict.fromkeys(source.problems))
    findings = [_finding(source.rel, problem, tree) for problem in unique[:MAX_FINDINGS_PER_FILE]]
    if len(unique) > MAX_FINDINGS_PER_FILE:
        last = findings[-1]
        findings.append(Finding(source.rel, last.line, last.column, "error", "",
                                f"{len(unique) - MAX_FINDINGS_PER_FILE} more problems in this file are not "
                                "shown: fix these first"))
    return findings


def _reread(source: Source) -> str:
    try:
        return yamlsafe.decode(source.path.read_bytes())[0]
    except (OSError, yamlsafe.YamlError):
        return ""


def _finding(rel: str, problem: Problem, tree: Any) -> Finding:
    field = field_path(problem.path)
    message = problem.message
    if problem.line is not None:
        return Finding(rel, problem.line, problem.column or 1, problem.severity, field, message)
    place = locate(tree, problem.path, key=problem.at_key)
    if problem.quote_hint and place.raw is not None:
        message += f" (YAML reads the bare word {place.raw} as a value, not text: write it in quotes, \"{place.raw}\")"
    return Finding(rel, place.line, place.column, problem.severity, field, message)
