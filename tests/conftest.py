"""Shared fixtures: workspaces built through the public store API."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli.review import sample_paths
from factcheck.ingest import read_file
from factcheck.session import ReviewSession
from factcheck.store import Workspace

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own workspace or reviewer settings."""
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)
    monkeypatch.chdir(tmp_path)


def make_workspace(root: Path, paths: list[Path] | None = None) -> Workspace:
    """A workspace holding the given article files (the bundled samples by default)."""
    workspace = Workspace.open(root, create=True)
    articles = [a for p in (paths or sample_paths()) for a in read_file(p).articles]
    workspace.add_articles(articles)
    return workspace


@pytest.fixture
def sample_workspace(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path / "ws")


@pytest.fixture
def session(sample_workspace: Workspace) -> ReviewSession:
    return ReviewSession(sample_workspace, "ann")


def reopen(workspace: Workspace, reviewer: str = "ann") -> ReviewSession:
    """A fresh session on the same folder, as after a restart: everything read from disk."""
    return ReviewSession(Workspace.open(workspace.root), reviewer)
