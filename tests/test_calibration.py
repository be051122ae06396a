"""Calibration: a suggestion's confidence is how often its reading was right on gold-tagged pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import factcheck.suggest
from factcheck.calibration import (
    Calibration,
    Tally,
    load_calibration,
    measure_calibration,
    parse_calibration,
)
from factcheck.evaluate import ScoredUnit, measure_units, recalibrated, score_units
from factcheck.models import LABELS, QUOTED, SKIP, SOURCED, UNATTRIBUTED
from factcheck.segment import segment
from factcheck.suggest import load_lexicons, suggest_article
from tests.scored import unit

SPEAKER = "quotation with its speaker"
TEXT = "Council Weighs Budget\n\n“We will vote on Monday,” Mayor Ana Ruiz said.\n"


def test_a_reading_seen_often_takes_its_measured_share() -> None:
    readings = [(QUOTED, SPEAKER, True)] * 990 + [(QUOTED, SPEAKER, False)] * 10
    calibration = measure_calibration(readings, "test")
    assert calibration.tallies[(QUOTED, SPEAKER)] == Tally(990, 1000)
    assert calibration.confidence(QUOTED, SPEAKER, 0.5) == pytest.approx((990 + 5 * 0.5) / 1005)


def test_a_reading_seen_a_few_times_stays_near_the_rules_confidence() -> None:
    calibration = measure_calibration([(SOURCED, "statement", True)], "test")
    assert calibration.confidence(SOURCED, "statement", 0.6) == pytest.approx((1 + 5 * 0.6) / 6)
    assert calibration.confidence(SOURCED, "statement", 0.6) < 0.7


def test_a_reading_never_measured_keeps_the_rules_confidence() -> None:
    calibration = measure_calibration([(QUOTED, SPEAKER, True)], "test")
    assert calibration.confidence(UNATTRIBUTED, SPEAKER, 0.72) == 0.72
    assert calibration.confidence(QUOTED, "another reason", 0.72) == 0.72


def test_the_file_reads_back_what_was_written() -> None:
    calibration = measure_calibration(
        [(QUOTED, SPEAKER, True), (QUOTED, SPEAKER, False), (SKIP, "credit line", True)], "rounds X, Y"
    )
    again = parse_calibration(calibration.to_json())
    assert again == calibration
    assert all(len(line) <= 110 for line in calibration.to_json().splitlines()[2:])


@pytest.mark.parametrize(
    "reading",
    [
        '{"label": "quoted", "reason": "r", "right": 3, "total": 2}',
        '{"label": "quoted", "reason": "r", "right": 0, "total": 0}',
        '{"label": "quoted", "reason": "r", "right": -1, "total": 2}',
    ],
)
def test_a_tally_that_cannot_be_is_refused(reading: str) -> None:
    with pytest.raises(ValueError):
        parse_calibration(f'{{"readings": [{reading}]}}')


def test_the_suggester_reports_the_measured_confidence_and_keeps_the_rules(tmp_path: Path) -> None:
    sentences = segment(TEXT)
    packaged = suggest_article(TEXT, sentences)[1]
    assert packaged.label == QUOTED and packaged.reason == SPEAKER
    # a newsroom whose reviewers disagreed with this reading half the time
    (tmp_path / "calibration.json").write_text(
        measure_calibration([(QUOTED, SPEAKER, True), (QUOTED, SPEAKER, False)] * 50, "newsroom").to_json(),
        encoding="utf-8",
    )
    own = suggest_article(TEXT, sentences, lexicon_dir=tmp_path)[1]
    assert own.rule_confidence == packaged.rule_confidence
    assert own.confidence == pytest.approx((50 + 5 * own.rule_confidence) / 105, abs=0.001)
    assert own.confidence < 0.6 < packaged.confidence


def test_the_packaged_calibration_was_measured_on_real_pages() -> None:
    calibration = load_calibration()
    assert "bench/realset" in calibration.measured_on
    assert sum(tally.total for tally in calibration.tallies.values()) >= 5000
    assert {label for label, _ in calibration.tallies} <= set(LABELS)


def test_every_measured_reading_is_one_the_suggester_still_gives() -> None:
    """A reason renamed without measuring again would silently lose its calibration."""
    # the module's source, also when the installed suggester is the compiled one (suggest.*.so)
    source = Path(factcheck.suggest.__file__).with_name("suggest.py").read_text(encoding="utf-8")
    written = set(re.findall(r'"([^"\n]+)"', source)) | set(re.findall(r"'([^'\n]+)'", source))
    line_kinds = {f"{kind.replace('_', ' ')} line" for kind in load_lexicons()["skip"]["line_patterns"]}
    for _, reason in load_calibration().tallies:
        assert reason in written or reason in line_kinds, reason


def scored(predicted: str, reason: str, right: bool, rule_confidence: float) -> ScoredUnit:
    return unit(predicted if right else SKIP, predicted, rule_confidence, reason=reason)


def test_a_calibration_measured_on_some_pages_can_be_scored_on_others() -> None:
    # the rule is sure of a reading that is often wrong, and unsure of one that is always right
    seen = [scored(SOURCED, "loud", i % 4 != 0, 0.97) for i in range(40)]
    seen += [scored(QUOTED, "quiet", True, 0.7) for _ in range(40)]
    unseen = [scored(SOURCED, "loud", i % 4 != 0, 0.97) for i in range(20)]
    unseen += [scored(QUOTED, "quiet", True, 0.7) for _ in range(20)]
    assert score_units(unseen).coverage == 0.0
    calibrated = recalibrated(unseen, measure_units(seen, "seen"))
    assert score_units(calibrated).coverage == 0.5  # the always-right reading now comes first
    assert recalibrated(unseen, Calibration()) == unseen
