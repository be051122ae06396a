"""The adjudication screen: walk the disagreements, one key records the final label."""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import partial
from typing import Any, ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from factcheck.adjudication import Adjudication, Opinion
from factcheck.corpus import ADJUDICATED
from factcheck.store import StoreError
from factcheck.textsafe import one_line
from factcheck.tui.dialogs import HelpScreen, TextPrompt
from factcheck.tui.review import MAX_SECONDS_PER_SENTENCE
from factcheck.tui.widgets import LABEL_MARKS, label_bindings, literal, set_label_class


class OpinionRow(Horizontal):
    """One reviewer's label (coloured), source and note; with class ``-final``, the final record."""

    def __init__(self, reviewer: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reviewer = reviewer

    def compose(self) -> ComposeResult:
        yield Static(literal(one_line(self.reviewer, 13)), classes="adj-name")
        yield Static(classes="adj-label")
        yield Static(classes="adj-details")

    def show(self, opinion: Opinion | None) -> None:
        label = opinion.label if opinion else None
        badge = self.query_one(".adj-label", Static)
        set_label_class(badge, label)
        badge.update(Content(f"{LABEL_MARKS[label]} {label}" if label else "undecided"))
        details = []
        if opinion and opinion.source:
            details.append(f"source: {one_line(opinion.source)}")
        if opinion and opinion.note:
            details.append(f"note: {one_line(opinion.note)}")
        self.query_one(".adj-details", Static).update(literal(" · ".join(details)))


class AdjudicationScreen(Screen[None]):
    """A disagreement: the sentence in context, each reviewer's record, and the final label."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *label_bindings("decide", "final label {label}, save, next disagreement"),
        Binding("down,j", "move(1)", "next", key_display="↓/j", show=False, tooltip="next disagreement"),
        Binding("up,k", "move(-1)", "prev", key_display="↑/k", show=False, tooltip="previous disagreement"),
        Binding("n", "next_undecided", "undecided", tooltip="next undecided disagreement"),
        Binding("ctrl+z", "undo", "undo", tooltip="undo the last final label, source or note (again, again)"),
        Binding("e", "edit('source')", "source", show=False, tooltip="edit the final source: who is cited"),
        Binding("m", "edit('note')", "note", show=False, tooltip="add or edit your note on the final record"),
        Binding("question_mark", "help", "help", key_display="?", tooltip="keys and the codebook"),
    ]

    def __init__(self, adjudication: Adjudication) -> None:
        super().__init__()
        self.adjudication = adjudication
        #: The case shown: the first undecided one to start with.
        self.number = adjudication.next_undecided(-1) or 0
        self._rows: dict[str, OpinionRow] = {}
        self._arrived = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical(id="adj-heading"):
            yield Static(id="adj-title")
            yield Static(id="adj-progress")
        if self.adjudication.cases:
            with VerticalScroll(id="adj-body"):
                yield Static(id="adj-before", classes="adj-context")
                yield Static(id="adj-sentence")
                yield Static(id="adj-after", classes="adj-context")
            with VerticalScroll(id="adj-opinions"):
                for name in self.adjudication.docket.reviewers:
                    self._rows[name] = OpinionRow(name)
                    yield self._rows[name]
                yield OpinionRow(ADJUDICATED, id="adj-final", classes="-final")
        else:
            yield Static(id="adj-empty")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if self.adjudication.cases:
            self._show()
            return
        names = ", ".join(self.adjudication.docket.reviewers)
        self.query_one("#adj-title", Static).update(Content("Adjudication"))
        self.query_one("#adj-progress", Static).update(literal(f"reviewers: {one_line(names)}"))
        self.query_one("#adj-empty", Static).update(
            literal(
                f"No disagreements: every sentence that two or more of {one_line(names, 200)} tagged "
                "has the same label from each of them. Nothing to adjudicate.\n\nctrl+q quits."
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With nothing to adjudicate, only help is offered."""
        return bool(self.adjudication.cases) or action == "help"

    # -- showing state -----------------------------------------------------
    def _show(self) -> None:
        adjudication = self.adjudication
        case = adjudication.cases[self.number]
        self.query_one("#adj-title", Static).update(literal(case.title))
        self.query_one("#adj-progress", Static).update(
            Content(
                f"disagreement {self.number + 1} of {len(adjudication.cases)} · "
                f"decided {adjudication.decided} · sentence {case.index + 1}"
            )
        )
        for key, text in (("before", case.before), ("after", case.after)):
            context = self.query_one(f"#adj-{key}", Static)
            context.display = text is not None
            context.update(literal(text or ""))
        self.query_one("#adj-sentence", Static).update(literal(case.text))
        opinions = {opinion.reviewer: opinion for opinion in case.opinions}
        for name, row in self._rows.items():
            row.display = name in opinions
            row.show(opinions.get(name))
        self.query_one("#adj-final", OpinionRow).show(adjudication.finals[self.number])

    def _move_to(self, number: int) -> None:
        self.number = max(0, min(number, len(self.adjudication.cases) - 1))
        self._arrived = time.monotonic()
        for scroll in self.query(VerticalScroll):
            scroll.scroll_home(animate=False)
        self._show()

    def _save_failed(self, error: StoreError) -> None:
        self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)

    # -- actions -----------------------------------------------------------
    def action_decide(self, label: str) -> None:
        """Save the final label, then move on; on failure stay and say why."""
        seconds = min(time.monotonic() - self._arrived, MAX_SECONDS_PER_SENTENCE)
        try:
            self.adjudication.decide(self.number, label, seconds=seconds)
        except StoreError as error:
            self._save_failed(error)
            self._show()
            return
        if self.number + 1 < len(self.adjudication.cases):
            self._move_to(self.number + 1)
        else:
            self._arrived = time.monotonic()
            self._show()
            if self.adjudication.next_undecided(self.number) is None:
                self.notify("Every disagreement has a final label.")
            else:
                self.notify("Last disagreement. Press n for the next undecided one.")

    def action_move(self, delta: int) -> None:
        self._move_to(self.number + delta)

    def action_next_undecided(self) -> None:
        number = self.adjudication.next_undecided(self.number)
        if number is None:
            self.notify("Every disagreement has a final label.")
            return
        self._move_to(number)

    def action_undo(self) -> None:
        try:
            position = self.adjudication.undo()
        except StoreError as error:
            self._save_failed(error)
            return
        if position is None:
            self.notify("Nothing to undo.")
            return
        number = self.adjudication.number_of(position)
        if number is None:
            self.notify("Undid a final label on a sentence these reviewers do not disagree on.")
            self._show()
            return
        self._move_to(number)

    def action_edit(self, field: str) -> None:
        final = self.adjudication.finals[self.number]
        current = (final.source if field == "source" else final.note) if final else None
        prompt = "Final source: who is cited" if field == "source" else "Note"
        prompt_screen = TextPrompt(f"{prompt} (empty to clear)", current or "")
        self.app.push_screen(prompt_screen, partial(self._edit, field))

    def _edit(self, field: str, value: str | None) -> None:
        if value is None:
            return
        try:
            self.adjudication.edit(self.number, **{field: value})
        except StoreError as error:
            self._save_failed(error)
        self._show()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS))


class AdjudicationApp(App[None]):
    """Opens on the adjudication screen."""

    CSS_PATH = "app.tcss"
    TITLE = "factcheck adjudicate"

    def __init__(self, adjudication: Adjudication) -> None:
        super().__init__()
        self.adjudication = adjudication

    def on_mount(self) -> None:
        self.push_screen(AdjudicationScreen(self.adjudication))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every action of the screen's key bindings, by name."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, AdjudicationScreen):
            for binding in screen.BINDINGS:
                yield SystemCommand(
                    (binding.tooltip or binding.description).capitalize(),
                    f"key: {binding.key_display or binding.key}",
                    partial(screen.run_action, binding.action),
                )
