"""The native JSON export, and reading it back.

One JSON object: ``format``, ``schema_version``, ``exported``, ``labels``,
``reviewers``, and ``articles``, each with its text and every sentence; each
sentence maps every exported reviewer to their full annotation record, or null
when they left it untagged. An article whose reviewers have orphaned records
(their sentence gone from this version of the text) lists them under
``orphans``: reviewer -> [{``sentence``: its text, ``annotation``: the record}].
It is written one article per line, so that it streams and diffs well, and it is
still one plain JSON document.

``read`` validates a file completely (``SCHEMA``, then consistency: offsets
slice the text, records sit on the sentence they name) before anything uses it,
and reports the first problem in one line naming the record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import MISSING, dataclass, fields
from functools import cache
from pathlib import Path
from textwrap import shorten
from typing import Any

import fastjsonschema
import orjson
from fastjsonschema import JsonSchemaValueException

from factcheck.corpus import AnnotationRecord, CorpusArticle, SentenceRecord
from factcheck.export.base import ExportContext, ExportFormat
from factcheck.models import LABELS, Annotation, Article, text_hash
from factcheck.reimport import Orphan
from factcheck.store import StoreError

FORMAT_NAME = "factcheck-annotations"
#: Bump when a reader of the previous version would misread the file.
SCHEMA_VERSION = 1

_NULLABLE_STRING = {"type": ["string", "null"]}
#: The fields of a record that say where it sits.
_CONTEXT_FIELDS = ("article_id", "index", "start", "end", "sentence_sha", "reviewer")
_NULLABLE_LABEL = {"enum": [*LABELS, None]}

#: JSON Schema (draft 7) of the native format; a record may leave out any field but ``label``,
#: and is null when the reviewer left the sentence untagged.
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "factcheck annotations export",
    "type": "object",
    "required": ["format", "schema_version", "labels", "reviewers", "articles"],
    "properties": {
        "format": {"const": FORMAT_NAME},
        "schema_version": {"type": "integer", "minimum": 1, "maximum": SCHEMA_VERSION},
        "exported": {"type": "string"},
        "labels": {"type": "array", "items": {"type": "string"}},
        "reviewers": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True},
        "articles": {"type": "array", "items": {"$ref": "#/definitions/article"}},
    },
    "definitions": {
        "article": {
            "type": "object",
            "required": ["id", "title", "text", "sentences"],
            "properties": {
                "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
                "title": {"type": "string"},
                "text": {"type": "string"},
                "outlet": _NULLABLE_STRING,
                "url": _NULLABLE_STRING,
                "path": _NULLABLE_STRING,
                "date": _NULLABLE_STRING,
                "author": _NULLABLE_STRING,
                "sentences": {"type": "array", "items": {"$ref": "#/definitions/sentence"}},
                "orphans": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"$ref": "#/definitions/orphan"}},
                },
            },
        },
        "orphan": {
            "type": "object",
            "required": ["sentence", "annotation"],
            "properties": {
                "sentence": {"type": "string"},
                "annotation": {  # the record as it was on its sentence in an earlier version
                    "allOf": [
                        {"$ref": "#/definitions/annotation"},
                        {"type": "object", "required": list(_CONTEXT_FIELDS[:5])},
                    ]
                },
            },
            "additionalProperties": False,
        },
        "sentence": {
            "type": "object",
            "required": ["index", "start", "end", "text", "annotations"],
            "properties": {
                "index": {"type": "integer", "minimum": 0},
                "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0},
                "text": {"type": "string"},
                "paragraph": {"type": "integer", "minimum": 0},
                "annotations": {
                    "type": "object",
                    "additionalProperties": {"$ref": "#/definitions/annotation"},
                },
            },
        },
        "annotation": {
            "type": ["object", "null"],
            "required": ["label"],
            "properties": {
                "article_id": {"type": "string"},
                "index": {"type": "integer"},
                "start": {"type": "integer"},
                "end": {"type": "integer"},
                "sentence_sha": {"type": "string"},
                "reviewer": {"type": "string"},
                "label": _NULLABLE_LABEL,
                "source": _NULLABLE_STRING,
                "note": _NULLABLE_STRING,
                "flag": {"type": "boolean"},
                "created": {"type": "string"},
                "updated": {"type": "string"},
                "seconds": {"type": "number", "minimum": 0},
                "suggested": _NULLABLE_LABEL,
                "suggested_confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                "accepted": {"type": ["boolean", "null"]},
            },
            "additionalProperties": False,
        },
    },
}
#: Field values of a record that leaves them out.
_DEFAULTS: dict[str, Any] = {f.name: None if f.default is MISSING else f.default for f in fields(Annotation)}


class ExportFileError(StoreError):
    """A file that cannot be imported; the message names the file and the record."""


class _Inconsistent(Exception):
    """A record that fits the schema but not the rest of the file."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


# -- writing -------------------------------------------------------------------------------------


def _head(context: ExportContext) -> bytes:
    header = {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "exported": context.exported,
        "labels": list(LABELS),
        "reviewers": list(context.reviewers),
    }
    return orjson.dumps(header)[:-1] + b',"articles":[\n'


def article_record(reviewers: tuple[str, ...] | list[str], item: CorpusArticle) -> dict[str, Any]:
    """One article as the native format writes it."""
    article = item.article
    records = [(name, item.records[name]) for name in reviewers]
    record: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "path": article.path,
        "date": article.date,
        "author": article.author,
        "text": article.text,
        "sentences": [
            {**sentence, "annotations": {name: by_index.get(sentence["index"]) for name, by_index in records}}
            for sentence in item.sentences
        ],
    }
    orphans = {name: [o.to_dict() for o in item.orphans[name]] for name in reviewers if name in item.orphans}
    if orphans:
        record["orphans"] = orphans
    return record


def _items(context: ExportContext, item: CorpusArticle) -> list[bytes]:
    return [orjson.dumps(article_record(context.reviewers, item))]


FORMAT = ExportFormat(head=_head, items=_items, separator=b",\n", tail=b"\n]}\n")


# -- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NativeExport:
    """A validated native export: its reviewers and articles, ready to merge."""

    path: Path
    exported: str | None
    reviewers: list[str]
    articles: list[CorpusArticle]

    def __iter__(self) -> Iterator[CorpusArticle]:
        return iter(self.articles)


def read(path: Path) -> NativeExport:
    """Read and fully validate a native export; ExportFileError names the first bad record."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ExportFileError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ExportFileError(f'{path}: not a factcheck export (no "format": "{FORMAT_NAME}")')
    version = doc.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise ExportFileError(
            f"{path}: written by a newer factcheck (export schema version {version}; "
            f"this one reads up to {SCHEMA_VERSION}); upgrade factcheck to import it"
        )
    try:
        _validator()(doc)
    except JsonSchemaValueException as error:
        where = _describe(doc, error.path[1:])
        problem = f"{error.value!r} {error.message.removeprefix(error.name).strip()}"
        raise ExportFileError(f"{path}: {where}: {shorten(problem, 200, placeholder=' …')}") from None
    reviewers: list[str] = doc["reviewers"]
    raw_articles: list[dict[str, Any] | None] = doc["articles"]
    articles: list[CorpusArticle] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_articles):
        assert raw is not None
        where = _describe(doc, ["articles", str(number)])
        if raw["id"] in seen:
            raise ExportFileError(f"{path}: {where}: the same article id appears twice")
        seen.add(raw["id"])
        try:
            articles.append(_article(raw, reviewers))
        except _Inconsistent as exc:
            raise ExportFileError(f"{path}: {where}.{exc.where}: {exc.problem}") from None
        raw_articles[number] = None  # what is converted need not be held twice
    return NativeExport(path, doc.get("exported"), reviewers, articles)


@cache
def _validator() -> Callable[[Any], Any]:
    """``SCHEMA`` compiled to Python (fastjsonschema: a hundred times faster than interpreting it)."""
    return fastjsonschema.compile(SCHEMA)


def _article(raw: dict[str, Any], reviewers: list[str]) -> CorpusArticle:
    """A schema-valid article record as a CorpusArticle; _Inconsistent says what does not fit."""
    article = Article.from_dict(raw)
    sentences: list[SentenceRecord] = []
    records: dict[str, dict[int, AnnotationRecord]] = {name: {} for name in reviewers}
    for position, raw_sentence in enumerate(raw["sentences"]):
        sentence = SentenceRecord(
            index=raw_sentence["index"],
            start=raw_sentence["start"],
            end=raw_sentence["end"],
            text=raw_sentence["text"],
            paragraph=raw_sentence.get("paragraph", 0),
        )
        where = f"sentences[{position}]"
        if sentence["index"] != position:
            raise _Inconsistent(where, f"index {sentence['index']} out of order (expected {position})")
        if article.text[sentence["start"] : sentence["end"]] != sentence["text"]:
            raise _Inconsistent(
                where, f"its text is not the article text from {sentence['start']} to {sentence['end']}"
            )
        sentences.append(sentence)
        for reviewer, given in raw_sentence["annotations"].items():
            if reviewer not in records:
                raise _Inconsistent(
                    f"{where}.annotations", f"a record by {reviewer!r}, who is not in the export's reviewers"
                )
            if given is not None:
                records[reviewer][position] = _record(article.id, sentence, reviewer, given, where)
    orphans: dict[str, list[Orphan]] = {}
    for reviewer, given_orphans in raw.get("orphans", {}).items():
        if reviewer not in records:
            raise _Inconsistent("orphans", f"orphans of {reviewer!r}, who is not in the export's reviewers")
        orphans[reviewer] = []
        for number, given in enumerate(given_orphans):
            if given["annotation"].get("reviewer", reviewer) != reviewer:
                raise _Inconsistent(f"orphans.{reviewer}[{number}]", "a record by another reviewer")
            record = Annotation.from_dict({**_DEFAULTS, **given["annotation"], "reviewer": reviewer})
            orphans[reviewer].append(Orphan(record, given["sentence"]))
    return CorpusArticle(article, sentences, records, orphans)


def _record(
    article_id: str, sentence: SentenceRecord, reviewer: str, given: dict[str, Any], where: str
) -> AnnotationRecord:
    """A complete record from what the file gives; its context fields must match where it sits."""
    context = {
        "article_id": article_id,
        "index": sentence["index"],
        "start": sentence["start"],
        "end": sentence["end"],
        "sentence_sha": text_hash(sentence["text"]),
        "reviewer": reviewer,
    }
    for name in _CONTEXT_FIELDS:
        if name in given and given[name] != context[name]:
            raise _Inconsistent(
                f"{where}.annotations.{reviewer}",
                f"{name} is {given[name]!r} but the record sits on {name} {context[name]!r}",
            )
    return {**_DEFAULTS, **given, **context}  # type: ignore[typeddict-item]


def _describe(doc: Any, path: list[str]) -> str:
    """A JSON path such as ``articles[3] (id '1a2b…').sentences[5]`` that names the record."""
    parts: list[str] = []
    node = doc
    for depth, step in enumerate(path):
        if isinstance(node, list) and step.isdigit():
            parts.append(f"[{step}]")
            node = node[int(step)] if int(step) < len(node) else None
        else:
            parts.append(f".{step}")
            node = node.get(step) if isinstance(node, dict) else None
        if depth == 1 and path[0] == "articles" and isinstance(node, dict) and "id" in node:
            parts.append(f" (id {shorten(str(node['id']), 40)!r})")
    return "".join(parts).lstrip(".") or "the top level"
