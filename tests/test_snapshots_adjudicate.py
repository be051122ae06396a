"""SVG snapshot of the adjudication screen (update with `pytest --snapshot-update`)."""

from __future__ import annotations

from pathlib import Path

from factcheck.adjudication import Adjudication, adjudicated_session, build_docket, choose_reviewers
from factcheck.tui.adjudicate import AdjudicationApp
from tests.tagged import bridge_and_clinic, build
from tests.test_adjudicate import ANN, BOB


def test_adjudication_screen_80x24(snap_compare) -> None:
    # A relative folder (the tests run in their own temporary directory) keeps paths out of the picture.
    workspace, _ = build(Path("ws"), bridge_and_clinic(), {"ann": ANN, "bob": BOB})
    docket = build_docket(workspace, choose_reviewers(workspace))
    app = AdjudicationApp(Adjudication(adjudicated_session(workspace), docket))
    # Decide the first disagreement, then come back to it: progress, both reviewers and the final label.
    assert snap_compare(app, press=["2", "k"], terminal_size=(80, 24))
