"""Refine a reading's measured precision with the sentence's own words and its neighbours' readings.

The calibration (``factcheck.calibration``) gives every sentence read the same way the same
confidence: all 2,941 sentences read as "no attribution; it opens with a name" get 0.90, though
some of them are plainly the writer's narration and some a paragraph of somebody's account. A
confidence model is a logistic regression that estimates, per sentence, whether its reading is
right from

- the reading itself (label and reason),
- the words of the sentence, each weighed per suggested label ("unattributed" with "percent",
  "quoted" with "i"),
- the labels suggested for the sentences before and after it.

A suggestion's confidence is a blend of the two: the reading's measured precision and the model's
estimate for this sentence. Bulk accept then takes the sentences whose own words make them safe,
not whole readings.

The packaged ``lexicons/confidence_model.json`` is trained on the real pages of ``bench/realset``
(``realset.py calibrate`` writes it beside the calibration); a newsroom that measures its own
calibration can train one on the same gold files and put both in its lexicon folder, where they
replace the packaged pair.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from pathlib import Path

from factcheck.calibration import CALIBRATION_FILE

MODEL_FILE = "confidence_model.json"
BLEND = 0.5  # the model's share of a confidence; the reading's measured precision has the rest
_PUNCTUATION = '.,;:!?"“”‘’()[]—–-…*'  # stripped from the ends of words
_MARKS = ("“", "”", '"', "‘", ":", ";", "?", "!", "—", "–", "(")  # words of their own
_NONE = ""  # the neighbour label of the first and the last sentence
_ZEROS = repeat(0.0)  # the weight of a word the model never met


@dataclass(slots=True)
class Evidence:
    """What the model weighs for one sentence: its reading, its words, its neighbours' labels.
    (Not frozen: one is made per sentence, and a frozen dataclass is slower to make.)"""

    label: str
    reason: str
    words: frozenset[str]
    previous: str = _NONE
    following: str = _NONE


def sentence_words(text: str) -> frozenset[str]:
    """The words of a sentence in lower case, with the marks that matter to attribution
    (quotation marks, colons, dashes, question marks) as words of their own."""
    words = {word.strip(_PUNCTUATION) for word in text.lower().split()}
    words.update(mark for mark in _MARKS if mark in text)
    words.discard("")
    return frozenset(words)


def evidence_of(texts: Sequence[str], readings: Sequence[tuple[str, str]]) -> list[Evidence]:
    """The evidence of each sentence of an article, from the sentences' texts and their readings
    (label and reason), both in article order."""
    labels = [label for label, _ in readings]
    return [
        Evidence(
            label,
            reason,
            sentence_words(text),
            labels[index - 1] if index else _NONE,
            labels[index + 1] if index + 1 < len(labels) else _NONE,
        )
        for index, (text, (label, reason)) in enumerate(zip(texts, readings, strict=True))
    ]


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Weights of a logistic regression on the evidence of a sentence; see the module docstring."""

    bias: float = 0.0
    readings: Mapping[str, float] = field(default_factory=dict)  # "label|reason"
    words: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # label -> word
    previous: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # label -> label before
    following: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # label -> label after
    blend: float = BLEND
    measured_on: str = ""

    def probability(self, evidence: Evidence) -> float:
        """The model's estimate that the sentence's reading is right."""
        label = evidence.label
        words = self.words.get(label, {})
        score = (
            self.bias
            + self.readings.get(f"{label}|{evidence.reason}", 0.0)
            + sum(map(words.get, evidence.words, _ZEROS))
            + self.previous.get(label, {}).get(evidence.previous, 0.0)
            + self.following.get(label, {}).get(evidence.following, 0.0)
        )
        return _sigmoid(score)

    def confidence(self, measured: float, evidence: Evidence) -> float:
        """The blend of the reading's ``measured`` precision and the model's estimate."""
        return (1.0 - self.blend) * measured + self.blend * self.probability(evidence)

    def to_json(self) -> str:
        """The model file: weights rounded to four decimals, each table on one line."""
        tables = {
            "readings": _rounded(self.readings),
            **{
                name: {label: _rounded(weights) for label, weights in sorted(table.items())}
                for name, table in (("previous", self.previous), ("following", self.following))
            },
        }
        lines = [
            f' "_about": {json.dumps(_ABOUT)},',
            f' "measured_on": {json.dumps(self.measured_on, ensure_ascii=False)},',
            f' "blend": {self.blend},',
            f' "bias": {round(self.bias, 4)},',
            *(
                f" {json.dumps(name)}: {json.dumps(table, ensure_ascii=False)},"
                for name, table in tables.items()
            ),
            ' "words": {',
            ",\n".join(
                f"  {json.dumps(label)}: {json.dumps(_rounded(weights), ensure_ascii=False)}"
                for label, weights in sorted(self.words.items())
            ),
            " }",
        ]
        return "{\n" + "\n".join(lines) + "\n}\n"


_ABOUT = (
    "A logistic regression that estimates whether a suggestion's reading is right from the reading "
    "(label|reason), the sentence's words (per label) and the labels suggested before and after it; "
    "a suggestion's confidence is (1 - blend) x the reading's measured precision + blend x this "
    "estimate. Written by bench/realset/realset.py calibrate; train again whenever the rules change."
)


def _rounded(table: Mapping[str, float]) -> dict[str, float]:
    return {key: round(value, 4) for key, value in sorted(table.items()) if round(value, 4)}


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


_Feature = tuple[str, str, str]  # (table, label, key): ("words", "quoted", "said")


def _features(evidence: Evidence) -> list[_Feature]:
    label = evidence.label
    return [
        ("readings", "", f"{label}|{evidence.reason}"),
        ("previous", label, evidence.previous),
        ("following", label, evidence.following),
        *(("words", label, word) for word in evidence.words),
    ]


def train_model(
    examples: Sequence[tuple[Evidence, bool]],
    measured_on: str,
    *,
    epochs: int = 10,
    rate: float = 0.1,
    l2: float = 3e-3,
    min_count: int = 3,
    seed: int = 0,
) -> ConfidenceModel:
    """Fit the model to (evidence, reading was right) pairs by AdaGrad on the log loss.

    Features seen in fewer than ``min_count`` examples are dropped (a word met twice says little
    and would only bloat the file); the order of examples is shuffled with ``seed``, so the same
    examples give the same model.
    """
    counts = Counter(feature for evidence, _ in examples for feature in set(_features(evidence)))
    kept = [([f for f in set(_features(e)) if counts[f] >= min_count], right) for e, right in examples]
    weights: dict[_Feature, float] = {}
    squares: dict[_Feature, float] = {}
    bias, bias_squares = 0.0, 1e-8
    order = list(range(len(kept)))
    shuffler = random.Random(seed)
    for _ in range(epochs):
        shuffler.shuffle(order)
        for index in order:
            features, right = kept[index]
            gradient = _sigmoid(bias + sum(weights.get(f, 0.0) for f in features)) - right
            bias_squares += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_squares)
            for feature in features:
                weight = weights.get(feature, 0.0)
                step = gradient + l2 * weight
                squares[feature] = squares.get(feature, 1e-8) + step * step
                weights[feature] = weight - rate * step / math.sqrt(squares[feature])
    tables: dict[str, dict[str, dict[str, float]]] = {
        name: {} for name in ("readings", "words", "previous", "following")
    }
    for (table, label, key), weight in weights.items():
        tables[table].setdefault(label, {})[key] = weight
    return ConfidenceModel(
        bias=bias,
        readings=tables["readings"].get("", {}),
        words=tables["words"],
        previous=tables["previous"],
        following=tables["following"],
        measured_on=measured_on,
    )


def parse_model(text: str) -> ConfidenceModel:
    """Read a model file (raises ValueError, KeyError or TypeError on a malformed one)."""
    data = json.loads(text)

    def table(name: str) -> dict[str, dict[str, float]]:
        return {str(label): _weights(weights) for label, weights in data[name].items()}

    blend = float(data.get("blend", BLEND))
    if not 0.0 <= blend <= 1.0:
        raise ValueError("blend must be between 0 and 1")
    return ConfidenceModel(
        bias=float(data["bias"]),
        readings=_weights(data["readings"]),
        words=table("words"),
        previous=table("previous"),
        following=table("following"),
        blend=blend,
        measured_on=str(data.get("measured_on", "")),
    )


def _weights(raw: Mapping[str, object]) -> dict[str, float]:
    return {str(key): float(value) for key, value in raw.items()}  # type: ignore[arg-type]


@cache
def load_model(extra_dir: str | None = None) -> ConfidenceModel | None:
    """The newsroom's model in ``extra_dir`` if it has one, else the packaged one (cached).

    A model is trained beside its calibration, so the two go together: with a calibration of its
    own and no model, a newsroom's confidences are its measured precision alone (None)."""
    if extra_dir is not None and (Path(extra_dir) / MODEL_FILE).is_file():
        return parse_model((Path(extra_dir) / MODEL_FILE).read_text(encoding="utf-8"))
    if extra_dir is not None and (Path(extra_dir) / CALIBRATION_FILE).is_file():
        return None
    packaged = resources.files("factcheck") / "lexicons" / MODEL_FILE
    return parse_model(packaged.read_text(encoding="utf-8"))
