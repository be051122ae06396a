"""Segmentation: exact offsets, full coverage, and the abbreviations news text is full of."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segment import MAX_SENTENCE_CHARS, segment
from tests.conftest import SHARED


def check_invariants(text: str) -> None:
    sentences = segment(text)
    covered = set()
    previous_end = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end, "sentences overlap or are out of order"
        assert len(sentence.text) <= MAX_SENTENCE_CHARS
        previous_end = sentence.end
        covered.update(range(sentence.start, sentence.end))
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert not missing, f"non-space characters outside every sentence: {missing[:5]}"


news_alphabet = st.sampled_from(
    [*"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,;:!?\"'“”‘’()-—\n\n\t", "U.S.", "Nov. 2", "Dr.", "..."]
)


@given(st.lists(news_alphabet, max_size=300).map("".join))
@settings(max_examples=300, deadline=None)
def test_offsets_slice_the_text_cover_it_and_never_overlap(text: str) -> None:
    check_invariants(text)


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_invariants_hold_for_any_unicode(text: str) -> None:
    check_invariants(text)


def test_abbreviations_stay_inside_their_sentences() -> None:
    text = (
        "Pres. Joe Biden spoke on Nov. 2 in Washington.\n\n"
        "William J. Burns, the C.I.A. director, met U.S. officials. They left early."
    )
    got = [s.text for s in segment(text)]
    assert got == [
        "Pres. Joe Biden spoke on Nov. 2 in Washington.",
        "William J. Burns, the C.I.A. director, met U.S. officials.",
        "They left early.",
    ]


def test_a_title_before_a_name_stays_inside_its_sentence() -> None:
    text = "But the president said Ms. Haley had told him in May. She left. Then came Ms.\n\nLee spoke."
    got = [s.text for s in segment(text)]
    assert got == [
        "But the president said Ms. Haley had told him in May.",
        "She left.",
        "Then came Ms.",
        "Lee spoke.",
    ]


def test_title_line_is_its_own_unit_and_paragraphs_are_numbered() -> None:
    text = "Headline Without Full Stop\nFirst sentence here. Second one.\n\nNew paragraph."
    sentences = segment(text)
    assert [s.text for s in sentences] == [
        "Headline Without Full Stop",
        "First sentence here.",
        "Second one.",
        "New paragraph.",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]


def test_hard_wrapped_lines_join_but_lines_starting_upper_case_split() -> None:
    text = "Title\n\nThe mayor said the plan\nwould cost more. Then she left.\nWritten by: Jo Lee"
    assert [s.text for s in segment(text)] == [
        "Title",
        "The mayor said the plan\nwould cost more.",
        "Then she left.",
        "Written by: Jo Lee",
    ]


def test_quotation_over_two_sentences_stays_one_unit() -> None:
    text = 'Title\n\n"We will not stop. We will win," she said. Then she left.'
    assert [s.text for s in segment(text)][1] == '"We will not stop. We will win," she said.'


def test_a_sentence_with_no_full_stop_is_cut_into_reviewable_pieces() -> None:
    text = "Title\n\n" + ("word " * 20_000).strip()
    sentences = segment(text)
    assert len(sentences) > 40
    check_invariants(text)


def test_shared_articles_segment_like_the_gold_units() -> None:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not beside this checkout")
    for gold_path in sorted((SHARED / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SHARED / "articles" / gold["article"]).read_text(encoding="utf-8")
        starts = {s.start for s in segment(text)}
        gold_starts = [g["offset"] for g in gold["sentences"]]
        aligned = sum(1 for offset in gold_starts if offset in starts)
        assert aligned / len(gold_starts) >= 0.9, gold_path.name
