"""The review screen: walk an article sentence by sentence, one key per tag."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from factcheck.models import Annotation
from factcheck.session import DEFAULT_ACCEPT_THRESHOLD, OpenArticle, Position, ReviewSession
from factcheck.store import StoreError
from factcheck.textsafe import one_line
from factcheck.tui.dialogs import HelpScreen, OrphansScreen, TextPrompt
from factcheck.tui.library import LibraryScreen
from factcheck.tui.widgets import (
    LABEL_MARKS,
    SentenceRow,
    StatsPanel,
    highlighted,
    label_bindings,
    literal,
    set_label_class,
)

#: Time on one sentence beyond this counts as this (the reviewer walked away).
MAX_SECONDS_PER_SENTENCE = 600.0
#: Width from which the current sentence's panel moves beside the article.
WIDE_LAYOUT = 120


class ReviewScreen(Screen[None]):
    """The article on the left (or top), the current sentence in a panel beside (or below) it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *label_bindings("tag", "tag {label}, save, next sentence"),
        Binding("enter", "accept", "accept", tooltip="accept the suggested tag, save, next sentence"),
        Binding(
            "A",
            "accept_confident",
            "accept all",
            show=False,
            tooltip="accept all ≥ the threshold, one undo (% = share right on news pages)",
        ),
        Binding("down,j", "move(1)", "next", key_display="↓/j", show=False, tooltip="next sentence"),
        Binding("up,k", "move(-1)", "prev", key_display="↑/k", show=False, tooltip="previous sentence"),
        Binding("n", "next_untagged", "untagged", tooltip="next untagged sentence, into the next article"),
        Binding("ctrl+z", "undo", "undo", tooltip="undo the last change (again and again)"),
        Binding("e", "edit_source", "source", show=False, tooltip="edit the source: who is cited"),
        Binding("m", "edit_note", "note", show=False, tooltip="add or edit a note"),
        Binding("f", "toggle_flag", "flag", show=False, tooltip="flag for follow-up (toggle)"),
        Binding("l", "library", "library", show=False, tooltip="all articles, with progress"),
        Binding(
            "t",
            "toggle_stats",
            "stats",
            show=False,
            tooltip="sourcing statistics: this article and all yours",
        ),
        Binding("v", "orphans", "orphans", show=False, tooltip="tags orphaned by an edit of this article"),
        Binding("O", "edit_outlet", "outlet", show=False, tooltip="correct the article's outlet"),
        Binding("question_mark", "help", "help", key_display="?", tooltip="keys and the codebook"),
    ]

    def __init__(
        self,
        session: ReviewSession,
        position: Position,
        *,
        accept_threshold: float = DEFAULT_ACCEPT_THRESHOLD,
    ) -> None:
        super().__init__()
        self.session = session
        self.accept_threshold = accept_threshold
        self.opened: OpenArticle = session.open(position.article_id)
        self.index = position.index
        self._arrived = time.monotonic()

    # -- layout ------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="heading"):
            yield Static(id="article-title")
            yield Static(id="article-meta")
        with Horizontal(id="body"):
            yield VerticalScroll(id="article", can_focus=False)
            with Vertical(id="current"):
                yield Static(id="current-status")
                yield Static(id="current-suggestion")
                yield Static(id="current-text")
                yield Static(id="current-details")
            yield StatsPanel(id="stats")
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        await self._show_article()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE_LAYOUT, "-wide")

    async def _show_article(self) -> None:
        article = self.query_one("#article", VerticalScroll)
        await article.remove_children()
        rows = []
        previous_paragraph = None
        for sentence in self.opened.sentences:
            starts = previous_paragraph is not None and sentence.paragraph != previous_paragraph
            suggested = self.opened.suggestions[sentence.index].label
            record = self.opened.tags.get(sentence.index)
            rows.append(SentenceRow(sentence, record, suggested, paragraph_start=starts))
            previous_paragraph = sentence.paragraph
        await article.mount_all(rows)
        self.query_one("#article-title", Static).update(literal(self.opened.article.title))
        self._move_to(self.index)

    # -- showing state -----------------------------------------------------
    def _rows(self) -> list[SentenceRow]:
        return list(self.query_one("#article", VerticalScroll).query_children(SentenceRow))

    def _row(self, index: int) -> SentenceRow:
        return self._rows()[index]

    def _move_to(self, index: int) -> None:
        rows = self._rows()
        if not rows:
            return
        index = max(0, min(index, len(rows) - 1))
        rows[self.index if self.index < len(rows) else 0].remove_class("-current")
        self.index = index
        row = rows[index]
        row.add_class("-current")
        self.query_one("#article", VerticalScroll).scroll_to_center(row, animate=False)
        self._arrived = time.monotonic()
        self._refresh_panel()

    def _refresh_panel(self) -> None:
        total = len(self.opened.sentences)
        tagged = self.opened.tags.tagged
        percent = 100 * tagged // total if total else 100
        meta = (
            f"{self.opened.article.display_source} · sentence {self.index + 1}/{total} · "
            f"tagged {tagged} ({percent}%) · {self.session.reviewer}"
        )
        if self.session.blind:
            meta += " (blind)"
        if self.opened.tags.orphans:
            meta += f" · {len(self.opened.tags.orphans)} orphaned tags (v)"
        self.query_one("#article-meta", Static).update(literal(meta))
        record = self.opened.tags.get(self.index)
        self._show_status(record)
        self._show_suggestion()
        self._show_details(record)

    def _show_status(self, record: Annotation | None) -> None:
        status = self.query_one("#current-status", Static)
        label = record.label if record else None
        set_label_class(status, label)
        text = f" {LABEL_MARKS[label]} {label} " if label else " untagged "
        status.update(Content(text))

    def _show_suggestion(self) -> None:
        """The suggestion beside the sentence, and its cue words highlighted in the sentence."""
        sentence = self.opened.sentences[self.index]
        suggestion = self.opened.suggestions[self.index]
        line = f"suggested: {suggestion.label} {suggestion.confidence:.0%}"
        if suggestion.source:
            line += f" · {one_line(suggestion.source, 60)}"
        line += f" · {suggestion.reason} · Enter accepts"
        self.query_one("#current-suggestion", Static).update(literal(line))
        self.query_one("#current-text", Static).update(highlighted(sentence, suggestion))

    def _show_details(self, record: Annotation | None) -> None:
        parts = []
        if record and record.source:
            parts.append(f"source: {one_line(record.source)}")
        if record and record.note:
            parts.append(f"note: {one_line(record.note)}")
        if record and record.flag:
            parts.append("⚑ flagged for follow-up")
        others = self.opened.others.get(self.index)
        if others:
            parts.append(
                "others: " + ", ".join(f"{one_line(name, 20)} {label}" for name, label in others.items())
            )
        self.query_one("#current-details", Static).update(literal("   ".join(parts)))
        self.query_one(StatsPanel).show_article(self.opened)

    @property
    def position(self) -> Position:
        return Position(self.opened.id, self.index)

    def _saved(self, index: int) -> None:
        """Redraw one sentence after a save."""
        self._row(index).show(self.opened.tags.get(index))
        self._refresh_panel()

    def _save_failed(self, error: StoreError) -> None:
        self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)

    # -- actions -----------------------------------------------------------
    def action_tag(self, label: str) -> None:
        self._save_and_advance(partial(self.session.tag, self.position, label))

    def action_accept(self) -> None:
        self._save_and_advance(partial(self.session.accept, self.position))

    def _save_and_advance(self, save: Callable[..., object]) -> None:
        """Save the current sentence's tag, then move on; on failure stay and say why."""
        seconds = min(time.monotonic() - self._arrived, MAX_SECONDS_PER_SENTENCE)
        try:
            save(seconds=seconds)
        except StoreError as error:
            self._save_failed(error)
            self._saved(self.index)
            return
        self._saved(self.index)
        if self.index + 1 < len(self.opened.sentences):
            self._move_to(self.index + 1)
        else:
            self._arrived = time.monotonic()
            self.notify("Last sentence of this article. Press n for the next untagged sentence.")

    def action_accept_confident(self) -> None:
        try:
            indexes = self.session.accept_confident(self.opened.id, self.accept_threshold)
        except StoreError as error:
            self._save_failed(error)
            return
        for index in indexes:
            self._row(index).show(self.opened.tags.get(index))
        self._refresh_panel()
        self.notify(
            f"Accepted {len(indexes)} suggestions at or above {self.accept_threshold:.0%} "
            f"(ctrl+z undoes them together)."
        )

    def action_move(self, delta: int) -> None:
        self._move_to(self.index + delta)

    async def action_next_untagged(self) -> None:
        try:
            target = self.session.next_untagged(self.position)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if target is None:
            self.notify("Every sentence of every article is tagged.")
            return
        await self.go_to(target)

    async def go_to(self, target: Position) -> None:
        """Show a sentence, opening its article if it is another one."""
        if target.article_id != self.opened.id:
            try:
                self.opened = self.session.open(target.article_id)
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.index = target.index
            await self._show_article()
        else:
            self._move_to(target.index)

    async def action_undo(self) -> None:
        try:
            target = self.session.undo()
        except StoreError as error:
            self._save_failed(error)
            return
        if target is None:
            self.notify("Nothing to undo.")
            return
        if target.article_id == self.opened.id:
            self._row(target.index).show(self.opened.tags.get(target.index))
        await self.go_to(target)
        self._refresh_panel()

    def action_edit_source(self) -> None:
        record = self.opened.tags.get(self.index)
        self.app.push_screen(
            TextPrompt("Source: who is cited (empty to clear)", record.source if record else ""),
            partial(self._edit, "source"),
        )

    def action_edit_note(self) -> None:
        record = self.opened.tags.get(self.index)
        self.app.push_screen(
            TextPrompt("Note (empty to clear)", record.note if record else ""),
            partial(self._edit, "note"),
        )

    def _edit(self, field: str, value: str | None) -> None:
        if value is None:
            return
        try:
            self.session.edit(self.position, **{field: value})
        except StoreError as error:
            self._save_failed(error)
        self._saved(self.index)

    def action_toggle_flag(self) -> None:
        record = self.opened.tags.get(self.index)
        try:
            self.session.edit(self.position, flag=not (record and record.flag))
        except StoreError as error:
            self._save_failed(error)
        self._saved(self.index)

    def action_toggle_stats(self) -> None:
        panel = self.query_one(StatsPanel)
        panel.display = not panel.display
        if panel.display:
            panel.load(self.session, self.opened)

    def action_orphans(self) -> None:
        orphans = self.opened.tags.orphans
        if not orphans:
            self.notify("No orphaned tags on this article.")
            return
        self.app.push_screen(OrphansScreen(orphans))

    def action_edit_outlet(self) -> None:
        self.app.push_screen(
            TextPrompt("Outlet of this article (empty for none)", self.opened.article.outlet or ""),
            self._set_outlet,
        )

    def _set_outlet(self, value: str | None) -> None:
        if value is None:
            return
        try:
            self.session.set_outlet(self.opened.id, value)
        except StoreError as error:
            self._save_failed(error)
        self._refresh_panel()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS))

    def action_library(self) -> None:
        self.app.push_screen(LibraryScreen(self.session, current=self.opened.id), self._open_from_library)

    async def _open_from_library(self, article_id: str | None) -> None:
        if article_id is None or article_id == self.opened.id:
            return
        try:
            opened = self.session.open(article_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        first = opened.first_untagged()
        await self.go_to(Position(article_id, 0 if first is None else first))

    @on(SentenceRow.Clicked)
    def _clicked(self, event: SentenceRow.Clicked) -> None:
        self._move_to(event.row.sentence.index)
