"""The sourcing codebook in short: what each label means, for the help screen and the CLI."""

from __future__ import annotations

from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED

#: One-line definitions, in the order the codebook says to try the labels.
DEFINITIONS: dict[str, str] = {
    QUOTED: (
        "Reproduces someone's words inside quotation marks, fully or partly; also every sentence "
        "of a block quotation introduced as someone's words. Quote marks around a name, title or "
        "label are not a quotation."
    ),
    ANONYMOUS: (
        'Attributed to sources who are not named: "officials said", "a person familiar with the '
        'talks", "on condition of anonymity", "reportedly", an unnamed group.'
    ),
    SOURCED: (
        "Attributed to an identifiable source: a named person, organisation, document, data set or "
        'outlet ("according to The New York Times", "a court filing shows"), a spokesperson for a '
        'named body, "X declined to comment", or a pronoun for a source named just before.'
    ),
    UNATTRIBUTED: (
        "A claim of fact with no attribution in the sentence or its block, including the writer's "
        "own analysis that mentions what someone once said."
    ),
    SKIP: (
        "Not a claim: headlines and subheads, bylines, photo credits, pull quotes, promos "
        '("WATCH: ..."), ownership notices, questions to the reader. Left out of statistics.'
    ),
}

RULE = "Pick the FIRST label that applies, in this order: quoted, anonymous-sourced, sourced, unattributed."
