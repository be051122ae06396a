"""A reviewer's session over a workspace: tagging, editing, undo, resuming.

The TUI calls only this (and the store's read functions); every method that
changes a tag returns after the change is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck.models import LABELS, Annotation, Article, Sentence
from factcheck.store import RECENT_LIMIT, ArticleTags, HistoryEntry, StoreError, Workspace, now_iso


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

    @property
    def id(self) -> str:
        return self.article.id

    def first_untagged(self, after: int = -1) -> int | None:
        """Index of the first untagged sentence after ``after`` (wrapping to the start)."""
        count = len(self.sentences)
        for step in range(1, count + 1):
            index = (after + step) % count
            record = self.tags.get(index)
            if record is None or record.label is None:
                return index
        return None


class ReviewSession:
    """One reviewer working through a workspace. Holds the write lock's side of things."""

    def __init__(self, workspace: Workspace, reviewer: str) -> None:
        self.workspace = workspace
        self.reviewer = reviewer
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
            opened = OpenArticle(article, sentences, self.workspace.tags(self.reviewer, article_id))
            self._open[article_id] = opened
        return opened

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

    def tag(self, position: Position, label: str, *, seconds: float = 0.0) -> Annotation:
        """Give a sentence a label; on disk when this returns."""
        if label not in LABELS:
            raise StoreError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
        opened = self.open(position.article_id)
        current = self.record(opened, position.index)
        updated = replace(
            current, label=label, updated=now_iso(), seconds=round(current.seconds + seconds, 3)
        )
        self._save(opened, f"tag {label}", {position.index: updated})
        return updated

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
