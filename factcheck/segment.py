"""Split an article's text into sentences whose offsets slice the text exactly.

Paragraphs are runs of non-blank lines. The first line of the text (the
title) is a unit of its own. Inside a paragraph, a line break ends a unit
unless the next line starts in lower case (a hard-wrapped sentence). Each
block is then split by sentencex, which keeps abbreviations ("U.S.",
"Pres.", "Nov. 2", "William J. Burns") and quotations that run over several
sentences inside one unit. A unit longer than ``MAX_SENTENCE_CHARS`` is cut
at whitespace so that no unit is too long to review.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from importlib.metadata import version

import sentencex

from factcheck.models import Sentence

LANGUAGE = "en"
MAX_SENTENCE_CHARS = 2000
SEGMENTER = f"sentencex {version('sentencex')} + factcheck rules 2"  # how stored sentences were cut

_LINE = re.compile(r"[^\n]*\n?")
_TIME_ABBREVIATION = re.compile(r"\b[ap]\.m\.$")
_TITLE_ABBREVIATION = re.compile(r"\b(?:Ms|Mx|Amb)\.$")  # titles sentencex splits after ("Ms. Haley")
_NAME_FOLLOWER = re.compile(r"\s*[A-Z]")
_TIME_FOLLOWER = re.compile(
    r"\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[ECMP][SD]?T|GMT|UTC)\b"
)


def segment(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` in order, with exact offsets."""
    sentences: list[Sentence] = []
    for paragraph, blocks in enumerate(_paragraphs(text)):
        for block_start, block_end in blocks:
            for start, end in _split_block(text, block_start, block_end):
                sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
    return sentences


def _paragraphs(text: str) -> Iterator[list[tuple[int, int]]]:
    """Yield each paragraph as a list of (start, end) blocks of joined lines."""
    blocks: list[tuple[int, int]] = []
    first_line = True
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        start, end = match.start(), match.start() + len(line.rstrip("\n"))
        if not line.strip():
            if blocks:
                yield blocks
                blocks = []
            continue
        if first_line:
            first_line = False
            yield [(start, end)]
            continue
        stripped = line.lstrip()
        if blocks and stripped[:1].islower():
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    if blocks:
        yield blocks


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split one block with sentencex; yield trimmed (start, end) spans."""
    bounds = [start]
    for piece in sentencex.segment(LANGUAGE, text[start:end]):
        bounds.append(bounds[-1] + len(piece))
    if bounds[-1] != end:  # sentencex must cover its input; keep any remainder rather than lose text
        bounds.append(end)
    bounds = [b for i, b in enumerate(bounds) if i in (0, len(bounds) - 1) or not _continues(text, b)]
    for piece_start, piece_end in itertools.pairwise(bounds):
        yield from _trimmed_chunks(text, piece_start, piece_end)


def _continues(text: str, boundary: int) -> bool:
    """True where sentencex split inside a sentence: "at 9 a.m. Tuesday", "5 p.m. ET", "Ms. Haley"."""
    before = text[max(0, boundary - 8) : boundary].rstrip()
    if _TITLE_ABBREVIATION.search(before) and _NAME_FOLLOWER.match(text, boundary):
        return True
    return bool(_TIME_ABBREVIATION.search(before) and _TIME_FOLLOWER.match(text, boundary))


def _trimmed_chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trim whitespace from a span and cut it into pieces of at most MAX_SENTENCE_CHARS."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut_point(text, start, start + MAX_SENTENCE_CHARS)
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _cut_point(text: str, start: int, limit: int) -> int:
    """Last whitespace-trimmed cut at or before ``limit``, or ``limit`` itself."""
    space = text.rfind(" ", start + 1, limit)
    if space == -1:
        return limit
    cut = space
    while cut > start + 1 and text[cut - 1].isspace():
        cut -= 1
    return cut
