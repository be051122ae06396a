"""Adjudication: walk the sentences reviewers disagree on and record a final label for each.

The list (a ``Docket``) holds every sentence that the chosen reviewers who tagged
it did not all label alike (the agreement report's disagreements), with what each
of them recorded and the final record if there is one. Final labels are stored as
the reviewer ``adjudicated`` through an ordinary ``ReviewSession``: durable on
return, undoable, and read by export and stats like any reviewer's tags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from factcheck.agreement import AgreementReport, default_reviewers
from factcheck.corpus import ADJUDICATED, AnnotationRecord, Corpus, CorpusArticle, reviewer_folders
from factcheck.models import Annotation
from factcheck.session import SOURCE_LABELS, Position, ReviewSession
from factcheck.store import StoreError, Workspace


@dataclass(frozen=True, slots=True)
class Opinion:
    """One reviewer's record on a sentence (the final one's label may be None: a source alone)."""

    reviewer: str
    label: str | None
    source: str | None
    note: str | None

    @classmethod
    def of(cls, record: Annotation) -> Opinion:
        return cls(record.reviewer, record.label, record.source, record.note)

    @classmethod
    def of_record(cls, record: AnnotationRecord) -> Opinion:
        return cls(record["reviewer"], record["label"], record["source"], record["note"])


@dataclass(frozen=True, slots=True)
class Case:
    """A sentence the reviewers disagree on, with its neighbours for context."""

    article_id: str
    title: str
    index: int
    text: str
    before: str | None
    after: str | None
    #: The reviewers who tagged it, in the docket's reviewer order.
    opinions: tuple[Opinion, ...]
    #: The final record when the docket was built.
    adjudicated: Opinion | None

    @property
    def position(self) -> Position:
        return Position(self.article_id, self.index)

    @property
    def sources(self) -> frozenset[str]:
        """Every source a reviewer gave on this sentence."""
        return frozenset(o.source for o in self.opinions if o.source)

    def default_source(self, label: str) -> str | None:
        """The source most of the reviewers who chose ``label`` gave (the first named wins a tie)."""
        given = Counter(o.source for o in self.opinions if o.label == label and o.source)
        return given.most_common(1)[0][0] if given else None


@dataclass(frozen=True, slots=True)
class Docket:
    """The sentences to adjudicate for some reviewers, by article (import order) then sentence."""

    reviewers: tuple[str, ...]
    cases: tuple[Case, ...]


def choose_reviewers(workspace: Workspace, names: list[str] | None = None) -> list[str]:
    """The reviewers to adjudicate between (default: everyone but ``adjudicated``); checked."""
    known = reviewer_folders(workspace)
    chosen = list(dict.fromkeys(names)) if names else default_reviewers(known)
    if ADJUDICATED in chosen:
        raise StoreError(f"{ADJUDICATED!r} holds the final labels; it cannot be one of the reviewers")
    for name in chosen:
        if name not in known:
            raise StoreError(
                f"no tags by reviewer {name!r} in {workspace.root} (reviewers: {', '.join(known) or 'none'})"
            )
    if len(chosen) < 2:
        raise StoreError(f"adjudication needs at least two reviewers; found: {', '.join(chosen) or 'none'}")
    return chosen


def build_docket(workspace: Workspace, reviewers: list[str], *, workers: int = 1) -> Docket:
    """Every sentence the ``reviewers`` (see ``choose_reviewers``) disagree on, with the final records."""
    names = [*reviewers, ADJUDICATED] if ADJUDICATED in reviewer_folders(workspace) else reviewers
    corpus = Corpus(workspace, reviewers=names)
    cases = [case for part in corpus.map_chunks(partial(_cases, reviewers), workers=workers) for case in part]
    return Docket(tuple(reviewers), tuple(cases))


def _cases(reviewers: list[str], articles: Iterator[CorpusArticle]) -> list[Case]:
    """The cases of some articles: the agreement report's disagreements, with each record."""
    report = AgreementReport.empty(reviewers)
    cases: list[Case] = []
    for item in articles:
        seen = len(report.disagreements)
        report.add(
            CorpusArticle(item.article, item.sentences, {name: item.records[name] for name in reviewers})
        )
        texts = {sentence["index"]: sentence["text"] for sentence in item.sentences}
        final = item.records.get(ADJUDICATED, {})
        for found in report.disagreements[seen:]:
            record = final.get(found.index)
            cases.append(
                Case(
                    article_id=found.article_id,
                    title=found.title,
                    index=found.index,
                    text=found.text,
                    before=texts.get(found.index - 1),
                    after=texts.get(found.index + 1),
                    opinions=tuple(
                        Opinion.of_record(item.records[name][found.index]) for name in found.labels
                    ),
                    adjudicated=None if record is None else Opinion.of_record(record),
                )
            )
    return cases


def adjudicated_session(workspace: Workspace) -> ReviewSession:
    """The session that final labels are saved through (other reviewers' tags are in the docket)."""
    return ReviewSession(workspace, ADJUDICATED, blind=True)


class Adjudication:
    """A docket being worked through: final labels and sources saved as reviewer ``adjudicated``.

    The caller holds the workspace's write lock.
    """

    def __init__(self, session: ReviewSession, docket: Docket) -> None:
        if session.reviewer != ADJUDICATED:
            raise ValueError(f"final labels are saved as reviewer {ADJUDICATED!r}, not {session.reviewer!r}")
        self.session = session
        self.docket = docket
        self.cases = docket.cases
        #: The final record of each case as on disk now.
        self.finals: list[Opinion | None] = [case.adjudicated for case in docket.cases]
        self._numbers = {case.position: number for number, case in enumerate(docket.cases)}

    def is_decided(self, number: int) -> bool:
        final = self.finals[number]
        return final is not None and final.label is not None

    @property
    def decided(self) -> int:
        return sum(1 for number in range(len(self.cases)) if self.is_decided(number))

    def number_of(self, position: Position) -> int | None:
        """Which case a sentence is, if it is one."""
        return self._numbers.get(position)

    def next_undecided(self, after: int) -> int | None:
        """The first undecided case after ``after``, wrapping round; None when all are decided."""
        count = len(self.cases)
        for step in range(1, count + 1):
            number = (after + step) % count
            if not self.is_decided(number):
                return number
        return None

    def decide(self, number: int, label: str, *, seconds: float = 0.0) -> None:
        """Record the final label of a case as one undoable step; on disk when this returns.

        The source follows the label: the one its reviewers gave (else, for a sourcing
        label, the suggester's), unless a source of the adjudicator's own is kept.
        """
        case = self.cases[number]
        opened = self.session.open(case.article_id)
        current = opened.tags.get(case.index)
        own = current.source if current is not None else None
        suggested = opened.suggestions[case.index].source
        keep = own is not None and own not in case.sources and own != suggested
        default = case.default_source(label) or (suggested if label in SOURCE_LABELS else None)
        source = own if keep else default or ""
        self.session.tag(case.position, label, seconds=seconds, source=source)
        self._refresh(number)

    def edit(self, number: int, *, source: str | None = None, note: str | None = None) -> None:
        """Set the final source or the adjudicator's note of a case (empty clears it); on disk when
        this returns."""
        self.session.edit(self.cases[number].position, source=source, note=note)
        self._refresh(number)

    def undo(self) -> Position | None:
        """Revert the most recent final label, source or note (of this run or an earlier one)."""
        position = self.session.undo()
        if position is not None and (number := self.number_of(position)) is not None:
            self._refresh(number)
        return position

    def _refresh(self, number: int) -> None:
        """Read a case's final record back from the session (which holds what is on disk)."""
        case = self.cases[number]
        record = self.session.open(case.article_id).tags.get(case.index)
        self.finals[number] = None if record is None else Opinion.of(record)
