"""SVG snapshots of the main screens (update with `pytest --snapshot-update`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.calibration import Calibration
from factcheck.session import ReviewSession
from factcheck.tui.app import FactcheckApp
from tests.conftest import make_workspace


@pytest.fixture(autouse=True)
def rule_confidences(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pictures show the rules' own confidences: measuring the calibration and training the
    confidence model again (after any rule change) moves the measured ones by a point or two, which
    is not a change of the screens."""
    monkeypatch.setattr("factcheck.suggest.load_calibration", lambda extra_dir=None: Calibration())
    monkeypatch.setattr("factcheck.suggest.load_model", lambda extra_dir=None: None)


@pytest.fixture
def app() -> FactcheckApp:
    # A relative folder (the tests run in their own temporary directory) keeps paths out of the pictures.
    return FactcheckApp(ReviewSession(make_workspace(Path("ws")), "ann"))


def test_review_screen_80x24(snap_compare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["x", "x", "1", "3", "f"], terminal_size=(80, 24))


def test_review_screen_wide(snap_compare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["x", "x", "1", "3", "2", "4", "up"], terminal_size=(150, 40))


def test_library_screen(snap_compare, app: FactcheckApp) -> None:
    async def counted(pilot) -> None:
        await pilot.press("x", "x", "1", "l")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=counted, terminal_size=(100, 24))


def test_help_screen(snap_compare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["question_mark"], terminal_size=(100, 40))


def test_review_screen_with_a_highlighted_cue(snap_compare, app: FactcheckApp) -> None:
    # Sentence 4 of the first sample is a quotation with its speaker: cue words are styled.
    assert snap_compare(app, press=["down", "down", "down"], terminal_size=(100, 30))
