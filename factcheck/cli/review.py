"""The review command: open the terminal UI on a workspace."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import click

from factcheck.cli.articles import SOURCE, import_and_report
from factcheck.cli.base import fail, lexicons_option, main, reviewer_option, workspace_option
from factcheck.ingest import STDIN, Source
from factcheck.session import DEFAULT_ACCEPT_THRESHOLD, ReviewSession
from factcheck.store import Workspace


def sample_paths() -> list[Path]:
    """The sample articles that ship inside the package."""
    folder = Path(str(files("factcheck") / "samples"))
    return sorted(folder.glob("*.txt"))


@main.command("review")
@click.argument("paths", nargs=-1, type=SOURCE)
@click.option(
    "--accept-threshold",
    type=click.FloatRange(0.0, 1.0),
    envvar="FACTCHECK_ACCEPT_THRESHOLD",
    default=DEFAULT_ACCEPT_THRESHOLD,
    show_default=True,
    help="Confidence at or above which `A` accepts suggestions (also FACTCHECK_ACCEPT_THRESHOLD).",
)
@click.option("--blind", is_flag=True, help="Hide other reviewers' tags (for independent double review).")
@lexicons_option
@workspace_option
@reviewer_option
def review_command(
    paths: tuple[Source, ...],
    accept_threshold: float,
    blind: bool,
    lexicon_dir: Path | None,
    db: Path,
    reviewer: str,
) -> None:
    """Open the review UI. With PATHs (files, folders, - or URLs, as for import), import
    them first and start on the first one; with none, resume where you left off (an
    empty workspace gets the bundled samples)."""
    workspace = Workspace.open(db, create=True)
    session = ReviewSession(workspace, reviewer, blind=blind, lexicon_dir=lexicon_dir)
    # Read what the session will start on before taking the lock, so that a
    # corrupt file is reported with nothing in the workspace written.
    session.check_readable()
    with workspace.lock():
        start_article = None
        to_import = list(paths) or ([] if workspace.articles() else sample_paths())
        if to_import:
            results, _ = import_and_report(workspace, to_import, stdin=sys.stdin.buffer)
            if paths:
                if not results:  # each bad source has had its line on stderr already
                    raise SystemExit(1)
                start_article = results[0].info.id
        if STDIN in paths:
            keys_from_terminal()
        from factcheck.tui.app import FactcheckApp  # imported late: the core never needs Textual

        with drawing_on_terminal():
            FactcheckApp(session, start_article=start_article, accept_threshold=accept_threshold).run()


def keys_from_terminal() -> None:
    """After an article came in on standard input, let the UI read keys from the terminal."""
    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        fail("no terminal to review in (the article came on standard input); use `factcheck import -`")
    os.dup2(terminal, 0)
    os.close(terminal)


@contextmanager
def drawing_on_terminal() -> Iterator[None]:
    """Textual draws on standard error: when that is redirected (``review 2>log``), draw on the
    terminal instead, and give the redirect back for whatever is written after the UI closes."""
    if sys.stderr.isatty():
        yield
        return
    try:
        terminal = os.open("/dev/tty", os.O_WRONLY)
    except OSError:
        fail("no terminal to draw the review UI on (standard error is not a terminal)")
    sys.stderr.flush()
    redirected = os.dup(2)
    os.dup2(terminal, 2)
    os.close(terminal)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(redirected, 2)
        os.close(redirected)
