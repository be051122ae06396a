"""The adjudicate command: walk the reviewers' disagreements in the terminal UI."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.adjudication import Adjudication, adjudicated_session, build_docket, choose_reviewers
from factcheck.cli.agreement import _names
from factcheck.cli.base import main, workspace_option
from factcheck.corpus import default_workers
from factcheck.store import Workspace


@main.command("adjudicate")
@click.option(
    "--reviewers",
    metavar="A,B,...",
    help="Adjudicate between these reviewers (comma-separated). Default: everyone but `adjudicated`.",
)
@workspace_option
def adjudicate_command(reviewers: str | None, db: Path) -> None:
    """Walk the sentences reviewers disagree on and record a final label for each, saved as
    reviewer `adjudicated` (select it with `export` or `stats --reviewer adjudicated`)."""
    workspace = Workspace.open(db)
    chosen = choose_reviewers(workspace, _names(reviewers))
    session = adjudicated_session(workspace)
    # Read what the session will start on before taking the lock, so that a
    # corrupt file is reported with nothing in the workspace written.
    session.check_readable()
    with workspace.lock():
        # The list is read under the lock: no other writer can change it while we adjudicate.
        docket = build_docket(workspace, chosen, workers=default_workers())
        from factcheck.tui.adjudicate import AdjudicationApp  # imported late: the core never needs Textual

        AdjudicationApp(Adjudication(session, docket)).run()
