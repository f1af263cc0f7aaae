"""The packed index and store `catalogue search` queries, kept between runs.

Validating 10,000 records and building their index takes seconds; reading both back from a
file takes a fraction of one. The file is named by a fingerprint of everything the two are
made from: every file under projects/ and boroughs/ (path and bytes, strays included, since
they are errors), the schemas, this package's code and the validation settings. Any change to
any of them gives another name, so a cached file is never stale; only a catalogue that
validated is cached, so a hit means the records have no errors. Files live in
<root>/.cache/search/ (ignored by git); the newest few are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..loader import KIND_DIRS
from ..rules import Settings
from ..schemas import SCHEMA_DIR

CACHE_DIR = Path(".cache") / "search"
FORMAT = 1
KEEP = 4  # cached catalogues kept per root
PACKAGE = Path(__file__).resolve().parent.parent  # the catalogue package: its code makes the index


def _files(base: Path, pattern: str) -> Iterator[Path]:
    if base.is_dir():
        yield from sorted(p for p in base.rglob(pattern) if p.is_file())


def fingerprint(root: Path, settings: Settings) -> str:
    """A hash of the records, schemas, code and settings the index and store come from."""
    digest = hashlib.sha256(f"format {FORMAT}\n{settings.today.isoformat()} {settings.stale_months}\n".encode())
    sources = [(root, root / folder, "*") for folder in KIND_DIRS.values()]
    sources += [(SCHEMA_DIR, SCHEMA_DIR, "*"), (PACKAGE, PACKAGE, "*.py")]
    for base, folder, pattern in sources:
        for path in _files(folder, pattern):
            data = path.read_bytes()
            digest.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def cached(root: Path, settings: Settings, make: Callable[[], tuple[dict[str, Any], dict[str, Any]]],
           use_cache: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    """(packed index, store) from the cache when there, else made by make() and cached.
    make() raises when the records have errors: nothing is cached then."""
    if not use_cache:
        return make()
    folder = root / CACHE_DIR
    path = folder / f"{fingerprint(root, settings)}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["index"], data["store"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet, or unreadable: make it again
    index, store = make()
    _write(folder, path, {"index": index, "store": store})
    return index, store


def _write(folder: Path, path: Path, data: dict[str, Any]) -> None:
    """Write atomically (two runs at once never see half a file); never fail the search over it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
        for old in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
