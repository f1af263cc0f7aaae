"""Find the record files of a catalogue and read each one into data, reporting strays."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from . import yamlsafe
from .messages import Problem

KIND_DIRS = {"project": "projects", "borough": "boroughs"}


@dataclass
class Source:
    """One record file: where it is, its text, and its data once parsed."""

    kind: str
    path: Path
    rel: str
    text: str = ""
    data: Any = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return isinstance(self.data, dict)


def discover(root: Path) -> tuple[list[Source], list[Source]]:
    """(record files, stray files). Strays are reported, never silently skipped."""
    records: list[Source] = []
    strays: list[Source] = []
    for kind, folder in KIND_DIRS.items():
        base = root / folder
        if not base.is_dir():
            continue
        depth = 2 if kind == "project" else 1
        for parts in _files_under(base):
            source = Source(kind, base.joinpath(*parts), "/".join((folder, *parts)))
            problem = _placement_problem(PurePath(*parts), depth, folder)
            if problem:
                source.problems.append(problem)
                strays.append(source)
            else:
                records.append(source)
    return records, strays


def _files_under(base: Path) -> list[tuple[str, ...]]:
    """The path parts, below `base`, of every file (or anything else that is not a folder) at
    any depth, in the order of sorted(base.rglob("*")): folders linked to are not entered."""
    found = []
    prefix = len(str(base)) + len(os.sep)
    for folder, _, names in os.walk(base):
        below = tuple(folder[prefix:].split(os.sep)) if len(folder) >= prefix else ()
        found += [(*below, name) for name in names]
    return sorted(found)


def _placement_problem(rel: PurePath, depth: int, folder: str) -> Problem | None:
    if rel.suffix == ".yaml":
        return Problem((), f"records end in .yml: rename it to {rel.stem}.yml")
    if rel.suffix != ".yml":
        return Problem((), f"only .yml records belong in {folder}/: move or delete this file")
    if len(rel.parts) != depth:
        where = f"{folder}/<organisation-id>/<project-id>.yml" if depth == 2 else f"{folder}/<id>.yml"
        return Problem((), f"this file is in the wrong place: records go in {where}")
    return None


def read(source: Source) -> None:
    """Fill source.text and source.data, or add the YAML problem that stops it."""
    try:
        raw = source.path.read_bytes()
        source.text, warnings = yamlsafe.decode(raw)
        source.problems.extend(Problem((), w, "warning") for w in warnings)
        data = yamlsafe.parse(source.text)
    except OSError as exc:
        source.problems.append(Problem((), f"cannot be read: {exc.strerror}"))
        return
    except yamlsafe.YamlError as exc:
        source.problems.append(_yaml_problem(exc))
        return
    if data is None:
        source.problems.append(_yaml_problem(yamlsafe.YamlError(
            "the file is empty: a record is a block of fields such as 'id: my-project'")))
    elif not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        source.problems.append(_yaml_problem(yamlsafe.YamlError(
            f"the file holds {kind}; a record must be a block of fields (key: value), starting at the left margin")))
    else:
        source.data = data


def _yaml_problem(exc: yamlsafe.YamlError) -> Problem:
    return Problem((), exc.message, line=exc.line, column=exc.column)
