"""kill -9 a real review process at random moments: nothing acknowledged is lost, every file loads.

``kill_driver.py`` tags, edits and undoes in a seeded sequence and prints an ACK
after each change returns. The test replays the ACKs on a model of the store
(records and undo history) and, after each kill, compares the model with what
a fresh process reads from disk. The one change that was under way when the
process died may or may not have landed; nothing else may differ.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.session import SOURCE_LABELS
from factcheck.store import HISTORY_LIMIT, Workspace, read_json_file
from tests.conftest import make_workspace

DRIVER = Path(__file__).with_name("kill_driver.py")
REVIEWER = "kim"
SEED = 20260611
KILLS = 40  # at least; more (up to MAX_KILLS) until half as many kills have landed mid-change
MAX_KILLS = 3 * KILLS

Key = tuple[str, int]
Record = list[Any] | None


@dataclass
class Model:
    """What the store must hold after the acknowledged changes."""

    records: dict[Key, Record] = field(default_factory=dict)
    #: (sentence, before, after) for every undoable change, oldest first, across articles.
    history: list[tuple[Key, Record, Record]] = field(default_factory=list)

    def apply(self, op: dict[str, Any]) -> tuple[Key | None, Record]:
        """Make the driver's change here too; return the sentence and record it should report."""
        if op["op"] == "undo":
            if not self.history:
                return None, None
            key, before, _ = self.history.pop()
            self._set(key, before)
            return key, before
        key = (op["article"], op["index"])
        before = self.records.get(key)
        label, source, note, flag = before or [None, None, None, False]
        if op["op"] == "tag":
            label = op["label"]
            if source is None and label in SOURCE_LABELS:
                source = op["prefill"]
        elif op["field"] == "source":
            source = op["value"].strip() or None
        elif op["field"] == "note":
            note = op["value"].strip() or None
        else:
            flag = op["value"]
        after = [label, source, note, flag] if label or source or note or flag else None
        self._set(key, after)
        self.history.append((key, before, after))
        same_article = [entry for entry in self.history if entry[0][0] == key[0]]
        if len(same_article) > HISTORY_LIMIT:
            self.history.remove(same_article[0])
        return key, after

    def _set(self, key: Key, record: Record) -> None:
        if record is None:
            self.records.pop(key, None)
        else:
            self.records[key] = record

    def expected(self) -> tuple[dict[Key, Record], dict[str, int]]:
        """The records and the length of each article's undo history."""
        lengths: dict[str, int] = {}
        for (article_id, _), _, _ in self.history:
            lengths[article_id] = lengths.get(article_id, 0) + 1
        return self.records, lengths


def read_store(root: Path) -> tuple[dict[Key, Record], dict[str, int]]:
    """Load every file of the workspace as a fresh process would; the same shape as Model.expected."""
    for path in root.rglob("*"):
        assert path.is_dir() or path.name == ".lock" or path.suffix in (".json", ".tmp"), path
        if path.suffix == ".json":
            assert read_json_file(path) is not None
    workspace = Workspace.open(root)
    workspace.reviewer_state(REVIEWER)
    workspace.tagged_counts(REVIEWER)
    records: dict[Key, Record] = {}
    lengths: dict[str, int] = {}
    for info in workspace.articles():
        workspace.load_article(info.id)
        tags = workspace.tags(REVIEWER, info.id)
        for index, r in tags.records.items():
            records[(info.id, index)] = [r.label, r.source, r.note, r.flag]
        if tags.history:
            lengths[info.id] = len(tags.history)
    return records, lengths


def run_and_kill(root: Path, seed: int, rng: random.Random, early: bool) -> tuple[list[str], int, str]:
    """Start the driver, SIGKILL it after a random delay; its complete output lines."""
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(root), REVIEWER, str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = ""
    if early:  # somewhere in start-up or the first changes
        time.sleep(rng.uniform(0.0, 0.4))
    else:
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.3))
    proc.send_signal(signal.SIGKILL)
    with proc.stdout, proc.stderr:  # read through the same buffers as readline: nothing is dropped
        text, err = first + proc.stdout.read(), proc.stderr.read()
    lines = text.split("\n")[:-1]  # a last line without its newline was not acknowledged
    return lines, proc.wait(timeout=30), err


def test_kill_9_loses_nothing_acknowledged(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make_workspace(root)
    kill_seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(kill_seed)
    model = Model()
    acks = landed = mid_change = 0
    for kill in range(MAX_KILLS):
        if kill >= KILLS and mid_change >= KILLS // 2:
            break  # enough kills, and enough of them in the middle of a change (timing is by chance)
        where = f"kill {kill} (driver seed {SEED + kill}, kill-time seed {kill_seed})"
        lines, returncode, err = run_and_kill(root, SEED + kill, rng, early=kill % 8 == 7)
        assert returncode == -signal.SIGKILL, f"{where}: driver ended by itself: {err}"
        pending = None
        for line in lines:
            event = json.loads(line)
            if "intent" in event:
                assert pending is None, where
                pending = event["intent"]
            elif "ack" in event:
                assert event["ack"] == pending, where
                key, record = model.apply(pending)
                assert (event["position"], event["record"]) == (list(key) if key else None, record), where
                pending = None
                acks += 1
        on_disk = read_store(root)
        if on_disk != model.expected():
            assert pending is not None, f"{where}: acknowledged change missing from disk"
            model.apply(pending)
            assert on_disk == model.expected(), f"{where}: disk matches neither before nor after {pending}"
            landed += 1
        mid_change += pending is not None
    figures = f"{acks} changes acknowledged, {mid_change} kills mid-change, {landed} of those landed"
    assert acks >= 5 * KILLS and mid_change >= KILLS // 2, figures
