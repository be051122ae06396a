"""Open the review screen headless on a workspace the way `factcheck review` does.

Usage: ``python bench/open_review.py WORKSPACE REVIEWER``

Prints ``shown`` (flushed) as soon as the review screen shows its first sentence,
so that the parent can time it from the process start. Then it tags a few
sentences, opens the library screen, and prints one JSON line with the time the
library took and the peak RSS of the whole session.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time

from textual.widgets import DataTable, Static

from factcheck.session import ReviewSession
from factcheck.store import Workspace
from factcheck.tui.app import FactcheckApp
from factcheck.tui.library import LibraryScreen
from factcheck.tui.review import ReviewScreen


def first_sentence_shown(app: FactcheckApp) -> bool:
    screen = app.screen
    if not isinstance(screen, ReviewScreen) or not screen.is_mounted:
        return False
    shown = screen.query("#current-text").results(Static)
    sentence = screen.opened.sentences[screen.index].text
    return any(str(widget.content) == sentence for widget in shown)


def library_filled(app: FactcheckApp, articles: int) -> bool:
    screen = app.screen
    return (
        isinstance(screen, LibraryScreen)
        and screen.counts_loaded
        and screen.query_one(DataTable).row_count == articles
    )


async def main(root: str, reviewer: str) -> None:
    workspace = Workspace.open(root)
    session = ReviewSession(workspace, reviewer)
    session.check_readable()
    with workspace.lock():
        app = FactcheckApp(session, start_article=None)
        async with app.run_test(size=(120, 40)) as pilot:
            while not first_sentence_shown(app):
                await pilot.pause()
            print("shown", flush=True)
            await pilot.press("1", "2", "3", "n")
            started = time.perf_counter()
            await pilot.press("l")
            articles = len(workspace.articles())
            while not library_filled(app, articles):
                await pilot.pause()
            library = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"library_s": library, "peak_rss_mb": peak_kib / 1024}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:]))
