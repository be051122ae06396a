"""Tests of the suggester, one group per rule of the codebook and its hard cases.

Every sentence here was written for these tests (none comes from the dev articles in ../shared).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.evaluate import GoldArticle, GoldUnit, evaluate_articles
from factcheck.models import ANONYMOUS, LABELS, QUOTED, SKIP, SOURCED, UNATTRIBUTED
from factcheck.segment import segment
from factcheck.session import DEFAULT_ACCEPT_THRESHOLD
from factcheck.suggest import (
    CUE_KINDS,
    LEXICON_NAMES,
    Suggestion,
    load_lexicons,
    suggest_article,
    suggest_text,
)

HEADLINE = "Council Weighs New Budget Plan"
CASES_FILE = Path(__file__).parent / "data" / "suggest_cases.json"


def article(*paragraphs: str) -> str:
    """An article: a headline, then the paragraphs separated by blank lines."""
    return "\n\n".join([HEADLINE, *paragraphs]) + "\n"


def tag(text: str, starts_with: str) -> Suggestion:
    """The suggestion for the sentence of ``text`` that starts with ``starts_with``."""
    for sentence, suggestion in zip(segment(text), suggest_text(text), strict=True):
        if sentence.text.startswith(starts_with):
            return suggestion
    raise AssertionError(f"no sentence starts with {starts_with!r}")


def check(text: str, starts_with: str, label: str, source: str | None = None) -> Suggestion:
    suggestion = tag(text, starts_with)
    assert suggestion.label == label, suggestion
    if source is not None:
        assert suggestion.source is not None and source.lower() in suggestion.source.lower(), suggestion
    return suggestion


# --------------------------------------------------------------------------------------------
# 1. quoted


@pytest.mark.parametrize(
    ("text", "start", "source"),
    [
        pytest.param(
            article("“The numbers don't lie,” Mayor Ellen Park told the council on Monday."),
            "“The numbers",
            "Ellen Park",
            id="full-quote-said-after",
        ),
        pytest.param(
            article('Smith said the delay was "unacceptable and entirely avoidable."'),
            "Smith",
            "Smith",
            id="partial-quote",
        ),
        pytest.param(
            article("‘We were never told,’ said a nurse at the clinic."),
            "‘We were",
            "nurse",
            id="single-marks",
        ),
        pytest.param(
            article("The senator described the bill as “a giveaway to polluters.”"),
            "The senator",
            "senator",
            id="described-as",
        ),
        pytest.param(
            article('Officials said the talks were "productive."'),
            "Officials",
            "Officials",
            id="one-word-quote-in-reported-speech-beats-anonymous",
        ),
        pytest.param(
            article("Asked whether she would run again, Harris replied: “Not this time.”"),
            "Asked",
            "Harris",
            id="quote-after-colon",
        ),
        pytest.param(
            article('She called the proposal "a gift to landlords."'), "She called", None, id="called-x-quote"
        ),
        pytest.param(
            article("The closure was described as “a betrayal” by the fishermen’s union."),
            "The closure",
            "union",
            id="passive-described-as-by",
        ),
    ],
)
def test_words_in_quotation_marks_are_quoted(text: str, start: str, source: str | None) -> None:
    check(text, start, QUOTED, source)


def test_a_one_word_reply_and_a_modifier_quoted_with_a_speaker_are_quotations() -> None:
    text = article(
        "“Sure,” Ortiz says. “We can start on Monday.”",
        "Opening the line in May was a “hopelessly unrealistic” target, an official said.",
    )
    check(text, "“Sure,”", QUOTED, "Ortiz")
    check(text, "Opening the line", QUOTED)


def test_a_plain_sentence_after_a_sourced_one_in_its_paragraph_is_unattributed_but_unsure() -> None:
    text = article(
        "The bridge will close for six weeks, the transport department said. Ferries will run every hour.",
        "The night ferries will also run from the old harbour to the island.",
        "The crossing takes about twenty minutes in calm weather. Fares stay the same.",
    )
    unsure = check(text, "Ferries will run", UNATTRIBUTED)
    plain = check(text, "The night ferries", UNATTRIBUTED)
    assert unsure.rule_confidence <= 0.75 < plain.rule_confidence
    # the doubt is its own reading, so its confidence is measured apart from plain sentences'
    assert unsure.reason == "no attribution in the sentence; after a sourced sentence in its paragraph"
    assert plain.reason == "no attribution in the sentence"
    assert unsure.confidence < plain.confidence


def test_added_before_an_amount_is_an_act_not_words() -> None:
    check(article("Dana Price has added about 80 jobs to her bakery since July."), "Dana Price", UNATTRIBUTED)
    check(article("The An-225 demands 32 tires, Airbus claims 12 percent."), "The An-225", UNATTRIBUTED)


def test_added_or_claimed_before_his_or_her_is_an_act_but_a_speaker_after_a_quotation_is_not() -> None:
    text = article(
        "Lena Ortiz added her ninth of the season, and the Harbour Gulls won 3-1.",
        "Marta Quist claimed her first title in Oslo on Sunday.",
        "Tomas Berg added two assists before the break.",
        "“We never stopped running,” added his coach, Ida Lund.",
    )
    check(text, "Lena Ortiz", UNATTRIBUTED)
    check(text, "Marta Quist", UNATTRIBUTED)
    check(text, "Tomas Berg", UNATTRIBUTED)
    check(text, "“We never", QUOTED, "Ida Lund")


def test_a_question_and_a_statement_ending_in_a_question_mark_are_read_apart() -> None:
    text = article(
        "Why did the council wait so long to act?",
        "Isn't that what the ferry was for?",
        "The bridge, the council says, is safe for another decade?",
        "The fares rose again this spring: who can still afford the ferry?",
    )
    for start in ("Why did", "Isn't that"):
        assert check(text, start, SKIP).reason == "question to the reader"
    statement = check(text, "The bridge", SKIP)
    assert statement.reason == "a statement ending in a question mark"
    assert statement.confidence < tag(text, "Why did").confidence  # measured less often right
    joined = check(text, "The fares", SKIP)  # reviewers read the statement before the colon as a claim
    assert joined.reason == "a statement, then a question after a colon, a dash or 'but'"
    assert joined.confidence < statement.confidence


def test_an_instruction_to_the_reader_is_skip_and_a_pointer_to_more_of_the_page_more_surely() -> None:
    text = article(
        "The ferry to the island leaves at nine.",
        "Make sure you bring a warm coat for the crossing.",
        "Read more about the harbour plans here.",
    )
    advice = check(text, "Make sure", SKIP)
    assert advice.reason == "instruction to the reader"
    pointer = check(text, "Read more", SKIP)
    assert pointer.reason == "pointer to more of the page ('Read more here')"
    assert pointer.confidence > advice.confidence


def test_a_quotation_with_no_speaker_opening_the_sentence_or_inside_it_are_read_apart() -> None:
    text = article(
        "“We will never give up on this harbour, not after all these years.”",
        'Look at the old quay and ask yourself, "Will this still be here in ten years?"',
    )
    opening = check(text, "“We will never", QUOTED)
    inside = check(text, "Look at the old", QUOTED)
    assert opening.reason == "quotation, speaker not in sentence"
    assert inside.reason == "words in quotation marks inside the sentence, speaker not in it"
    assert inside.confidence < opening.confidence  # the writer's own words in quotation marks, often
    alone = check(article("The ferry was late again.", "“Never again.”"), "“Never", QUOTED)
    assert alone.reason == "short quotation, speaker not in sentence"  # a pull quote as often


def test_according_to_a_document_is_read_apart_from_what_a_document_says() -> None:
    text = article(
        "The council met on Monday.",
        "Ferry fares rose by 8 percent last year, according to the port authority's annual report.",
        "A 2019 audit found that the ferries ran late on most days.",
    )
    according = check(text, "Ferry fares", SOURCED)
    assert according.reason == "according to a document or data set"
    assert check(text, "A 2019 audit", SOURCED).reason == "claim about what a document or data set says"


def test_a_line_of_figures_with_no_full_stop_is_read_apart_from_subheads() -> None:
    text = article(
        "The fund gave away most of its money this year.",
        "$7,500 to the harbour food bank",
        "The rest went to the ferry museum, the board said.",
    )
    figures = "line of figures with no full stop (an amount, a score, a result)"
    assert check(text, "$7,500", SKIP).reason == figures


def test_labelled_lines_and_lines_of_figures_in_a_list_are_read_apart_from_plain_list_lines() -> None:
    text = article(
        "The new chief executive takes over in May.",
        "Age: 46\nNationality: Dutch\nPosition: chief executive",
        "Four games were played on Friday night.",
        "Palm Bay d. Rockledge 70-44\nHeritage d. Titusville 53-9\nMelbourne d. Cocoa 8-0",
        "Related",
        "Harbour Plans Stall\nFerry Fares Rise Again\nCouncil Weighs Budget",
    )
    assert check(text, "Age: 46", SKIP).reason == "labelled line in a list ('Age: 46')"
    figures = "line of figures with no full stop (an amount, a score, a result)"
    assert check(text, "Palm Bay", SKIP).reason == figures
    plain = check(text, "Ferry Fares", SKIP)
    assert plain.reason == "line in title case in a list of such lines"
    assert plain.confidence > tag(text, "Age: 46").confidence


def test_a_time_stamp_in_a_list_of_lines_is_read_apart_from_labelled_lines() -> None:
    text = article(
        "The council met on Monday.",
        "Monday, 11.05.2012 / 8:05 PM / News\nBy Dana Okafor\nFiled under: Transport",
        "The ferry fares will rise in May.",
    )
    assert check(text, "Monday, 11.05", SKIP).reason == "time stamp in a list of lines"


def test_a_pronoun_with_said_and_one_with_another_verb_are_read_apart() -> None:
    text = article(
        "Mayor Dana Okafor opened the new ferry terminal on Monday.",
        "She said the ferries would run every hour.",
        "She told the crowd how long the town had waited for it.",
    )
    said, told = tag(text, "She said"), tag(text, "She told")
    assert said.label == told.label == SOURCED
    assert said.reason == "pronoun pointing to a source named before"
    assert told.reason == "pronoun pointing to a source named before, with a verb other than 'said'"
    assert said.confidence > told.confidence


def test_unnamed_sources_with_said_and_with_another_verb_are_read_apart() -> None:
    text = article(
        "The ferry service was cut on Monday.",
        "Residents said the last boat left at six.",
        "Residents complained that the last boat left at six.",
    )
    said, complained = (
        check(text, "Residents said", ANONYMOUS),
        check(text, "Residents complained", ANONYMOUS),
    )
    assert said.reason == "attributed to sources who are not named"
    assert complained.reason == "attributed to sources who are not named, with a verb other than 'said'"
    assert said.confidence > complained.confidence


def test_a_plain_sentence_on_a_page_of_many_lines_that_are_not_sentences_is_less_sure() -> None:
    story = (
        "Ferry fares rose again in May across the whole region. "
        "The council met on Tuesday evening to debate the harbour plan for the coming year. "
        "The vote was put off until March, after a long debate on the costs."
    )
    ragged = article("Home\nNews\nSport\nWeather", story, "Share\nPrint\nEmail", "Most read")
    plain = article(story, "The harbour master will report to the council again in March and April.")
    on_ragged, on_plain = tag(ragged, "The council met"), tag(plain, "The council met")
    assert on_ragged.reason == "no attribution in the sentence, on a page where many lines are not sentences"
    assert on_plain.reason == "no attribution in the sentence"
    assert on_ragged.confidence < on_plain.confidence


def test_said_and_told_are_read_apart_so_each_gets_its_own_measured_confidence() -> None:
    text = article(
        "Mayor Dana Okafor said the port would reopen in May.",
        "Mayor Dana Okafor told reporters the port would reopen in May.",
    )
    said, told = tag(text, "Mayor Dana Okafor said"), tag(text, "Mayor Dana Okafor told")
    assert said.label == told.label == SOURCED
    assert said.reason != told.reason
    assert said.confidence > told.confidence  # "told" narrates more often: measured less often right


def test_contested_or_unsure_attributions_stay_below_bulk_accept() -> None:
    text = article(
        "04.00 Searchers say they have seen a shape on the sea floor.",
        "He was taken to a local hospital, and a hospital spokesman said he was in fair condition.",
        "Mayor Ana Ruiz said:",
        "“The bridge will reopen in May.”",
    )
    for start in ("04.00 Searchers", "He was taken", "Mayor Ana Ruiz"):
        suggestion = tag(text, start)
        assert suggestion.rule_confidence <= 0.85, start
        assert suggestion.confidence < DEFAULT_ACCEPT_THRESHOLD, start


@pytest.mark.parametrize(
    "sentence",
    [
        "The station was left “badly neglected” before the fire.",
        "The council will delay the scheme until it is “workable”.",
        "A veto would be a public “contradiction” of her own minister.",
    ],
)
def test_a_word_or_two_quoted_with_no_one_credited_is_the_writers_claim(sentence: str) -> None:
    suggestion = check(article(sentence), sentence[:12], UNATTRIBUTED)  # scare quotes, more often than not
    assert suggestion.rule_confidence <= 0.8


def test_a_quotation_over_two_paragraphs_is_quoted_and_credited_to_its_speaker() -> None:
    text = article(
        "“The first thing we did was call the families.", "“Then we called the lawyers,” Ortiz said."
    )
    check(text, "“The first", QUOTED, "Ortiz")
    check(text, "“Then we", QUOTED, "Ortiz")


def test_a_quotation_continued_in_the_next_sentence_keeps_its_speaker() -> None:
    text = article("“We cannot wait,” Ortiz said. “Every day costs lives.”")
    check(text, "“Every day", QUOTED, "Ortiz")


@pytest.mark.parametrize("closing", ["”", '"'])
def test_words_before_a_closing_mark_whose_opening_mark_was_lost_are_quoted(closing: str) -> None:
    text = article(
        f"“We built it flat,” says Okafor. Nobody wanted a hinge there. There was no reason.{closing} "
        "The angle is common on drawing boards."
    )
    check(text, "There was no reason", QUOTED)
    check(text, "The angle", UNATTRIBUTED)


def test_an_inch_mark_is_no_closing_quotation_mark() -> None:
    check(article('The screen measures 27" across and weighs 4 kg.'), "The screen", UNATTRIBUTED)


def test_a_speaker_tag_split_from_its_quote_stays_quoted() -> None:
    text = article("“Is that legal?” Judge Amy Lin asked.")
    assert [s.text for s in segment(text)][1:] == ["“Is that legal?”", "Judge Amy Lin asked."]
    check(text, "Judge Amy", QUOTED, "Amy Lin")
    check(text, "“Is that", QUOTED, "Amy Lin")
    # a scraped page's mixed quotation marks split the tag off
    shouted = article("The door stayed shut.", '"Sheriff. Open the door now!” a deputy sheriff shouts.')
    check(shouted, "a deputy", QUOTED)


def test_the_name_after_a_description_of_its_bearer_is_the_source() -> None:
    text = article(
        "The council's ambassador to the United Nations, Nikki R. Okafor, said the vote was a disgrace.",
        "“We are the children of two parents,” said Dr. Dusan Lindqvist, a surgeon.",
        "Negotiators at the climate talks in Lima, Peru, have warned that the cuts are too small.",
    )
    check(text, "The council's", SOURCED, "Nikki R. Okafor")
    check(text, "“We are", QUOTED, "Dusan Lindqvist")
    check(text, "Negotiators", ANONYMOUS, "Negotiators")  # a place after a comma is no name of a person


def test_a_claim_of_its_own_after_a_quotation_is_no_speaker_tag() -> None:
    text = article(
        "Dana Price runs the lander team. “We will land.” He said the lander will be ready in 2023.",
        "Ana Lin runs the launch site. “We are close.” She declined to say when the rocket would fly.",
        "Tom Hale built the pier. “It works.” The mayor's office had no comment.",
    )
    check(text, "He said", SOURCED)
    check(text, "She declined", SOURCED)
    check(text, "The mayor's office", SOURCED)


def test_a_long_sentence_cut_off_a_quotation_gives_the_quotation_its_speaker() -> None:
    text = article(
        "“What do I know about ferries?” Mayor Dana Price said at the pier on Monday, before the council "
        "voted to cut the night service that has run for forty years."
    )
    check(text, "“What do I", QUOTED, "Dana Price")
    check(text, "Mayor Dana", SOURCED, "Dana Price")  # the rest of it is the writer's account


def test_who_is_told_after_a_quotation_does_not_matter() -> None:
    text = article(
        "“The pace of repairs is far too slow,” Council member Ana Ruiz told the Ledger’s Tom Hale in an "
        "interview published Sunday."
    )
    check(text, "“The pace", QUOTED, "Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        pytest.param(article('The film "Oppenheimer" won seven Oscars.'), "The film", id="title"),
        pytest.param(
            article("Her novel “The Salt Road” sold a million copies."), "Her novel", id="book-title"
        ),
        pytest.param(
            article('The so-called "gig economy" has grown rapidly.'), "The so-called", id="so-called"
        ),
        pytest.param(article('He was nicknamed "The Bull" by teammates.'), "He was", id="nickname"),
        pytest.param(
            article('The operation, code-named "Iron Shield," began in March.'),
            "The operation",
            id="code-name",
        ),
        pytest.param(article('Sales of "smart" thermostats doubled last year.'), "Sales", id="scare-quote"),
        pytest.param(
            article('The deal follows what has been called the "agency model" of pricing.'),
            "The deal",
            id="called-the",
        ),
        pytest.param(article('Phobos means "fear" in Greek.'), "Phobos", id="means"),
        pytest.param(
            article('Critics throw around terms like "hero" too easily.'), "Critics", id="terms-like"
        ),
        pytest.param(
            article('Residents call the intersection "Dead Man\'s Curve."'), "Residents", id="place-nickname"
        ),
    ],
)
def test_quotation_marks_around_names_titles_and_labels_are_not_quotations(text: str, start: str) -> None:
    suggestion = check(text, start, UNATTRIBUTED)
    assert not any(cue.kind == "quotation" for cue in suggestion.cues)


@pytest.mark.parametrize(
    ("text", "start", "source"),
    [
        pytest.param(
            article('She was arrested at what police called a "pumping party" in a rented home.'),
            "She was",
            "police",
            id="what-police-called-a",
        ),
        pytest.param(
            article("The talks ended in what Mayor Dana Price calls the “most hopeful” week in years."),
            "The talks",
            "Dana Price",
            id="what-x-calls-the-modifier",
        ),
        pytest.param(
            article("He was fined for keeping what Sheriff Tom Hale called “three illegal ponds” at home."),
            "He was",
            "Tom Hale",
            id="what-x-called",
        ),
    ],
)
def test_what_a_speaker_calls_something_in_quotation_marks_is_their_words(
    text: str, start: str, source: str
) -> None:
    check(text, start, QUOTED, source)


def test_a_quotation_in_straight_single_marks_before_its_speaker_tag_is_quoted() -> None:
    text = article(
        "'The coating is over-designed', says Mira Patel. 'It repels rain', explains Patel, who built it.",
        "'Tis the season for repairs, the mayor's office said.",
    )
    check(text, "'The coating", QUOTED, "Mira Patel")
    check(text, "'It repels", QUOTED, "Patel")
    check(text, "'Tis the", SOURCED)  # an apostrophe, and no closing mark before the tag


def test_a_speakers_line_that_ends_its_paragraph_without_a_full_stop_introduces_the_next() -> None:
    text = article(
        "Critics rarely read the old masters. As the poet Mira Patel said of critics,",
        "The critic is half afraid to meet the great writer face to face. The great writer is kind.",
        "The festival opens on Friday.",
    )
    check(text, "The critic is", QUOTED, "Mira Patel")
    check(text, "The great writer", QUOTED, "Mira Patel")
    check(text, "The festival", UNATTRIBUTED)  # the words run one paragraph


def test_words_in_title_case_after_a_verb_of_saying_are_what_was_said() -> None:
    text = article("Dana Price coaches the team.", "Asked who taught her most, she replied, “Coach Ana Lin.”")
    check(text, "Asked who", QUOTED)
    check(article('The banner read, "Harbour Days."'), "The banner", UNATTRIBUTED)  # not a verb of saying


def test_an_excerpt_introduced_by_from_its_author_at_an_outlet_is_their_words() -> None:
    text = article(
        "The trial of the harbour master ended quickly.",
        "From Tania Okafor at The Ledger:",
        "As the hearing began, police led two protesters away. The court was closed to the public.",
    )
    check(text, "As the hearing", QUOTED, "Tania Okafor")
    check(text, "The court was", QUOTED, "Tania Okafor")


def test_a_rule_of_dashes_under_an_introduction_is_no_item_of_its_list() -> None:
    text = article("The fund's chief economist said:", "-------------", "Rates will rise", "Bonds will fall")
    check(text, "-------------", SKIP)


def test_a_framing_verb_frames_quoted_words_that_modify_the_noun_after_them() -> None:
    text = article("Mayor Ana Lin called that a “very modest adjustment” driven by strong job gains.")
    check(text, "Mayor Ana", QUOTED, "Ana Lin")


def test_rejecting_or_billing_something_as_quoted_words_quotes_them() -> None:
    text = article(
        "The harbour board rejected the claims as “patently false,” and the mayor agreed.",
        'Harbour Lines bills the new ferry as a "floating living room" for commuters.',
        "The harbour board rejected the claims on Monday.",
    )
    check(text, "The harbour board rejected the claims as", QUOTED, "harbour board")
    check(text, "Harbour Lines", QUOTED, "Harbour Lines")
    check(text, "The harbour board rejected the claims on", UNATTRIBUTED)  # no words of theirs quoted


def test_what_the_writer_or_nobody_calls_something_stays_a_label() -> None:
    check(article('That is what I call the "attention trade."'), "That is", UNATTRIBUTED)
    check(article('The plan may bring what might be called a "lost decade."'), "The plan", UNATTRIBUTED)


# --------------------------------------------------------------------------------------------
# 2. anonymous-sourced


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        pytest.param(
            "Two people briefed on the negotiations said a deal could come on Friday.",
            "Two people",
            id="briefed-on",
        ),
        pytest.param(
            "The decision was made after a heated meeting, according to three people who attended.",
            "three people",
            id="according-to-people",
        ),
        pytest.param(
            "A senior administration official told reporters the sanctions would start at once.",
            "official",
            id="one-official-told",
        ),
        pytest.param(
            "Investigators believe the fire was set deliberately, a police source said.",
            "police source",
            id="trailing-source-said",
        ),
        pytest.param(
            "One diplomat, who asked not to be named, described the mood as tense.",
            "diplomat",
            id="not-named",
        ),
        pytest.param(
            "According to a person close to the family, the singer had been ill for months.",
            "person close",
            id="close-to",
        ),
        pytest.param("Sources inside the ministry say the budget will be cut.", "Sources", id="sources-say"),
        pytest.param(
            "The talks stalled over the weekend, a Western diplomat told Reuters.",
            "diplomat",
            id="told-an-outlet",
        ),
        pytest.param(
            "A senior official at the transport ministry, speaking on condition of anonymity, said the "
            "government was drafting emergency rules.",
            "official",
            id="condition-of-anonymity",
        ),
        pytest.param(
            "The plan has the backing of most cabinet members, Israeli media reported.", "media", id="media"
        ),
        pytest.param("Some analysts warned that the rally could fade.", "analysts", id="analysts"),
        pytest.param("Authorities said the fire started in a storeroom.", "Authorities", id="authorities"),
        pytest.param("Proponents argue that the tunnel will pay for itself.", "Proponents", id="proponents"),
        pytest.param("Those close to the mayor say she will not run again.", "close to", id="those-close-to"),
        pytest.param(
            "A number of researchers have speculated that the lake once held life.",
            "researchers",
            id="speculated",
        ),
        pytest.param("Rumors suggest the club will sell its stadium.", "Rumors", id="rumors"),
        pytest.param("Backers of the levy say it will pay for two schools.", "Backers", id="backers"),
        pytest.param("Hospital bosses said the ward would reopen in May.", "bosses", id="bosses"),
        pytest.param(
            "The fair, according to attendees, was half as busy as last year.", "attendees", id="attendees"
        ),
        pytest.param(
            "A source told 247Sports that the coach had won the job.", "A source", id="told-a-named-listener"
        ),
        pytest.param(
            "The phone will have a larger screen, according to rumors from its suppliers.",
            "rumors",
            id="according-to-rumors",
        ),
    ],
)
def test_claims_from_sources_who_are_not_named_are_anonymous(sentence: str, source: str) -> None:
    check(article(sentence), sentence[:12], ANONYMOUS, source)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company is reportedly exploring a sale of its European unit.",
        "The minister is said to be furious about the leak.",
        "The singer is rumored to be planning a tour.",
        # unnamed sources behind the story, with no one to point at
        "OSLO – Two paintings have gone missing from the city museum, it was learned Monday.",
        "It is understood that the ferry contract will be cancelled next week.",
        "Information reaching the Harbour Ledger is that the ferry ran aground at dawn.",
        "The Harbour News has learnt that the port director resigned on Friday.",
        "There have been reports of crews working double shifts without pay.",
        "By some estimates, the ferry loses $2 million a year.",
        "Word is that the port director will resign on Friday.",
        "It has been said that the harbour never sleeps.",
    ],
)
def test_reportedly_and_sources_nobody_names_are_anonymous(sentence: str) -> None:
    suggestion = check(article(sentence), sentence[:12], ANONYMOUS)
    assert any(cue.kind == "anonymity" for cue in suggestion.cues)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("An advocacy group for retired teachers said the change would hit 40,000 people.", "advocacy group"),
        ("A coalition of business groups urged both sides to return to the table.", "coalition"),
        ("A report by a coalition of environmental groups found that emissions rose.", None),
        ("In the past year, four studies show the ice shelf may be less stable.", "four studies"),
        ("Several surveys have found that riders want later buses.", "Several surveys"),
        ("Two Harbour Party donors told the paper that the plan was dropped.", "donors"),
        ("Labour councillors said the depot would close by spring.", "Labour councillors"),
        ("Danish farmers, who have lost two harvests to drought, warned that prices would rise.", "farmers"),
        ("Tenant advocacy groups estimated that 900 families would lose their homes.", "advocacy groups"),
        ("A former model told the paper that the agency had ignored her complaint.", "former model"),
        ("Some conjecture that the comet broke apart weeks ago.", "Some"),
        ("Several geologists have hypothesized that the lake is fed by a hidden spring.", "geologists"),
        ("A housewife said she heard gunfire from the market.", "housewife"),
        ("A local shopkeeper told the paper that the gates were shut at noon.", "shopkeeper"),
        ("Spokespeople for water utilities said the meters could not be read.", "utilities"),
        ("One prominent Republican told me the vote would fail.", "Republican"),
        ("Those around Okafor admit she has not read the report.", "Those around Okafor"),
        ("Already, some who work at Lagos papers say, the law has had a chilling effect.", "some who work"),
        ("A Syrian told reporters the town had fallen overnight.", "Syrian"),
        ("Spokesmen and spokeswomen for state agencies say the counts are late.", "agencies"),
    ],
)
def test_a_group_described_but_not_named_is_anonymous(sentence: str, source: str | None) -> None:
    check(article(sentence), sentence[:12], ANONYMOUS, source)


def test_the_role_of_an_unnamed_person_met_just_before_stays_anonymous() -> None:
    text = article(
        "A scientist working at the energy agency sent a message to a reporter. "
        "In the message, the scientist said the plants were hit again.",
        "Foreign Minister Wang Yi spoke on Monday. The minister said the talks would go on.",
    )
    check(text, "In the message", ANONYMOUS, "the scientist")
    check(text, "The minister said", SOURCED, "Wang Yi")  # a name met later is no longer passed over


def test_a_role_with_a_phrase_after_it_is_not_matched_by_its_last_word() -> None:
    text = article(
        "The video was posted by a senior Labour Party figure. "
        "The chairman of the Conservative Party described the video as satire."
    )
    check(text, "The chairman", SOURCED)


def test_a_long_title_after_the_work_it_names_is_no_quotation() -> None:
    sentence = (
        'Hale tells it all in a new book, "Crossing the Line: The Outrageous Story of a Harbour Pilot."'
    )
    check(article(sentence), "Hale tells", UNATTRIBUTED)


def test_wrote_in_his_book_attributes_the_claim() -> None:
    sentence = "Most ferries in the fleet are forty years old, Tom Hale wrote in his book."
    check(article(sentence), "Most ferries", SOURCED, "Tom Hale")


def test_the_role_of_a_person_named_before_is_sourced() -> None:
    text = article(
        "Lord Harris of Greenwich wrote to the fraud office in May.",
        "The Labour peer said that six cheques had been found during the inquiry.",
    )
    check(text, "The Labour peer", SOURCED)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The ministry put the ferries on standby, but said that was only a precaution.", "ministry"),
        (
            "The harbour chief spoke to reporters on Monday night, and said the strike would end.",
            "harbour chief",
        ),
        ("The engineer built the model in May, but noted that the bridge was safe.", "engineer"),
    ],
)
def test_a_verb_of_saying_joined_to_an_act_has_the_acts_subject(sentence: str, source: str) -> None:
    check(article("Dockworkers walked off the job on Monday.", sentence), sentence[:10], SOURCED, source)


def test_a_word_or_two_quoted_after_a_verb_of_saying_are_someones_words() -> None:
    sentence = 'Harbour chief Dana Price went so far as to call the fare plan "ridiculous."'
    suggestion = check(article(sentence), "Harbour chief", QUOTED)
    assert suggestion.reason == "a word or two in quotation marks after a verb of saying"


def test_a_thing_before_a_verb_of_saying_is_no_unnamed_source() -> None:
    sentence = "The chain acquired a 51% stake in the brand, a deal announced on Tuesday."
    check(article(sentence), sentence[:12], UNATTRIBUTED)


@pytest.mark.parametrize("adverb", ["Perhaps", "Surely", "Apparently", "And"])
def test_a_sentence_adverb_before_the_name_is_not_part_of_the_source(adverb: str) -> None:
    suggestion = check(article(f"{adverb} Okafor told the board that the loan was safe."), adverb, SOURCED)
    assert suggestion.source == "Okafor"


def test_what_a_named_person_once_thought_is_told_in_the_writers_words() -> None:
    text = article(
        "Okafor thought the bridge would hold until spring.",
        "Lina Marsh feared that the vote would be delayed.",
        "Okafor thinks the bridge will hold until spring.",
        "Officials feared that the bridge would fail.",
    )
    thought = check(text, "Okafor thought", UNATTRIBUTED)
    assert thought.reason == "someone's past thoughts, told in the writer's words"
    check(text, "Lina Marsh", UNATTRIBUTED)
    check(text, "Okafor thinks", SOURCED, "Okafor")  # a view held now, on the record
    check(text, "Officials feared", ANONYMOUS, "Officials")  # unnamed people's fears are still theirs


def test_agreeing_or_testifying_reports_a_claim_only_with_that() -> None:
    text = article(
        "Reyes testified before the harbour committee on Tuesday.",
        "Osei testified on Wednesday that the cranes had failed.",
        "The council agreed a new lease with the port on Monday.",
        "Okafor agreed with Marsh about the timetable.",
        "Marsh readily agreed.",
        "Okafor agreed that the bridge was unsafe.",
        "“It has to close,” agreed Marsh.",
    )
    check(text, "Reyes testified", UNATTRIBUTED)  # an act: no claim of theirs is reported
    check(text, "Osei testified", SOURCED, "Osei")
    check(text, "The council", UNATTRIBUTED)
    check(text, "Okafor agreed with", UNATTRIBUTED)
    check(text, "Marsh readily", UNATTRIBUTED)
    check(text, "Okafor agreed that", SOURCED, "Okafor")
    check(text, "“It has", QUOTED, "Marsh")


def test_experts_the_story_introduced_before_are_identified_but_new_ones_are_not() -> None:
    introduced = article(
        "Nine doctors at Mercy Hospital, led by Dr. Maya Lin, wrote to the agency in March.",
        "The doctors warned that the clinics were overcrowded.",
    )
    check(introduced, "The doctors", SOURCED)
    check(article("The doctors warned that the clinics were overcrowded."), "The doctors", ANONYMOUS)


def test_they_points_back_to_unnamed_officials() -> None:
    text = article(
        "Regional officials met the mining company on Tuesday. They said the permit would be suspended."
    )
    check(text, "They said", ANONYMOUS, "officials")


# --------------------------------------------------------------------------------------------
# 3. sourced


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Gov. Maria Chen announced on Tuesday that schools would reopen.", "Maria Chen"),
        ("The White House said it had no plans to intervene.", "White House"),
        ("Police said the suspect was arrested at his home.", "Police"),
        ("Pfizer, in a filing with regulators, disclosed a $2 billion charge.", "Pfizer"),
        ("The outage lasted four hours, Microsoft confirmed.", "Microsoft"),
        ("Toyota's chief executive, Koji Sato, told analysts that demand remained strong.", "Koji Sato"),
        ("The Kremlin denied that any Russian troops were in the region.", "Kremlin"),
        ("The attack was the deadliest since 2015, according to the United Nations.", "United Nations"),
        ("Putin accused the West of provoking the conflict.", "Putin"),
        ("Russia has said the exercises are purely defensive.", "Russia"),
        ("The layoffs will hit the marketing team hardest, Bloomberg reported.", "Bloomberg"),
        ("According to Break Media, video ad spending will double by 2026.", "Break Media"),
        ("Senior Executives Association President Bill Valdez said the survey was flawed.", "Bill Valdez"),
        ("An official, Jane Doe, said the talks had stalled.", "Jane Doe"),
        ("One witness, Polly Sheppard, told reporters the gunman had fled.", "Polly Sheppard"),
        (
            "Okafor, a director at the Lagos Port Authority, which runs both docks, said cargo was late.",
            "Okafor",
        ),
        ("Dr. Ines Baptiste, the board's chair, who took office in May, said the vote was fair.", "Baptiste"),
    ],
)
def test_claims_attributed_to_a_named_source_are_sourced(sentence: str, source: str) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The levy, which the Treasury says will raise $4 billion, starts in May.", "Treasury"),
        ("Dalgety, who police said used three names, appeared in court on Friday.", "police"),
        ("The flaw, which Ormsby claims lets anyone in, was patched in June.", "Ormsby"),
        ("The ferry plan is a gamble that Mayor Ana Lin says will pay off.", "Ana Lin"),
    ],
)
def test_a_relative_clause_with_its_own_speaker_attributes_the_claim(sentence: str, source: str) -> None:
    """'which the Treasury says will raise': the Treasury, not the writer, vouches for the figure."""
    check(article(sentence), sentence[:8], SOURCED, source)


def test_a_that_clause_with_unnamed_speakers_is_anonymous() -> None:
    text = article(
        "Ford will show its first electric truck, a model that industry analysts say will sell well."
    )
    check(text, "Ford will", ANONYMOUS, "industry analysts")


def test_a_relative_pronoun_that_is_the_speaker_still_mentions_an_old_statement() -> None:
    sentence = "Vance, who has said the tariffs will pay for themselves, toured the plant on Friday."
    check(article(sentence), "Vance", UNATTRIBUTED)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A spokesman for the Home Office said the policy was under review.", "Home Office"),
        ("A Pentagon spokesman, Lt. Col. Ramon Diaz, said the review would take months.", "Ramon Diaz"),
        ("The governor's spokeswoman, Ana Ruiz, said in an email that the state would appeal.", "Ana Ruiz"),
        ("Lawyer Cliff Oduya, representing the three voters, said the count was wrong.", "Cliff Oduya"),
    ],
)
def test_a_spokesperson_for_a_named_body_is_sourced(sentence: str, source: str) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


@pytest.mark.parametrize(
    ("sentence", "label", "source"),
    [
        ("The coach will stay for the bowl game, per the release.", SOURCED, "the release"),
        ("Prices rose 5 per cent last year, per the agency.", SOURCED, "the agency"),
        ("Rents rose 3 percent, per a report from Zillow.", SOURCED, "Zillow"),
        ("Prices rose 5 per cent and fares cost $4 per ride.", UNATTRIBUTED, None),
        ("Officials told China about the new tariffs last week.", UNATTRIBUTED, None),
    ],
)
def test_per_before_a_source_attributes_and_per_before_a_unit_does_not(
    sentence: str, label: str, source: str | None
) -> None:
    check(article("The town has argued over the plan for a year.", sentence), sentence[:12], label, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The museum says the mural will be restored by spring.", "The museum"),
        ("The suspect told officers he had been asleep all evening.", "The suspect"),
        ("Flights were delayed for three hours, according to the airport.", "the airport"),
        ("The startup announced that it had raised $40 million.", "The startup"),
        ("The diocese said the parish school would close in June.", "The diocese"),
        ("The listing says the house was built in 1911.", "The listing"),
    ],
)
def test_an_institution_or_document_named_by_its_kind_is_a_source(sentence: str, source: str) -> None:
    check(article("The town has argued over the plan for a year.", sentence), sentence[:12], SOURCED, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Harlan Mills has consistently denied taking the money.", "Harlan Mills"),
        ("Kestrel Foods have twice denied cutting corners.", "Kestrel Foods"),
        ("The ministry flat-out denied the report in a statement.", "ministry"),
        ("Governor Ana Ruiz vehemently denied the allegations on Tuesday.", "Ana Ruiz"),
    ],
)
def test_an_adverb_between_the_source_and_the_verb_is_read_past(sentence: str, source: str) -> None:
    check(article("The port contract inquiry began in May.", sentence), sentence[:12], SOURCED, source)


def test_an_adverb_set_off_by_commas_does_not_make_the_subject_an_apposition() -> None:
    text = article(
        "Carriers ordered fewer jets this year.",
        "Bayline Airways chief executive Rosa Lind, meanwhile, told reporters at a news conference "
        "that the airline would grow by a third.",
    )
    check(text, "Bayline", SOURCED, "Rosa Lind")


@pytest.mark.parametrize(
    "sentence",
    [
        "The coalition announced over the weekend that the strike would end.",
        "The union said this week that talks had stalled.",
        "The agency confirmed in a press release that two wells were closed.",
        "Harbour chief Dana Price tells the online news site this morning that the strike will end.",
    ],
)
def test_when_or_where_it_was_said_may_stand_between_the_verb_and_that(sentence: str) -> None:
    check(article("Dockworkers walked off the job on Monday.", sentence), sentence[:10], SOURCED)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("As Mara Lind reports for the Ledger, the first cases appeared in May.", "Mara Lind"),
        ("As Reuters reports, the bank lost $2 billion in the quarter.", "Reuters"),
    ],
)
def test_an_opening_as_clause_names_the_source_of_the_claim(sentence: str, source: str) -> None:
    check(article("Regulators are watching the lender.", sentence), "As ", SOURCED, source)


def test_an_opening_as_clause_of_events_is_no_source() -> None:
    text = article("Inflation rose in the spring.", "As prices rose in March, the bank raised its rates.")
    check(text, "As prices", UNATTRIBUTED)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Amazon did not respond to a request for comment.", "Amazon"),
        ("Representatives for the singer declined to comment.", None),
        ("A spokeswoman for Greenfield Bakeries declined to comment.", "Greenfield Bakeries"),
        ("The senator's office did not immediately respond to an email seeking comment.", "senator"),
        ("The Justice Department declined to comment on the investigation.", "Justice Department"),
        ("Dr. Lena Ortiz declined to answer questions about the trial.", "Lena Ortiz"),
        ("The mayor’s office didn’t respond to a request for comment.", "mayor"),
        ("The harbour board ignored a request for comment.", "harbour board"),
        ("Dana Ruiz’s publicist didn’t get back to us.", "Dana Ruiz"),
        ("The county sheriff's office did not immediately provide further details.", "sheriff"),
        ("Northwind Logistics did not provide any other details about the layoffs.", "Northwind"),
        ("Dana Okafor declined to address whether the guard slept on the job.", "Dana Okafor"),
        ("Mayor Ana Ruiz refused to confirm that the deal had collapsed.", "Ana Ruiz"),
    ],
)
def test_declined_to_comment_is_sourced_to_who_declined(sentence: str, source: str | None) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


def test_unnamed_officials_who_gave_no_details_stay_unnamed() -> None:
    check(article("Officials did not immediately provide any other details."), "Officials", ANONYMOUS)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A lawsuit filed in federal court alleges that the company hid the defects.", "lawsuit"),
        ("Census data shows the town's population fell by 8 percent.", "Census data"),
        ("The agency's own guidelines recommend testing every six months.", "guidelines"),
        ("According to court records, Jones was arrested twice in 2019.", "court records"),
        ("The available figures put unemployment at 7 percent.", "figures"),
        ("The study, published in The Lancet, found no link between the drug and strokes.", None),
        ("Documents obtained by The Intercept show the agency tracked activists for months.", "Intercept"),
        (
            "Residents have cut use by 11 percent since March, the utility's billing data shows.",
            "billing data",
        ),
        ("The spending bill includes $40 million for new ferries.", "spending bill"),
        ("Court papers filed by the family on Friday show that the house was sold twice.", "Court papers"),
        ("The results were published on Monday (May 4) in the journal Marine Ecology.", "Marine Ecology"),
    ],
)
def test_what_a_document_or_data_set_says_is_sourced(sentence: str, source: str | None) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


def test_a_pronoun_points_back_to_the_person_named_before() -> None:
    text = article(
        "Dr. Aisha Bello runs the only clinic in the valley.", "She said supplies run out every winter."
    )
    suggestion = check(text, "She said", SOURCED, "Aisha Bello")
    assert suggestion.source_span is not None
    assert text[slice(*suggestion.source_span)] == "Aisha Bello"


@pytest.mark.parametrize(
    ("line", "source"),
    [
        pytest.param(
            "RATES — The Ledger’s Amal Haddad: “The port will raise its fees twice next year.”",
            "Amal Haddad",
            id="a-reporter-of-an-outlet",
        ),
        pytest.param(
            "FERRIES — Reuters: “Two operators have cut their winter service.”", "Reuters", id="an-outlet"
        ),
    ],
)
def test_a_name_before_a_colon_speaks_the_quotation_after_it(line: str, source: str) -> None:
    text = article("Dana Price, the port director, spoke on Monday.", line)
    check(text, line[:5], QUOTED, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        pytest.param(
            "CNN meteorologist Rosa Lind said the storm would pass by noon.", "Rosa Lind", id="outlet-role"
        ),
        pytest.param(
            "The Ledger’s Tom Hale reported that the mill had closed.", "Tom Hale", id="outlet-possessive"
        ),
        pytest.param("Acme’s chief executive, Ana Ruiz, said sales rose.", "Ana Ruiz", id="company-role"),
        pytest.param("McDonald’s Corp. said sales rose.", "McDonald’s Corp", id="a-possessive-in-a-name"),
    ],
)
def test_a_person_an_outlet_or_company_introduces_is_the_source(sentence: str, source: str) -> None:
    assert check(article(sentence), sentence[:8], SOURCED).source == source


def test_a_pronoun_skips_capitalised_words_the_article_never_uses_as_a_name() -> None:
    text = article(
        "Owen Marsh, a data analyst in Calgary, has mapped snowfall for 30 years.",
        "Marsh grew up in the foothills of the Rocky Mountains.",
        "The Rocky Mountains keep their snow well into June.",
        "“It surprised me how early the melt came,” he said.",
    )
    check(text, "“It surprised", QUOTED, "Owen Marsh")


@pytest.mark.parametrize(
    "place",
    [
        pytest.param("Marsh now lives in Walla Walla, with his family.", id="a-name-of-one-word-twice"),
        pytest.param(
            "Marsh took the figures from Statistics Canada, which counts snow in Canada daily.",
            id="a-body-whose-last-word-is-a-place",
        ),
    ],
)
def test_a_pronoun_is_not_taken_by_a_place_or_body_in_between(place: str) -> None:
    text = article(
        "Owen Marsh, a data analyst, built the snowfall model last winter.",
        place,
        "“The data is arranged day by day,” he says.",
    )
    check(text, "“The data", QUOTED, "Owen Marsh")


def test_a_pronoun_still_points_to_a_person_named_only_once() -> None:
    text = article(
        "Owen Marsh runs the weather station above the town.",
        "Maria Lopez, a nurse at the county hospital, arrived at noon.",
        "“We ran out of beds by two,” she said.",
    )
    check(text, "“We ran out", QUOTED, "Maria Lopez")


@pytest.mark.parametrize(
    ("first", "again", "source"),
    [
        pytest.param(
            "Margaret Hale chaired the board.", "Mrs Hale said the fund was sound.", "Margaret Hale", id="mrs"
        ),
        pytest.param(
            "Kenneth Moss led the inquiry.", "Lord Moss said the fund was sound.", "Kenneth Moss", id="lord"
        ),
        pytest.param(
            "Capt. James Ortiz led the search.",
            "Captain Ortiz said the boat sank fast.",
            "James Ortiz",
            id="rank",
        ),
    ],
)
def test_a_title_before_a_surname_resolves_to_the_full_name(first: str, again: str, source: str) -> None:
    check(article(first, again), again[:8], SOURCED, source)


def test_the_paper_points_back_to_the_outlet() -> None:
    text = article(
        "The Washington Post first reported the deal in March.",
        "The paper reported that the mayor had used city funds for travel.",
    )
    check(text, "The paper", SOURCED, "The Washington Post")


def test_a_surname_resolves_to_the_full_name() -> None:
    text = article(
        "Supervisor Dana Whitfield cast the deciding vote.", "Whitfield added that fines would wait."
    )
    check(text, "Whitfield added", SOURCED, "Dana Whitfield")


def test_a_named_person_with_a_side_remark_is_sourced() -> None:
    text = article(
        "Kenyan President Ruth Wanjiru spoke in Nairobi on Monday.",
        "She then toured the flooded districts, saying that aid would arrive within days.",
    )
    check(text, "She then", SOURCED, "Ruth Wanjiru")


@pytest.mark.parametrize(
    ("sentence", "label", "source"),
    [
        pytest.param(
            "Kyiv lost power for six hours, The Washington Post reported Monday, citing Ukrainian officials.",
            ANONYMOUS,
            "Ukrainian officials",
            id="outlet-citing-unnamed-officials",
        ),
        pytest.param(
            "The cargo was seized in May, according to European officials quoted by the Financial Times.",
            ANONYMOUS,
            "European officials",
            id="officials-quoted-by-an-outlet",
        ),
        pytest.param(
            "The Iranian officials told the Europeans they had no plans to enrich further, according to "
            "the report.",
            SOURCED,
            "report",
            id="officials-as-actors-in-the-story",
        ),
        pytest.param(
            'Sen. Tammy Ruiz (D-N.M.) wrote on Twitter that the decision was "reckless."',
            QUOTED,
            "Tammy Ruiz",
            id="party-tag-in-parentheses",
        ),
        pytest.param(
            "The ministry has not publicly commented on the leak.",
            SOURCED,
            "ministry",
            id="not-publicly-commented",
        ),
        pytest.param(
            'Secretary of State Ana Lopes has repeatedly described the treaty as "the cornerstone of our '
            'security."',
            QUOTED,
            "Ana Lopes",
            id="title-and-name",
        ),
    ],
)
def test_who_the_source_is_when_outlets_officials_and_titles_mix(
    sentence: str, label: str, source: str
) -> None:
    check(article(sentence), sentence[:12], label, source)


def test_a_caption_above_its_photo_credit_is_skip() -> None:
    text = article(
        "A trader watches a stock board in Lagos. (ADE OKON/AFP/Getty Images)",
        "Shares fell for a third day. (Picture by Tunde Bello)",
        "Shares fell for a third day in Lagos as the naira weakened. Traders sold banks first.",
    )
    check(text, "A trader watches", SKIP)
    check(text, "Shares fell for a third day.", SKIP)
    check(text, "Shares fell for a third day in Lagos", UNATTRIBUTED)


def test_the_ingredient_lines_of_a_recipe_are_skip() -> None:
    text = article(
        "To serve four:\n2 tsp vegetable oil\n1 large onion\n1/4 tsp dried oregano",
        "The city bought 3 cans of paint.",
    )
    check(text, "2 tsp", SKIP)
    check(text, "1 large onion", SKIP)
    check(text, "1/4 tsp", SKIP)
    check(text, "The city bought", UNATTRIBUTED)


def test_a_bio_at_the_end_of_someone_the_story_never_named_is_skip() -> None:
    text = article(
        "Ports in the region handled record cargo in May.",
        "Dana Price is the harbour master at Tema. She said the queues were shorter.",
        "Zach Hanlon is a marketing and sales expert who has worked with three shipping lines. "
        "He writes about logistics.",
    )
    check(text, "Zach Hanlon", SKIP)
    check(text, "He writes", SKIP)
    check(text, "Dana Price is", UNATTRIBUTED)  # not at the very end, and named in the story


def test_a_bio_that_says_what_its_authors_do_or_comes_before_a_list_of_links_is_skip() -> None:
    pair = article(
        "The sequel is louder than the first film.",
        "It is also longer.",
        "Ruiz & Okafor write about the movies for the Ledger and host a podcast on film.",
    )
    check(pair, "Ruiz & Okafor", SKIP)
    teacher = article("The harbour has changed.", "Ana Lindqvist teaches at Tema Polytechnic.")
    check(teacher, "Ana Lindqvist", SKIP)
    links = article(
        "Answer your customers quickly.",
        "Gail Dorsey is the founder of a small consultancy.",
        "More from the Ledger:",
        "The Gift of a Bright Idea",
        "Five Predictions for Next Year",
        "Why Startups Fail",
    )
    check(links, "Gail Dorsey", SKIP)


def test_a_dateline_is_not_a_source() -> None:
    text = article(
        "LISBON (Reuters) - Portugal will extend its tax break for another year, the finance ministry said."
    )
    check(text, "LISBON", SOURCED, "finance ministry")


# --------------------------------------------------------------------------------------------
# 4. unattributed


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge carries about 40,000 vehicles a day.",
        "Prices rose 3 percent in May, the fastest pace in a year.",
        "Officials met in Geneva for three days of talks.",
        "Trump's pledge to end the war in a day has not been fulfilled.",
        "The statement came hours after the explosion.",
        "The tariffs — which took effect at midnight — apply to steel and aluminum.",
        "Ministers also told the unions about the planned pension changes.",
        "It was not immediately clear who fired first.",
        "The chain runs 40 clinics in 12 states.",
    ],
)
def test_a_claim_without_attribution_is_unattributed(sentence: str) -> None:
    check(article(sentence), sentence[:12], UNATTRIBUTED)


@pytest.mark.parametrize(
    "sentence",
    [
        "Netanyahu, who has vowed to press on with the offensive, faces mounting pressure at home.",
        "The senator, who once called climate change a hoax, now chairs the environment committee.",
        "A man who said he witnessed the crash was later arrested.",
        "Holt, who once promised investors the platform would never chase ratings, now runs reality shows.",
    ],
)
def test_the_writers_analysis_mentioning_an_old_statement_is_unattributed(sentence: str) -> None:
    check(article(sentence), sentence[:12], UNATTRIBUTED)


# --------------------------------------------------------------------------------------------
# skip


def test_the_first_line_is_a_headline_even_when_quoted() -> None:
    text = "“We will not back down,” says union chief\n\nThe strike began on Monday.\n"
    check(text, "“We will", SKIP)


def test_a_headline_credited_to_an_outlet_is_sourced_to_it() -> None:
    text = "Reuters: Talks Collapse as Deadline Passes\n\nThe talks ended on Monday.\n"
    check(text, "Reuters:", SOURCED, "Reuters")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("By Laura Kim and Tom Reyes", id="byline"),
        pytest.param("Written by: Tom Hadley", id="written-by"),
        pytest.param("(AP Photo/Evan Vucci)", id="ap-credit"),
        pytest.param("Eli Santos/Getty Images", id="getty-credit"),
        pytest.param("Photo: Workers inspect the bridge on Tuesday.", id="photo-caption"),
        pytest.param("Read more: How the housing crisis hit renters", id="read-more"),
        pytest.param("WATCH: Drone footage shows ships stranded off Lagos", id="watch-promo"),
        pytest.param("Sign up for our morning newsletter.", id="sign-up"),
        pytest.param("Copyright © 2023 The Hollis Ledger.", id="copyright"),
        pytest.param("This article is owned by the Hollis Ledger.", id="ownership"),
        pytest.param("This story has been updated with comment from the company.", id="updated"),
        pytest.param("Associated Press writer Tom Reyes contributed to this report.", id="contributed"),
        pytest.param("Jane Doe is a senior reporter at the Hollis Ledger.", id="author-bio"),
        pytest.param("The road to the deal", id="subhead-no-full-stop"),
        pytest.param("What happens next?", id="question-to-reader"),
        pytest.param("Updated 9:15 a.m.", id="updated-time"),
        pytest.param("Published 2 June 2024", id="published-date"),
        pytest.param("Here's what you need to know about the new rules.", id="signpost"),
        pytest.param("Get in touch.", id="get-in-touch"),
        pytest.param("You can read more about the port's owner - a dynasty - here.", id="read-more-here"),
        pytest.param("Get the best of our reporting in your inbox every Friday.", id="inbox-promo"),
        pytest.param("Anyone with information is asked to call Crime Stoppers.", id="police-appeal"),
        pytest.param("Image caption, Volunteers fill sandbags in the square", id="image-caption"),
        pytest.param("(Reporting by Ana Ruiz; Editing by Tom Reyes)", id="wire-credits-in-parentheses"),
        pytest.param("This article first appeared in The Hollis Ledger.", id="first-appeared"),
        pytest.param("10:42 a.m.", id="live-blog-time-stamp"),
        pytest.param("Contact Ana Ruiz at aruiz@hollisledger.com.", id="contact-email"),
        pytest.param(
            "Tom Reyes is a retired teacher and writes a weekly column on gardening for the Ledger.",
            id="author-bio",
        ),
        pytest.param("By Laura Kim,", id="byline-with-comma"),
        pytest.param("Tom Reyes contributed research.", id="contributed-research"),
        pytest.param("Ana Ruiz and Tom Reyes contributed to this article.", id="contributed-article"),
        pytest.param("Reyes reported from Mosul, Iraq.", id="reported-from"),
        pytest.param("Ana's email address is aruiz@hollisledger.com.", id="email-address"),
        pytest.param("Send news tips and comments to tips@hollisledger.com.", id="send-tips"),
        pytest.param("Watch the mayor's interview below.", id="watch-below"),
        pytest.param("To see the full report, click on the video above.", id="click-video"),
        pytest.param("Leave a comment below.", id="leave-a-comment"),
        pytest.param("This article has been revised to correct the date of the vote.", id="revised"),
        pytest.param("This undated photo shows the bridge under construction.", id="photo-shows"),
        pytest.param(
            "[ Download our free guide to the new building rules, with advice from architects, builders and "
            "the city's planning office, in the Ledger's newsletter. ]",
            id="bracket-promo",
        ),
        pytest.param("Disclaimer: The views expressed here are the author's own.", id="disclaimer"),
        pytest.param("Categories: Politics", id="categories"),
        pytest.param("(Credit: Harbour Ledger archives)", id="credit-in-parentheses"),
        pytest.param(
            "(Source: Letters from the Front, a collection of war letters.)", id="source-in-parentheses"
        ),
        pytest.param("Via my colleague Jessica.", id="via"),
        pytest.param("Remove this ad", id="remove-ad"),
        pytest.param("Comment below and tell us what you think.", id="comment-below"),
        pytest.param("11.12.12", id="numeric-date"),
        pytest.param("November 6, 2012 |", id="date-with-bar"),
        pytest.param("12:37 pm |", id="time-with-bar"),
        pytest.param("Sincerely,", id="sign-off"),
        pytest.param("And after the jump, four more videos of the crossing.", id="after-the-jump"),
        pytest.param("See more by Ana Ruiz on the Ledger's site.", id="see-more-by"),
        pytest.param("Visit the Harbour Trust webpage for more information.", id="visit-webpage"),
        pytest.param("Comments may be no longer than 2000 characters.", id="comment-guidelines"),
        pytest.param("Cross-posted from the Harbour Ledger.", id="cross-posted"),
        pytest.param("3915", id="bare-number"),
        pytest.param("November 12, 2012 by Ana Ruiz", id="dated-byline"),
        pytest.param("(Video of the crossing courtesy of the port authority).", id="courtesy"),
    ],
)
def test_lines_that_are_not_claims_are_skipped(line: str) -> None:
    text = article("The bridge is closed.", line, "The council votes in May.")
    check(text, line[:6], SKIP)


def test_an_embedded_post_is_its_authors_words_and_its_signature_is_skipped() -> None:
    text = article(
        "The senator answered within minutes.",
        "This ruling will not stand and we will appeal it tomorrow pic.twitter.com/x1y2z3",
        "— Tammy Ruiz (@SenTammyRuiz) June 4, 2024",
        "The court declined to comment.",
    )
    check(text, "This ruling", QUOTED, "Tammy Ruiz")
    # some reviewers tag it as the post's speaker tag
    assert check(text, "— Tammy", SKIP).confidence < DEFAULT_ACCEPT_THRESHOLD
    check(text, "The court declined", SOURCED, "court")


def test_a_line_of_an_embedded_post_with_no_full_stop_is_read_apart() -> None:
    text = article(
        "The senator answered within minutes.",
        "We will appeal the ruling tomorrow.\nSee you in court pic.twitter.com/x1y2z3",
        "— Tammy Ruiz (@SenTammyRuiz) June 4, 2024",
    )
    full = check(text, "We will appeal", QUOTED, "Tammy Ruiz")
    assert full.reason == "text of an embedded post signed below it"
    ragged = check(text, "See you", QUOTED, "Tammy Ruiz")
    assert ragged.reason == "line of an embedded post signed below it, with no full stop"


def test_a_developing_story_notice_is_skipped() -> None:
    check(article("The bridge is closed.", "This is a developing story."), "This is a", SKIP)


@pytest.mark.parametrize(
    "notice",
    [
        "This copy is for your personal, non-commercial use only.",
        "To order presentation-ready copies for distribution to your friends, visit our reprints desk.",
        "Distribution and use of this material are governed by our terms of use.",
        "For non-personal use or to order multiple copies, please contact our reprints desk.",
        "An error has occurred, please try again later.",
        "This story has been adapted from its original source.",
        "This article is the copyrighted property of the Harbour Ledger.",
        "Written permission must be obtained before reprint in online or print media.",
        "To read the full story, please subscribe to the Harbour Ledger.",
        "If you're already a subscriber, you can log in for immediate access.",
        "For the latest stories and breaking news updates download the Ledger apps for iOS and Android.",
        "To reach the reporter behind this story, contact dana@ledger.example.",
        "We want to hear what you think about this article.",
        "Used with permission of Harbour Books, Oslo.",
        "Email: newsroom@ledger.example",
        "How to get help: call the harbour helpline at 555-0100.",
    ],
)
def test_reprint_and_error_notices_are_skipped(notice: str) -> None:
    check(article("The bridge is closed.", notice), notice[:12], SKIP)


def test_a_news_agency_alone_on_the_last_line_is_a_credit() -> None:
    text = article("Farmers in the valley lost half their crop to the floods. PTI", "Comments")
    check(text, "PTI", SKIP)


def test_a_quoted_subhead_and_a_pull_quote_are_skipped() -> None:
    text = article(
        "‘A turning point’",
        '"We grew too fast, and we hired for a future that did not arrive," Holt wrote.',
        '"We grew too fast, and we hired for a future that did not arrive"',
    )
    check(text, "‘A turning", SKIP)
    check(text, '"We grew too fast, and we hired for a future that did not arrive,"', QUOTED, "Holt")
    check(text, '"We grew too fast, and we hired for a future that did not arrive"', SKIP)


# --------------------------------------------------------------------------------------------
# block quotations


BLOCK = article(
    "In a letter to shareholders, the chief executive wrote:",
    "Our results this year were disappointing. We expanded too quickly.",
    "We are now refocusing on our core business.",
    "Shares rose 2 percent after the letter was released.",
)


def test_a_block_quotation_carries_the_attribution_of_its_introduction() -> None:
    check(BLOCK, "In a letter", SOURCED, "chief executive")
    check(BLOCK, "Our results", QUOTED, "chief executive")
    check(BLOCK, "We expanded", QUOTED)
    check(BLOCK, "We are now", QUOTED)


def test_a_block_quotation_ends_when_the_writer_names_the_document_again() -> None:
    check(BLOCK, "Shares rose", UNATTRIBUTED)


def test_a_block_quotation_ends_at_the_next_time_stamped_entry_of_a_live_blog() -> None:
    text = article(
        "13.10 The airline's chief executive, Ana Ruiz, said in a statement:",
        "We are doing all we can for the families.",
        "13.25 Rescuers have found a second piece of debris near the coast.",
    )
    check(text, "We are doing", QUOTED)
    check(text, "13.25 Rescuers", UNATTRIBUTED)


def test_an_outlet_report_continued_as_a_block() -> None:
    text = article(
        "The Guardian reported on Sunday that the ministry had ignored warnings.",
        "The Guardian report continued:",
        "Engineers raised concerns about the dam in 2019. Their memo was never answered.",
        "Officials later said the warnings had been lost.",
        "The paper said the ministry had declined to comment.",
    )
    check(text, "The Guardian report", SOURCED, "The Guardian")
    check(text, "Engineers raised", QUOTED, "The Guardian")
    check(text, "Their memo", QUOTED)
    check(text, "Officials later", QUOTED)
    check(text, "The paper said", SOURCED, "The Guardian")


def test_a_post_introduced_with_a_colon_is_quoted() -> None:
    text = article(
        "The former governor wrote on Truth Social:",
        "The Election Board is CORRUPT and must be replaced. Vote them out!",
        "The board did not respond to the post.",
    )
    check(text, "The former governor", SOURCED, "governor")
    check(text, "The Election Board", QUOTED, "governor")
    check(text, "Vote them out", QUOTED)
    check(text, "The board did not", SOURCED)


def test_what_follows_a_document_and_a_colon_is_its_content_not_its_words() -> None:
    text = article("The bill includes:", "A cap on rent increases.", "The council votes in May.")
    check(text, "A cap on", SOURCED, "bill")
    check(text, "The council votes", UNATTRIBUTED)
    text = article("The report reads:", "Rents rose faster than wages in every district.")
    check(text, "Rents rose", QUOTED, "report")


# --------------------------------------------------------------------------------------------
# what scraped pages add: lost quotation marks, bullet lists, teasers, page furniture


def test_a_first_person_paragraph_after_a_named_speaker_is_not_guessed_to_be_his_quotation() -> None:
    # With no quotation marks, no colon and no indent to set it off, "I" is as often the writer's
    # ("I covered Saban when ...") as the speaker's: on the real pages, reading such paragraphs as
    # the speaker's quotation was right 9 times in 25.
    text = article(
        "Building trust takes years, Mayor Ana Ruiz said at the hearing.",
        "I have covered this council for ten years. We watched the vote from the gallery.",
        "The strike ended on Friday.",
    )
    for start in ("I have covered", "We watched", "The strike ended"):
        check(text, start, UNATTRIBUTED)


def test_bullet_points_after_a_speaker_and_colon_are_what_he_said() -> None:
    text = article(
        "In the interview, Governor Tom Hale also said:",
        "The state will not raise the fuel tax this year",
        "He expects the bridge to reopen by June",
        "We will not cut school budgets",
        "Read the full interview",
        "The legislature meets again in January.",
    )
    check(text, "The state will not", SOURCED, "Tom Hale")
    check(text, "He expects", SOURCED, "Tom Hale")
    check(text, "We will not", QUOTED, "Tom Hale")
    check(text, "Read the full", SKIP)
    check(text, "The legislature", UNATTRIBUTED)


def test_lines_of_a_document_introduced_with_a_colon_are_sourced_to_its_owner() -> None:
    text = article(
        "Here is the Lakeside County Parks Department schedule of winter closures:",
        "Dec. 2-6: Miller Pond boathouse, repairs",
        "Dec. 9-20: North Trail, tree removal, 3 miles",
        "The county opened two new trails this year.",
    )
    check(text, "Dec. 2-6", SOURCED, "Lakeside County Parks Department")
    check(text, "Dec. 9-20", SOURCED, "Lakeside County Parks Department")
    check(text, "The county opened", UNATTRIBUTED)


def test_data_introduced_after_a_sourced_sentence_is_sourced_to_the_same_source() -> None:
    text = article(
        "Bus ridership rose 12 percent last year, according to the Metro Transit Authority.",
        "Other figures from the year include:",
        "Weekend trips doubled on the airport line.",
    )
    check(text, "Weekend trips", SOURCED, "Metro Transit Authority")
    # read from the layout: the reviewer confirms
    assert tag(text, "Weekend trips").confidence < DEFAULT_ACCEPT_THRESHOLD


def test_a_colon_with_no_document_or_source_before_it_starts_no_passage() -> None:
    text = article(
        "The storm closed three schools on Monday.",
        "Here is what we know so far:",
        "Power was cut to 4,000 homes.",
        "Here is the district's plan:",
        "Classes resume on Thursday.",
    )
    check(text, "Power was cut", UNATTRIBUTED)
    check(text, "Classes resume", UNATTRIBUTED)  # "the district" is no name: whose plan is unclear


def test_first_person_answers_signed_below_are_their_signers_words() -> None:
    text = article(
        "This week's question: How do you get to work?",
        "I take the ferry most mornings. It is faster than the bridge.",
        "Dana Price, chief executive, Harbour Bakery",
        "==========",
        "We moved the office next to the train station last year.",
        "Tom Hale, partner, Hale & Ruiz",
    )
    check(text, "I take the ferry", QUOTED, "Dana Price")
    check(text, "It is faster", QUOTED, "Dana Price")
    check(text, "We moved", QUOTED, "Tom Hale")
    check(text, "Dana Price, chief", SKIP)


def test_one_signature_or_a_subhead_signs_nothing() -> None:
    text = article(
        "I have covered the harbour for ten years.",
        "Dana Price, chief executive, Harbour Bakery",
        "The ferry fare rises in May.",
        "Construction Weakness",
        "I watched the vote from the gallery.",
    )
    check(text, "I have covered", UNATTRIBUTED)
    check(text, "I watched", UNATTRIBUTED)


def test_teasers_cut_off_mid_sentence_are_skipped() -> None:
    text = article(
        "The bridge reopened on Monday after two years of repairs.",
        "A former council member who led the 2009 recall campaign has died at 81, his family said. He "
        "served three terms and was known for",
        "Police are searching for a driver who struck a cyclist on Route 9 late Sunday and left the scene "
        "before officers",
        "Voters in the county will decide in May whether to fund a new library, which would replace the",
    )
    for start in ("A former council", "He served", "Police are searching", "Voters in the county"):
        check(text, start, SKIP)
    check(text, "The bridge reopened", UNATTRIBUTED)


def test_readers_comments_below_their_heading_are_skipped() -> None:
    text = article(
        "The ferry service will end in May, the port authority said.",
        "Comments",
        "Dana Ruiz said...",
        "This is terrible news. The council promised to keep the boats running.",
        "May 3, 2024 9:14 AM",
        "Tom Okafor said...",
        "\u201cWe were lied to,\u201d my neighbour said.",
    )
    for start in (
        "Comments",
        "Dana Ruiz said",
        "This is terrible",
        "The council promised",
        "May 3",
        "\u201cWe",
    ):
        check(text, start, SKIP)
    check(text, "The ferry service", SOURCED)


def test_a_comments_heading_below_the_article_opens_the_comments_without_a_commenters_line() -> None:
    text = article(
        "The ferry service will end in May, the port authority said.",
        "Commuters have complained about crowded boats for years.",
        "COMMENTS",
        "I believe this is only the start. The council will cut the buses next.",
    )
    check(text, "I believe this", SKIP)
    check(text, "The council will", SKIP)
    check(text, "Commuters have", ANONYMOUS)


def test_a_company_named_via_is_no_hat_tip() -> None:
    sentence = "Via Technology, which makes chips for cheap laptops, lost a point of market share."
    check(article("Chip sales fell.", sentence), "Via Technology", UNATTRIBUTED)


def test_a_comment_count_by_the_byline_is_no_comments_heading() -> None:
    text = article(
        "By Dana Ruiz | May 3, 2024",
        "Comments (0)",
        "The ferry service will end in May, the port authority said.",
        "The boats are forty years old.",
        "In a statement, the authority's director also said:",
        "The boats are too old to repair",
    )
    check(text, "The ferry service", SOURCED)
    check(text, "The boats are forty", UNATTRIBUTED)


def test_a_caption_is_a_claim_and_only_its_photo_credit_is_skipped() -> None:
    text = article("The pier was rebuilt in 1952.", "The pier at dusk, in 1953. (Lena Ortiz/Harbour News)")
    check(text, "The pier at dusk", UNATTRIBUTED)  # the codebook skips credits, not captions
    check(text, "(Lena Ortiz", SKIP)


def test_indented_paragraphs_after_a_sentence_citing_a_source_are_its_words() -> None:
    text = (
        HEADLINE + "\n\n"
        "More graduates are moving back home. The Harbour Ledger notes the trend in a new report.\n\n"
        "    More than half of graduates move back in with their parents. Most stay a year or less.\n\n"
        "    Rents in the city rose by a third in five years.\n\n"
        "That is a lot of empty bedrooms. Builders have noticed.\n"
    )
    for start in ("More than half", "Most stay", "Rents in the city"):
        check(text, start, QUOTED, "Harbour Ledger")
    check(text, "That is a lot", UNATTRIBUTED)


def test_indented_paragraphs_under_a_line_ending_with_a_colon_are_its_subjects_words() -> None:
    text = (
        HEADLINE + "\n\n"
        "Harbour chief Dana Price spoke at the pier on Monday. She also thanked the crews:\n\n"
        "    You kept the boats running through the worst winter in forty years.\n\n"
        "The strike ended on Tuesday. Her deputy asked the crews a few questions:\n\n"
        "    What do you need, and what do you need more of?\n"
    )
    check(text, "You kept the boats", QUOTED, "Dana Price")
    check(text, "What do you need", SKIP)  # questions put to the reader, not the deputy's answers


def test_an_indented_block_quotation_ends_where_the_indenting_does() -> None:
    text = (
        HEADLINE + "\n\n"
        "The harbour chief explained his plan on his blog:\n\n"
        "    The ferries are old. We need new ones before the winter.\n\n"
        "    I have asked the council for the money twice.\n\n"
        "So he bought two boats. The council has not paid for them yet.\n"
    )
    check(text, "The ferries are old", QUOTED)
    check(text, "I have asked", QUOTED)
    check(text, "So he bought", UNATTRIBUTED)
    check(text, "The council has not", UNATTRIBUTED)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "According to her NASA biography, Ride became an astronaut candidate in 1978.",
            "her NASA biography",
        ),
        ("According to the station's logs, the last train left at 11:40 p.m.", "the station's logs"),
    ],
)
def test_what_according_to_cites_is_a_source_even_when_no_lexicon_knows_it(
    sentence: str, source: str
) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


def test_a_block_quotation_ends_when_the_writer_names_its_speaker_again() -> None:
    text = article(
        "Harbour chief Dana Price told the council that the plan was “overdue”:",
        "The ferries are old. We need new ones before the winter.",
        "I have asked for the money twice.",
        "Price’s request has not been answered, and the council meets again in May.",
    )
    check(text, "The ferries are old", QUOTED, "Dana Price")
    check(text, "Price’s request", UNATTRIBUTED)


def test_a_short_title_closes_a_list_of_what_someone_said() -> None:
    text = article(
        "In the interview, Governor Tom Hale also said:",
        "The state will not raise the fuel tax this year",
        "Must Read Stories",
    )
    check(text, "Must Read Stories", SKIP)


def test_a_reference_to_a_paper_is_skipped_with_its_title() -> None:
    text = article(
        "The wing scales grow in rows.",
        "Ortiz et al. 2021. Growth of scales in the wings of moths. Journal of Insect Biology 12(3): 40-52.",
        "doi:10.1016/j.jib.2021.06.005",
    )
    for start in ("Ortiz et al.", "Growth of scales", "Journal of", "doi:"):
        check(text, start, SKIP)


def test_a_word_or_two_standing_as_a_sentence_is_no_claim() -> None:
    text = article("Oil. Russia. Interest rates. The year ahead looks uncertain.", "Prices fell. They will.")
    for start in ("Oil.", "Russia.", "Interest rates."):
        assert check(text, start, SKIP).rule_confidence < 0.8
    check(text, "Prices fell.", UNATTRIBUTED)
    check(text, "They will.", UNATTRIBUTED)


def test_a_quotation_closing_a_paragraph_is_not_a_teaser_cut_off() -> None:
    text = article(
        "Police are searching for a driver who struck a cyclist on Route 9 late Sunday and left the scene "
        "before officers",
        "Lena Ortiz, whose son was hurt, said: “I don't know how to describe what I felt that night”",
        "“It was like waking up from a nightmare. How could this happen on our street?”",
        "Voters in the county will decide in May whether to fund a new library, which would replace the",
    )
    check(text, "Lena Ortiz", QUOTED, "Lena Ortiz")
    check(text, "“It was like", QUOTED)


def test_lines_of_a_list_under_a_colon_are_not_subheads() -> None:
    text = article(
        "The team has three starters under contract.",
        "Those would be:",
        "Dana Price, six years remaining, $188 million",
        "Tom Hale, three years, $62 million",
        "The Rotation Is Absurd Now",
    )
    check(text, "Dana Price", UNATTRIBUTED)
    check(text, "Tom Hale", UNATTRIBUTED)
    check(text, "The Rotation", SKIP)


def test_lines_listed_under_a_promo_or_tag_label_are_links_not_claims() -> None:
    text = article(
        "The ferry will stop running in March.",
        "Filed under:",
        "harbour ferries",
        "city budget cuts",
        "The cuts hit three services:",
        "evening buses to the coast",
        "the harbour ferry",
        "Also see:",
        "Ferry Timetables Explained",
        "Ten years of harbour traffic",
    )
    links = ("Filed under", "harbour ferries", "city budget", "Also see", "Ferry Timetables", "Ten years")
    for start in links:
        check(text, start, SKIP)
    check(text, "The cuts hit", UNATTRIBUTED)
    check(text, "evening buses", UNATTRIBUTED)  # a list of what the sentence before claims
    check(text, "the harbour ferry", UNATTRIBUTED)


@pytest.mark.parametrize(
    "line",
    [
        "To read the full council report, click here.",
        "Learn more about the ferries at the harbour authority's website.",
        "Thank you for signing up to Harbour News. You will receive a verification email shortly.",
        "There was a problem. Please refresh the page and try again.",
        "<iframe width='670' height='437' src='https://example.com/video/embed/1'>",
        "</iframe>",
        "*This article appears in the May 2, 2025 issue of Harbour Monthly.",
        "*An earlier version of this story misstated the ferry's age.",
        "* This paragraph has been updated to correct the fare.",
        "* Harbour Media is an investor in Ferryco, which owns this site.",
    ],
)
def test_page_furniture_lines_are_skipped(line: str) -> None:
    check(article("The ferry will stop running in March.", line), line[:10], SKIP)


@pytest.mark.parametrize(
    "sentence",
    [
        "Make sure you pack a rain jacket for the ferry.",
        "First, grab a timetable at the harbour office.",
        "Don't forget your ticket, the inspectors are strict.",
        "And remember, the last boat leaves at six.",
        "Check out the map of the new routes below.",
    ],
)
def test_an_instruction_to_the_reader_is_not_a_claim(sentence: str) -> None:
    check(article("The ferry will stop running in March.", sentence), sentence[:10], SKIP)


@pytest.mark.parametrize(
    "sentence",
    [
        "Use of the ferry fell by a third last year.",
        "Keep Britain Tidy, a charity, said the harbour was the cleanest in years.",
        "Remember Day drew 4,000 people to the harbour, the council said.",
        "Take-up of the new pass has been slow.",
    ],
)
def test_a_sentence_opening_with_such_a_verb_that_is_a_claim_is_read_as_one(sentence: str) -> None:
    assert tag(article("The ferry will stop running in March.", sentence), sentence[:10]).label != SKIP


def test_a_claim_after_an_asterisk_is_still_a_claim() -> None:
    check(article("* The council voted to close the pier in March."), "* The council", UNATTRIBUTED)


def test_click_here_inside_a_claim_does_not_make_it_a_promo() -> None:
    text = article("Readers who click here are sent to the old site, which the council shut in 2019.")
    check(text, "Readers who", UNATTRIBUTED)


def test_a_source_cited_in_parentheses_at_the_end_is_the_source() -> None:
    text = article(
        "Taylor Swift made $170 million last year (Forbes).",
        "The tenth highest-paid chief executive makes $37 million (equilar.com).",
        "The bridge closed on Monday (again).",
    )
    check(text, "Taylor Swift", SOURCED, "Forbes")
    check(text, "The tenth", SOURCED, "equilar.com")
    check(text, "The bridge", UNATTRIBUTED)


def test_an_outlet_cited_in_parentheses_inside_a_sentence_is_the_source() -> None:
    text = article(
        "The singer made $20 million in 2016 and ranked 17th (Forbes) among actors.",
        "SURABAYA, Indonesia (Reuters) - Rescuers found a second body on Monday.",
    )
    check(text, "The singer", SOURCED, "Forbes")
    check(text, "SURABAYA", UNATTRIBUTED)  # the agency's own copy


def test_a_statement_introduced_with_a_colon_is_quoted_and_a_calendar_is_sourced() -> None:
    statement = article(
        "The harbour board said on Monday it would appeal.",
        "Here is the full statement from Ana Ruiz, who chairs the board:",
        "We will not accept this ruling. We will appeal it.",
    )
    check(statement, "We will not accept", QUOTED, "Ana Ruiz")
    check(statement, "We will appeal it", QUOTED, "Ana Ruiz")
    calendar = article("Here is a Visitors Bureau calendar of events:", "The harbour fair opens on Jan. 3.")
    check(calendar, "The harbour fair", SOURCED, "Visitors Bureau")


def test_a_quotation_tagged_by_reminded_or_decreed_is_quoted() -> None:
    text = article("“And the ferry,” Ruiz reminded her deputy.", "He decreed the pier “closed for good.”")
    check(text, "“And the ferry", QUOTED, "Ruiz")
    check(text, "He decreed", QUOTED)
    check(article("The rain reminded residents of the 2010 flood."), "The rain", UNATTRIBUTED)


def test_outlets_the_lexicon_knows_are_cited_in_parentheses_and_as_listeners() -> None:
    text = article(
        "The film made $90 million (Variety) in its first week.",
        "An insider told Us Weekly about the split.",
    )
    check(text, "The film made", SOURCED, "Variety")
    check(text, "An insider", ANONYMOUS, "insider")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Dana Ruiz on Monday expressed optimism that the pier would reopen in May.", "Dana Ruiz"),
        ("Tom Hale told Ruiz he wanted the pier closed for good.", "Tom Hale"),
        ("The tunnel will never pay for itself, Tom Hale fumed.", "Tom Hale"),
        ("The ferry, Dana Ruiz proclaimed, had a duty to the islands.", "Dana Ruiz"),
    ],
)
def test_more_ways_of_reporting_what_someone_said(sentence: str, source: str) -> None:
    check(article("The town has argued over the plan for a year.", sentence), sentence[:12], SOURCED, source)


def test_list_items_ending_with_a_comma_are_not_subheads() -> None:
    text = article(
        "At the workshop, visitors will learn how to:",
        "• find a ship's passenger list,",
        "• read a harbour master's log, and",
        "• request copies of old permits.",
    )
    check(text, "• find", UNATTRIBUTED)


def test_stray_punctuation_and_a_list_number_on_its_own_are_skipped() -> None:
    text = article("The bridge is closed.\n.", "The toll rises in May.\n1.\nThe ferry runs.")
    assert check(text, ".", SKIP).reason == "stray punctuation, no words"
    assert check(text, "1.", SKIP).reason == "list number on its own"
    assert tag(text, "The ferry runs").label == UNATTRIBUTED


def test_a_numbered_subhead_is_skipped_but_not_a_numbered_sentence() -> None:
    text = article(
        "Five ways to cut a water bill, from the city's own advice.",
        "2. Fix Dripping Taps",
        "A tap that drips once a second wastes about 3,000 gallons a year.",
        "3. Showers use less water than baths.",
    )
    assert check(text, "Fix Dripping Taps", SKIP).reason.startswith("subhead")
    assert tag(text, "Showers use less").label == UNATTRIBUTED


def test_an_item_between_split_list_numbers_is_no_subhead() -> None:
    text = article(
        "The ranking of the countries was as follows:", "1.", "Finland", "2.", "Norway", "3.", "Denmark"
    )
    for start in ("Finland", "Norway", "Denmark"):
        assert check(text, start, SKIP).reason.startswith("item of a numbered list")


def test_a_subhead_between_paragraphs_is_surer_than_a_line_in_a_list() -> None:
    text = article(
        "The bridge reopened on Monday.",
        "Traffic returns to the old route",
        "Buses will follow the old timetable.",
        "Key points",
        "More than 900 drivers used the bridge on its first day",
        "Tolls stay at $2",
    )
    between = check(text, "Traffic returns", SKIP)
    in_list = check(text, "More than 900", SKIP)
    assert between.rule_confidence > in_list.rule_confidence


def test_rows_of_a_table_of_places_are_skipped_but_never_in_bulk() -> None:
    text = article(
        "The choir will tour next spring.",
        "March 3 -- Harbour Hall, Portsmouth, NH",
        "March 5 -- The Granary, Burlington, VT",
        "March 9 -- Linden Opera House, Albany, NY",
        "Tickets go on sale on Friday.",
    )
    row = check(text, "March 5", SKIP)
    assert row.reason.startswith("row of a list or table")
    assert row.confidence < DEFAULT_ACCEPT_THRESHOLD  # some reviewers read each row as a claim
    one = article("The choir will tour next spring.", "Harbour Hall, Portsmouth", "Tickets go on sale.")
    assert not tag(one, "Harbour Hall").reason.startswith("row of")


def test_a_title_case_line_among_others_is_a_list_line_not_a_lone_subhead() -> None:
    text = article(
        "The museum reopened on Monday.",
        "Gallery Hours Extended",
        "Visitors queued for an hour.",
        "More Local News",
        "Harbour Ferry Adds Night Sailings",
        "School Board Delays Vote",
        "New Bakery Opens on Quay Street",
    )
    assert check(text, "Gallery Hours", SKIP).reason.startswith("subhead in title case")
    assert check(text, "School Board", SKIP).reason.startswith("line in title case in a list")


def test_one_line_without_a_full_stop_is_no_teaser() -> None:
    text = article(
        "Crews worked through the night to clear the debris from the northbound lanes of the highway",
        "The road reopened at 6 a.m.",
    )
    assert "teaser" not in tag(text, "Crews worked").reason


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Check it out here.", id="check-it-out"),
        pytest.param("Editors’ Recommendations:", id="editors-recommendations"),
        pytest.param("This version corrects the name of the river.", id="correction"),
        pytest.param("Tuesday, 4 March 2025", id="date-line"),
        pytest.param(
            "Science writer Lena Ortiz in Boston and Pavel Novak in Prague contributed to this report.",
            id="long-contributor-line",
        ),
        pytest.param("Follow City Desk @citydesk, Facebook & Instagram.", id="follow-a-handle"),
        pytest.param("[Photos: The Old Harbour Before the Fire]", id="related-link-in-brackets"),
        pytest.param("Please share your videos and stories with us.", id="please-share"),
        pytest.param("SOURCE: Port Authority; City Transit Board.", id="chart-source"),
        pytest.param("Unfortunately, this video is not available in your region.", id="video-unavailable"),
        pytest.param("Loading weather data ...", id="loading"),
        pytest.param("Full Article", id="full-article"),
        pytest.param("Visit City Desk on your mobile device", id="visit-on-mobile"),
        pytest.param("(RELATED: Harbour Ferries Face Their Busiest Winter Yet)", id="related-in-parentheses"),
        pytest.param("For more details, log on to www.harbourtrust.org.", id="for-details-log-on"),
        pytest.param("Correspondent Lena Ortiz may be reached at lortiz@example.com.", id="may-be-reached"),
        pytest.param("Pavel Novak is Senior Demographer at the City Research Office.", id="bio-no-article"),
        pytest.param("This story was provided by Harbour News, which covers the port.", id="provided-by"),
        pytest.param("11.18 More from Lena Ortiz at the harbour.", id="live-blog-signpost"),
        pytest.param("This from Pavel Novak, our correspondent in Prague:", id="this-from"),
        pytest.param("pic.twitter.com/Ab12Cd34", id="tweet-picture-link"),
        pytest.param("(Lena Ortiz/Harbour News)", id="credit-in-parentheses"),
        pytest.param("(Public domain)", id="public-domain"),
        pytest.param("Get up to speed with our Morning Harbour newsletter, sent daily.", id="newsletter"),
        pytest.param("You may occasionally receive promotional content from Harbour News.", id="promotional"),
        pytest.param("UPDATES:", id="updates"),
        pytest.param("Visit www.harbourtrust.org for more information.", id="visit-address"),
        pytest.param("To join, contact the trust's director, Dana Price.", id="to-join-contact"),
        pytest.param("See photos from this story:", id="see-photos"),
        pytest.param("Please check back soon for updates.", id="check-back"),
        pytest.param("Lena Ortiz is the Harbour News’s contributing editor.", id="bio-the-paper's"),
        pytest.param("2:58 p.m.: This article was updated to add the cost.", id="timed-update-notice"),
    ],
)
def test_more_page_furniture_is_skipped(line: str) -> None:
    text = article("The bridge is closed.", line, "The council votes in May.")
    check(text, line[:6], SKIP)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        pytest.param(
            "Clockwise from top: the pier; the ferry in 1950; the terminal.", "caption", id="clockwise"
        ),
        pytest.param(
            "Above, the skull of a whale; right, the tools used to carve it.", "caption", id="above-right"
        ),
        pytest.param(
            "Left to right: Ana Ruiz, Tom Hale and Lena Ortiz at the opening.", "caption", id="left-to-right"
        ),
        pytest.param("Follow Lena Ortiz on Twitter and Instagram.", "promo", id="follow-a-writer"),
        pytest.param(": Ferry fares rise again | Lena Ortiz", "page title", id="page-title-with-author"),
    ],
)
def test_captions_and_page_titles_are_skipped(line: str, kind: str) -> None:
    text = article("The bridge is closed.", line, "The council votes in May.")
    assert check(text, line[:6], SKIP).reason == f"{kind} line"


def test_a_closing_speaker_tag_names_the_source_even_after_a_plural_noun() -> None:
    text = article(
        "By 2030 the array should detect individual sources of such signals, says Maura Lindqvist.",
        "The array cost $30 million, a source told Reuters.",
    )
    check(text, "By 2030", SOURCED, "Lindqvist")
    check(text, "The array cost", ANONYMOUS, "source")


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The yield on the 10-year Treasury note has risen to 4 percent.", id="noun-note"),
        pytest.param("Officials monitor weather forecasts closely in winter.", id="noun-forecasts"),
        pytest.param("Few would argue against faster trains.", id="few-is-no-name"),
        pytest.param(
            "Landlords want the same, though their plan is based on new safeguards being tested in Ireland.",
            id="based-on-far-name",
        ),
        pytest.param('He paused, as if to say "You will not catch me," and smiled.', id="as-if-to-say"),
        pytest.param(
            'Scientists still cannot see the "tip of the iceberg" moment in the data.', id="modifier"
        ),
    ],
)
def test_words_that_look_like_attribution_but_are_not(sentence: str) -> None:
    check(article("The bridge is closed.", sentence), sentence[:12], UNATTRIBUTED)


@pytest.mark.parametrize(
    ("sentence", "label", "source"),
    [
        pytest.param("Officials divulged Thursday that the mine had flooded twice.", ANONYMOUS, "Officials"),
        pytest.param("Many riders reported seeing smoke near the tunnel.", ANONYMOUS, "riders"),
        pytest.param(
            "The Press Council is concerned the law would chill reporting.", SOURCED, "Press Council"
        ),
        pytest.param("Dr. Ana Ruiz hopes that the clinic will open in May.", SOURCED, "Ana Ruiz"),
        pytest.param("Later, the mayor defended her decision to close the pool.", SOURCED, "mayor"),
        pytest.param("One nurse told the authors how she worked 20 nights in a row.", ANONYMOUS, "nurse"),
        pytest.param("The audit examined 40 schools in the district.", SOURCED, "audit"),
        pytest.param("A number of analysts say the merger will fail.", ANONYMOUS, "analysts"),
        pytest.param(
            "The bay is shallow, say oceanographers, but the currents there are strong.",
            ANONYMOUS,
            "oceanographers",
        ),
        pytest.param(
            "The plant will close in May, said Mayor Ana Ruiz, and 300 jobs will go.", SOURCED, "Ana Ruiz"
        ),
        pytest.param("The ransom note warns that the files will be deleted.", SOURCED, "note"),
        pytest.param("Mayor Ana Ruiz issued a plea for calm after the verdict.", SOURCED, "Ana Ruiz"),
        pytest.param(
            "Lena Ortiz and her colleagues believe the virus jumped from bats.", SOURCED, "Lena Ortiz"
        ),
        pytest.param("Tom Hale and colleagues believe the dam will hold.", SOURCED, "Tom Hale"),
        pytest.param("The agreement allows the club to leave after five years.", SOURCED, "agreement"),
    ],
)
def test_more_verbs_that_attribute(sentence: str, label: str, source: str) -> None:
    check(article("The bridge is closed.", sentence), sentence[:12], label, source)


@pytest.mark.parametrize(
    ("sentence", "label", "source"),
    [
        pytest.param(
            "Researchers are warning of a new phishing kit sold online.",
            ANONYMOUS,
            "Researchers",
            id="progressive",
        ),
        pytest.param(
            "Police sources tell TMZ the ring was taken from the car.",
            ANONYMOUS,
            "sources",
            id="tell-an-outlet",
        ),
        pytest.param("We're told the footage shows two men at the door.", ANONYMOUS, None, id="we-are-told"),
        pytest.param(
            "The foundation has received reports that access was restored.",
            ANONYMOUS,
            None,
            id="received-reports",
        ),
        pytest.param(
            'Okafor, author of the 2019 book "The Long Road," argued that the port was never viable.',
            SOURCED,
            "Okafor",
            id="subject-before-a-titled-apposition",
        ),
    ],
)
def test_attribution_found_on_real_pages(sentence: str, label: str, source: str | None) -> None:
    check(article("The bridge is closed.", sentence), sentence[:12], label, source)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Acme expects to release 16 million tons of carbon this year.", id="expects-to"),
        pytest.param(
            "The plan sets the city apart from other pledges which focus on cars.", id="noun-before-which"
        ),
        pytest.param(
            "Eventually recalled by the board, Peters left the firm in 1990.", id="adverb-and-passive"
        ),
        pytest.param(
            'He earned the nickname "mano de hierro," or "the iron hand," for his rule.',
            id="gloss-of-a-nickname",
        ),
        pytest.param("Snow also continued to fly across the Great Lakes overnight.", id="continued-to"),
        pytest.param("Although no group claimed responsibility, the attack raised fears.", id="no-group"),
        pytest.param("The family has a net worth estimated at $5 billion.", id="net-worth-estimated"),
        pytest.param(
            "The thaw, much welcomed by many New Yorkers, worried Tasos Georgelis, a water official.",
            id="object-of-a-feeling",
        ),
        pytest.param("The union agreed to pay the fine by March.", id="agreed-to"),
        pytest.param(
            "These SMS messages add urgency to the scam, and tells the contact that the photos are real.",
            id="name-modifying-a-common-noun",
        ),
    ],
)
def test_more_words_that_do_not_attribute(sentence: str) -> None:
    check(article("The bridge is closed.", sentence), sentence[:12], UNATTRIBUTED)


def test_our_sources_make_we_the_writers_voice() -> None:
    text = article(
        "Our sources say the singer told police she left the bag in her room.",
        "We know the manager saw the footage.",
    )
    assert tag(text, "We know").label != QUOTED


def test_unnamed_experts_are_anonymous_with_less_confidence() -> None:
    suggestion = check(article("Researchers said the flaw was patched."), "Researchers said", ANONYMOUS)
    assert suggestion.rule_confidence <= 0.8


def test_the_researchers_of_a_study_mentioned_before_are_on_the_record() -> None:
    text = article(
        "A new study in the journal Neuron tracked 40 volunteers.",
        "The effect lasted a week, say the researchers.",
    )
    check(text, "The effect", SOURCED, "researchers")
    check(article("Researchers said the effect lasted a week."), "Researchers said", ANONYMOUS)
    finding = article(
        "A new study in the journal Nature looked at 300 stone tools.",
        "In this effort, the researchers found a tool with no handle.",
    )
    check(finding, "In this effort", SOURCED, "researchers")


def test_uncertain_calls_get_less_confidence() -> None:
    denial = tag(article("The Government does not deny that the bill is flawed."), "The Government")
    assert denial.rule_confidence <= 0.75
    body = tag(article("Harbor Power officials said 40 pipes burst."), "Harbor Power")
    assert body.label == ANONYMOUS and body.rule_confidence <= 0.75
    act = tag(article("The Democrats complained about the schedule for weeks."), "The Democrats")
    assert (
        act.rule_confidence
        < tag(article("The Democrats said the schedule was unfair."), "The Democrats").rule_confidence
    )


# --------------------------------------------------------------------------------------------
# the shape of the output


MIXED = article(
    "By Carla Jimenez",
    "Mayor Dana Price said Tuesday she would sue the state. “This is an insult,” she said.",
    "Two officials, speaking on condition of anonymity, said the vote could slip.",
    "The measure takes effect on July 1.",
    "WATCH: What the takeover means",
)


def test_one_suggestion_per_sentence_in_order() -> None:
    sentences = segment(MIXED)
    suggestions = suggest_article(MIXED, sentences)
    assert [s.index for s in suggestions] == [s.index for s in sentences]
    assert {s.label for s in suggestions} <= set(LABELS)


def test_cues_and_source_spans_point_into_the_article_text() -> None:
    suggestions = suggest_text(MIXED)
    assert any(s.cues for s in suggestions)
    for suggestion in suggestions:
        for cue in suggestion.cues:
            assert MIXED[cue.start : cue.end] == cue.text
            assert cue.kind in CUE_KINDS
        if suggestion.source_span is not None:
            assert MIXED[slice(*suggestion.source_span)].strip()
    kinds = {cue.kind for s in suggestions for cue in s.cues}
    assert {"quotation", "attribution", "anonymity", "skip"} <= kinds


def test_to_dict_is_json() -> None:
    data = [s.to_dict() for s in suggest_text(MIXED)]
    assert json.loads(json.dumps(data)) == data
    assert set(data[0]) == {"index", "label", "confidence", "source", "source_span", "reason", "cues"}


def test_a_subset_of_sentences_keeps_its_indexes_and_has_no_headline() -> None:
    text = article("Smith said the plan had failed. He added that it would return next year.")
    body = segment(text)[1:]
    suggestions = suggest_article(text, body)
    assert [s.index for s in suggestions] == [1, 2]
    assert [s.label for s in suggestions] == [SOURCED, SOURCED]
    assert suggestions[1].source == "Smith"


def test_an_empty_article_has_no_suggestions() -> None:
    assert suggest_article("", []) == []


def test_confidence_is_higher_for_unambiguous_cues() -> None:
    clear = tag(article("“We will appeal,” said Mayor Dana Price."), "“We will")
    short_quote = tag(article('She called the ruling "shameful."'), "She called")
    far_in_block = tag(BLOCK, "We are now")
    near_in_block = tag(BLOCK, "Our results")
    assert 0.0 <= far_in_block.rule_confidence < near_in_block.rule_confidence < clear.rule_confidence <= 1.0
    assert short_quote.rule_confidence < clear.rule_confidence


# --------------------------------------------------------------------------------------------
# lexicons


def test_every_lexicon_is_a_packaged_json_file() -> None:
    lexicons = load_lexicons()
    assert set(lexicons) == set(LEXICON_NAMES)
    assert "said" in lexicons["attribution"]["speech_verbs"]


def test_a_newsroom_can_extend_the_lexicons(tmp_path: Path) -> None:
    sentence = "The mayor will resign next week, two sources in the know reckon."
    text = article(sentence)
    assert tag(text, "The mayor").label != ANONYMOUS
    (tmp_path / "anonymity.json").write_text(json.dumps({"markers": ["sources in the know"]}))
    extended = suggest_text(text, lexicon_dir=tmp_path)
    assert extended[1].label == ANONYMOUS


def test_the_core_never_imports_textual() -> None:
    code = (
        "import factcheck.suggest, factcheck.evaluate, sys; "
        "assert not any(m.startswith('textual') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


_WORDS = st.sampled_from(
    [
        "said",
        "officials",
        "The",
        "Times",
        "“",
        "”",
        '"',
        "he",
        "according",
        "to",
        "reportedly",
        "By",
        "WATCH:",
        "Smith",
        "data",
        "shows",
        "?",
        ".",
        ",",
        ":",
        "(AP)",
        "Getty",
        "Images/",
        "who",
        "told",
        "that",
        "‘",
        "’",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=14).map(" ".join), min_size=1, max_size=8))
def test_any_text_gets_well_formed_suggestions(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    sentences = segment(text)
    suggestions = suggest_article(text, sentences)
    assert len(suggestions) == len(sentences)
    for suggestion in suggestions:
        assert suggestion.label in LABELS
        assert 0.0 <= suggestion.confidence <= 1.0
        assert all(text[cue.start : cue.end] == cue.text for cue in suggestion.cues)
        if suggestion.source_span is not None:
            start, end = suggestion.source_span
            assert 0 <= start <= end <= len(text)


# --------------------------------------------------------------------------------------------
# constructions met in held-out news text (tests/data/heldout), in sentences written for these tests


def test_a_short_quotation_credited_to_a_document_is_quoted() -> None:
    check(article('A 2021 audit found the program was "poorly managed."'), "A 2021", QUOTED, "audit")


def test_a_whole_sentence_in_quotation_marks_continues_the_speaker() -> None:
    text = article('"We lost everything in an hour," said farmer Ana Ruiz. "Everything."')
    check(text, '"Everything', QUOTED, "Ana Ruiz")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        pytest.param("The nurses' union said it would strike on Monday.", "union", id="workers-union"),
        pytest.param(
            "Official statistics show that inflation eased in May.", "statistics", id="official-data"
        ),
    ],
)
def test_a_group_noun_that_only_modifies_a_body_or_document_is_not_anonymous(
    sentence: str, source: str
) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


@pytest.mark.parametrize(
    ("sentence", "label", "source"),
    [
        pytest.param("Economists warn that the slowdown could deepen.", ANONYMOUS, "Economists", id="warn"),
        pytest.param(
            "Critics point out that the scheme has no budget.", ANONYMOUS, "Critics", id="point-out"
        ),
        pytest.param('Supporters call the law a "lifeline" for renters.', QUOTED, "Supporters", id="call"),
        pytest.param(
            "Meteorologists say the storm will weaken by Friday.",
            ANONYMOUS,
            "Meteorologists",
            id="bare-plural",
        ),
        pytest.param(
            "The company expects revenue of $2 billion next year.", SOURCED, "company", id="expects"
        ),
        pytest.param(
            "The health department advises residents to boil tap water.", SOURCED, "department", id="advises"
        ),
        pytest.param(
            "Some shareholders have questioned whether the merger makes sense.",
            ANONYMOUS,
            "shareholders",
            id="questioned-whether",
        ),
        pytest.param(
            "Researchers at the university found that the drug cut relapse rates.",
            ANONYMOUS,
            "Researchers",
            id="found-that",
        ),
    ],
)
def test_more_verbs_of_saying(sentence: str, label: str, source: str) -> None:
    check(article(sentence), sentence[:12], label, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        pytest.param(
            "Neighbours told deputies that the man fled on foot, the sheriff's report says.",
            "report",
            id="closing-tag",
        ),
        pytest.param("The Tribune said aides had warned the minister twice.", "Tribune", id="leading-tag"),
    ],
)
def test_a_named_source_that_reports_unnamed_peoples_words_is_the_source(sentence: str, source: str) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Shares fell 6 percent after the company said profits would shrink.", id="after-x-said"),
        pytest.param("Sales grew faster than analysts had expected.", id="than-expected"),
        pytest.param(
            "The app, which ranks cafes based on user reviews, has 3 million users.", id="relative-based-on"
        ),
        pytest.param("Neither claim could be verified.", id="neither-claim"),
    ],
)
def test_a_statement_mentioned_in_a_subordinate_clause_does_not_attribute(sentence: str) -> None:
    check(article(sentence), sentence[:12], UNATTRIBUTED)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        pytest.param(
            "Her son, Daniel Okafor, said the family was devastated.", "Daniel Okafor", id="kin-apposition"
        ),
        pytest.param(
            "The coach, Ines Novak, said the team would appeal.", "Ines Novak", id="role-apposition"
        ),
        pytest.param(
            "The election was postponed, state television said on Sunday.", "state television", id="state-tv"
        ),
        pytest.param(
            "The mayor toured the damage on Monday and said repairs would take a year.",
            "mayor",
            id="and-said",
        ),
        pytest.param(
            "Dana Price, a nurse from Portland, Oregon, said the ward was full by noon.",
            "Dana Price",
            id="place-with-its-state",
        ),
        pytest.param(
            "Ines Moreau, a marine biologist with the Coastal Research Institute in Brest, France, told "
            "Le Monde that the nets were to blame.",
            "Ines Moreau",
            id="apposition-longer-than-the-window",
        ),
    ],
)
def test_who_speaks_in_appositions_and_joined_clauses(sentence: str, source: str) -> None:
    check(article(sentence), sentence[:12], SOURCED, source)


def test_unnamed_people_who_react_and_urge_are_anonymous() -> None:
    check(
        article("Other doctors welcomed the trial but urged caution."), "Other doctors", ANONYMOUS, "doctors"
    )


def test_a_document_of_the_subject_named_after_the_verb_attributes() -> None:
    sentence = "The central bank put the chance of a recession at 30 percent in its latest outlook."
    check(article(sentence), "The central", SOURCED, "central bank")


def test_a_capitalised_first_word_never_written_as_a_name_is_not_auto_accepted() -> None:
    suggestion = tag(article("Bookmakers say the race is too close to call."), "Bookmakers")
    assert suggestion.label == ANONYMOUS or suggestion.rule_confidence <= 0.8


def test_a_surname_used_before_keeps_full_confidence() -> None:
    text = article("Mayor Dana Whitfield spoke on Monday.", "Whitfield said the bridge would reopen in May.")
    assert check(text, "Whitfield said", SOURCED, "Dana Whitfield").rule_confidence >= 0.9


def test_an_anonymity_marker_without_a_verb_of_saying_is_less_sure() -> None:
    suggestion = check(
        article("A donor who asked not to be named gave $5 million to the museum."), "A donor", ANONYMOUS
    )
    assert suggestion.rule_confidence <= 0.8


def test_a_fragment_split_after_an_abbreviation_keeps_the_tag_of_its_sentence() -> None:
    text = article("The utility said power was back by 6:40 p.m. Eastern time.")
    sentences = segment(text)
    suggestions = suggest_text(text)
    assert {s.label for s in suggestions[1:]} == {SOURCED}, [
        (x.text, y.label) for x, y in zip(sentences, suggestions, strict=True)
    ]


def test_an_interview_transcript_with_initials_quotes_each_answer_to_its_speaker() -> None:
    text = article(
        "Director Mara Quillon and actor Teddy Osei sat down to talk about their new film.",
        "Mara, how hard was the river scene?",
        "MQ It was freezing. We shot it nine times before lunch.",
        "TO I lost feeling in my toes. Nobody warned me about the current.",
        "Teddy, would you do it again?",
        "TO Every single day.",
        "MQ He says that now.",
    )
    check(text, "Mara, how hard", SKIP)
    check(text, "MQ It was freezing", QUOTED, "Mara Quillon")
    check(text, "We shot it nine times", QUOTED, "Mara Quillon")
    check(text, "Nobody warned me", QUOTED, "Teddy Osei")
    check(text, "TO Every single day", QUOTED, "Teddy Osei")


def test_an_interview_transcript_with_name_or_q_and_a_labels() -> None:
    named = article(
        "The mayor, Lena Brandt, spoke with us about the budget.",
        "Brandt: We cut what we could. The rest is up to the council.",
        "Brandt: I expect a vote in March.",
    )
    check(named, "The rest is up to the council", QUOTED, "Lena Brandt")
    check(named, "Brandt: I expect", QUOTED, "Lena Brandt")
    q_and_a = article(
        "The new harbour master took our questions.",
        "Q: Why close the bridge now?",
        "A: The inspection found cracks. We had no choice.",
        "Q: When will it reopen?",
        "A: By spring, if the steel arrives.",
    )
    check(q_and_a, "Q: Why close", SKIP)
    check(q_and_a, "We had no choice", QUOTED)
    check(q_and_a, "A: By spring", QUOTED)
    cut_short = article(
        "The mayor, Lena Brandt, spoke with us about the budget.",
        "Brandt: We cut what we could.",
        "Brandt: Absolutely",
    )
    assert (
        check(cut_short, "Brandt: We", QUOTED).reason == "answer in an interview transcript (speaker label)"
    )
    line = check(cut_short, "Brandt: Absolutely", QUOTED, "Lena Brandt")
    assert line.reason == "line with no full stop in an interview transcript"


def test_a_transcript_printed_line_by_line_with_first_names_quotes_each_speaker() -> None:
    text = (
        f"{HEADLINE}\n\n"
        "Ana: Good morning. I run the ferry on weekdays.\n"
        "Tomas: And I fix it when it breaks. That's most Mondays.\n"
        "Ana: He is not wrong. Ask anyone here about Tomas and the engine.\n"
        "Tomas: The engine is older than Ana.\n"
        "Ana: Everything is older than me.\n"
    )
    check(text, "Ana: Good morning", QUOTED, "Ana")
    check(text, "I run the ferry", QUOTED, "Ana")
    check(text, "That's most Mondays", QUOTED, "Tomas")
    check(text, "Ask anyone here", QUOTED, "Ana")
    check(text, "Tomas: The engine", QUOTED, "Tomas")


def test_a_label_that_is_a_word_and_not_a_name_makes_no_transcript() -> None:
    notes = (
        f"{HEADLINE}\n\n"
        "Note: The road reopened at noon.\nNote: Buses are running again.\n"
        "We will add a note when the ferry resumes, as the Note lines above show.\n"
    )
    check(notes, "Note: Buses", UNATTRIBUTED)
    never_in_a_sentence = f"{HEADLINE}\n\nLena: The road reopened.\nLena: Buses run again.\n"
    check(never_in_a_sentence, "Lena: Buses", UNATTRIBUTED)


def test_a_word_with_an_apostrophe_s_is_not_part_of_a_full_name() -> None:
    text = article(
        "That's Joe on the left of the photo.",
        "Joe: I built the boat myself.",
        "Joe: It took four winters.",
    )
    assert tag(text, "Joe: I built").source != "That's Joe"


def test_an_interview_printed_as_questions_with_answers_below_quotes_the_interviewee() -> None:
    text = (
        f"{HEADLINE}\n\n"
        "The harbour has a new master, Ana Ruiz. Ruiz spoke to us about the ferries.\n\n"
        "Your ferries are older than anyone else's.\nThey are. Most were built in 1971.\n\n"
        "Why not replace them?\nMoney. A new ferry costs $40 million. We have a tenth of that.\n\n"
        "Is there a plan?\nThere is. We lease two boats from Norway next spring.\n\n"
        "The ferry to the islands stopped in May.\n\n"
        "Will fares go up?\nNot this year.\n"
    )
    check(text, "Your ferries are older", UNATTRIBUTED)  # the interviewer's remark
    check(text, "They are.", QUOTED, "Ana Ruiz")
    check(text, "Why not replace", SKIP)
    check(text, "A new ferry costs", QUOTED, "Ana Ruiz")
    check(text, "We lease two boats", QUOTED, "Ana Ruiz")
    check(text, "Not this year", QUOTED, "Ana Ruiz")
    check(text, "The ferry to the islands", UNATTRIBUTED)  # a paragraph of the writer's in between


def test_two_questions_answered_below_them_make_no_interview() -> None:
    text = (
        f"{HEADLINE}\n\n"
        "What happens next?\nThe council votes on Monday.\n\n"
        "Who pays?\nThe state covers most of the cost.\n"
    )
    check(text, "The council votes", UNATTRIBUTED)
    check(text, "The state covers", UNATTRIBUTED)


def test_a_speech_printed_under_its_header_is_the_speakers_words() -> None:
    text = article(
        "In her weekly address, the governor set out a plan for the harbour.",
        "Remarks as Prepared for Delivery by Governor Ana Ruiz\nHarbour Hall\nMay 2, 2025",
        "Good evening. Tonight I want to talk about our ferries.",
        "Ten years ago the harbour carried a million passengers. Today it carries half that.",
    )
    check(text, "In her weekly address", UNATTRIBUTED)
    check(text, "Remarks as Prepared", SKIP)
    check(text, "Good evening", QUOTED, "Ana Ruiz")
    check(text, "Ten years ago", QUOTED, "Ana Ruiz")
    check(text, "Today it carries", QUOTED, "Ana Ruiz")
    by_role = article("Remarks by the President at the Harbour Summit", "We will rebuild the pier.")
    check(by_role, "We will rebuild", QUOTED, "the President")
    from_an_office = article(
        "Statement from the Office of the Governor – Ana Ruiz",
        "Release Date:",
        "This morning the harbour master was detained in Miami. I have no further details.",
    )
    check(from_an_office, "Release Date", SKIP)  # a label with nothing after it
    check(from_an_office, "This morning", QUOTED, "Ana Ruiz")
    excerpt = article(
        "Her new book is out this week. Below is an excerpt.",
        "From “Tides and Timetables” by Ana M. Ruiz",
        "Why do ferries run late? We set out to answer that.",
        "We timed 400 crossings over two winters.",
    )
    check(excerpt, "We timed 400", QUOTED, "Ana M. Ruiz")
    check(excerpt, "Why do ferries", SKIP)  # a question in the excerpt asks the reader


def test_a_transcript_answer_goes_on_over_paragraphs_up_to_the_next_label() -> None:
    text = article(
        "The harbour master, Ana Ruiz, answered our questions.",
        "Q: Why close the bridge now?",
        "Ruiz: The inspection found cracks in two piers.",
        "The steel is sixty years old. Nobody would drive over it now.",
        "Q: When will it reopen?",
        "Ruiz: By spring, if the steel arrives.",
        "The ferries will run until then.",
    )
    check(text, "The steel is sixty", QUOTED, "Ana Ruiz")
    check(text, "The ferries will run", UNATTRIBUTED)  # after the last answer: the writer's, perhaps
    titled = text.replace("Ruiz: ", "Ms Ruiz: ")  # a title and the surname stand for the full name
    check(titled, "Ms Ruiz: By spring", QUOTED, "Ana Ruiz")


def test_questions_in_paragraphs_of_their_own_answered_below_make_an_interview_when_labelled() -> None:
    paragraphs = [
        "Ana Ruiz paints murals on the harbour walls.",
        "LEDGER: What is your work about?",
        "ANA RUIZ: The sea, mostly. My father fished these waters for forty years.",
        "Why murals and not canvas?",
        "Walls last longer than I will. And anyone can see them.",
        "The city pays for the paint.",
        "What comes next?",
        "A ferry. I have wanted to paint one since I was a child.",
    ]
    text = article(*paragraphs)
    check(text, "Why murals", SKIP)
    check(text, "Walls last longer", QUOTED, "Ana Ruiz")
    check(text, "The city pays", QUOTED, "Ana Ruiz")  # an answer's second paragraph
    check(text, "A ferry.", QUOTED, "Ana Ruiz")
    unlabelled = article(paragraphs[0], "What is your work about?", *paragraphs[2:])
    check(unlabelled, "Walls last longer", UNATTRIBUTED)  # an explainer's questions, perhaps
    section_heads = article(
        "The council votes on the harbour plan tonight.",
        "WHO PAYS FOR IT?",
        "The state covers most of the cost.",
        "WHEN DOES WORK START?",
        "Work starts in May.",
        "WHAT ABOUT THE FERRIES?",
        "They keep running.",
    )
    check(section_heads, "The state covers", UNATTRIBUTED)


def test_excerpts_credited_below_in_brackets_are_the_credited_outlets_words() -> None:
    text = article(
        "The new handheld console goes on sale today. Here is what the first reviews say:",
        "Battery Life",
        "The battery lasts about five hours of play. That is an hour short of what was promised.",
        "[Tech Weekly]",
        "Price",
        "At $400 it costs more than any rival. Few buyers will pay that much for a second console.",
        "[Game Ledger]",
    )
    check(text, "The battery lasts", QUOTED, "Tech Weekly")
    check(text, "That is an hour", QUOTED, "Tech Weekly")
    check(text, "At $400", QUOTED, "Game Ledger")
    check(text, "[Tech Weekly]", QUOTED, "Tech Weekly")
    check(text, "Battery Life", SKIP)
    one = article("The council met.", "Rents rose again this year.", "[Harbour Post]")
    check(one, "Rents rose", UNATTRIBUTED)


def test_a_header_that_names_no_speaker_makes_no_speech() -> None:
    text = article("Transcript of the Interview", "The harbour carried a million passengers in 2015.")
    check(text, "The harbour carried", UNATTRIBUTED)
    text = article("The council met.", "Statement from the company follows below.", "Ferries will run.")
    check(text, "Ferries will run", UNATTRIBUTED)


def test_a_team_name_opening_lines_is_no_speaker_label() -> None:
    text = article(
        "The Otters beat the Herons 101-96 on Tuesday.",
        "Otters: Guard Pia Lenz missed her second game with a sore ankle.",
        "Herons: Forward Jo Amadi left in the third quarter with a cut above his eye.",
        "Otters: Host the Herons again on Friday.",
        "Herons: Visit the Otters on Friday.",
    )
    check(text, "Otters: Guard", UNATTRIBUTED)
    check(text, "Herons: Forward", UNATTRIBUTED)
    check(text, "Herons: Visit", UNATTRIBUTED)


def test_capitals_at_the_start_of_paragraphs_are_not_a_transcript() -> None:
    text = article(
        "US forces left the base on Monday, the Pentagon said.",
        "US officials said the move had been planned for months.",
        "UN inspectors arrived a day later.",
        "The Ulster Navigators, a sailing club, watched from the shore.",
    )
    check(text, "US forces", SOURCED, "Pentagon")
    check(text, "US officials", ANONYMOUS)
    check(text, "UN inspectors", UNATTRIBUTED)


def test_a_capitalised_contraction_is_not_a_name() -> None:
    text = article("Don't tell me that in an interview, she said, laughing.")
    assert tag(text, "Don't tell").source != "Don't"
    text = article("Can't wait to see it, Morales told the crowd.")
    check(text, "Can't wait", SOURCED, "Morales")


def test_another_opening_a_sentence_is_not_a_name() -> None:
    text = article("One fan said the show ran long.", "Another reportedly said the songs were too loud.")
    check(text, "Another", ANONYMOUS)  # another fan, unnamed


def test_some_many_and_another_alone_are_unnamed_people() -> None:
    text = article(
        "Some said the plan would fail.",
        "Many argued that the vote came too early.",
        "Another wondered why the council waited so long.",
        "Few would argue that the roads are in good shape.",
    )
    check(text, "Some said", ANONYMOUS, "Some")
    check(text, "Many argued", ANONYMOUS)
    check(text, "Another wondered", ANONYMOUS)
    check(text, "Few would", UNATTRIBUTED)  # a turn of phrase, nobody is cited
    after_a_clause = article("When the budget was cut in May, some argued that the vote came too early.")
    check(after_a_clause, "When the budget", ANONYMOUS, "some")


def test_an_adverb_in_ly_between_subject_and_verb_keeps_the_subject() -> None:
    text = article(
        "Since the split, Ortiz has continually insisted that the deal is fair.",
        "The family said the boy was kind.",
    )
    check(text, "Since the split", SOURCED, "Ortiz")


def test_told_a_listener_then_a_clause_without_that() -> None:
    text = article("Mayor Dana Price told city workers she wants the budget balanced by June.")
    check(text, "Mayor Dana Price", SOURCED, "Dana Price")


def test_a_date_between_the_verb_and_that() -> None:
    text = article("The Lumen Group announced on Sept. 30 that it would close the plant.")
    check(text, "The Lumen Group", SOURCED, "Lumen Group")


def test_the_brokerage_is_a_body_on_the_record() -> None:
    text = article("Demand will recover by spring, the brokerage said.")
    check(text, "Demand will", SOURCED, "the brokerage")


def test_a_short_line_ending_with_a_colon_introduces_what_follows() -> None:
    text = article(
        "The council met on Monday.",
        "Among the responses:",
        "The cuts hit three services:",
        "Evening buses to the coast were cut.",
    )
    check(text, "Among the responses", SKIP)
    check(text, "The cuts hit", UNATTRIBUTED)  # five words: a claim that happens to end in a colon


def test_lines_of_statistics_are_skipped() -> None:
    text = article(
        "Jo Amadi: 4 tackles, 1 assist (5 combined).",
        "4 tackles, 1 assist (5 combined).",
        "1 sack, 2 passes defended.",
        "3 people died.",
    )
    check(text, "4 tackles", SKIP)
    check(text, "1 sack", SKIP)
    check(text, "3 people", UNATTRIBUTED)


def test_signposts_promos_and_credits_at_the_foot_of_a_page() -> None:
    text = article(
        "The ferry will stop running in March.",
        "Here are some of the highlights:",
        "Here’s how Mayor Dana Price answered:",
        "You may also like...",
        "Thanks for signing up!",
        "Share it with a friend!",
        "Keith Bradsher contributed reporting from Hong Kong.",
        "Photography by Dan Seifert.",
        "When you sign up for this newsletter, you agree to our terms.",
        "When you sign up for the app, it asks for your contacts.",
    )
    for start in ("Here are", "You may", "Thanks for", "Share it", "Keith Bradsher", "Photography by"):
        check(text, start, SKIP)
    check(text, "When you sign up for this", SKIP)
    assert tag(text, "Here’s how").label != SKIP  # names who speaks next
    assert tag(text, "When you sign up for the app").label != SKIP  # a claim about the app


def test_a_few_quoted_words_framed_by_a_verb_are_quoted() -> None:
    text = article(
        "Price sent a letter in which she called the plan “reckless” and asked for a vote.",
        "The minister called it a “temporary measure” needed to calm markets.",
        "Ortiz has since said that the vote would take place in “farm country,” but others disagree.",
        "They bought a “smart” thermostat last year.",
    )
    check(text, "Price sent", QUOTED)
    check(text, "The minister", QUOTED)
    check(text, "Ortiz has since", QUOTED, "Ortiz")
    check(text, "They bought", UNATTRIBUTED)


def test_studies_and_polls_nobody_names_are_anonymous() -> None:
    text = article(
        "Polls show that the mayor is ahead by six points.",
        "Previous research has found that commuters sleep less.",
        "Several studies show the lake is warming.",
        "Court documents show he paid the fine in May.",
        "A Harlow Institute poll shows the mayor is ahead.",
    )
    check(text, "Polls show", ANONYMOUS, "Polls")
    check(text, "Previous research", ANONYMOUS)
    check(text, "Several studies", ANONYMOUS)
    check(text, "Court documents", SOURCED, "Court documents")
    check(text, "A Harlow Institute poll", SOURCED)


def test_one_analysis_is_a_document_not_several() -> None:
    # "analysis" ends in "s" without being a plural: a document, not studies nobody names
    text = article(
        "An analysis of the census data shows that the town grew by a third.",
        "Several analyses show the lake is warming.",
    )
    check(text, "An analysis", SOURCED, "An analysis of the census data")
    check(text, "Several analyses", ANONYMOUS)


def test_added_before_a_or_to_reports_an_act() -> None:
    text = article(
        "Rookie Jo Amadi added a goal as the Otters beat the Herons.",
        "Pia Lenz added to her collection of titles on Saturday.",
        "The coach added that the team was tired.",
    )
    check(text, "Rookie Jo Amadi", UNATTRIBUTED)
    check(text, "Pia Lenz added", UNATTRIBUTED)
    check(text, "The coach added", SOURCED)


def test_experts_of_a_named_body_are_on_the_record() -> None:
    text = article(
        "NASA scientists have confirmed that the crater holds ice.",
        "Researchers at the University of Leeds found that the ice is old.",
        "Independent analysts say the mission will cost more.",
        "Researchers at a Texas university found the lake is warming.",
        "The mission may reach Europa, as NASA’s scientists have suggested.",
    )
    check(text, "NASA scientists", SOURCED, "NASA")
    check(text, "The mission may", SOURCED, "NASA")
    check(text, "Researchers at the University", SOURCED, "University of Leeds")
    check(text, "Independent analysts", ANONYMOUS)
    check(text, "Researchers at a Texas", ANONYMOUS)


def test_the_agent_of_a_passive_verb_of_saying_is_the_source() -> None:
    text = article(
        "Mayor Dana Price has been criticized by the Harlow Taxpayers League for the new levy.",
        "Ortiz is accused by critics of ignoring the flood warnings.",
        "She is now accused of orchestrating the scheme.",
    )
    check(text, "Mayor Dana Price", SOURCED, "Harlow Taxpayers League")
    check(text, "Ortiz is accused", ANONYMOUS, "critics")
    check(text, "She is now", UNATTRIBUTED)


def test_people_described_but_not_named() -> None:
    text = article(
        "Those in favour of the ban have said that the lake is polluted.",
        "Many Tunisians accuse the government of ignoring the border.",
        "Indigenous elders say they were not consulted.",
        "Those estimates were revised in March.",
    )
    check(text, "Those in favour", ANONYMOUS)
    check(text, "Many Tunisians", ANONYMOUS)
    check(text, "Indigenous elders", ANONYMOUS)
    check(text, "Those estimates", UNATTRIBUTED)  # "estimates" is a noun here


def test_mentioned_that_and_now_promises_report_words() -> None:
    text = article(
        "The Lumen Group has mentioned that the plant will reopen in May.",
        "The company now promises it will hire local workers.",
    )
    check(text, "The Lumen Group", SOURCED)
    check(text, "The company now", SOURCED)


def test_reprint_notices_waits_captions_and_handles_are_skipped() -> None:
    text = article(
        "The ferry will stop running in March.",
        "In this photo dated Tuesday, the ferry leaves the harbour.",
        "This article was reprinted on Example.com.",
        "Please wait...",
        "This feature is temporarily unavailable.",
        "Jo Amadi is on Twitter at joamadi.",
    )
    for start in ("In this photo", "This article", "Please wait", "This feature", "Jo Amadi"):
        check(text, start, SKIP)


def test_speaker_labels_in_capitals_stand_for_the_printed_name() -> None:
    text = article(
        "Swimming Australia cut its funding, and Dana Price and Jo Amadi are not happy.",
        "DANA PRICE: I don't think it should happen. The pool is where champions are made.",
        "JO AMADI: Swimming needs to lift its game.",
        "DANA PRICE: We will manage.",
        "JO AMADI: The clubs will pay for it.",
    )
    check(text, "DANA PRICE", QUOTED, "Dana Price")
    check(text, "The pool is", QUOTED, "Dana Price")
    check(text, "JO AMADI", QUOTED, "Jo Amadi")


def test_the_speaker_who_asks_in_a_transcript_is_the_interviewer() -> None:
    text = article(
        "Kim Lee reports on the funding cut, which swimmer Jo Amadi opposes.",
        "KIM LEE: It has been a hard year for the sport. Do you think the cut is fair?",
        "JO AMADI: I don't think it is. The clubs will suffer.",
        "KIM LEE: According to the clubs, the cut will close pools. Will it?",
        "JO AMADI: Some of them, yes.",
    )
    check(text, "KIM LEE: It has been", UNATTRIBUTED)
    check(text, "Do you think", SKIP)
    check(text, "KIM LEE: According to the clubs", SOURCED)
    check(text, "JO AMADI: I don't", QUOTED, "Jo Amadi")


def test_promos_in_parentheses_contacts_and_update_stamps_are_skipped() -> None:
    text = article(
        "The spill reached the coast on Monday.",
        "(See pictures of the spill.)",
        "He can be reached at 555-0100.",
        "Update July 3rd, 8:05AM ET: Added a video.",
        "Update: On July 4, the company reopened the plant.",
        "-------------",
    )
    for start in ("(See pictures", "He can be reached", "Update July", "-------------"):
        check(text, start, SKIP)
    check(text, "Update: On July 4", UNATTRIBUTED)


def test_accounts_nobody_names_and_worried_officials_are_anonymous() -> None:
    text = article(
        "By all accounts, Ortiz had been a poor manager.",
        "As the lake warms, the thinking goes, the fish will move north.",
        "Security officials are particularly concerned by the border.",
        "A resident who didn't want to be identified said people stay indoors.",
        "Many have voiced concerns that the figures are wrong.",
        "Officials are due to meet on Monday.",
    )
    for start in ("By all accounts", "As the lake", "Security officials", "A resident", "Many have"):
        check(text, start, ANONYMOUS)
    check(text, "Officials are due", UNATTRIBUTED)


def test_more_instructions_to_the_reader() -> None:
    text = article(
        "The semester starts on Monday.",
        "Be thorough and pack a spare charger.",
        "Write your papers in the cloud.",
        "Imagine your pizza being delivered by a drone.",
        "Being late costs points.",
    )
    for start in ("Be thorough", "Write your", "Imagine your"):
        check(text, start, SKIP)
    check(text, "Being late", UNATTRIBUTED)


def test_went_on_to_say_and_a_named_authority() -> None:
    text = article(
        "Mayor Dana Price went on to say that the bridge would reopen in May.",
        "The regional water authority said the reservoir was full.",
    )
    check(text, "Mayor Dana Price", SOURCED, "Dana Price")
    check(text, "The regional water authority", SOURCED)


def test_describing_something_as_what_it_is_frames_the_subjects_view() -> None:
    text = article(
        "The party chairman described the video as harmless satire.",
        "Advocates describe the plan as a natural union.",
        "He is described as wearing dark glasses.",
        "The report describes the bridge in detail.",
    )
    check(text, "The party chairman", SOURCED)
    check(text, "Advocates describe", ANONYMOUS)
    check(text, "He is described", UNATTRIBUTED)


def test_cited_projected_and_sees_report_a_sources_view() -> None:
    text = article(
        "Moscow has cited technical reasons for the delays.",
        "The Tax Foundation projected in May that the tariffs would cut growth.",
        "The Fed sees three rate hikes next year.",
        "The projected rate increases would follow in 2018.",
    )
    check(text, "Moscow has cited", SOURCED, "Moscow")
    check(text, "The Tax Foundation", SOURCED)
    check(text, "The Fed sees", SOURCED)
    check(text, "The projected rate", UNATTRIBUTED)


def test_reported_details_of_names_what_a_source_reported() -> None:
    text = article(
        "The Harlow Ledger reported details of the tour that stops in Leeds in July.",
        "The shop reported to police that its windows were broken.",
    )
    check(text, "The Harlow Ledger", SOURCED, "Harlow Ledger")


def test_a_document_that_said_and_a_subject_after_but() -> None:
    text = article(
        "The council published a report that said the bridge was unsafe.",
        "But Dana Price, an engineer with the Harlow Institute, said the bridge was sound.",
        "In an interview, the president-elect said the plan would change.",
        "That said, the vote went ahead.",
    )
    check(text, "The council published", SOURCED, "a report")
    check(text, "But Dana Price", SOURCED, "Dana Price")
    check(text, "In an interview", SOURCED)
    check(text, "That said", UNATTRIBUTED)


# --------------------------------------------------------------------------------------------
# held-out articles


def held_out_articles() -> list[GoldArticle]:
    """The mini articles of tests/data/suggest_cases.json, as gold articles."""
    data = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    articles = []
    for case in data["articles"]:
        text, position, units = case["text"], 0, []
        for sentence in case["sentences"]:
            offset = text.index(sentence["starts_with"], position)
            position = offset + 1
            units.append(GoldUnit(sentence["starts_with"], offset, sentence["label"], (), sentence["source"]))
        articles.append(GoldArticle(case["name"], text, tuple(units)))
    return articles


def test_held_out_articles_reach_the_targets() -> None:
    result = evaluate_articles(held_out_articles())
    assert not result.unaligned
    assert len(result.units) >= 60
    assert result.strict_accuracy >= 0.9
    assert result.label_score(ANONYMOUS).f1 >= 0.8
    assert result.coverage >= 0.5


def test_unnamed_people_the_writer_spoke_to_or_who_know_the_subject() -> None:
    text = article(
        "Several engineers we spoke to said the bridge was closed too late.",
        "Many residents I interviewed believe that the levy will pass.",
        "The police we talked to said the road would reopen on Monday.",
        "People who know her well say she will run for the council.",
        "Those who have worked with Okafor believe he will sign the deal.",
        "The man who knew the owner said nothing about the fire.",
    )
    check(text, "Several engineers", ANONYMOUS, "Several engineers")
    check(text, "Many residents", ANONYMOUS, "Many residents")
    check(text, "The police", SOURCED, "The police")  # a body is named, whoever spoke to it
    check(text, "People who know", ANONYMOUS, "People who know her well")
    check(text, "Those who have", ANONYMOUS, "Those who have worked with Okafor")
    check(text, "The man who", UNATTRIBUTED)  # a relative clause, no one's words


def test_a_clause_after_who_describes_the_speakers_of_the_verb_after_it() -> None:
    text = article(
        "The mayor felt betrayed by the council, sources who spoke with her said.",
        "The vote was rigged, voters who attended the meeting said.",
        "The clerk who the police said fled was caught on Monday.",
        "The utility cut the number of homes who could be hit from an original estimate of 600,000.",
    )
    check(text, "The mayor", ANONYMOUS, "sources")
    check(text, "The vote", ANONYMOUS, "voters")
    check(text, "The clerk", SOURCED, "police")  # the clause's own speaker
    check(text, "The utility", UNATTRIBUTED)  # "estimate" is a noun here


def test_an_aside_between_dashes_stands_between_the_speaker_and_the_verb() -> None:
    text = article(
        "Dana Ruiz — who runs the bakery on Dock Street — said the rent had doubled.",
        "Mayor Ana Lin – a former teacher – told reporters the school would close.",
        "The Harbour Trust -- which owns the pier -- announced that repairs will start in May.",
    )
    check(text, "Dana Ruiz", SOURCED, "Dana Ruiz")
    check(text, "Mayor Ana", SOURCED, "Ana Lin")
    check(text, "The Harbour", SOURCED, "Harbour Trust")


def test_saying_nothing_attributes_nothing() -> None:
    text = article(
        "The guard said nothing about the fire.",
        "The budget plan says little about the cost.",
        "In the settlement, Harbour Lines did not admit nor deny any wrongdoing.",
        "The council does not deny that the pier is unsafe.",
    )
    check(text, "The guard", UNATTRIBUTED)
    check(text, "The budget", UNATTRIBUTED)
    check(text, "In the settlement", UNATTRIBUTED)  # a silence the writer notes
    check(text, "The council", UNATTRIBUTED)


def test_unnamed_people_of_a_kind_hold_views_and_both_points_back() -> None:
    text = article(
        "Some senators worry that the trial will crowd out the campaign.",
        "Brokers are of the view that rates will fall in spring.",
        "Traders have mixed feelings about the new contract.",
        "Some are calling for a recount in the northern districts.",
        "Lumen and Acme ended the talks on Monday. Both companies said the price was too high.",
        "Some products worry regulators more than others.",
    )
    check(text, "Some senators", ANONYMOUS, "Some senators")
    check(text, "Brokers are", ANONYMOUS, "Brokers")
    check(text, "Traders have", ANONYMOUS, "Traders")
    check(text, "Some are calling", ANONYMOUS, "Some")
    check(text, "Both companies", SOURCED, "Both companies")  # the two just named
    two_men = article("Ruiz and Osei were freed on Friday. Both men told reporters they were treated well.")
    check(two_men, "Both men", SOURCED, "Both men")
    couple = article("Ruiz and Osei married in May. The couple revealed that they will move to Bergen.")
    check(couple, "The couple", SOURCED, "The couple")
    chain = article("Harbour Foods shut its stores. Still, the grocery chain said it has months of stock.")
    check(chain, "Still, the grocery chain", SOURCED, "the grocery chain")
    check(text, "Some products", UNATTRIBUTED)  # not people


def test_a_line_that_opens_with_an_amount_is_no_near_certain_subhead() -> None:
    text = article(
        "The foundation gave out $40,000 this spring. Among the grants:",
        "$7,500 to Stand For Children",
        "The group runs reading clubs in six schools.",
        "Grants For Schools",
        "The next round opens in May.",
    )
    entry = tag(text, "$7,500")
    assert entry.confidence < 0.95, entry  # a grant in a list, not bulk-accepted: some read it as a claim
    assert tag(text, "Grants For").confidence >= 0.9  # a subhead in title case still is one


def test_a_name_alone_after_a_quotation_is_its_speaker_tag_that_lost_its_verb() -> None:
    text = article(
        "Verizon will test the app in May, and Kheradpir said more devices would follow. "
        '"We have to start somewhere." Kheradpir. "The tablet is the right device for this."',
        '"It was a long night," said the coach. Lovely.',
    )
    check(text, "Kheradpir.", QUOTED, "Kheradpir")
    check(text, '"We have to start', QUOTED, "Kheradpir")
    check(text, "Lovely.", SKIP)  # a word of its own: the article never writes it as a name


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a list of who speaks, whose last member the lexicons do not know
        ("Black voters, campaign organizers and veteran volunteers said the race is close.", "Black voters"),
        ("Farmers, truckers and seasonal pickers say the new rules came too late.", "Farmers"),
        # a common noun for people, capitalised only because it opens the sentence
        ("Environmentalists say the plant leaks into the river.", "Environmentalists"),
        ("Doubters cited his injuries as a reason to worry.", "Doubters"),
        ("Companies say they have learned their lesson.", "Companies"),
        # one unnamed person described by where they work
        ("The rules may change in spring, a NIST cryptographer at the workshop said.", "NIST cryptographer"),
        # rumours nobody names
        ("There were rumors last year that the studio would sell the rights.", None),
        ("The film was approved in 2016, with reports that the lead would return.", None),
    ],
)
def test_unnamed_people_the_lexicons_do_not_list_are_anonymous(sentence: str, source: str | None) -> None:
    check(article(sentence), sentence[:12], ANONYMOUS, source)


def test_a_name_written_as_a_name_elsewhere_stays_a_named_source_at_the_start_of_a_sentence() -> None:
    text = article(
        "Senator Ruth Sanders toured the port on Monday.",
        "Sanders says the dredging will start in June.",
    )
    check(text, "Sanders says", SOURCED, "Sanders")


@pytest.mark.parametrize(
    "sentence",
    [
        "Blanco and others said the federal money will speed the rebuilding.",
        "Saban, Meyer and other coaches claim they are protecting their players.",
    ],
)
def test_a_named_source_leading_unnamed_companions_is_sourced(sentence: str) -> None:
    check(article(sentence), sentence[:10], SOURCED)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ruiz revealed in February that the bridge would close for a year.",
        "Chief executive Tim Okafor in October revealed lofty plans to double the fleet.",
        "On Monday, the president, Ana Reyes, announced plans to buy six aircraft.",
        "Lena Sato recently wrote in The Atlantic about her years counting jokes.",
    ],
)
def test_revealing_and_writing_attribute_with_a_month_plans_or_a_publication(sentence: str) -> None:
    check(article(sentence), sentence[:12], SOURCED)


@pytest.mark.parametrize(
    "sentence",
    [
        "To wit: late last week the company announced that production had started.",
        "In October he announced he would build a memorial.",
        "Earlier this week, the company announced it was going to end the pensions.",
        "But Moscow announced Friday it will start loading fuel into the plant next week.",
        "Tuesday, on Twitter, Trump pointed to the former mayor's donations.",
    ],
)
def test_a_time_before_the_subject_or_a_clause_without_that_still_attributes(sentence: str) -> None:
    check(article("Ana Ruiz runs the plant.", sentence), sentence[:10], SOURCED)


def test_points_as_a_noun_is_no_attribution() -> None:
    sentence = "The bond yield fell three basis points to 0.33 percent."
    check(article(sentence), sentence[:12], UNATTRIBUTED)


@pytest.mark.parametrize(
    "sentence",
    [
        "Noel and Thomas pleaded not guilty in federal court on Tuesday.",
        "Legg pleaded guilty and was sentenced to 30 months in prison.",
    ],
)
def test_a_plea_in_court_is_an_act_not_a_claim(sentence: str) -> None:
    check(article(sentence), sentence[:10], UNATTRIBUTED)


def test_a_letter_printed_in_full_is_its_signers_words_and_the_reply_is_not() -> None:
    text = article(
        "DEAR ABBY: My husband bought himself a business-class seat and put me in economy. "
        "We have plenty of money. Am I right to feel hurt?",
        "-- FEELING SECOND RATE",
        "DEAR FEELING: You have a right to be upset. Upgrade your seat.",
    )
    for start in ("DEAR ABBY", "We have plenty", "Am I right"):
        check(text, start, QUOTED, "FEELING SECOND RATE")
    check(text, "-- FEELING", SKIP)
    for start in ("DEAR FEELING", "Upgrade your seat"):
        check(text, start, UNATTRIBUTED)


def test_a_letter_signed_under_its_closing_is_quoted() -> None:
    text = article(
        "Maude Fisher, the nurse who cared for him, wrote to his mother.",
        "My dear Mrs. Hogan:",
        "Your son was brought to this hospital very sick with influenza.",
        "He was brave and cheerful, and made a good fight with the disease.",
        "Sincerely,",
        "Maude B. Fisher",
    )
    for start in ("Your son was", "He was brave"):
        check(text, start, QUOTED, "Maude B. Fisher")
    check(text, "Maude B. Fisher", SKIP)


def test_a_salutation_with_no_sign_off_is_no_letter() -> None:
    text = article(
        "Dear readers, the paper will not print on Monday.",
        "The presses are being replaced after forty years.",
    )
    check(text, "The presses", UNATTRIBUTED)


def test_first_person_passages_under_contributors_names_and_titles_are_their_words() -> None:
    text = article(
        "Here, two economists share their views on the year ahead.",
        "Ana Reyes",
        "Chief economist, Harbour Bank – Toronto",
        "Oil prices will stay low. We expect the currency to weaken by spring.",
        "Tom Okafor",
        "Professor of economics, Lakeside University – Montreal",
        "My biggest worry is a default abroad. Banks hold little of that debt.",
    )
    check(text, "Oil prices", QUOTED, "Ana Reyes")
    check(text, "We expect", QUOTED, "Ana Reyes")
    check(text, "My biggest worry", QUOTED, "Tom Okafor")
    check(text, "Chief economist", SKIP)


def test_one_name_and_title_over_the_story_is_a_byline_not_a_panel() -> None:
    text = article(
        "Ana Reyes",
        "Chief economist, Harbour Bank – Toronto",
        "We expect the currency to weaken by spring.",
    )
    check(text, "We expect", UNATTRIBUTED)


@pytest.mark.parametrize(
    "notice",
    [
        "Correction 8/29/10 7:05 a.m. PDT: A previous version of this story misstated his title.",
        "(Corrects 10th paragraph to show the console is from Nintendo, not Sony.)",
        "The views and opinions expressed in the article do not necessarily reflect those of the site.",
        "Shovel Knight was reviewed using code provided by Yacht Club Games.",
        "You can find additional information about Polygon's ethics policy here.",
        "We'd like to hear what you think about this or any of our articles.",
    ],
)
def test_corrections_review_disclosures_and_letters_invitations_are_notices(notice: str) -> None:
    text = article("The bridge reopened on Monday after two years of work.", notice)
    check(text, notice[:12], SKIP)


@pytest.mark.parametrize(
    "sentence",
    [
        "The new tablet could be unveiled at an event rumored to take place in March.",
        "Though the rumored tablet will use a larger display, it keeps the old case.",
    ],
)
def test_what_is_rumored_is_attributed_to_rumours_nobody_names(sentence: str) -> None:
    check(article(sentence), sentence[:12], ANONYMOUS)


def test_a_quotation_its_paragraph_never_closes_is_read_as_quoted_but_kept_out_of_bulk_accept() -> None:
    text = article(
        "“We have a lot of confidence in Tony,” Jones said. “That game is a perfect example. "
        "For fantasy owners, that confidence might not be as high this week.",
        "“We trust Ana,” Ruiz said. “That race is a perfect example. She will get better.”",
    )
    unclosed = check(text, "For fantasy owners", QUOTED)
    assert unclosed.reason == "inside a quotation its paragraph never closes"
    closed = check(text, "“That race", QUOTED)
    assert closed.reason != unclosed.reason and closed.confidence > unclosed.confidence


# One sentence each: what its wording does and does not attribute (the tenth session's rules).
WORDING_CASES = [
    # likening, comparing X to and speaking of attribute; a comparison does not
    ("Climatologist Gavin Ruiz likened the threshold to a speed limit on a highway.", SOURCED),
    ("Castellanos, a former adviser, compared this moment to the early 1990s.", SOURCED),
    ('In a speech, Gates spoke of "anxiety" over the future of the service.', QUOTED),
    # a comparison, not a claim anyone makes
    ("Coal trades at about $10 a ton, compared with about $45 for coal from the east.", UNATTRIBUTED),
    ("Sales rose 6 per cent compared to a year ago.", UNATTRIBUTED),
    # a court's ruling that, and having no comment, are sourced
    ("The FBI did not have a comment for this story.", SOURCED),
    ("The regional court ruled today that the ban must be extended.", SOURCED),
    ("The new rules take effect in June and cover every port.", UNATTRIBUTED),
    # a source in the writer's if-clause is the writer's hypothesis
    ("If the appeals court says the agency lacked the power, the rules will fall.", UNATTRIBUTED),
    ("And if the company finds that more staff are needed, it will hire in spring.", UNATTRIBUTED),
    # ... but a condition inside what the source said is still theirs
    ("Mayor Ana Ruiz said that if the bridge fails, the port will close.", SOURCED),
    # adding something to a thing is an act, not words
    ("NASA also added smaller landers to the lunar contract.", UNATTRIBUTED),
    ("Two weeks ago, Trump added Roslyn Layton to his advisory team.", UNATTRIBUTED),
    ("Ruiz added that the landers would fly in May.", SOURCED),
    # describing attributes without quotation marks too
    ("Analyst Tom Forte described his attempt to buy the ingredients at one store.", SOURCED),
    ("Several staffers have described feeling like part of a totalitarian regime.", ANONYMOUS),
    # telling someone to do something is a reported order
    ("Masayoshi Son told WeWork executives to look for new sources of revenue.", SOURCED),
    ("Ruiz asked for five days to get things going.", UNATTRIBUTED),
    # a listener of many words, even with a comma, before "that"
    ("Okafor told lawyers at Lane, Hart and Ode that the board had known since May.", SOURCED),
    ("Ruiz once told a room full of the bank's new analysts that their jobs were safe.", SOURCED),
    ("Ruiz told a story about the flood that made the crowd laugh.", UNATTRIBUTED),
    # remembering and marvelling are told by the one who remembers
    ("Former aide Lena Park remembers once finding the mayor asleep in his office.", SOURCED),
    ("The bank's founder marveled at how quickly the branch had grown.", SOURCED),
    # sharing a picture is an act; posting words is not
    ("Mayor Ruiz posted a photo of the flooded road on Tuesday evening.", UNATTRIBUTED),
    ("Her cousin, Luca Moretti, posted two pictures of the rescue online.", UNATTRIBUTED),
    ("Mayor Ruiz posted on Facebook that the road would reopen on Friday.", SOURCED),
    ("In 1950 the journalist Ada Kaye wrote a biography of the inventor.", UNATTRIBUTED),
    ("Ada Kaye wrote in her book that the inventor died poor.", SOURCED),
    # believing in something is no claim reported
    ("The carmaker still believes in small sedans for city driving.", UNATTRIBUTED),
    # recognising that, and being sceptical or optimistic, tell a source's view
    ("Coach Dana Mills recognizes that the team's playoff hopes are slim.", SOURCED),
    ("The governor is skeptical the two agencies can share one budget.", SOURCED),
    # more verbs of saying
    ("On Tuesday the minister clarified that no funds had been moved.", SOURCED),
    ("Dr Okafor underscored the importance of banking reform for small firms.", SOURCED),
    ("In a call with analysts, Ruiz disputed the regulator's central argument.", SOURCED),
    # what may follow "reported", "announced", "wrote": an object, an amount, a setting, a speaker
    ("Every week, staff posted about the kitten's progress on the store's page.", UNATTRIBUTED),
    ("State police reported at least 5,000 people entered the building.", SOURCED),
    ("The road stayed shut all night, reported Ana Ruiz of Coast Radio.", SOURCED),
    ("Both cars will get the new system, as the companies announced at CES 2016.", SOURCED),
    ("The ice sheet is thinning fast, the team wrote in the paper.", SOURCED),
    # a few words cut off by a comma at the start of the sentence are someone's words
    ("“Not again,” came the reply from the back of the hall.", QUOTED),
    ("“It failed,” one of the plant managers said later.", QUOTED),
    ("“Parasite,” the Korean satire about the wealth gap, won the top prize.", UNATTRIBUTED),
    # one of a group nobody names
    ("One of the managers present said the plant would close in May.", ANONYMOUS),
    ("Detectives believe the car was taken from the lot on Friday night.", ANONYMOUS),
    ("Foreign patients say the clinics charge a third of the price at home.", ANONYMOUS),
    ("The lesson, the associate noted, was to speak to him last.", ANONYMOUS),
    # an opening adverbial phrase before the subject of a joined verb of saying
    ("Shortly after noon on Friday, Okafor walked onto the stage and told the crowd he had won.", SOURCED),
    # accusing, complaining, admitting: what the subject of the main clause said
    ("The city sued the builder on Monday, accusing it of skipping two safety checks.", SOURCED),
    ("Some riders are complaining about delays on the new line.", ANONYMOUS),
    # welcoming a decision, talking about something, regarding something as: a view, on the record
    ("The tenants' union welcomed the court's move to halt the evictions.", SOURCED),
    ("Before the vote, Okafor talked publicly about her doubts over the budget.", SOURCED),
    # putting a figure on something, crediting a cause, opening up about a subject: their view
    ("Forbes recently pegged the club's value at $4 billion, the most in the world.", SOURCED),
    ("Okafor attributed the fall in fares to the new ferry line.", SOURCED),
    ("In the interview, Ana Lin opened up about her years at the council.", SOURCED),
    ("Harbour Lines is announcing a cheaper weekday fare today.", SOURCED),
    ("The ferry company presented itself as a cheaper alternative to the bridge.", SOURCED),
    ("Reef experts regard the bay as the most important nursery on the coast.", ANONYMOUS),
    # "another" or "one" named in an apposition; a finding by a named institution
    ("Another, Baxley Foods, announced in May that it would close two plants.", SOURCED),
    ("According to estimates by the state government, the river rose two metres.", SOURCED),
    # what people could or would believe is the writer's supposition
    ("Visitors can expect long queues at the border crossing this weekend.", UNATTRIBUTED),
    # what someone will say is no claim anyone has made yet
    ("Harbour Lines will explain the new fares at a meeting next week.", UNATTRIBUTED),
    ("Mayor Ana Lin will tell the council on Monday that the bay is too shallow.", UNATTRIBUTED),
    ("Contrary to what some parents might believe, toddlers sleep less in summer.", UNATTRIBUTED),
    # "people notes" is no plural subject and its verb: "notes" is a noun there
    ("The screen lets people send notes to the device from a phone app.", UNATTRIBUTED),
    ("Some people say the bridge was never safe.", ANONYMOUS),
]


@pytest.mark.parametrize(("sentence", "label"), WORDING_CASES)
def test_what_the_wording_attributes(sentence: str, label: str) -> None:
    check(article(sentence), sentence[:12], label)


def test_a_wire_ledes_unnamed_official_named_further_down_is_on_the_record() -> None:
    text = article(
        "A California sheriff says a woman held captive for three weeks cannot describe her abductors.",
        "Shasta County Sheriff Tom Bosenko said Wednesday that the search goes on.",
        "A police officer said the road would stay closed.",
    )
    check(text, "A California sheriff", SOURCED, "Tom Bosenko")
    check(text, "A police officer", ANONYMOUS)
