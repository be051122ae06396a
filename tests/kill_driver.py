"""A scripted review session for the kill test; it runs until it is killed.

Usage: ``python tests/kill_driver.py WORKSPACE REVIEWER SEED``

Prints one JSON line per event, flushed: ``{"ready": true}`` once the session
holds the workspace, then for every change ``{"intent": op}`` before the call
and ``{"ack": op, "position": ..., "record": ...}`` after it returned, that is
after the change is on disk. The changes are a seeded random mix of tags,
edits and undos; each tag or edit changes the sentence's record.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from typing import Any

from factcheck.models import LABELS, Annotation
from factcheck.session import Position, ReviewSession
from factcheck.store import Workspace


def emit(**event: Any) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def summary(record: Annotation | None) -> list[Any] | None:
    """The fields a reviewer enters, as the test compares them."""
    return None if record is None else [record.label, record.source, record.note, record.flag]


def choose(rng: random.Random, session: ReviewSession, step: int) -> dict[str, Any]:
    """The next change: an undo, a new label, or a new source, note or flag."""
    if rng.random() < 0.2:
        return {"op": "undo"}
    info = rng.choice(session.workspace.articles())
    index = rng.randrange(info.sentences)
    current = session.open(info.id).tags.get(index)
    label, source, note, flag = summary(current) or [None, None, None, False]
    target = {"article": info.id, "index": index}
    if rng.random() < 0.6:
        # Tagging fills an empty source from the suggestion: tell the checker what that is.
        prefill = session.open(info.id).suggestions[index].source
        return {
            "op": "tag",
            **target,
            "label": rng.choice([x for x in LABELS if x != label]),
            "prefill": prefill,
        }
    field = rng.choice(["source", "note", "flag"])
    if field == "flag":
        return {"op": "edit", **target, "field": "flag", "value": not flag}
    old = source if field == "source" else note
    value = "" if old and rng.random() < 0.3 else f" {field} {step} "
    return {"op": "edit", **target, "field": field, "value": value}


def run(session: ReviewSession, rng: random.Random, op: dict[str, Any]) -> dict[str, Any]:
    """Make one change through the session; what it says it saved."""
    if op["op"] == "undo":
        position = session.undo()
    else:
        position = Position(op["article"], op["index"])
        if op["op"] == "tag":
            session.tag(position, op["label"], seconds=round(rng.random(), 3))
        else:
            session.edit(position, **{op["field"]: op["value"]})
    if position is None:
        return {"position": None, "record": None}
    record = session.open(position.article_id).tags.get(position.index)
    return {"position": [position.article_id, position.index], "record": summary(record)}


def main(root: str, reviewer: str, seed: str) -> None:
    workspace = Workspace.open(root)
    session = ReviewSession(workspace, reviewer)
    session.check_readable()
    with workspace.lock():
        session.resume()
        emit(ready=True)
        rng = random.Random(int(seed))
        for step in itertools.count():
            op = choose(rng, session, step)
            emit(intent=op)
            emit(ack=op, **run(session, rng, op))


if __name__ == "__main__":
    main(*sys.argv[1:])
