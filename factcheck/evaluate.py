"""Score the suggester against gold files: accuracy, per-label F1, confusion, coverage at 98% precision.

A gold file (the format of ``shared/gold``) names its article and lists the gold units, each with
``starts_with``, ``offset`` (into the article text), ``label``, ``also`` (labels a second reader
would accept) and ``source``. The article is segmented and tagged as the tool would do it, and
each gold unit is matched to the sentence that starts at its offset; units with no such sentence
are reported and left out of the scores.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.calibration import CALIBRATION_FILE, Calibration, measure_calibration
from factcheck.confidence import MODEL_FILE, ConfidenceModel, Evidence, evidence_of, train_model
from factcheck.models import LABELS
from factcheck.segment import segment
from factcheck.suggest import Suggestion, suggest_article

PRECISION_TARGET = 0.98


@dataclass(frozen=True, slots=True)
class GoldUnit:
    """One gold-tagged unit of an article."""

    starts_with: str
    offset: int
    label: str
    also: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A gold file with the text of the article it tags."""

    name: str
    text: str
    units: tuple[GoldUnit, ...]


@dataclass(frozen=True, slots=True)
class ScoredUnit:
    """A gold unit next to the suggestion for the sentence that starts at its offset."""

    article: str
    offset: int
    text: str
    gold: str
    also: tuple[str, ...]
    gold_source: str | None
    predicted: str
    confidence: float
    predicted_source: str | None
    reason: str
    rule_confidence: float
    evidence: Evidence | None = field(default=None, compare=False)  # what the confidence model weighs

    @property
    def correct(self) -> bool:
        return self.predicted == self.gold

    @property
    def lenient_correct(self) -> bool:
        return self.predicted == self.gold or self.predicted in self.also


@dataclass(frozen=True, slots=True)
class UnalignedUnit:
    """A gold unit no sentence of ours starts at, or whose text differs from the article."""

    article: str
    offset: int
    starts_with: str
    problem: str


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    """Scores of the suggester on a set of gold articles (strict scores use the gold ``label``)."""

    articles: tuple[str, ...]
    units: tuple[ScoredUnit, ...]
    unaligned: tuple[UnalignedUnit, ...]
    strict_accuracy: float
    lenient_accuracy: float
    per_label: tuple[LabelScore, ...]
    confusion: dict[str, dict[str, int]]
    coverage: float
    coverage_threshold: float | None
    precision_target: float
    source_agreement: float | None

    @property
    def correct(self) -> int:
        return sum(unit.correct for unit in self.units)

    def label_score(self, label: str) -> LabelScore:
        return next(score for score in self.per_label if score.label == label)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "aligned": len(self.units),
            "unaligned": [asdict(unit) for unit in self.unaligned],
            "strict_accuracy": self.strict_accuracy,
            "lenient_accuracy": self.lenient_accuracy,
            "per_label": {score.label: asdict(score) for score in self.per_label},
            "confusion": self.confusion,
            "coverage": self.coverage,
            "coverage_threshold": self.coverage_threshold,
            "precision_target": self.precision_target,
            "source_agreement": self.source_agreement,
            "units": [_unit_dict(unit) for unit in self.units],
        }


def _unit_dict(unit: ScoredUnit) -> dict[str, Any]:
    fields = {name: getattr(unit, name) for name in ScoredUnit.__dataclass_fields__ if name != "evidence"}
    return {**fields, "also": list(unit.also), "correct": unit.correct}


def load_gold(
    gold_path: Path | str, article_path: Path | str | None = None, *, article_dir: Path | str | None = None
) -> GoldArticle:
    """Read a gold file and its article.

    The article is ``article_path`` if given, else the file the gold names in ``article_dir``, by
    default the ``articles`` folder beside the gold folder (the layout of ``shared/``).
    """
    gold_path = Path(gold_path)
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    if article_path is None:
        folder = (
            Path(article_dir) if article_dir is not None else gold_path.resolve().parent.parent / "articles"
        )
        article_path = folder / data["article"]
    text = Path(article_path).read_text(encoding="utf-8")
    units = tuple(
        GoldUnit(
            starts_with=str(unit["starts_with"]),
            offset=int(unit["offset"]),
            label=str(unit["label"]),
            also=tuple(unit.get("also") or ()),
            source=unit.get("source"),
        )
        for unit in data["sentences"]
    )
    return GoldArticle(name=str(data.get("article", gold_path.name)), text=text, units=units)


def evaluate_files(
    gold_paths: Iterable[Path | str], *, article_dir: Path | str | None = None
) -> EvaluationResult:
    """Score the suggester on gold files; ``article_dir`` overrides where their articles are read from."""
    return evaluate_articles([load_gold(path, article_dir=article_dir) for path in gold_paths])


def evaluate_articles(articles: Sequence[GoldArticle], lexicon_dir: Path | None = None) -> EvaluationResult:
    """Tag each article with the suggester (with a newsroom's ``lexicon_dir``, as ``suggest_article``
    takes it) and score it against its gold units."""
    scored: list[ScoredUnit] = []
    unaligned: list[UnalignedUnit] = []
    for article in articles:
        sentences = segment(article.text)
        suggestions = suggest_article(article.text, sentences, lexicon_dir=lexicon_dir)
        evidence = evidence_of([s.text for s in sentences], [(g.label, g.reason) for g in suggestions])
        by_start = {
            sentence.start: (suggestion, its)
            for sentence, suggestion, its in zip(sentences, suggestions, evidence, strict=True)
        }
        for unit in article.units:
            found = _align(article, unit, by_start)
            if isinstance(found, UnalignedUnit):
                unaligned.append(found)
            else:
                scored.append(_score(article.name, unit, *found))
    return score_units(scored, unaligned, tuple(article.name for article in articles))


def _align(
    article: GoldArticle, unit: GoldUnit, by_start: dict[int, tuple[Suggestion, Evidence]]
) -> tuple[Suggestion, Evidence] | UnalignedUnit:
    prefix = unit.starts_with.strip()
    if not article.text.startswith(prefix, unit.offset):
        return UnalignedUnit(
            article.name, unit.offset, unit.starts_with, "text at offset differs from starts_with"
        )
    if unit.offset not in by_start:
        return UnalignedUnit(article.name, unit.offset, unit.starts_with, "no sentence starts at this offset")
    return by_start[unit.offset]


def _score(article: str, unit: GoldUnit, suggestion: Suggestion, evidence: Evidence) -> ScoredUnit:
    return ScoredUnit(
        article=article,
        offset=unit.offset,
        text=unit.starts_with,
        gold=unit.label,
        also=unit.also,
        gold_source=unit.source,
        predicted=suggestion.label,
        confidence=suggestion.confidence,
        predicted_source=suggestion.source,
        reason=suggestion.reason,
        rule_confidence=suggestion.rule_confidence,
        evidence=evidence,
    )


def score_units(
    units: Sequence[ScoredUnit],
    unaligned: Sequence[UnalignedUnit] = (),
    articles: Sequence[str] = (),
    precision_target: float = PRECISION_TARGET,
) -> EvaluationResult:
    """Compute every score from gold/suggested pairs."""
    total = len(units)
    confusion = {gold: {predicted: 0 for predicted in LABELS} for gold in LABELS}
    for unit in units:
        confusion.setdefault(unit.gold, {predicted: 0 for predicted in LABELS})
        confusion[unit.gold][unit.predicted] = confusion[unit.gold].get(unit.predicted, 0) + 1
    coverage, threshold = coverage_at_precision(units, precision_target)
    return EvaluationResult(
        articles=tuple(articles),
        units=tuple(units),
        unaligned=tuple(unaligned),
        strict_accuracy=_ratio(sum(u.correct for u in units), total),
        lenient_accuracy=_ratio(sum(u.lenient_correct for u in units), total),
        per_label=tuple(_label_score(label, units) for label in LABELS),
        confusion=confusion,
        coverage=coverage,
        coverage_threshold=threshold,
        precision_target=precision_target,
        source_agreement=_source_agreement(units),
    )


def measure_units(units: Iterable[ScoredUnit], measured_on: str) -> Calibration:
    """A calibration measured on scored units: how often each reading was right."""
    return measure_calibration(((u.predicted, u.reason, u.correct) for u in units), measured_on)


def train_units(units: Iterable[ScoredUnit], measured_on: str) -> ConfidenceModel:
    """A confidence model trained on scored units: which sentences' readings were right."""
    return train_model([(u.evidence, u.correct) for u in units if u.evidence is not None], measured_on)


def write_confidences(units: Sequence[ScoredUnit], measured_on: str, folder: Path) -> list[Path]:
    """Measure the calibration and train the confidence model on ``units``, and write both into
    ``folder`` (a lexicon folder, created if need be), where the suggester reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / CALIBRATION_FILE, folder / MODEL_FILE]
    written[0].write_text(measure_units(units, measured_on).to_json(), encoding="utf-8")
    written[1].write_text(train_units(units, measured_on).to_json(), encoding="utf-8")
    return written


def recalibrated(
    units: Iterable[ScoredUnit], calibration: Calibration, model: ConfidenceModel | None = None
) -> list[ScoredUnit]:
    """The units with the confidence ``calibration`` gives their readings, blended with ``model``'s
    estimate for each sentence when there is one (to score both held out)."""
    rescored = []
    for unit in units:
        measured = round(calibration.confidence(unit.predicted, unit.reason, unit.rule_confidence), 3)
        if model is not None and unit.evidence is not None:
            measured = round(model.confidence(measured, unit.evidence), 3)
        rescored.append(replace(unit, confidence=measured))
    return rescored


def coverage_at_precision(units: Sequence[ScoredUnit], target: float) -> tuple[float, float | None]:
    """Largest share of units auto-accepted highest confidence first while >= ``target`` of them are right.

    Units of equal confidence are accepted together, as a threshold would accept them. Returns the
    share and the lowest confidence accepted (None when no threshold reaches the target).
    """
    if not units:
        return 0.0, None
    ordered = sorted(units, key=lambda unit: unit.confidence, reverse=True)
    best, threshold = 0.0, None
    correct = 0
    for position, unit in enumerate(ordered, start=1):
        correct += unit.correct
        last_of_tie = position == len(ordered) or ordered[position].confidence < unit.confidence
        if last_of_tie and correct / position >= target:
            best, threshold = position / len(ordered), unit.confidence
    return best, threshold


def _label_score(label: str, units: Sequence[ScoredUnit]) -> LabelScore:
    true_positive = sum(1 for u in units if u.gold == label and u.predicted == label)
    predicted = sum(1 for u in units if u.predicted == label)
    support = sum(1 for u in units if u.gold == label)
    precision = _ratio(true_positive, predicted)
    recall = _ratio(true_positive, support)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScore(label, precision, recall, f1, support, predicted)


def _source_agreement(units: Sequence[ScoredUnit]) -> float | None:
    """Share of correctly tagged units with a gold source whose suggested source names the same one."""
    relevant = [u for u in units if u.correct and u.gold_source]
    if not relevant:
        return None
    return _ratio(sum(_same_source(u.gold_source, u.predicted_source) for u in relevant), len(relevant))


def _same_source(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return False
    a, b = (_normalised_source(name) for name in (gold, predicted))
    return bool(a and b) and (a in b or b in a)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "president", "sen", "rep", "gov", "prof"})


def _normalised_source(name: str) -> str:
    """Lower case, one kind of apostrophe, without articles, initials and honorifics: "Nikki R.
    Haley" and "Nikki Haley", "Mr Obama" and "Obama", "Ailes’s allies" and "Ailes's allies" are one."""
    words = [
        w
        for w in name.lower().replace(",", " ").replace("’", "'").split()
        if w not in {"the", "a", "an"}
        and not (len(w) == 2 and w[0].isalpha() and w[1] == ".")
        and w.rstrip(".") not in _HONORIFICS
    ]
    return " ".join(words)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def format_report(result: EvaluationResult, *, max_errors: int = 40) -> str:
    """A plain-text report: headline figures, per-label scores, confusion matrix and the errors."""
    total = len(result.units)
    lines = [
        f"Gold units: {total + len(result.unaligned)} in {len(result.articles)} article(s); "
        f"{total} aligned, {len(result.unaligned)} not aligned",
        f"Strict accuracy:   {result.strict_accuracy:6.1%}  ({result.correct}/{total})",
        f"Lenient accuracy:  {result.lenient_accuracy:6.1%}  (a label in 'also' counts as right)",
    ]
    if result.coverage_threshold is None:
        lines.append(f"Coverage at {result.precision_target:.0%} precision: 0.0% (no threshold reaches it)")
    else:
        lines.append(
            f"Coverage at {result.precision_target:.0%} precision: {result.coverage:6.1%}  "
            f"(confidence >= {result.coverage_threshold:.2f})"
        )
    if result.source_agreement is not None:
        lines.append(f"Source agreement:  {result.source_agreement:6.1%}  (correct tags with a gold source)")
    lines += ["", f"{'label':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8} {'suggested':>9}"]
    for score in result.per_label:
        lines.append(
            f"{score.label:<18} {score.precision:>9.2f} {score.recall:>7.2f} {score.f1:>6.2f} "
            f"{score.support:>8} {score.predicted:>9}"
        )
    short = {label: label.split("-")[0][:6] for label in LABELS}
    lines += [
        "",
        "Confusion (rows: gold, columns: suggested)",
        f"{'':<18}" + "".join(f"{short[label]:>8}" for label in LABELS),
    ]
    for gold, row in result.confusion.items():
        lines.append(f"{gold:<18}" + "".join(f"{row.get(label, 0):>8}" for label in LABELS))
    errors = [unit for unit in result.units if not unit.correct]
    if errors:
        lines += ["", f"Errors ({len(errors)}):"]
        for unit in errors[:max_errors]:
            lines.append(
                f"  {unit.article}@{unit.offset}: gold {unit.gold}, suggested {unit.predicted} "
                f"({unit.confidence:.2f}) - {_clip(unit.text, 70)}"
            )
        if len(errors) > max_errors:
            lines.append(f"  ... and {len(errors) - max_errors} more")
    if result.unaligned:
        lines += ["", "Not aligned:"]
        lines += [
            f"  {u.article}@{u.offset}: {u.problem} - {_clip(u.starts_with, 60)}" for u in result.unaligned
        ]
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
