"""first_published and last_changed: from one git pass when there is history, else last_reviewed."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from exports_support import GitRunner, build, write_borough, write_project

from catalogue import exports, feeds, history

JANUARY, MARCH = "2026-01-05 10:00:00 +0000", "2026-03-07 16:30:00 +0000"


@pytest.fixture
def repo(no_git: Path, git: GitRunner) -> Path:
    """Commit 1 creates 'alpha'; commit 2 changes it and adds 'beta'; 'gamma' is never committed."""
    root = no_git / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write_borough(root, "loti", "LOTI")
    write_project(root, "alpha", "loti", last_reviewed="2026-01-01")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add alpha", date=JANUARY)
    write_project(root, "alpha", "loti", last_reviewed="2026-03-01", title="Alpha, renamed")
    write_project(root, "beta", "loti", last_reviewed="2026-02-01")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Change alpha, add beta", date=MARCH)
    write_project(root, "gamma", "loti", last_reviewed="2026-04-01")
    return root


def test_dates_come_from_git(repo: Path) -> None:
    projects = build(repo).projects()
    assert (projects["alpha"]["first_published"], projects["alpha"]["last_changed"]) == (
        "2026-01-05T10:00:00Z", "2026-03-07T16:30:00Z")
    assert projects["beta"]["first_published"] == projects["beta"]["last_changed"] == "2026-03-07T16:30:00Z"


def test_a_record_not_yet_committed_falls_back_to_last_reviewed(repo: Path) -> None:
    gamma = build(repo).projects()["gamma"]
    assert gamma["first_published"] == gamma["last_changed"] == "2026-04-01T00:00:00Z"


def test_feed_order_follows_git(repo: Path) -> None:
    entries = feedparser.parse(build(repo).outputs["feed.xml"].content).entries
    # gamma (fallback, April) is newest; alpha and beta changed together, beta first published later.
    assert [e.id.rsplit("/", 2)[1] for e in entries] == ["gamma", "beta", "alpha"]
    assert entries[2].published == "2026-01-05T10:00:00Z"


def test_without_git_every_record_falls_back(no_git: Path) -> None:
    write_borough(no_git, "loti", "LOTI")
    write_project(no_git, "alpha", "loti", last_reviewed="2026-02-03")
    alpha = build(no_git).projects()["alpha"]
    assert (alpha["first_published"], alpha["last_changed"]) == ("2026-02-03T00:00:00Z",) * 2


def test_git_is_read_once_per_build(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    real = history.file_dates

    def counting(root: Path, *args: object) -> dict[str, history.FileDates]:
        calls.append(root)
        return real(root)

    monkeypatch.setattr(history, "file_dates", counting)
    built = build(repo)  # exports and feeds both need the dates
    assert calls == [repo]
    list(feeds.outputs(built.catalogue, built.options))
    list(exports.outputs(built.catalogue, built.options))
    assert calls == [repo]
    build(repo)  # a new build (a new catalogue) reads git again
    assert calls == [repo, repo]
