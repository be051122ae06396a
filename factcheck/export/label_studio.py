"""Label Studio tasks: one task per sentence, one annotation per reviewer who tagged it.

Import the file into a project with ``LABEL_CONFIG`` as its labeling interface
(a Choices control named ``sourcing`` on the Text ``text``). ``data.reviewers``
names the reviewer of each annotation, in order; Label Studio's own
``completed_by`` wants one of its user ids, which a reviewer name is not.
"""

from __future__ import annotations

from typing import Any

import orjson

from factcheck.corpus import CorpusArticle, SentenceRecord
from factcheck.export.base import ExportContext, ExportFormat
from factcheck.models import LABELS

FROM_NAME = "sourcing"
TO_NAME = "text"
LABEL_CONFIG = (
    "<View>\n"
    f'  <Text name="{TO_NAME}" value="$text"/>\n'
    f'  <Choices name="{FROM_NAME}" toName="{TO_NAME}" choice="single" showInline="true">\n'
    + "".join(f'    <Choice value="{label}"/>\n' for label in LABELS)
    + "  </Choices>\n</View>\n"
)


def task(context: ExportContext, item: CorpusArticle, sentence: SentenceRecord) -> dict[str, Any]:
    """The Label Studio task for one sentence."""
    index = sentence["index"]
    reviewers: list[str] = []
    annotations: list[dict[str, Any]] = []
    for name in context.reviewers:
        record = item.records[name].get(index)
        if record is None or record["label"] is None:
            continue
        reviewers.append(name)
        annotations.append(
            {
                "result": [
                    {
                        "id": f"{item.article.id}-{index}-{len(annotations)}",
                        "from_name": FROM_NAME,
                        "to_name": TO_NAME,
                        "type": "choices",
                        "value": {"choices": [record["label"]]},
                    }
                ],
                "created_at": record["created"],
                "updated_at": record["updated"],
                "lead_time": record["seconds"],
            }
        )
    return {
        "data": {
            "text": sentence["text"],
            "article_id": item.article.id,
            "article_title": item.article.title,
            "sentence_index": index,
            "reviewers": reviewers,
        },
        "annotations": annotations,
    }


def _head(context: ExportContext) -> bytes:
    return b"[\n"


def _items(context: ExportContext, item: CorpusArticle) -> list[bytes]:
    return [orjson.dumps(task(context, item, sentence)) for sentence in item.sentences]


FORMAT = ExportFormat(head=_head, items=_items, separator=b",\n", tail=b"\n]\n")
