"""Fixtures: the sample catalogue built in-process, a git-less copy, a git runner."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from exports_support import REPO, Built, GitRunner, build


@pytest.fixture(scope="session")
def sample() -> Built:
    """The sample catalogue in the repository, with its git history."""
    return build(REPO)


@pytest.fixture
def no_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A folder git cannot see any repository from."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return tmp_path


@pytest.fixture
def sample_copy(no_git: Path) -> Built:
    """The sample records copied to a folder with no git history."""
    root = no_git / "copy"
    for folder in ("projects", "boroughs"):
        shutil.copytree(REPO / folder, root / folder)
    return build(root)


@pytest.fixture
def git(no_git: Path) -> GitRunner:
    """Runs git in a repository under tmp_path, with commits dated as asked."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def run(root: Path, *args: str, date: str | None = None) -> None:
        env = os.environ | {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
        if date:
            env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run(["git", "-C", str(root), "-c", "commit.gpgsign=false", *args],
                       check=True, capture_output=True, env=env)

    return run
