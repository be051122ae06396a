"""Widgets of the review screen. Article text is always shown as literal Content."""

from __future__ import annotations

from collections import Counter
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from factcheck.models import (
    ANONYMOUS,
    CLAIM_LABELS,
    LABELS,
    QUOTED,
    SKIP,
    SOURCED,
    UNATTRIBUTED,
    Annotation,
    Sentence,
)
from factcheck.session import OpenArticle, ReviewSession
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


#: Bar colour of each label in the stats panel.
LABEL_COLOURS: dict[str, str] = {
    SOURCED: "$success",
    ANONYMOUS: "$warning",
    QUOTED: "$primary",
    UNATTRIBUTED: "$error",
    SKIP: "$text-muted",
}
BAR_WIDTH = 12


def label_bars(title: str, counts: Counter[str]) -> Content:
    """Counts per label as coloured bars, with each label's share of the claims (skip excluded)."""
    claims = sum(counts[label] for label in CLAIM_LABELS)
    widest = max((counts[label] for label in LABELS), default=0) or 1
    lines = [Content(f"{title} · {claims} claims").stylize("bold")]
    for label in LABELS:
        count = counts[label]
        bar = "█" * round(BAR_WIDTH * count / widest)
        share = f"{100 * count / claims:>3.0f}%" if claims and label != SKIP else "    "
        name = "anonymous" if label == ANONYMOUS else label
        line = Content(f"{name:<12} {count:>4} {share} ") + Content(bar).stylize(LABEL_COLOURS[label])
        lines.append(line)
    return Content("\n").join(lines)


class StatsPanel(Vertical):
    """Sourcing counts for the current article and for all of the reviewer's articles, kept live."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._by_article: dict[str, Counter[str]] | None = None
        self._opened: OpenArticle | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="stats-article")
        yield Static(id="stats-all")

    def load(self, session: ReviewSession, opened: OpenArticle) -> None:
        """Read every tag file of the reviewer once, off the UI thread; then stay live."""
        self._opened = opened
        self.show_article(opened)
        if self._by_article is None:
            self._count(session)

    @work(thread=True, exclusive=True)
    def _count(self, session: ReviewSession) -> None:
        counts = session.label_counts()
        self.app.call_from_thread(self._counted, counts)

    def _counted(self, counts: dict[str, Counter[str]]) -> None:
        self._by_article = counts
        if self._opened is not None:
            self.show_article(self._opened)

    def show_article(self, opened: OpenArticle) -> None:
        """Redraw for the current article (its counts from memory, the rest from the last read)."""
        self._opened = opened
        if not self.display:
            return
        here = Counter(r.label for r in opened.tags.records.values() if r.label is not None)
        self.query_one("#stats-article", Static).update(label_bars("This article", here))
        if self._by_article is None:
            self.query_one("#stats-all", Static).update(Content("\nAll your articles: counting…"))
            return
        everywhere = sum((c for a, c in self._by_article.items() if a != opened.id), Counter()) + here
        articles = len(
            {a for a, c in self._by_article.items() if a != opened.id and c}
            | ({opened.id} if here else set())
        )
        self.query_one("#stats-all", Static).update(
            Content("\n") + label_bars(f"All your articles ({articles})", everywhere)
        )


def label_class(label: str | None) -> str:
    return f"label-{label or 'none'}"


def set_label_class(widget: Widget, label: str | None) -> None:
    """Give a widget the ``label-<name>`` class of ``label`` (and no other label class)."""
    for cls in list(widget.classes):
        if cls.startswith("label-"):
            widget.remove_class(cls)
    widget.add_class(label_class(label))


#: The keys of the five labels: a digit and a mnemonic letter, and a name short enough for the footer.
LABEL_KEYS: tuple[tuple[str, str, str], ...] = (
    ("1,s", SOURCED, "sourced"),
    ("2,a", ANONYMOUS, "anon"),
    ("3,q", QUOTED, "quoted"),
    ("4,u", UNATTRIBUTED, "unattr"),
    ("0,x", SKIP, "skip"),
)


def label_bindings(action: str, tooltip: str) -> list[Binding]:
    """One binding per label calling ``action('<label>')``; ``tooltip`` may use ``{label}``."""
    return [
        Binding(
            keys,
            f"{action}('{label}')",
            short,
            key_display=keys.replace(",", "/"),
            tooltip=tooltip.format(label=label),
            id=f"{action}-{label}",
        )
        for keys, label, short in LABEL_KEYS
    ]


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
        set_label_class(self, label)
        # A tag shows as its capital letter; an untagged sentence shows the suggestion, small and dim.
        mark = LABEL_MARKS[label] if label else LABEL_MARKS[self.suggested].lower()
        flags = ("⚑" if record and record.flag else " ") + ("✎" if record and record.note else " ")
        self.query_one(".gutter", Static).update(Content(f"{mark}{flags}"))
