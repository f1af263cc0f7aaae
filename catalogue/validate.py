"""The validation pipeline: discover, read, schema-check, apply rules, place every finding."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import yamlsafe
from .findings import Finding, field_path
from .loader import Source, discover, read
from .locate import locate
from .messages import Problem, problems
from .rules import Context, Settings, apply_all
from .schemas import validator_for


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
        kept = [f for f in self.findings if any(f.file == p or f.file.startswith(p + "/") for p in wanted)]
        return Report(self.root, self.sources, kept)


def check(root: Path, settings: Settings) -> Report:
    """Validate the whole catalogue under `root`."""
    records, strays = discover(root)
    for source in records:
        read(source)
        if source.loaded:
            _check_schema(source)
    loaded = [s for s in records if s.loaded]
    apply_all(Context([s for s in loaded if s.kind == "project"],
                      [s for s in loaded if s.kind == "borough"], settings))
    findings = sorted(f for source in records + strays for f in _place(source))
    return Report(root, records, findings)


def _check_schema(source: Source) -> None:
    validator = validator_for(source.kind)
    for error in validator.iter_errors(source.data):
        source.problems.extend(problems(error))


def _place(source: Source) -> list[Finding]:
    if not source.problems:
        return []
    tree = None
    if any(p.line is None for p in source.problems) and source.text:
        tree = yamlsafe.compose(source.text)
    findings = []
    for problem in dict.fromkeys(source.problems):
        findings.append(_finding(source.rel, problem, tree))
    return findings


def _finding(rel: str, problem: Problem, tree: Any) -> Finding:
    field = field_path(problem.path)
    message = problem.message
    if problem.line is not None:
        return Finding(rel, problem.line, problem.column or 1, problem.severity, field, message)
    place = locate(tree, problem.path, key=problem.at_key)
    if problem.quote_hint and place.raw is not None:
        message += f" (YAML reads the bare word {place.raw} as a value, not text: write it in quotes, \"{place.raw}\")"
    return Finding(rel, place.line, place.column, problem.severity, field, message)
