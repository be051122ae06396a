"""Agreement figures against published worked examples, and the agreement and merge commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck import corpus as corpus_module
from factcheck.agreement import cohen_kappa, coincidences, compute_agreement, nominal_alpha
from factcheck.cli import main
from factcheck.corpus import ADJUDICATED, Corpus
from factcheck.models import ANONYMOUS, LABELS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Article
from factcheck.store import StoreError, Workspace
from tests.tagged import BRIDGE, bridge_and_clinic, build

# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four observers,
# twelve units, nominal values 1-5, None where an observer gave no value. Published alpha: 0.743.
KRIPPENDORFF_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
# The same paper, section A: two observers, binary data, ten units. Published alpha: 0.095.
KRIPPENDORFF_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
# Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by A and B. Published kappa: 0.4.
WIKIPEDIA_KAPPA = {("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}


def units_of(table: list[list[int | None]]) -> list[list[int]]:
    return [[row[unit] for row in table if row[unit] is not None] for unit in range(len(table[0]))]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# -- the statistics, on published examples ---------------------------------------------------------


def test_krippendorff_alpha_nominal_with_missing_data_matches_the_published_example() -> None:
    matrix = coincidences(units_of(KRIPPENDORFF_C))
    assert sum(matrix.values()) == pytest.approx(40)  # n.. = 40 pairable values, as published
    assert round(nominal_alpha(matrix), 3) == 0.743


def test_krippendorff_alpha_binary_two_observers_matches_the_published_example() -> None:
    assert round(nominal_alpha(coincidences(units_of(KRIPPENDORFF_A))), 3) == 0.095


def test_cohen_kappa_matches_the_wikipedia_example() -> None:
    assert cohen_kappa(WIKIPEDIA_KAPPA) == pytest.approx(0.4)


def test_figures_are_undefined_rather_than_invented() -> None:
    assert cohen_kappa({}) is None
    assert cohen_kappa({("a", "a"): 5}) is None  # one category only: chance agreement is 1
    assert nominal_alpha(coincidences([[1, 1], [1, 1]])) is None
    assert nominal_alpha(coincidences([[1], [2]])) is None  # nothing pairable


# -- the same examples, tagged in a workspace ------------------------------------------------------


def numbered_article(sentences: int) -> Article:
    body = "\n\n".join(f"Statement number {n} was made." for n in range(1, sentences))
    return Article.from_text(f"Headline of the test\n\n{body}\n", "Headline of the test")


def test_workspace_agreement_reproduces_krippendorffs_example(tmp_path: Path) -> None:
    values = dict(enumerate(LABELS, start=1))  # five values, five choices
    tags = {
        f"observer{number}": {0: {unit: values[v] for unit, v in enumerate(row) if v is not None}}
        for number, row in enumerate(KRIPPENDORFF_C, start=1)
    }
    workspace, _ = build(tmp_path, [numbered_article(12)], tags)
    report = compute_agreement(Corpus(workspace))
    assert round(report.alpha, 3) == 0.743
    assert report.sentences == 11  # the twelfth unit has one value only


def test_workspace_kappa_reproduces_the_wikipedia_example(tmp_path: Path) -> None:
    labels = {"yes": QUOTED, "no": UNATTRIBUTED}
    pairs = [pair for pair, count in WIKIPEDIA_KAPPA.items() for _ in range(count)]
    tags = {
        "a": {0: {index: labels[a] for index, (a, _) in enumerate(pairs)}},
        "b": {0: {index: labels[b] for index, (_, b) in enumerate(pairs)}},
    }
    workspace, _ = build(tmp_path, [numbered_article(50)], tags)
    pair = compute_agreement(Corpus(workspace)).pairs[0]
    assert (pair.sentences, pair.agreed) == (50, 35)
    assert pair.agreement == pytest.approx(0.7)
    assert pair.kappa == pytest.approx(0.4)
    assert pair.confusion[(QUOTED, UNATTRIBUTED)] == 5
    assert pair.confusion[(UNATTRIBUTED, QUOTED)] == 10


# -- the command -----------------------------------------------------------------------------------


def three_reviewers(root: Path) -> tuple[Workspace, list[str]]:
    return build(
        root,
        bridge_and_clinic(),
        {
            "ann": {0: {0: SKIP, 1: QUOTED, 2: ANONYMOUS, 3: SOURCED, 4: UNATTRIBUTED}},
            "bob": {0: {0: SKIP, 1: QUOTED, 2: SOURCED, 3: SOURCED}},
            "cy": {0: {1: QUOTED, 2: ANONYMOUS}},
            ADJUDICATED: {0: {2: ANONYMOUS}},
        },
    )


def test_agreement_json_has_pairs_kappas_alpha_labels_confusion_and_disagreements(tmp_path: Path) -> None:
    workspace, ids = three_reviewers(tmp_path / "ws")
    result = run("agreement", "--db", str(workspace.root), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["reviewers"] == ["ann", "bob", "cy"]  # adjudicated is not a reviewer to compare
    assert [p["reviewers"] for p in data["pairs"]] == [["ann", "bob"], ["ann", "cy"], ["bob", "cy"]]
    ann_bob = data["pairs"][0]
    assert (ann_bob["sentences"], ann_bob["agreed"], ann_bob["percent_agreement"]) == (4, 3, 75.0)
    assert "cohen_kappa" in ann_bob and "cohen_kappa" in ann_bob["per_label"][QUOTED]
    assert ann_bob["confusion"]["counts"][ANONYMOUS][SOURCED] == 1
    assert ann_bob["per_label"][SOURCED] == {"first": 1, "second": 2, "both": 1, "cohen_kappa": 0.5}
    assert data["sentences_compared"] == 4
    assert set(data["krippendorff_alpha_per_label"]) == set(LABELS)
    [disagreement] = data["disagreements"]
    assert disagreement["article_id"] == ids[0]
    assert disagreement["index"] == 2
    assert disagreement["labels"] == {"ann": ANONYMOUS, "bob": SOURCED, "cy": ANONYMOUS}
    assert disagreement["text"].startswith("Officials said")


def test_agreement_table_and_reviewer_choice(tmp_path: Path) -> None:
    workspace, _ = three_reviewers(tmp_path / "ws")
    result = run("agreement", "--db", str(workspace.root), "--reviewers", "bob, adjudicated")
    assert result.exit_code == 0, result.output
    assert "bob / adjudicated" in result.output
    assert "Krippendorff's alpha" in result.output
    assert "Disagreements: 1" in result.output


def test_agreement_needs_two_reviewers_and_known_names(tmp_path: Path) -> None:
    workspace, _ = build(tmp_path / "ws", bridge_and_clinic(), {"ann": {0: {1: QUOTED}}})
    lonely = run("agreement", "--db", str(workspace.root))
    assert lonely.exit_code == 1
    assert "at least two reviewers" in lonely.output
    unknown = run("agreement", "--db", str(workspace.root), "--reviewers", "ann,zed")
    assert unknown.exit_code == 1
    assert "no tags by reviewer 'zed'" in unknown.output


def test_disagreeing_sentence_with_control_sequences_reaches_the_terminal_inert(tmp_path: Path) -> None:
    hostile = (
        "Hostile headline\n\nThe \x1b]8;;http://x\x07vote\x1b[2J was delayed [/] [@click=app.quit]x[/].\n"
    )
    article = Article.from_text(hostile, "Hostile headline")
    workspace, _ = build(tmp_path / "ws", [article], {"ann": {0: {1: SOURCED}}, "bob": {0: {1: QUOTED}}})
    result = run("agreement", "--db", str(workspace.root))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "[@click=app.quit]x[/]" in result.output


def test_parallel_and_serial_agreement_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, _ = three_reviewers(tmp_path / "ws")
    serial = compute_agreement(Corpus(workspace, reviewers=["ann", "bob", "cy"])).to_dict()
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(corpus_module, "CHUNK_ARTICLES", 1)
    parallel = compute_agreement(Corpus(workspace, reviewers=["ann", "bob", "cy"]), workers=2).to_dict()
    assert parallel == serial


# -- merge -----------------------------------------------------------------------------------------


def files_of(root: Path) -> dict[str, bytes]:
    """Every file's bytes but the lock file's (taking the lock writes who holds it)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_merge_brings_in_another_reviewers_workspace(tmp_path: Path) -> None:
    mine, ids = build(tmp_path / "mine", bridge_and_clinic(), {"ann": {0: {1: QUOTED, 2: ANONYMOUS}}})
    theirs, _ = build(tmp_path / "theirs", bridge_and_clinic(), {"bob": {0: {1: QUOTED}, 1: {1: SOURCED}}})
    result = run("merge", str(theirs.root), "--db", str(mine.root))
    assert result.exit_code == 0, result.output
    assert "merged 2 annotation(s) and 0 new article(s); 0 already present" in result.output
    merged = Corpus(Workspace.open(mine.root))
    assert merged.reviewers == ["ann", "bob"]
    assert merged.read(ids[1]).labels(1) == {"bob": SOURCED}
    again = run("merge", str(theirs.root), "--db", str(mine.root))
    assert "merged 0 annotation(s) and 0 new article(s); 2 already present" in again.output


def test_conflicting_duplicates_are_reported_and_never_overwritten_silently(tmp_path: Path) -> None:
    mine, ids = build(tmp_path / "mine", bridge_and_clinic(), {"ann": {0: {1: QUOTED, 2: ANONYMOUS}}})
    theirs, _ = build(tmp_path / "theirs", bridge_and_clinic(), {"ann": {0: {1: SOURCED, 4: UNATTRIBUTED}}})
    before = files_of(mine.root)
    refused = run("merge", str(theirs.root), "--db", str(mine.root))
    assert refused.exit_code == 1
    assert f"conflict: ann on article {ids[0]} sentence 1: workspace has quoted" in refused.output
    assert "1 conflicting annotation(s); nothing was merged" in refused.output
    assert files_of(mine.root) == before

    kept = run("merge", str(theirs.root), "--db", str(mine.root), "--on-conflict", "keep")
    assert kept.exit_code == 0, kept.output
    assert "1 conflicting record(s) kept as they were" in kept.output
    assert Corpus(Workspace.open(mine.root)).read(ids[0]).labels(1) == {"ann": QUOTED}
    assert Corpus(Workspace.open(mine.root)).read(ids[0]).labels(4) == {"ann": UNATTRIBUTED}

    replaced = run("merge", str(theirs.root), "--db", str(mine.root), "--on-conflict", "replace")
    assert replaced.exit_code == 0, replaced.output
    assert Corpus(Workspace.open(mine.root)).read(ids[0]).labels(1) == {"ann": SOURCED}


def test_merge_of_an_article_whose_text_differs_changes_nothing(tmp_path: Path) -> None:
    mine, ids = build(tmp_path / "mine", bridge_and_clinic(), {"ann": {0: {1: QUOTED}}})
    forged = Article(ids[0], "Harbor bridge vote delayed", BRIDGE.replace("March", "April"))
    theirs, _ = build(tmp_path / "theirs", [forged], {"bob": {0: {1: QUOTED}}})
    good, _ = build(tmp_path / "good", bridge_and_clinic(), {"cy": {0: {1: QUOTED}}})
    before = files_of(mine.root)
    result = run("merge", str(good.root), str(theirs.root), "--db", str(mine.root))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert f"article {ids[0]}" in result.output and "its text differs" in result.output
    assert files_of(mine.root) == before  # the good source before it was not merged either


def test_merge_refuses_a_folder_that_is_not_a_workspace(tmp_path: Path) -> None:
    mine, _ = build(tmp_path / "mine", bridge_and_clinic(), {})
    (tmp_path / "empty").mkdir()
    result = run("merge", str(tmp_path / "empty"), "--db", str(mine.root))
    assert result.exit_code == 1
    assert "not a factcheck workspace" in result.output


def test_corpus_rejects_unknown_reviewer(tmp_path: Path) -> None:
    workspace, _ = build(tmp_path, bridge_and_clinic(), {"ann": {0: {1: QUOTED}}})
    with pytest.raises(StoreError, match="no tags by reviewer 'bob'"):
        Corpus(workspace, reviewers=["bob"])
