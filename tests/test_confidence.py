"""The confidence model: a sentence's own words and its neighbours' readings refine its reading's
measured precision."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.calibration import Calibration, load_calibration, measure_calibration
from factcheck.confidence import (
    MODEL_FILE,
    ConfidenceModel,
    Evidence,
    evidence_of,
    load_model,
    parse_model,
    sentence_words,
    train_model,
)
from factcheck.evaluate import measure_units, recalibrated, score_units, train_units
from factcheck.models import LABELS, QUOTED, SKIP, SOURCED, UNATTRIBUTED
from factcheck.segment import segment
from factcheck.suggest import suggest_article
from tests.scored import unit

PLAIN = "no attribution in the sentence"


def test_words_are_lower_case_and_keep_the_marks_that_matter() -> None:
    words = sentence_words("“We won,” Ruiz said: what next? (Nothing.)")
    assert {"we", "won", "ruiz", "said", "what", "next", "nothing"} <= words
    assert {"“", "”", ":", "?", "("} <= words
    assert "We" not in words and "." not in words and "," not in words


def test_evidence_names_the_neighbours_labels() -> None:
    evidence = evidence_of(
        ["A.", "B said.", "C."], [(SKIP, "headline"), (SOURCED, "named"), (UNATTRIBUTED, PLAIN)]
    )
    assert [(e.previous, e.label, e.following) for e in evidence] == [
        ("", SKIP, SOURCED),
        (SKIP, SOURCED, UNATTRIBUTED),
        (SOURCED, UNATTRIBUTED, ""),
    ]
    assert evidence[1].reason == "named" and evidence[1].words == {"b", "said"}


def plain(*words: str, previous: str = SOURCED) -> Evidence:
    return Evidence(UNATTRIBUTED, PLAIN, frozenset(words), previous, UNATTRIBUTED)


# One reading, right half the time: wrong when the sentence has "percent" (a survey's figure,
# which the annotators sourced), right when it has "sunny". The reading alone cannot tell them apart.
EXAMPLES = [(plain("the", "percent", f"w{i % 7}"), False) for i in range(60)]
EXAMPLES += [(plain("the", "sunny", f"w{i % 7}"), True) for i in range(60)]


def test_the_model_learns_which_words_make_a_reading_wrong() -> None:
    model = train_model(EXAMPLES, "test")
    assert model.probability(plain("a", "percent")) < 0.25
    assert model.probability(plain("a", "sunny")) > 0.75
    assert 0.3 < model.probability(plain("a", "cloudy")) < 0.7  # a word never met says nothing


def test_training_is_repeatable_and_drops_rare_words() -> None:
    rare = [*EXAMPLES, (plain("the", "once"), True), (plain("the", "twice"), True), (plain("twice"), True)]
    model = train_model(rare, "test", min_count=2)
    assert model == train_model(rare, "test", min_count=2)
    assert "twice" in model.words[UNATTRIBUTED] and "once" not in model.words[UNATTRIBUTED]


def test_a_confidence_blends_the_reading_with_the_sentence() -> None:
    model = ConfidenceModel(bias=0.0, words={UNATTRIBUTED: {"percent": -50.0}}, blend=0.5)
    assert model.confidence(0.9, plain("percent")) == pytest.approx(0.45)
    assert model.confidence(0.9, plain("sunny")) == pytest.approx(0.7)  # 0.5 x 0.9 + 0.5 x 0.5
    assert ConfidenceModel(blend=0.0).confidence(0.9, plain("percent")) == 0.9


def test_the_model_file_reads_back_as_it_was_written() -> None:
    model = train_model(EXAMPLES, "test")
    again = parse_model(model.to_json())
    assert again.measured_on == "test" and again.blend == model.blend
    for evidence in (plain("percent"), plain("sunny"), plain("cloudy", previous="")):
        assert again.probability(evidence) == pytest.approx(model.probability(evidence), abs=1e-3)


@pytest.mark.parametrize(
    "broken",
    [
        "not json",
        '{"bias": 0, "readings": {}, "previous": {}, "following": {}}',  # no words
        '{"bias": 0, "readings": {}, "previous": {}, "following": {}, "words": {}, "blend": 2}',
        '{"bias": "x", "readings": {}, "previous": {}, "following": {}, "words": {}}',
    ],
)
def test_a_broken_model_file_is_refused(broken: str) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        parse_model(broken)


def test_the_packaged_model_was_trained_on_real_pages_beside_the_calibration() -> None:
    model = load_model()
    assert model is not None
    assert model.measured_on == load_calibration().measured_on
    assert "bench/realset" in model.measured_on
    assert set(model.words) <= set(LABELS) and sum(len(words) for words in model.words.values()) > 1000


TEXT = (
    "Council Weighs Budget\n\n"
    "Mayor Ana Ruiz said the vote would be held on Monday.\n\n"
    "Mayor Ana Ruiz said the survey found that 40 percent of residents opposed the plan.\n"
)


def test_two_sentences_of_one_reading_get_their_own_confidences() -> None:
    sentences = segment(TEXT)
    suggestions = suggest_article(TEXT, sentences)
    first, second = suggestions[1], suggestions[2]
    assert (first.label, first.reason) == (second.label, second.reason) == (SOURCED, first.reason)
    assert first.confidence != second.confidence
    model, calibration = load_model(), load_calibration()
    assert model is not None
    evidence = evidence_of([s.text for s in sentences], [(g.label, g.reason) for g in suggestions])
    for suggestion, its in zip(suggestions, evidence, strict=True):
        measured = round(
            calibration.confidence(suggestion.label, suggestion.reason, suggestion.rule_confidence), 3
        )
        assert suggestion.confidence == round(model.confidence(measured, its), 3)


def test_a_newsroom_model_replaces_the_packaged_one(tmp_path: Path) -> None:
    sentences = segment(TEXT)
    (tmp_path / MODEL_FILE).write_text(
        ConfidenceModel(bias=-50.0, blend=1.0, measured_on="newsroom").to_json(), encoding="utf-8"
    )
    assert all(s.confidence == 0.0 for s in suggest_article(TEXT, sentences, lexicon_dir=tmp_path))


def test_a_newsroom_calibration_without_a_model_stands_alone(tmp_path: Path) -> None:
    (tmp_path / "calibration.json").write_text(
        measure_calibration([(SOURCED, "r", True)], "newsroom").to_json(), encoding="utf-8"
    )
    assert load_model(str(tmp_path)) is None


def with_evidence(gold: str, evidence: Evidence):
    return replace(unit(gold, evidence.label, 0.9, reason=PLAIN), evidence=evidence)


def test_a_model_trained_on_some_pages_raises_coverage_on_others() -> None:
    """The reading alone is right half the time, so nothing reaches 98%; its sentences' words
    separate the right half from the wrong one."""
    seen = [with_evidence(UNATTRIBUTED if right else SOURCED, e) for e, right in EXAMPLES]
    unseen = [with_evidence(UNATTRIBUTED if right else SOURCED, e) for e, right in EXAMPLES[::3]]
    calibration = measure_units(seen, "seen")
    assert score_units(recalibrated(unseen, calibration)).coverage == 0.0
    refined = recalibrated(unseen, calibration, train_units(seen, "seen"))
    assert score_units(refined).coverage == 0.5
    assert recalibrated(unseen, Calibration(), None) == recalibrated(unseen, Calibration())


def test_units_without_evidence_keep_the_reading_confidence() -> None:
    plain_units = [unit(QUOTED, QUOTED, 0.8, reason="quotation")]
    model = ConfidenceModel(bias=-50.0, blend=1.0)
    assert recalibrated(plain_units, Calibration(), model)[0].confidence == 0.8
