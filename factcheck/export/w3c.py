"""W3C Web Annotation Data Model (JSON-LD): one Annotation per tag.

The file is an AnnotationCollection whose first AnnotationPage embeds every
annotation; each annotation carries its own ``@context`` as well, so it stands
alone. An annotation has an ``id`` (a URN), type Annotation, motivation
classifying, its creator (the reviewer), created and modified times, a
TextualBody with purpose classifying holding the label (plus one identifying
the cited source and one commenting with the note, when the reviewer gave them),
and a target whose source is the article's URL (or a URN naming the article id)
with a TextPositionSelector (code points into the article text) and a
TextQuoteSelector with prefix and suffix.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

import orjson

from factcheck import __version__
from factcheck.corpus import AnnotationRecord, CorpusArticle, SentenceRecord
from factcheck.export.base import ExportContext, ExportFormat
from factcheck.models import Article

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Characters of context kept on each side of the quoted sentence.
QUOTE_CONTEXT = 32
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"{}|\\^`]")


def article_uri(article: Article) -> str:
    """The article's http(s) URL when it has a well-formed one, else a URN for its id."""
    url = article.url or ""
    if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc and not _NOT_IN_URL.search(url):
        return url
    return f"urn:factcheck:article:{quote(article.id, safe='')}"


def annotation(
    article: Article, sentence: SentenceRecord, record: AnnotationRecord, generated: str
) -> dict[str, Any]:
    """One tag as a Web Annotation."""
    text, start, end = article.text, sentence["start"], sentence["end"]
    body = [
        {"type": "TextualBody", "purpose": "classifying", "value": record["label"], "format": "text/plain"}
    ]
    if record["source"]:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "identifying",
                "value": record["source"],
                "format": "text/plain",
            }
        )
    if record["note"]:
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "value": record["note"], "format": "text/plain"}
        )
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": "urn:factcheck:annotation:"
        + ":".join(quote(str(part), safe="") for part in (article.id, sentence["index"], record["reviewer"])),
        "type": "Annotation",
        "motivation": "classifying",
        "creator": {"type": "Person", "name": record["reviewer"]},
    }
    if record["created"]:
        anno["created"] = record["created"]
    if record["updated"]:
        anno["modified"] = record["updated"]
    anno["generator"] = {"type": "Software", "name": f"factcheck {__version__}"}
    anno["generated"] = generated
    anno["body"] = body
    anno["target"] = {
        "source": article_uri(article),
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": sentence["text"],
                "prefix": text[max(0, start - QUOTE_CONTEXT) : start],
                "suffix": text[end : end + QUOTE_CONTEXT],
            },
        ],
    }
    return anno


def _head(context: ExportContext) -> bytes:
    collection = f"urn:factcheck:export:{quote(context.exported, safe=':')}"
    wrapper = {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": "factcheck sourcing tags",
        "first": {"id": f"{collection}:page1", "type": "AnnotationPage", "startIndex": 0},
    }
    return orjson.dumps(wrapper)[:-2] + b',"items":[\n'


def _items(context: ExportContext, item: CorpusArticle) -> list[bytes]:
    return [
        orjson.dumps(annotation(item.article, sentence, record, context.exported))
        for sentence in item.sentences
        for name in context.reviewers
        if (record := item.records[name].get(sentence["index"])) is not None and record["label"] is not None
    ]


FORMAT = ExportFormat(head=_head, items=_items, separator=b",\n", tail=b"\n]}}\n")
