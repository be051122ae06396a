"""The library screen: every article in the workspace with the reviewer's progress."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from factcheck.session import ReviewSession
from factcheck.textsafe import one_line


class LibraryScreen(Screen[str | None]):
    """Pick an article with Enter; Escape goes back to the review."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,l", "back", "back to review")]

    def __init__(self, session: ReviewSession, current: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.current = current
        self.counts_loaded = False

    def compose(self) -> ComposeResult:
        yield Static(id="library-heading")
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("done", width=5)
        table.add_column("tagged", width=9)
        table.add_column("source", width=22)
        table.add_column("title")
        self._fill(None)
        table.focus()
        self._count_tags()

    @work(thread=True, exclusive=True)
    def _count_tags(self) -> None:
        """Reading every tag file takes a while on a big workspace: do it off the UI thread."""
        counts = self.session.workspace.tagged_counts(self.session.reviewer)
        self.app.call_from_thread(self._fill, counts)

    def _fill(self, counts: dict[str, int] | None) -> None:
        """(Re)draw the rows; ``counts`` is None until the tag files have been read."""
        workspace = self.session.workspace
        articles = workspace.articles()
        table = self.query_one(DataTable)
        selected = table.cursor_row if table.row_count else None
        table.clear()
        done_articles = 0
        for row, info in enumerate(articles):
            if counts is not None:
                tagged = counts.get(info.id, 0)
                done_articles += tagged >= info.sentences
                percent = Text(
                    f"{100 * tagged // info.sentences if info.sentences else 100}%", justify="right"
                )
                progress = Text(f"{tagged}/{info.sentences}", justify="right")
            else:
                percent, progress = Text("…", justify="right"), Text(f"?/{info.sentences}", justify="right")
            table.add_row(
                percent,
                progress,
                Text(one_line(info.display_source, 22)),
                Text(one_line(info.title)),
                key=info.id,
            )
            if selected is None and info.id == self.current:
                selected = row
        table.move_cursor(row=selected or 0)
        done = "counting…" if counts is None else f"{done_articles} done"
        heading = f"{len(articles)} articles in {workspace.root} · {done} · reviewer {self.session.reviewer}"
        self.query_one("#library-heading", Static).update(Text(one_line(heading + " · Enter opens")))
        self.counts_loaded = counts is not None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_back(self) -> None:
        self.dismiss(None)
