"""Bringing annotations into a workspace from another workspace or a native export.

A merge is planned completely before anything is written: every source is read
and checked against the workspace (one article id must mean the same text and
the same sentences), and every incoming record is compared with the record the
workspace (or an earlier source) holds for that reviewer and sentence.
Identical records are skipped. A different one is a conflict, never resolved
silently: by default the whole merge is refused; ``keep`` keeps the existing
record and ``replace`` takes the incoming one, both reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from factcheck.corpus import Corpus, CorpusArticle, SentenceRecord, read_article_file, read_tag_records
from factcheck.export import native
from factcheck.models import Annotation, Article
from factcheck.reimport import Orphan
from factcheck.segment import segment
from factcheck.store import StoreError, Workspace

OnConflict = Literal["refuse", "keep", "replace"]
ON_CONFLICT: tuple[OnConflict, ...] = ("refuse", "keep", "replace")
#: A sentence as compared between sources: index, start, end, text, paragraph.
_Shape = tuple[int, int, int, str, int]


class MergeRefused(StoreError):
    """A merge that cannot be made; nothing was written."""


@dataclass(frozen=True, slots=True)
class Source:
    """Somewhere annotations come from: a name for messages, and its articles."""

    name: str
    articles: Iterable[CorpusArticle]


@dataclass(frozen=True, slots=True)
class Conflict:
    """The same reviewer's record on the same sentence, different in the workspace and a source."""

    source: str
    reviewer: str
    article_id: str
    index: int
    existing: Annotation
    incoming: Annotation

    def describe(self) -> str:
        return (
            f"{self.reviewer} on article {self.article_id} sentence {self.index}: "
            f"workspace has {_summary(self.existing)}; {self.source} has {_summary(self.incoming)}"
        )


def _summary(record: Annotation) -> str:
    parts = [record.label or "no label"]
    if record.source:
        parts.append(f"source {record.source!r}")
    if record.note:
        parts.append(f"note {record.note!r}")
    if record.flag:
        parts.append("flagged")
    return ", ".join(parts) + f" (updated {record.updated or 'never'})"


@dataclass(slots=True)
class MergePlan:
    """What a merge would write, and what it found."""

    sources: list[str]
    new_articles: list[Article] = field(default_factory=list)
    writes: dict[tuple[str, str], dict[int, Annotation]] = field(default_factory=dict)
    #: (reviewer, article id) -> orphaned records the workspace does not keep yet
    orphans: dict[tuple[str, str], list[Orphan]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0

    @property
    def new_records(self) -> int:
        return sum(len(records) for records in self.writes.values())


def open_source(path: Path) -> Source:
    """A workspace folder or a native export file, read and validated (nothing is written)."""
    if path.is_dir():
        if not (path / "workspace.json").is_file():
            raise MergeRefused(f"{path}: not a factcheck workspace (no workspace.json); nothing was merged")
        return Source(str(path), Corpus(Workspace.open(path)))
    return Source(str(path), native.read(path))


class _Planner:
    """Builds a MergePlan, reading what the workspace holds once per file."""

    def __init__(self, workspace: Workspace, plan: MergePlan) -> None:
        self.workspace = workspace
        self.plan = plan
        #: Article id -> the article, its sentences' shape, and where it is from.
        self.articles: dict[str, tuple[Article, list[_Shape], str]] = {}
        self.records: dict[tuple[str, str], dict[int, Annotation]] = {}

    def add(self, source: str, item: CorpusArticle) -> None:
        self._check_article(source, item)
        for reviewer, incoming in item.records.items():
            for index, record in incoming.items():
                self._add_record(source, reviewer, item.article.id, index, Annotation.from_dict(dict(record)))
        for reviewer, orphans in item.orphans.items():
            key = (reviewer, item.article.id)
            kept = self.workspace.orphans(reviewer, item.article.id) + self.plan.orphans.get(key, [])
            new = [orphan for orphan in orphans if orphan not in kept]
            if new:
                self.plan.orphans.setdefault(key, []).extend(new)

    def _check_article(self, source: str, item: CorpusArticle) -> None:
        article = item.article
        name = f"{source}: article {article.id} ({article.title!r})"
        shape = _shape(item.sentences)
        known = self._known_article(name, article.id)
        if known is None:
            expected = [(s.index, s.start, s.end, s.text, s.paragraph) for s in segment(article.text)]
            if shape != expected:
                raise MergeRefused(
                    f"{name}: its sentences differ from how this factcheck segments its text; "
                    "nothing was merged"
                )
            self.articles[article.id] = (article, expected, source)
            self.plan.new_articles.append(article)
        elif known[0].text != article.text:
            raise MergeRefused(
                f"{name}: its text differs from the article with the same id in {known[2]}; "
                "nothing was merged"
            )
        elif shape != known[1]:
            raise MergeRefused(f"{name}: its sentences differ from those in {known[2]}; nothing was merged")

    def _known_article(self, name: str, article_id: str) -> tuple[Article, list[_Shape], str] | None:
        """The article with this id in the workspace or an earlier source, if any."""
        if article_id not in self.articles and article_id in self.workspace:
            article, sentences = read_article_file(self.workspace.article_path(article_id))
            self.articles[article_id] = (article, _shape(sentences), "the workspace")
        elif article_id not in self.articles and self._old_version(article_id) is not None:
            raise MergeRefused(
                f"{name}: the workspace replaced this version of the article with a newer one "
                f"({self._old_version(article_id)}); nothing was merged"
            )
        return self.articles.get(article_id)

    def _old_version(self, article_id: str) -> str | None:
        """The id of the version that replaced ``article_id`` in the workspace, if it was replaced."""
        try:
            return self.workspace.info(article_id).replaced_by
        except StoreError:
            return None

    def _add_record(
        self, source: str, reviewer: str, article_id: str, index: int, incoming: Annotation
    ) -> None:
        if incoming.is_empty:
            return
        key = (reviewer, article_id)
        held = self.records.get(key)
        if held is None:
            path = self.workspace.reviewer_dir(reviewer) / f"{article_id}.json"
            held = {i: Annotation.from_dict(dict(r)) for i, r in read_tag_records(path).items()}
            self.records[key] = held
        existing = held.get(index)
        if existing is None:
            held[index] = incoming
            self.plan.writes.setdefault(key, {})[index] = incoming
        elif existing == incoming:
            self.plan.unchanged += 1
        else:
            self.plan.conflicts.append(Conflict(source, reviewer, article_id, index, existing, incoming))


def _shape(sentences: Iterable[SentenceRecord]) -> list[_Shape]:
    return [(s["index"], s["start"], s["end"], s["text"], s["paragraph"]) for s in sentences]


def plan_merge(workspace: Workspace, sources: Sequence[Source]) -> MergePlan:
    """Check every source against the workspace and work out what merging would write.

    Raises MergeRefused, naming the article, when a source cannot be merged at all.
    """
    plan = MergePlan([source.name for source in sources])
    planner = _Planner(workspace, plan)
    for source in sources:
        for item in source.articles:
            planner.add(source.name, item)
    return plan


def apply_merge(workspace: Workspace, plan: MergePlan, on_conflict: OnConflict = "refuse") -> int:
    """Write a plan (hold the workspace lock around planning and applying); the records written."""
    if plan.conflicts and on_conflict == "refuse":
        raise MergeRefused(
            f"{len(plan.conflicts)} conflicting annotation(s); nothing was merged "
            "(choose --on-conflict keep or replace)"
        )
    writes = {key: dict(records) for key, records in plan.writes.items()}
    if on_conflict == "replace":
        for conflict in plan.conflicts:
            writes.setdefault((conflict.reviewer, conflict.article_id), {})[conflict.index] = (
                conflict.incoming
            )
    workspace.add_articles(plan.new_articles)
    action = "merge " + ", ".join(Path(name).name for name in plan.sources)
    for (reviewer, article_id), records in writes.items():
        workspace.tags(reviewer, article_id).apply(action, dict(records))
    for (reviewer, article_id), orphans in plan.orphans.items():
        workspace.tags(reviewer, article_id).add_orphans(orphans)
    return sum(len(records) for records in writes.values())
