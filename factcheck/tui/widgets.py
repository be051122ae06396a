"""Widgets of the review screen. Article text is always shown as literal Content."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Annotation, Sentence
from factcheck.suggest import Suggestion
from factcheck.textsafe import printable

#: Letter shown in the gutter for each label (and in the key table).
LABEL_MARKS: dict[str, str] = {
    SOURCED: "S",
    ANONYMOUS: "A",
    QUOTED: "Q",
    UNATTRIBUTED: "U",
    SKIP: "X",
}
#: Style of each kind of cue word in the current sentence (theme variables only).
CUE_STYLES: dict[str, str] = {
    "quotation": "$primary",
    "attribution": "bold underline $success",
    "anonymity": "bold underline $warning",
    "skip": "italic $text-muted",
}


def literal(text: str) -> Content:
    """Untrusted text as inert content: no markup, no control sequences."""
    return Content(printable(text))


def highlighted(sentence: Sentence, suggestion: Suggestion) -> Content:
    """The sentence as inert content, with the suggestion's cue words and source styled."""
    content = literal(sentence.text)
    spans = [(cue.start, cue.end, CUE_STYLES.get(cue.kind, "underline")) for cue in suggestion.cues]
    if suggestion.source_span is not None:
        spans.append((*suggestion.source_span, "reverse"))
    for start, end, style in spans:
        start, end = max(start - sentence.start, 0), min(end - sentence.start, len(sentence.text))
        if start < end:
            content = content.stylize(style, start, end)
    return content


def label_class(label: str | None) -> str:
    return f"label-{label or 'none'}"


class SentenceRow(Horizontal):
    """One sentence with a gutter showing its tag, flag and note at a glance."""

    class Clicked(Message):
        """The reviewer clicked a sentence."""

        def __init__(self, row: SentenceRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self, sentence: Sentence, record: Annotation | None, suggested: str, *, paragraph_start: bool
    ) -> None:
        super().__init__(classes="-paragraph-start" if paragraph_start else "")
        self.sentence = sentence
        self.record = record
        self.suggested = suggested

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
        # A tag shows as its capital letter; an untagged sentence shows the suggestion, small and dim.
        mark = LABEL_MARKS[label] if label else LABEL_MARKS[self.suggested].lower()
        flags = ("⚑" if record and record.flag else " ") + ("✎" if record and record.note else " ")
        self.query_one(".gutter", Static).update(Content(f"{mark}{flags}"))
