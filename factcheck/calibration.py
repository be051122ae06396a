"""Turn the suggester's rule confidences into measured precision.

Each suggestion comes from one reading of the sentence, named by its label and reason ("quoted",
"quotation with its speaker"). The confidence a rule sets by hand says how sure its author was;
what a reviewer needs, and what the bulk-accept threshold compares against, is how often that
reading turned out right. A calibration holds, per reading, how many times it was right out of how
many on gold-tagged real pages, and a suggestion's confidence becomes that share, pulled towards
the rule's own confidence when the reading was seen only a few times. Readings the calibration
never saw keep the rule's confidence.

The packaged ``lexicons/calibration.json`` is measured on the real pages of ``bench/realset``
(``realset.py calibrate`` writes it); a newsroom can measure one on its own gold files and put it
in its lexicon folder, where it replaces the packaged one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

CALIBRATION_FILE = "calibration.json"
PRIOR_WEIGHT = 5.0  # how many sightings the rule's own confidence counts for


@dataclass(frozen=True, slots=True)
class Tally:
    """How often one reading (label and reason) was right on gold-tagged text."""

    right: int
    total: int


@dataclass(frozen=True, slots=True)
class Calibration:
    """Measured precision of each reading of a sentence, keyed by (label, reason)."""

    tallies: Mapping[tuple[str, str], Tally] = field(default_factory=dict)
    measured_on: str = ""
    prior_weight: float = PRIOR_WEIGHT

    def confidence(self, label: str, reason: str, rule_confidence: float) -> float:
        """The share of this reading that was right, with the rule's confidence as a weak prior."""
        tally = self.tallies.get((label, reason))
        if tally is None:
            return rule_confidence
        weight = self.prior_weight
        return (tally.right + weight * rule_confidence) / (tally.total + weight)

    def to_json(self) -> str:
        """The calibration file: one reading per line, most often right first within each label."""
        ordered = sorted(self.tallies.items(), key=lambda item: (item[0][0], -item[1].right / item[1].total))
        rows = [{"label": k[0], "reason": k[1], "right": t.right, "total": t.total} for k, t in ordered]
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        about = json.dumps(_ABOUT, ensure_ascii=False)
        head = (
            f'{{\n "_about": {about},\n "measured_on": {json.dumps(self.measured_on, ensure_ascii=False)},\n'
            f' "prior_weight": {self.prior_weight},\n "readings": [\n'
        )
        return head + ",\n".join(f"  {line}" for line in lines) + "\n ]\n}\n"


_ABOUT = (
    "How often each reading of the suggester (label and reason) was right on gold-tagged real pages; "
    "a suggestion's confidence is (right + prior_weight x rule confidence) / (total + prior_weight). "
    "Written by bench/realset/realset.py calibrate; measure again whenever the rules change."
)


def measure_calibration(readings: Iterable[tuple[str, str, bool]], measured_on: str) -> Calibration:
    """Tally (label, reason, right) triples, one per gold-tagged sentence, into a calibration."""
    counts: dict[tuple[str, str], list[int]] = {}
    for label, reason, right in readings:
        tally = counts.setdefault((label, reason), [0, 0])
        tally[0] += right
        tally[1] += 1
    return Calibration({key: Tally(right, total) for key, (right, total) in counts.items()}, measured_on)


def parse_calibration(text: str) -> Calibration:
    """Read a calibration file (raises ValueError, KeyError or TypeError on a malformed one)."""
    data = json.loads(text)
    tallies = {}
    for reading in data["readings"]:
        right, total = int(reading["right"]), int(reading["total"])
        if not 0 <= right <= total or total == 0:
            raise ValueError(f"reading {reading['reason']!r}: right must be between 0 and total (> 0)")
        tallies[(str(reading["label"]), str(reading["reason"]))] = Tally(right, total)
    weight = float(data.get("prior_weight", PRIOR_WEIGHT))
    return Calibration(tallies, str(data.get("measured_on", "")), weight)


@cache
def load_calibration(extra_dir: str | None = None) -> Calibration:
    """The newsroom's calibration in ``extra_dir`` if it has one, else the packaged one (cached)."""
    if extra_dir is not None and (Path(extra_dir) / CALIBRATION_FILE).is_file():
        return parse_calibration((Path(extra_dir) / CALIBRATION_FILE).read_text(encoding="utf-8"))
    packaged = resources.files("factcheck") / "lexicons" / CALIBRATION_FILE
    return parse_calibration(packaged.read_text(encoding="utf-8"))
