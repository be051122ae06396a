"""Sourcing statistics per article, outlet or reviewer: plain data the CLI and the TUI render.

Every tag of the chosen reviewers counts (two reviewers who tagged the same
sentence count twice); choose one reviewer, or ``adjudicated``, for one label
per sentence. Shares are over claims: skip is left out. An article counts for
a group when the group has at least one tag on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any, Literal

from factcheck.corpus import Corpus, CorpusArticle
from factcheck.models import ANONYMOUS, CLAIM_LABELS, LABELS, QUOTED, SOURCED, UNATTRIBUTED

GroupBy = Literal["article", "outlet", "reviewer"]
GROUP_BY: tuple[GroupBy, ...] = ("article", "outlet", "reviewer")
NO_OUTLET = "(no outlet)"
#: The key of the group that holds the whole selection.
TOTAL_KEY = "*"
TOP_SOURCES = 5
#: Labels whose source is a named one (anonymous sources are described, not named).
NAMED_LABELS = (SOURCED, QUOTED)


#: A tag as statistics see it: its label, and its named source as (match key, display name).
Tag = tuple[str, tuple[str, str] | None]


def source_key(name: str) -> str:
    """How sources are matched: case, spacing and a leading "the" do not matter."""
    key = " ".join(name.split()).casefold()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1 << 16)
def tag(label: str, source: str | None) -> Tag:
    """A label and source as a Tag; only sourced and quoted tags name their source."""
    if not source or label not in NAMED_LABELS:
        return (label, None)
    return (label, (source_key(source), " ".join(source.split())))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass(slots=True)
class GroupStats:
    """Sourcing counts for one group: an article, an outlet, a reviewer, or the whole selection."""

    key: str
    name: str
    articles: int = 0
    anonymous_articles: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    sources: Counter[str] = field(default_factory=Counter)
    source_names: dict[str, str] = field(default_factory=dict)

    def add_article(self, tags: Sequence[Tag]) -> None:
        """Count one article's tags in this group (an article without tags does not count)."""
        if not tags:
            return
        self.articles += 1
        for label, named in tags:
            self.counts[label] += 1
            if named is not None:
                self.sources[named[0]] += 1
                self.source_names.setdefault(*named)
        if any(label == ANONYMOUS for label, _ in tags):
            self.anonymous_articles += 1

    def merge(self, other: GroupStats) -> None:
        self.articles += other.articles
        self.anonymous_articles += other.anonymous_articles
        for label, count in other.counts.items():
            self.counts[label] += count
        self.sources.update(other.sources)
        for key, display in other.source_names.items():
            self.source_names.setdefault(key, display)

    @property
    def tagged(self) -> int:
        return sum(self.counts.values())

    @property
    def claims(self) -> int:
        return sum(self.counts[label] for label in CLAIM_LABELS)

    def share(self, label: str) -> float | None:
        """The share of claims with this label (None when there are no claims)."""
        return _share(self.counts[label], self.claims)

    @property
    def quotes_per_article(self) -> float | None:
        return _share(self.counts[QUOTED], self.articles)

    @property
    def anonymous_article_share(self) -> float | None:
        return _share(self.anonymous_articles, self.articles)

    def top_sources(self, limit: int = TOP_SOURCES) -> list[tuple[str, int]]:
        return [(self.source_names[key], count) for key, count in self.sources.most_common(limit)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "articles": self.articles,
            "tagged": self.tagged,
            "claims": self.claims,
            "counts": dict(self.counts),
            "shares": {label: self.share(label) for label in CLAIM_LABELS},
            "unattributed_share": self.share(UNATTRIBUTED),
            "quotes_per_article": self.quotes_per_article,
            "named_sources": len(self.sources),
            "top_sources": [{"source": name, "sentences": count} for name, count in self.top_sources()],
            "anonymous_article_share": self.anonymous_article_share,
        }


@dataclass(frozen=True, slots=True)
class Citation:
    """An outlet whose articles attribute claims to a named source, and how often."""

    outlet: str
    source: str
    sentences: int
    source_is_outlet: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "source": self.source,
            "sentences": self.sentences,
            "source_is_outlet": self.source_is_outlet,
        }


@dataclass(slots=True)
class StatsReport:
    """Statistics per group, for the whole selection, and the citation edges between outlets."""

    by: GroupBy
    reviewers: list[str]
    groups: list[GroupStats]
    total: GroupStats
    citations: list[Citation]

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "reviewers": self.reviewers,
            "groups": [group.to_dict() for group in self.groups],
            "total": self.total.to_dict(),
            "citations": [citation.to_dict() for citation in self.citations],
        }


@dataclass(slots=True)
class StatsAccumulator:
    """Statistics being gathered; parts gathered apart merge in order."""

    by: GroupBy
    groups: dict[str, GroupStats] = field(default_factory=dict)
    total: GroupStats = field(default_factory=lambda: GroupStats(TOTAL_KEY, "all"))
    citations: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, item: CorpusArticle) -> None:
        """Count one article's tags by the chosen reviewers."""
        outlet = item.article.outlet or NO_OUTLET
        tags = {
            reviewer: [tag(r["label"], r["source"]) for r in records.values() if r["label"] is not None]
            for reviewer, records in item.records.items()
        }
        everyone = [tag for reviewer_tags in tags.values() for tag in reviewer_tags]
        self.total.add_article(everyone)
        if self.by == "reviewer":
            for reviewer, reviewer_tags in tags.items():
                self._add_to(reviewer, reviewer, reviewer_tags)
        elif self.by == "outlet":
            self._add_to(outlet, outlet, everyone)
        else:
            self._add_to(item.article.id, item.article.title, everyone)
        for _, named in everyone:
            if named is not None:
                self.citations[(outlet, named[0])] += 1

    def _add_to(self, key: str, name: str, tags: list[Tag]) -> None:
        """Count an article's tags in a group; a group appears with its first tag."""
        if tags:
            self._group(key, name).add_article(tags)

    def _group(self, key: str, name: str) -> GroupStats:
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = GroupStats(key, name)
        return group

    def merge(self, other: StatsAccumulator) -> None:
        self.total.merge(other.total)
        for key, group in other.groups.items():
            self._group(key, group.name).merge(group)
        self.citations.update(other.citations)

    def report(self, reviewers: list[str], outlets: Iterable[str]) -> StatsReport:
        """The finished statistics; ``outlets`` are the workspace's, to mark sources that are outlets."""
        outlet_keys = {source_key(outlet) for outlet in outlets}
        groups = list(self.groups.values())
        if self.by != "article":
            groups.sort(key=lambda group: group.name.casefold())
        citations = [
            Citation(outlet, self.total.source_names[key], count, key in outlet_keys)
            for (outlet, key), count in self.citations.items()
        ]
        citations.sort(key=lambda c: (not c.source_is_outlet, -c.sentences, c.outlet, c.source))
        return StatsReport(self.by, reviewers, groups, self.total, citations)


def _accumulate(by: GroupBy, articles: Iterator[CorpusArticle]) -> StatsAccumulator:
    part = StatsAccumulator(by)
    for item in articles:
        part.add(item)
    return part


def compute_stats(corpus: Corpus, by: GroupBy = "article", *, workers: int = 1) -> StatsReport:
    """Sourcing statistics over a corpus (its chosen reviewers and articles)."""
    total = StatsAccumulator(by)
    for part in corpus.map_chunks(partial(_accumulate, by), workers=workers):
        total.merge(part)
    outlets = {info.outlet for info in corpus.workspace.articles() if info.outlet}
    return total.report(corpus.reviewers, outlets)
