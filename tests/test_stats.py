"""Sourcing statistics: the figures per group, the selection of reviewers, and the stats command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck import corpus as corpus_module
from factcheck.cli import main
from factcheck.corpus import ADJUDICATED, Corpus
from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED
from factcheck.stats import GroupStats, compute_stats, tag
from factcheck.store import Workspace
from tests.tagged import bridge_and_clinic, build

ANN = {
    0: {
        0: SKIP,
        1: (QUOTED, "Rosa Delgado"),
        2: (ANONYMOUS, "officials"),
        3: (SOURCED, "The New York Times"),
        4: UNATTRIBUTED,
        5: SKIP,
    },
    1: {0: SKIP, 1: (SOURCED, "the  Riverton Ledger"), 2: UNATTRIBUTED, 3: (QUOTED, "Dr. Amara Osei")},
}
BOB = {0: {1: (QUOTED, "rosa delgado"), 4: UNATTRIBUTED}}


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    workspace, _ = build(
        tmp_path / "ws", bridge_and_clinic(), {"ann": ANN, "bob": BOB, ADJUDICATED: {0: {2: ANONYMOUS}}}
    )
    return workspace


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_figures_per_outlet_for_one_reviewer(workspace: Workspace) -> None:
    report = compute_stats(Corpus(workspace, reviewers=["ann"]), "outlet")
    assert [group.name for group in report.groups] == ["Riverton Ledger", "The Daily Wire"]
    groups = {group.name: group.to_dict() for group in report.groups}
    bridge = groups["Riverton Ledger"]
    assert bridge["counts"] == {QUOTED: 1, ANONYMOUS: 1, SOURCED: 1, UNATTRIBUTED: 1, SKIP: 2}
    assert bridge["claims"] == 4 and bridge["tagged"] == 6 and bridge["articles"] == 1
    assert bridge["shares"] == {QUOTED: 0.25, ANONYMOUS: 0.25, SOURCED: 0.25, UNATTRIBUTED: 0.25}
    assert bridge["unattributed_share"] == 0.25
    assert bridge["quotes_per_article"] == 1.0
    assert bridge["named_sources"] == 2  # anonymous "officials" is not a named source
    assert bridge["anonymous_article_share"] == 1.0
    clinic = groups["The Daily Wire"]
    assert clinic["shares"][SOURCED] == pytest.approx(0.3333)
    assert clinic["anonymous_article_share"] == 0.0
    total = report.total.to_dict()
    assert (total["articles"], total["claims"]) == (2, 7)
    assert total["quotes_per_article"] == 1.0
    assert total["anonymous_article_share"] == 0.5
    assert total["named_sources"] == 4


def test_sources_match_whatever_their_case_spacing_or_leading_the(workspace: Workspace) -> None:
    report = compute_stats(Corpus(workspace, reviewers=["ann", "bob"]), "article")
    bridge = report.groups[0]
    assert bridge.top_sources()[0] == ("Rosa Delgado", 2)  # ann's "Rosa Delgado", bob's "rosa delgado"


def test_citation_edges_mark_sources_that_are_outlets(workspace: Workspace) -> None:
    report = compute_stats(Corpus(workspace, reviewers=["ann"]), "outlet")
    edges = [c.to_dict() for c in report.citations]
    assert edges[0] == {
        "outlet": "The Daily Wire",
        "source": "the Riverton Ledger",
        "sentences": 1,
        "source_is_outlet": True,
    }
    assert {
        "outlet": "Riverton Ledger",
        "source": "The New York Times",
        "sentences": 1,
        "source_is_outlet": False,
    } in edges


def test_groups_by_reviewer_and_article(workspace: Workspace) -> None:
    by_reviewer = compute_stats(Corpus(workspace), "reviewer")
    assert [g.name for g in by_reviewer.groups] == [ADJUDICATED, "ann", "bob"]
    bob = by_reviewer.groups[2]
    assert (bob.articles, bob.claims, bob.counts[QUOTED], bob.share(UNATTRIBUTED)) == (1, 2, 1, 0.5)
    by_article = compute_stats(Corpus(workspace, reviewers=[ADJUDICATED]), "article")
    assert [g.name for g in by_article.groups] == ["Harbor bridge vote delayed"]
    assert by_article.total.counts[ANONYMOUS] == 1
    assert by_article.total.tagged == 1


def test_stats_cli_json_table_and_csv(workspace: Workspace) -> None:
    db = str(workspace.root)
    as_json = run("stats", "--db", db, "--by", "outlet", "--format", "json", "--reviewer", "ann")
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["by"] == "outlet" and data["reviewers"] == ["ann"]
    assert data["total"]["counts"][QUOTED] == 2
    assert data["citations"][0]["source_is_outlet"] is True

    table = run("stats", "--db", db, "--by", "outlet", "--reviewer", "ann")
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert any(line.startswith("Riverton Ledger") and "25.0%" in line for line in lines)
    assert any(line.startswith("all") for line in lines)
    assert any(line.startswith("The Daily Wire") and "the Riverton Ledger *" in line for line in lines)

    as_csv = run("stats", "--db", db, "--by", "reviewer", "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [row["reviewer"] for row in rows] == [ADJUDICATED, "ann", "bob", "*"]
    assert rows[2]["count_quoted"] == "1" and rows[2]["share_unattributed"] == "0.5"


def test_stats_cli_on_an_empty_workspace_and_an_unknown_reviewer(
    tmp_path: Path, workspace: Workspace
) -> None:
    empty, _ = build(tmp_path / "empty", bridge_and_clinic(), {})
    result = run("stats", "--db", str(empty.root))
    assert result.exit_code == 0
    assert "No tags yet" in result.output
    unknown = run("stats", "--db", str(workspace.root), "--reviewer", "zed")
    assert unknown.exit_code == 1
    assert unknown.output.startswith("factcheck: error: no tags by reviewer 'zed'")


def test_parallel_and_serial_statistics_agree(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = compute_stats(Corpus(workspace), "article").to_dict()
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(corpus_module, "CHUNK_ARTICLES", 1)
    assert compute_stats(Corpus(workspace), "article", workers=2).to_dict() == serial


def test_one_articles_figures_from_in_memory_tags() -> None:
    """What a live view (the TUI's stats screen) does with the tags it holds."""
    group = GroupStats("a1", "An article")
    group.add_article([tag(QUOTED, "Rosa Delgado"), tag(ANONYMOUS, "officials"), tag(SKIP, None)])
    assert group.claims == 2
    assert group.share(QUOTED) == 0.5
    assert group.top_sources() == [("Rosa Delgado", 1)]
    assert group.anonymous_article_share == 1.0
