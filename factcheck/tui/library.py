"""The library screen: every article in the workspace with the reviewer's progress."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
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

    def compose(self) -> ComposeResult:
        yield Static(id="library-heading")
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        workspace = self.session.workspace
        articles = workspace.articles()
        counts = workspace.tagged_counts(self.session.reviewer)
        table = self.query_one(DataTable)
        table.add_column("done", width=5)
        table.add_column("tagged", width=9)
        table.add_column("source", width=22)
        table.add_column("title")
        done_articles = 0
        cursor = 0
        for row, info in enumerate(articles):
            tagged = counts.get(info.id, 0)
            done_articles += tagged >= info.sentences
            percent = 100 * tagged // info.sentences if info.sentences else 100
            table.add_row(
                Text(f"{percent}%", justify="right"),
                Text(f"{tagged}/{info.sentences}", justify="right"),
                Text(one_line(info.display_source, 22)),
                Text(one_line(info.title)),
                key=info.id,
            )
            if info.id == self.current:
                cursor = row
        table.move_cursor(row=cursor)
        heading = (
            f"{len(articles)} articles in {workspace.root} · {done_articles} done · "
            f"reviewer {self.session.reviewer} · Enter opens"
        )
        self.query_one("#library-heading", Static).update(Text(one_line(heading)))
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_back(self) -> None:
        self.dismiss(None)
