"""`catalogue search` keeps its index and store in .cache/search/ (catalogue.search.cache): a
second search reads them back, and any change to the records is searched afresh."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from records_support import write

from catalogue.rules import Settings
from catalogue.search import cache

TITLE = "title: Digital apprenticeships"


def cached_files(root: Path) -> list[Path]:
    return sorted((root / cache.CACHE_DIR).glob("*.json"))


def search(run_cli, *words: str) -> list[str]:
    code, out = run_cli("search", *words, "--format", "json", "--limit", "0")
    assert code == 0, run_cli.err
    return [r["id"] for r in json.loads(out)["results"]]


def test_a_second_search_reads_the_cache_and_finds_the_same(catalogue: Path, run_cli) -> None:
    first = search(run_cli, "apprenticeships")
    (stored,) = cached_files(catalogue)
    data = json.loads(stored.read_text(encoding="utf-8"))
    assert set(data) == {"index", "store"} and data["index"]["format"] == "lunr-packed"
    assert search(run_cli, "apprenticeships") == first
    assert cached_files(catalogue) == [stored]


def test_a_changed_record_is_searched_afresh(catalogue: Path, run_cli) -> None:
    assert search(run_cli, "zeppelin") == []
    record = catalogue / "projects/hackney/digital-apprenticeships.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(TITLE, TITLE + " by zeppelin"), encoding="utf-8")
    assert search(run_cli, "zeppelin") == ["digital-apprenticeships"]
    assert len(cached_files(catalogue)) == 2


def test_errors_are_reported_whatever_is_cached(catalogue: Path, run_cli) -> None:
    search(run_cli, "wifi")
    write(catalogue, "projects/hackney/broken.yml", "schema_version: 1\nid: broken\n")
    code, _ = run_cli("search", "wifi")
    assert code == 1 and "projects/hackney/broken.yml" in run_cli.err
    assert len(cached_files(catalogue)) == 1  # nothing cached for records with errors


def test_no_cache_neither_reads_nor_writes(catalogue: Path, run_cli) -> None:
    code, _ = run_cli("search", "wifi", "--no-cache")
    assert code == 0 and cached_files(catalogue) == []


def test_the_fingerprint_covers_settings_and_stray_files(catalogue: Path) -> None:
    today = Settings(dt.date(2026, 11, 22))
    before = cache.fingerprint(catalogue, today)
    assert cache.fingerprint(catalogue, Settings(today.today, stale_months=3)) != before
    write(catalogue, "projects/hackney/notes.txt", "a stray file is an error")
    assert cache.fingerprint(catalogue, today) != before


def test_an_unreadable_cache_file_is_made_again(catalogue: Path, run_cli) -> None:
    first = search(run_cli, "apprenticeships")
    (stored,) = cached_files(catalogue)
    stored.write_text("{not json", encoding="utf-8")
    assert search(run_cli, "apprenticeships") == first
    assert json.loads(stored.read_text(encoding="utf-8"))["store"]
