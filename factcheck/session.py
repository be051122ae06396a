"""A reviewer's session over a workspace: tagging, editing, undo, resuming.

The TUI calls only this (and the store's read functions); every method that
changes a tag returns after the change is on disk.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.corpus import label_counts, labels_of_others
from factcheck.models import ANONYMOUS, LABELS, QUOTED, SOURCED, Annotation, Article, Sentence
from factcheck.store import RECENT_LIMIT, ArticleTags, HistoryEntry, StoreError, Workspace, now_iso
from factcheck.suggest import Suggestion, suggest_article

#: Labels whose record names a source (who is cited).
SOURCE_LABELS = frozenset({SOURCED, ANONYMOUS, QUOTED})
#: Default confidence at or above which `A` accepts a suggestion (a setting: --accept-threshold).
DEFAULT_ACCEPT_THRESHOLD = 0.95


@dataclass(frozen=True, slots=True)
class Position:
    """A sentence in the workspace."""

    article_id: str
    index: int


@dataclass(slots=True)
class OpenArticle:
    """An article loaded for review, with this reviewer's tags on it."""

    article: Article
    sentences: list[Sentence]
    tags: ArticleTags
    suggestions: list[Suggestion]
    #: Other reviewers' labels by sentence (empty in a blind review).
    others: dict[int, dict[str, str]]

    @property
    def id(self) -> str:
        return self.article.id

    def is_tagged(self, index: int) -> bool:
        record = self.tags.get(index)
        return record is not None and record.label is not None

    def first_untagged(self, after: int = -1) -> int | None:
        """Index of the first untagged sentence after ``after`` (wrapping to the start)."""
        count = len(self.sentences)
        for step in range(1, count + 1):
            index = (after + step) % count
            if not self.is_tagged(index):
                return index
        return None


class ReviewSession:
    """One reviewer working through a workspace. Holds the write lock's side of things."""

    def __init__(
        self, workspace: Workspace, reviewer: str, *, blind: bool = False, lexicon_dir: Path | None = None
    ) -> None:
        self.workspace = workspace
        self.reviewer = reviewer
        self.blind = blind
        self.lexicon_dir = lexicon_dir  # a newsroom's lexicons for the suggester (see suggest_article)
        self.state = workspace.reviewer_state(reviewer)
        self._open: dict[str, OpenArticle] = {}

    def check_readable(self) -> None:
        """Read the files a session starts on; raises CorruptFileError, writes nothing."""
        last = self.state.last_article
        if last and last in self.workspace:
            self.workspace.load_article(last)
            self.workspace.tags(self.reviewer, last)

    # -- navigation --------------------------------------------------------
    def open(self, article_id: str) -> OpenArticle:
        """Load an article and remember it as the reviewer's current one."""
        opened = self._peek(article_id)
        if self.state.last_article != article_id:
            recent = [article_id, *(a for a in self.state.recent if a != article_id)][:RECENT_LIMIT]
            self.state.last_article = article_id
            self.state.recent = recent
            self.workspace.save_reviewer_state(self.reviewer, self.state)
        return opened

    def resume(self) -> Position | None:
        """Where to start: the first untagged sentence of the last article, else the first article."""
        articles = self.workspace.articles()
        if not articles:
            return None
        ids = [a.id for a in articles]
        article_id = self.state.last_article if self.state.last_article in ids else ids[0]
        opened = self.open(article_id)
        index = opened.first_untagged()
        return Position(article_id, 0 if index is None else index)

    def next_untagged(self, position: Position) -> Position | None:
        """The next untagged sentence: later in this article, then in the following articles."""
        opened = self.open(position.article_id)
        index = opened.first_untagged(position.index)
        if index is not None and index > position.index:
            return Position(opened.id, index)
        articles = self.workspace.articles()
        ids = [a.id for a in articles]
        start = ids.index(opened.id) if opened.id in ids else -1
        for info in articles[start + 1 :] + articles[: start + 1]:
            # Read tag files one at a time, so that the usual case costs one article, not all.
            if (
                info.id not in self._open
                and self.workspace.tagged_count(self.reviewer, info.id) >= info.sentences
            ):
                continue
            candidate = self._peek(info.id).first_untagged()
            if candidate is not None:
                return Position(info.id, candidate)
        return None

    def _peek(self, article_id: str) -> OpenArticle:
        """Load without making it the current article."""
        opened = self._open.get(article_id)
        if opened is None:
            article, sentences = self.workspace.load_article(article_id)
            tags = self.workspace.tags(self.reviewer, article_id)
            others = {} if self.blind else labels_of_others(self.workspace, article_id, self.reviewer)
            suggestions = suggest_article(article.text, sentences, lexicon_dir=self.lexicon_dir)
            opened = OpenArticle(article, sentences, tags, suggestions, others)
            self._open[article_id] = opened
        return opened

    def label_counts(self) -> dict[str, Counter[str]]:
        """This reviewer's labels per article, as on disk (for the stats panel)."""
        return label_counts(self.workspace, self.reviewer)

    def set_outlet(self, article_id: str, outlet: str) -> None:
        """Correct an article's outlet (blank: none); durable on return."""
        info = self.workspace.set_outlet(article_id, outlet)
        opened = self._open.get(article_id)
        if opened is not None:
            opened.article = replace(opened.article, outlet=info.outlet)

    # -- changes -----------------------------------------------------------
    def record(self, opened: OpenArticle, index: int) -> Annotation:
        """The reviewer's record for a sentence, or a fresh empty one."""
        existing = opened.tags.get(index)
        if existing is not None:
            return existing
        sentence = opened.sentences[index]
        stamp = now_iso()
        return Annotation(
            article_id=opened.id,
            index=index,
            start=sentence.start,
            end=sentence.end,
            sentence_sha=sentence.sha,
            reviewer=self.reviewer,
            created=stamp,
            updated=stamp,
        )

    def tag(
        self, position: Position, label: str, *, seconds: float = 0.0, source: str | None = None
    ) -> Annotation:
        """Give a sentence a label; on disk when this returns.

        The record keeps what the tool suggested and whether the label agrees with it;
        an empty source is filled from the suggestion's.
        """
        if label not in LABELS:
            raise StoreError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
        opened = self.open(position.article_id)
        updated = self._labelled(opened, position.index, label, seconds, source)
        self._save(opened, f"tag {label}", {position.index: updated})
        return updated

    def accept(self, position: Position, *, seconds: float = 0.0) -> Annotation:
        """Take the suggested label for a sentence."""
        opened = self.open(position.article_id)
        return self.tag(position, opened.suggestions[position.index].label, seconds=seconds)

    def accept_confident(self, article_id: str, threshold: float = DEFAULT_ACCEPT_THRESHOLD) -> list[int]:
        """Accept every suggestion at or above ``threshold`` on the article's untagged sentences,
        as one undoable step; return the indexes tagged."""
        opened = self.open(article_id)
        after = {
            s.index: self._labelled(opened, s.index, s.label, 0.0)
            for s in opened.suggestions
            if s.confidence >= threshold and not opened.is_tagged(s.index)
        }
        if after:
            self._save(opened, f"accept {len(after)} suggestions", after)
        return sorted(after)

    def _labelled(
        self, opened: OpenArticle, index: int, label: str, seconds: float, source: str | None = None
    ) -> Annotation:
        """The sentence's record with ``label`` set and the suggestion noted; the source is
        ``source`` if given ("" clears it), else the record's, else (for a sourcing label)
        the suggestion's."""
        current = self.record(opened, index)
        suggestion = opened.suggestions[index]
        if source is not None:
            source = source.strip() or None  # an explicit empty source clears it
        else:
            source = current.source
            if source is None and label in SOURCE_LABELS:
                source = suggestion.source
        return replace(
            current,
            label=label,
            source=source,
            updated=now_iso(),
            seconds=round(current.seconds + seconds, 3),
            suggested=suggestion.label,
            suggested_confidence=suggestion.confidence,
            accepted=label == suggestion.label,
        )

    def edit(
        self,
        position: Position,
        *,
        source: str | None = None,
        note: str | None = None,
        flag: bool | None = None,
    ) -> Annotation:
        """Change the source, note or flag of a sentence (an empty string clears a field)."""
        opened = self.open(position.article_id)
        current = self.record(opened, position.index)
        changes: dict[str, object] = {"updated": now_iso()}
        if source is not None:
            changes["source"] = source.strip() or None
        if note is not None:
            changes["note"] = note.strip() or None
        if flag is not None:
            changes["flag"] = flag
        action = "edit " + ",".join(k for k in ("source", "note", "flag") if k in changes)
        updated = replace(current, **changes)  # type: ignore[arg-type]
        self._save(opened, action, {position.index: updated})
        return updated

    @staticmethod
    def _save(opened: OpenArticle, action: str, after: dict[int, Annotation]) -> None:
        """Write records as one undoable step; a record left empty is removed."""
        opened.tags.apply(action, {i: (None if a.is_empty else a) for i, a in after.items()})

    def undo(self) -> Position | None:
        """Revert the reviewer's most recent change, in whichever recent article it was."""
        best: tuple[HistoryEntry, ArticleTags] | None = None
        for article_id in dict.fromkeys([*self._open, *self.state.recent]):
            if article_id not in self.workspace:
                continue
            tags = self._peek(article_id).tags
            if tags.history and (best is None or tags.history[-1].seq > best[0].seq):
                best = (tags.history[-1], tags)
        if best is None:
            return None
        entry, tags = best
        tags.undo(entry)
        return Position(tags.article_id, entry.changes[0].index)
