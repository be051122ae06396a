"""Widgets of the review screen. Article text is always shown as literal Content."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Annotation, Sentence
from factcheck.textsafe import printable

#: Letter shown in the gutter for each label (and in the key table).
LABEL_MARKS: dict[str, str] = {
    SOURCED: "S",
    ANONYMOUS: "A",
    QUOTED: "Q",
    UNATTRIBUTED: "U",
    SKIP: "x",
}


def literal(text: str) -> Content:
    """Untrusted text as inert content: no markup, no control sequences."""
    return Content(printable(text))


def label_class(label: str | None) -> str:
    return f"label-{label or 'none'}"


class SentenceRow(Horizontal):
    """One sentence with a gutter showing its tag, flag and note at a glance."""

    class Clicked(Message):
        """The reviewer clicked a sentence."""

        def __init__(self, row: SentenceRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, sentence: Sentence, record: Annotation | None, *, paragraph_start: bool) -> None:
        super().__init__(classes="-paragraph-start" if paragraph_start else "")
        self.sentence = sentence
        self.record = record

    def compose(self) -> ComposeResult:
        yield Static(classes="gutter")
        yield Static(literal(self.sentence.text), classes="text")

    def on_mount(self) -> None:
        self.show(self.record)

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))

    def show(self, record: Annotation | None) -> None:
        """Redraw the gutter for a (new) record."""
        self.record = record
        label = record.label if record else None
        for cls in list(self.classes):
            if cls.startswith("label-"):
                self.remove_class(cls)
        self.add_class(label_class(label))
        mark = LABEL_MARKS.get(label, "·") if label else "·"
        flags = ("⚑" if record and record.flag else " ") + ("✎" if record and record.note else " ")
        self.query_one(".gutter", Static).update(Content(f"{mark}{flags}"))
