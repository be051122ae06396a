"""doccano text classification: JSON Lines of ``{"text": ..., "label": [...]}``, one per sentence.

``label`` lists the distinct labels the exported reviewers gave the sentence
(empty when untagged), so export one reviewer, or ``adjudicated``, for one label
per sentence. The other keys become the example's metadata in doccano.
"""

from __future__ import annotations

import orjson

from factcheck.corpus import CorpusArticle
from factcheck.export.base import ExportContext, ExportFormat, empty_head
from factcheck.models import LABELS


def _items(context: ExportContext, item: CorpusArticle) -> list[bytes]:
    lines = []
    for sentence in item.sentences:
        given = set(item.labels(sentence["index"]).values())
        example = {
            "text": sentence["text"],
            "label": [label for label in LABELS if label in given],
            "article_id": item.article.id,
            "sentence_index": sentence["index"],
        }
        lines.append(orjson.dumps(example, option=orjson.OPT_APPEND_NEWLINE))
    return lines


FORMAT = ExportFormat(head=empty_head, items=_items, separator=b"", tail=b"")
