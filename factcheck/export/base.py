"""What every export format shares: an ``ExportFormat`` is a head, the items
each article contributes, the separator between items, and a tail;
``write_export`` streams them to a binary file, rendering the items of large
workspaces in worker processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO

from factcheck.corpus import Corpus, CorpusArticle
from factcheck.store import now_iso


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What every item of one export shares."""

    reviewers: tuple[str, ...]
    exported: str


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """How one format is written: ``head``, then ``items`` joined by ``separator``, then ``tail``."""

    head: Callable[[ExportContext], bytes]
    items: Callable[[ExportContext, CorpusArticle], list[bytes]]
    separator: bytes
    tail: bytes


def empty_head(context: ExportContext) -> bytes:
    """The head of a format that has none (lines of JSON, for one)."""
    return b""


def _render_chunk(fmt: ExportFormat, context: ExportContext, articles: Iterator[CorpusArticle]) -> bytes:
    return fmt.separator.join(item for article in articles for item in fmt.items(context, article))


def write_export(
    corpus: Corpus, fmt: ExportFormat, out: BinaryIO, *, workers: int = 1, exported: str | None = None
) -> None:
    """Write the whole corpus in ``fmt`` to ``out``."""
    context = ExportContext(tuple(corpus.reviewers), exported or now_iso())
    out.write(fmt.head(context))
    first = True
    for chunk in corpus.map_chunks(partial(_render_chunk, fmt, context), workers=workers):
        if not chunk:
            continue
        if not first:
            out.write(fmt.separator)
        out.write(chunk)
        first = False
    out.write(fmt.tail)
