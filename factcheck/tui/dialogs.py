"""Modal dialogs: the help screen and a one-line text prompt."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from factcheck.codebook import DEFINITIONS, RULE
from factcheck.reimport import Orphan
from factcheck.textsafe import one_line
from factcheck.tui.widgets import LABEL_MARKS, literal


def key_table(bindings: list[Binding]) -> str:
    """The key table, from the bindings themselves so it cannot drift from them."""
    lines = []
    for binding in bindings:
        keys = binding.key_display or binding.key
        lines.append(f"  {keys:<8} {binding.tooltip or binding.description}")
    lines.append(f"  {'ctrl+p':<8} command palette (every action by name)")
    lines.append(f"  {'ctrl+q':<8} quit (every tag is already saved)")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Keys and the codebook's definitions."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content("Keys"), classes="help-heading")
            yield Static(Content(key_table(self.bindings)))
            yield Static(Content("Codebook"), classes="help-heading")
            yield Static(Content(RULE))
            for label, definition in DEFINITIONS.items():
                yield Static(Content(f"{LABEL_MARKS[label]}  {label}"), classes=f"help-label label-{label}")
                yield Static(Content(definition), classes="help-definition")
            yield Static(Content("Esc or ? closes this help."), classes="help-footer")


class OrphansScreen(ModalScreen[None]):
    """Tags whose sentence an edit of the article removed: kept, never moved to another sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,v,q", "dismiss", "close")]

    def __init__(self, orphans: list[Orphan]) -> None:
        super().__init__()
        self.orphans = orphans

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content(f"Orphaned tags ({len(self.orphans)})"), classes="help-heading")
            yield Static(
                Content(
                    "Their sentence is gone from this version of the article. They are kept as they were."
                )
            )
            for orphan in self.orphans:
                record = orphan.annotation
                label = record.label or "untagged"
                details = "".join(
                    f" · {name}: {one_line(value, 60)}"
                    for name, value in (("source", record.source), ("note", record.note))
                    if value
                )
                yield Static(
                    literal(f"{label} ({record.reviewer}){details}"), classes=f"help-label label-{label}"
                )
                yield Static(literal(orphan.sentence), classes="help-definition")
            yield Static(Content("Esc closes."), classes="help-footer")


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text; Enter returns it, Escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, prompt: str, value: str | None) -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Static(literal(self.prompt))
            yield Input(self.value, id="prompt-input")
            yield Static(Content("Enter saves · Esc cancels"), classes="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
