"""Small tagged workspaces for the export, statistics and agreement tests, built through the public API."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from factcheck.models import Article
from factcheck.session import Position, ReviewSession
from factcheck.store import Workspace

#: Sentences: 0 headline, 1 quote, 2 anonymous, 3 sourced (The New York Times), 4 unattributed,
#: 5 photo credit.
BRIDGE = (
    "Harbor bridge vote delayed\n\n"
    '"We cannot wait any longer," Rosa Delgado said after the meeting.\n\n'
    "Officials said the plan will be split between two firms.\n\n"
    "The bridge carries 31,000 vehicles a day, according to The New York Times.\n\n"
    "Engineers closed one lane in March.\n\n"
    "Photo: Mark Ellison/Riverton Ledger\n"
)
#: Sentences: 0 headline, 1 sourced (Riverton Ledger), 2 unattributed, 3 quote.
CLINIC = (
    "Clinic outbreak contained\n\n"
    "The outbreak began at a downtown clinic, the Riverton Ledger reported.\n\n"
    "Twelve patients were treated.\n\n"
    '"It is under control," Dr. Amara Osei said.\n'
)

#: A reviewer's tags: article number -> sentence index -> label, or (label, source).
Tags = Mapping[int, Mapping[int, str | tuple[str, str | None]]]


def bridge_and_clinic() -> list[Article]:
    return [
        Article.from_text(
            BRIDGE,
            "Harbor bridge vote delayed",
            outlet="Riverton Ledger",
            url="https://example.com/bridge",
            author="Dana Whitlock",
        ),
        Article.from_text(CLINIC, "Clinic outbreak contained", outlet="The Daily Wire"),
    ]


def build(root: Path, articles: list[Article], tags: Mapping[str, Tags]) -> tuple[Workspace, list[str]]:
    """A workspace with ``articles`` and each reviewer's tags; returns it and the article ids."""
    workspace = Workspace.open(root, create=True)
    workspace.add_articles(articles)
    ids = [article.id for article in articles]
    for reviewer, by_article in tags.items():
        session = ReviewSession(workspace, reviewer)
        for number, by_index in by_article.items():
            for index, given in by_index.items():
                label, source = given if isinstance(given, tuple) else (given, None)
                position = Position(ids[number], index)
                session.tag(position, label)
                session.edit(position, source=source or "")
    return workspace, ids
