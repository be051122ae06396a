"""Domain types shared by every layer: labels, articles, sentences, annotations."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

SOURCED = "sourced"
ANONYMOUS = "anonymous-sourced"
QUOTED = "quoted"
UNATTRIBUTED = "unattributed"
SKIP = "skip"

#: The four sourcing tags, in the order the codebook tries them, then skip.
LABELS: tuple[str, ...] = (QUOTED, ANONYMOUS, SOURCED, UNATTRIBUTED, SKIP)
#: Labels that count as claims in sourcing statistics.
CLAIM_LABELS: tuple[str, ...] = (SOURCED, ANONYMOUS, QUOTED, UNATTRIBUTED)


def text_hash(text: str) -> str:
    """Short, stable fingerprint of a piece of text (sentence or article)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One reviewable unit; ``article_text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def sha(self) -> str:
        return text_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(
            index=int(data["index"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            paragraph=int(data.get("paragraph", 0)),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """An article as imported: its text is the reference every offset points into."""

    id: str
    title: str
    text: str
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    date: str | None = None
    author: str | None = None

    @classmethod
    def from_text(
        cls,
        text: str,
        title: str,
        *,
        outlet: str | None = None,
        url: str | None = None,
        path: str | None = None,
        date: str | None = None,
        author: str | None = None,
    ) -> Article:
        """Build an article whose id is the hash of its text."""
        return cls(
            id=text_hash(text),
            title=title,
            text=text,
            outlet=outlet,
            url=url,
            path=path,
            date=date,
            author=author,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """An article from a stored record (unknown keys ignored, optional ones may be absent)."""
        return cls(
            id=data["id"],
            title=data["title"],
            text=data["text"],
            outlet=data.get("outlet"),
            url=data.get("url"),
            path=data.get("path"),
            date=data.get("date"),
            author=data.get("author"),
        )

    @property
    def display_source(self) -> str:
        """What the UI shows as where the article came from: outlet, else file name."""
        if self.outlet:
            return self.outlet
        if self.path:
            return self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return self.url or ""


@dataclass(slots=True)
class Annotation:
    """One reviewer's record for one sentence. ``label`` is None while untagged."""

    article_id: str
    index: int
    start: int
    end: int
    sentence_sha: str
    reviewer: str
    label: str | None = None
    source: str | None = None
    note: str | None = None
    flag: bool = False
    created: str = ""
    updated: str = ""
    seconds: float = 0.0
    suggested: str | None = None
    suggested_confidence: float | None = None
    accepted: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annotation:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def is_empty(self) -> bool:
        """True when the record holds nothing a reviewer entered."""
        return self.label is None and not self.source and not self.note and not self.flag
