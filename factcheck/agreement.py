"""Agreement between reviewers: percent agreement, Cohen's kappa, Krippendorff's alpha.

The categories are the five choices (skip is a choice like the tags). Each
pair of reviewers is compared on the sentences both tagged: percent agreement,
Cohen's kappa, per label (that label against the rest) and a confusion matrix.
Krippendorff's alpha (nominal) takes every reviewer at once and every sentence
at least two of them tagged, so a reviewer who left a sentence out is missing
data, not a disagreement. Per label, alpha is computed on that label against
the rest, which is the same as collapsing the coincidence matrix.

The formulas are Cohen (1960) and Krippendorff, "Computing Krippendorff's
Alpha-Reliability" (2011); the tests check them against the worked examples
published there and on Wikipedia.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations
from typing import Any, TypeVar

from factcheck.corpus import ADJUDICATED, Corpus, CorpusArticle
from factcheck.models import LABELS
from factcheck.store import StoreError

C = TypeVar("C", bound=Hashable)


# -- the statistics, for any categories ------------------------------------------------------------


def cohen_kappa(confusion: Mapping[tuple[C, C], int]) -> float | None:
    """Cohen's kappa from counts of (first coder's value, second coder's value); None if undefined."""
    total = sum(confusion.values())
    if total == 0:
        return None
    first: Counter[C] = Counter()
    second: Counter[C] = Counter()
    for (a, b), count in confusion.items():
        first[a] += count
        second[b] += count
    observed = sum(count for (a, b), count in confusion.items() if a == b) / total
    expected = sum(first[value] * second[value] for value in first) / (total * total)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def coincidences(units: Iterable[Sequence[C]]) -> Counter[tuple[C, C]]:
    """Krippendorff's coincidence matrix: each unit's values (one per coder who coded it)
    contribute every ordered pair from different coders, weighted 1 / (values - 1)."""
    matrix: Counter[tuple[C, C]] = Counter()
    for values in units:
        if len(values) < 2:
            continue
        counts = Counter(values)
        weight = 1 / (len(values) - 1)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    matrix[(c, k)] += pairs * weight
    return matrix


def nominal_alpha(matrix: Mapping[tuple[C, C], float]) -> float | None:
    """Krippendorff's alpha for nominal data from a coincidence matrix; None if undefined."""
    marginals: Counter[C] = Counter()
    for (c, _), value in matrix.items():
        marginals[c] += value
    total = sum(marginals.values())
    if total <= 1:
        return None
    observed = sum(value for (c, k), value in matrix.items() if c != k)
    expected = (total * total - sum(n * n for n in marginals.values())) / (total - 1)
    if expected <= 1e-12:
        return None
    return 1 - observed / expected


def one_against_rest(matrix: Mapping[tuple[C, C], float], value: C) -> Counter[tuple[bool, bool]]:
    """A matrix over (is ``value``, is ``value``): one category against all the others."""
    collapsed: Counter[tuple[bool, bool]] = Counter()
    for (a, b), count in matrix.items():
        collapsed[(a == value, b == value)] += count
    return collapsed


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# -- reviewers on a workspace ----------------------------------------------------------------------


@dataclass(slots=True)
class PairAgreement:
    """Two reviewers on the sentences both tagged."""

    first: str
    second: str
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def sentences(self) -> int:
        return sum(self.confusion.values())

    @property
    def agreed(self) -> int:
        return sum(count for (a, b), count in self.confusion.items() if a == b)

    @property
    def agreement(self) -> float | None:
        """The share (0..1) of sentences both tagged that they labelled alike."""
        return self.agreed / self.sentences if self.sentences else None

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.confusion)

    def label_kappa(self, label: str) -> float | None:
        """Kappa on one label against the rest."""
        return cohen_kappa(one_against_rest(self.confusion, label))

    def to_dict(self) -> dict[str, Any]:
        per_label = {}
        for label in LABELS:
            first = sum(n for (a, _), n in self.confusion.items() if a == label)
            second = sum(n for (_, b), n in self.confusion.items() if b == label)
            per_label[label] = {
                "first": first,
                "second": second,
                "both": self.confusion[(label, label)],
                "cohen_kappa": _rounded(self.label_kappa(label)),
            }
        return {
            "reviewers": [self.first, self.second],
            "sentences": self.sentences,
            "agreed": self.agreed,
            "percent_agreement": None if self.agreement is None else round(100 * self.agreement, 2),
            "cohen_kappa": _rounded(self.kappa),
            "per_label": per_label,
            "confusion": {
                "rows": self.first,
                "columns": self.second,
                "counts": {a: {b: self.confusion[(a, b)] for b in LABELS} for a in LABELS},
            },
        }


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A sentence the reviewers who tagged it did not all label alike."""

    article_id: str
    title: str
    index: int
    text: str
    labels: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "index": self.index,
            "text": self.text,
            "labels": self.labels,
        }


@dataclass(slots=True)
class AgreementReport:
    """Every figure of one agreement run; parts computed apart merge in order."""

    reviewers: list[str]
    pairs: list[PairAgreement]
    sentences: int = 0
    coincidences: Counter[tuple[str, str]] = field(default_factory=Counter)
    disagreements: list[Disagreement] = field(default_factory=list)

    @classmethod
    def empty(cls, reviewers: list[str]) -> AgreementReport:
        return cls(list(reviewers), [PairAgreement(a, b) for a, b in combinations(reviewers, 2)])

    def add(self, item: CorpusArticle) -> None:
        """Count one article's sentences."""
        for sentence in item.sentences:
            labels = item.labels(sentence["index"])
            if len(labels) < 2:
                continue
            self.sentences += 1
            self.coincidences.update(coincidences([list(labels.values())]))
            for pair in self.pairs:
                if pair.first in labels and pair.second in labels:
                    pair.confusion[(labels[pair.first], labels[pair.second])] += 1
            if len(set(labels.values())) > 1:
                ordered = {name: labels[name] for name in self.reviewers if name in labels}
                self.disagreements.append(
                    Disagreement(
                        item.article.id, item.article.title, sentence["index"], sentence["text"], ordered
                    )
                )

    def merge(self, other: AgreementReport) -> None:
        self.sentences += other.sentences
        self.coincidences.update(other.coincidences)
        for mine, theirs in zip(self.pairs, other.pairs, strict=True):
            mine.confusion.update(theirs.confusion)
        self.disagreements.extend(other.disagreements)

    @property
    def alpha(self) -> float | None:
        return nominal_alpha(self.coincidences)

    def label_alpha(self, label: str) -> float | None:
        """Alpha on one label against the rest."""
        return nominal_alpha(one_against_rest(self.coincidences, label))

    def to_dict(self) -> dict[str, Any]:
        return {
            "reviewers": self.reviewers,
            "labels": list(LABELS),
            "sentences_compared": self.sentences,
            "krippendorff_alpha": _rounded(self.alpha),
            "krippendorff_alpha_per_label": {label: _rounded(self.label_alpha(label)) for label in LABELS},
            "pairs": [pair.to_dict() for pair in self.pairs],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }


def _accumulate(reviewers: list[str], articles: Iterator[CorpusArticle]) -> AgreementReport:
    part = AgreementReport.empty(reviewers)
    for item in articles:
        part.add(item)
    return part


def default_reviewers(corpus_reviewers: Iterable[str]) -> list[str]:
    """Everyone who tagged, except the adjudicated labels (which are not an independent reviewer)."""
    return [name for name in corpus_reviewers if name != ADJUDICATED]


def compute_agreement(corpus: Corpus, *, workers: int = 1) -> AgreementReport:
    """Agreement between the corpus's reviewers (at least two)."""
    if len(corpus.reviewers) < 2:
        found = ", ".join(corpus.reviewers) or "none"
        raise StoreError(f"agreement needs at least two reviewers; found: {found}")
    report = AgreementReport.empty(corpus.reviewers)
    for part in corpus.map_chunks(partial(_accumulate, corpus.reviewers), workers=workers):
        report.merge(part)
    return report
