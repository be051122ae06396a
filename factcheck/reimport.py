"""Carry a reviewer's annotations over to a new version of an article.

A record moves to the new version's sentence whose text is the same once
whitespace (also around dashes), typographic quotes and apostrophes, dash
styles, zero-width characters and Unicode compatibility forms are normalised (``sentence_key``). Sentences
are aligned in order first (``difflib``), so when a sentence repeats, the copy
in the same place is preferred; a sentence that moved elsewhere is then
matched to the first free copy. A record whose sentence has no match becomes
an ``Orphan``: kept with the text of the sentence it was on, never attached to
another sentence. Orphans travel with later versions and attach again if
their sentence comes back.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any

from factcheck.models import Annotation, Sentence, text_hash

_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)


_AROUND_DASH = re.compile(r" ?- ?")


def sentence_key(text: str) -> str:
    """A fingerprint of a sentence that ignores spacing, quote and dash styles."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return text_hash(_AROUND_DASH.sub("-", " ".join(folded.split())))


@dataclass(frozen=True, slots=True)
class Orphan:
    """An annotation whose sentence is gone from the current version, and that sentence's text."""

    annotation: Annotation
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"annotation": self.annotation.to_dict(), "sentence": self.sentence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Orphan:
        return cls(Annotation.from_dict(data["annotation"]), str(data["sentence"]))


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """One reviewer's records on the new version, the orphans kept, and how many records moved."""

    records: dict[int, Annotation]
    orphans: list[Orphan]
    moved: int


def match_sentences(old: Sequence[Sentence], new: Sequence[Sentence]) -> dict[int, int]:
    """Old sentence index -> new sentence index, for sentences that are the same text (normalised)."""
    old_keys = [sentence_key(s.text) for s in old]
    new_keys = [sentence_key(s.text) for s in new]
    pairs: dict[int, int] = {}
    for block in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    taken = set(pairs.values())
    free: dict[str, deque[int]] = {}
    for j, key in enumerate(new_keys):
        if j not in taken:
            free.setdefault(key, deque()).append(j)
    for i, key in enumerate(old_keys):
        if i not in pairs and free.get(key):
            pairs[i] = free[key].popleft()
    return pairs


def carry_over(
    old: Sequence[Sentence],
    new: Sequence[Sentence],
    pairs: dict[int, int],
    records: dict[int, Annotation],
    orphans: Sequence[Orphan],
    new_article_id: str,
) -> CarriedOver:
    """Move ``records`` (on ``old``) to ``new`` along ``pairs``; the rest become orphans.

    Earlier orphans attach to a sentence that is new in this version, has their
    text, and holds no record yet; the others stay orphans.
    """
    moved: dict[int, Annotation] = {}
    kept: list[Orphan] = []
    for index, record in sorted(records.items()):
        target = pairs.get(index)
        if target is None:
            kept.append(Orphan(record, old[index].text))
        else:
            moved[target] = _on(record, new[target], new_article_id)
    arrived = sorted(set(range(len(new))) - set(pairs.values()))
    arrived_keys = {j: sentence_key(new[j].text) for j in arrived}
    for orphan in orphans:
        key = sentence_key(orphan.sentence)
        target = next((j for j in arrived if j not in moved and arrived_keys[j] == key), None)
        if target is None:
            kept.append(orphan)
        else:
            moved[target] = _on(orphan.annotation, new[target], new_article_id)
    return CarriedOver(dict(sorted(moved.items())), kept, len(moved))


def _on(record: Annotation, sentence: Sentence, article_id: str) -> Annotation:
    """The same record, pointing at ``sentence`` of the article ``article_id``."""
    return replace(
        record,
        article_id=article_id,
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        sentence_sha=sentence.sha,
    )
