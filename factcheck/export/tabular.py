"""One row per sentence, with each reviewer's label in a column: JSON Lines and CSV.

Both encode the same rows, which load straight into pandas
(``pd.read_json(path, lines=True)``, ``pd.read_csv(path)``); ``label_<reviewer>``
columns suit ``pd.wide_to_long(df, "label", i=["article_id", "index"], j="reviewer",
sep="_", suffix=".+")``. An untagged sentence has null (JSON) or an empty cell (CSV).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import orjson

from factcheck.corpus import CorpusArticle
from factcheck.export.base import ExportContext, ExportFormat, empty_head

SENTENCE_COLUMNS = ("article_id", "article_title", "outlet", "index", "start", "end", "text")


def columns(reviewers: tuple[str, ...]) -> list[str]:
    """The row's column names, in order."""
    return [*SENTENCE_COLUMNS, *(f"label_{name}" for name in reviewers)]


def rows(context: ExportContext, item: CorpusArticle) -> Iterator[list[Any]]:
    """One list of values per sentence, in ``columns`` order."""
    article = item.article
    records = [item.records[name] for name in context.reviewers]
    for sentence in item.sentences:
        index = sentence["index"]
        labels = [(record["label"] if (record := by_index.get(index)) else None) for by_index in records]
        yield [
            article.id,
            article.title,
            article.outlet,
            index,
            sentence["start"],
            sentence["end"],
            sentence["text"],
            *labels,
        ]


def _jsonl_items(context: ExportContext, item: CorpusArticle) -> list[bytes]:
    names = columns(context.reviewers)
    return [
        orjson.dumps(dict(zip(names, row, strict=True)), option=orjson.OPT_APPEND_NEWLINE)
        for row in rows(context, item)
    ]


def _csv_text(values: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(values)
    return buffer.getvalue().encode("utf-8")


def _csv_items(context: ExportContext, item: CorpusArticle) -> list[bytes]:
    return [_csv_text(list(rows(context, item)))]


def _csv_head(context: ExportContext) -> bytes:
    return _csv_text([columns(context.reviewers)])


JSONL = ExportFormat(head=empty_head, items=_jsonl_items, separator=b"", tail=b"")
CSV = ExportFormat(head=_csv_head, items=_csv_items, separator=b"", tail=b"")
