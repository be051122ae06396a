"""Importing an edited article: a new version, annotations carried over or kept as orphans."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.ingest import read_file
from factcheck.models import QUOTED, SKIP, SOURCED, UNATTRIBUTED, Sentence
from factcheck.reimport import match_sentences, sentence_key
from factcheck.session import Position, ReviewSession
from factcheck.store import SCHEMA_VERSION, StoreError, Workspace
from tests.conftest import make_workspace

ORIGINAL = """Council freezes bus fares

The council voted 9 to 4 on Monday to keep fares at their current level.
"People told us the bus is the only way to get to work," said councillor Priya Raman.
Opposition members said the freeze was paid for by cutting evening services.

A spokesperson for Coastal Buses said the company had not been consulted.
Passenger numbers rose 11 percent in the year after the first freeze.
"""

#: The same article after an edit: quotes made typographic and a line re-spaced (nearly the
#: same), one sentence reworded, one removed, one added at the end.
EDITED = """Council freezes bus fares

The council voted 9 to 4 on Monday to keep fares at   their current level.
“People told us the bus is the only way to get to work,” said councillor Priya Raman.
Opposition members said the freeze would be paid for by cutting two evening services.

Passenger numbers rose 11 percent in the year after the first freeze.
The council will review the decision in April.
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def snapshot(root: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.name != ".lock"
    }


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, Path, str]:
    """A workspace with the original article (and a second one), tagged by ann and bob."""
    article = tmp_path / "bus.txt"
    article.write_text(ORIGINAL, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Another story\n\nNothing changes here.\n", encoding="utf-8")
    root = tmp_path / "ws"
    workspace = make_workspace(root, [other, article])
    article_id = workspace.articles()[1].id
    ann, bob = ReviewSession(workspace, "ann"), ReviewSession(workspace, "bob")
    for index, label in [(0, SKIP), (1, UNATTRIBUTED), (2, QUOTED), (3, SOURCED), (4, SOURCED)]:
        ann.tag(Position(article_id, index), label)
    ann.edit(Position(article_id, 4), note="check the contract")
    bob.tag(Position(article_id, 2), QUOTED)
    bob.tag(Position(article_id, 3), SOURCED)
    bob.tag(Position(article_id, 5), UNATTRIBUTED)
    ann.open(article_id)  # ann was last on this article
    return root, article, article_id


def test_sentence_key_ignores_spacing_quotes_and_dashes() -> None:
    assert sentence_key('He said "no" - it\'s over.') == sentence_key("He  said “no” — it’s\u00a0over.")
    assert sentence_key("Fares rose 5%.") != sentence_key("Fares rose 6%.")


def test_repeated_sentences_keep_their_order_and_moved_ones_are_found() -> None:
    def sentences(*texts: str) -> list[Sentence]:
        return [Sentence(i, 0, len(t), t) for i, t in enumerate(texts)]

    old = sentences("Title", "Advertisement.", "A.", "Advertisement.", "B.", "C.")
    new = sentences("Title", "C.", "Advertisement.", "A.", "Advertisement.", "B.")
    assert match_sentences(old, new) == {0: 0, 1: 2, 2: 3, 3: 4, 4: 5, 5: 1}
    assert match_sentences(sentences("X.", "Same.", "Same."), sentences("Same.")) == {1: 0}


def test_reimport_moves_annotations_and_orphans_the_rest(reviewed: tuple[Path, Path, str]) -> None:
    root, path, old_id = reviewed
    path.write_text(EDITED, encoding="utf-8")
    result = run("import", str(path), "--db", str(root))
    assert result.exit_code == 0, result.output
    workspace = Workspace.open(root)
    other, current = workspace.articles()
    assert current.previous == old_id and current.title == "Council freezes bus fares"
    assert result.stdout.splitlines()[0] == (
        f"updated: {current.id}  Council freezes bus fares  (6 sentences, replaces {old_id}): "
        "5 annotation(s) moved, 3 orphaned (ann: 3 moved, 2 orphaned; bob: 2 moved, 1 orphaned)"
    )
    assert "Undo history does not carry over" in result.stdout
    ann, bob = workspace.tags("ann", current.id), workspace.tags("bob", current.id)
    assert {i: r.label for i, r in ann.records.items()} == {0: SKIP, 1: UNATTRIBUTED, 2: QUOTED}
    assert {i: r.label for i, r in bob.records.items()} == {2: QUOTED, 4: UNATTRIBUTED}
    _, sentences = workspace.load_article(current.id)
    for record in [*ann.records.values(), *bob.records.values()]:
        sentence = sentences[record.index]
        assert (record.article_id, record.start, record.end, record.sentence_sha) == (
            current.id,
            sentence.start,
            sentence.end,
            sentence.sha,
        )
    assert ann.history == [] and bob.history == []  # undo history does not carry over
    orphans = workspace.orphans("ann", current.id)
    assert [(o.annotation.label, o.annotation.note, o.sentence) for o in orphans] == [
        (SOURCED, None, "Opposition members said the freeze was paid for by cutting evening services."),
        (
            SOURCED,
            "check the contract",
            "A spokesperson for Coastal Buses said the company had not been consulted.",
        ),
    ]
    assert [o.annotation.article_id for o in orphans] == [old_id, old_id]
    assert [o.sentence for o in ann.orphans] == [o.sentence for o in orphans]
    assert [o.annotation.index for o in workspace.orphans("bob", current.id)] == [3]
    assert workspace.orphans("ann", other.id) == []


def test_the_old_version_stays_on_disk_hidden_from_the_listing(reviewed: tuple[Path, Path, str]) -> None:
    root, path, old_id = reviewed
    old_tags = (root / "reviewers" / "ann" / f"{old_id}.json").read_bytes()
    path.write_text(EDITED, encoding="utf-8")
    assert run("import", str(path), "--db", str(root)).exit_code == 0
    workspace = Workspace.open(root)
    new_id = workspace.articles()[1].id
    rows = json.loads(run("list", "--json", "--db", str(root)).stdout)
    assert [row["id"] for row in rows] == [workspace.articles()[0].id, new_id]  # the same place in the list
    assert rows[1]["previous"] == old_id
    assert old_id not in workspace and new_id in workspace
    assert workspace.info(old_id).replaced_by == new_id
    assert workspace.load_article(old_id)[0].text == ORIGINAL
    assert (root / "reviewers" / "ann" / f"{old_id}.json").read_bytes() == old_tags
    assert workspace.reviewer_state("ann").last_article == new_id  # resume lands on the new version
    assert json.loads(workspace.index_path.read_bytes())["meta"]["1"]["schema"] == SCHEMA_VERSION


def test_importing_identical_text_again_changes_nothing(reviewed: tuple[Path, Path, str]) -> None:
    root, path, _ = reviewed
    before = snapshot(root)
    result = run("import", str(path), "--db", str(root))
    assert result.exit_code == 0
    assert result.stdout.startswith("already in workspace: ")
    assert snapshot(root) == before


def test_a_session_keeps_working_on_the_new_version_and_its_orphans_stay(
    reviewed: tuple[Path, Path, str],
) -> None:
    root, path, _ = reviewed
    path.write_text(EDITED, encoding="utf-8")
    run("import", str(path), "--db", str(root))
    session = ReviewSession(Workspace.open(root), "ann")
    position = session.resume()
    assert position is not None and position.index == 3  # the first untagged sentence of the new version
    session.tag(position, SOURCED)
    assert session.undo() == position
    assert len(Workspace.open(root).orphans("ann", position.article_id)) == 2


def test_orphans_come_back_when_their_sentence_does(reviewed: tuple[Path, Path, str]) -> None:
    root, path, old_id = reviewed
    path.write_text(EDITED, encoding="utf-8")
    run("import", str(path), "--db", str(root))
    path.write_text(ORIGINAL, encoding="utf-8")
    result = run("import", str(path), "--db", str(root))
    assert result.exit_code == 0, result.output
    assert "8 annotation(s) moved, 0 orphaned" in result.stdout
    workspace = Workspace.open(root)
    assert workspace.articles()[1].id == old_id
    ann = workspace.tags("ann", old_id)
    assert {i: r.label for i, r in ann.records.items()} == {
        0: SKIP,
        1: UNATTRIBUTED,
        2: QUOTED,
        3: SOURCED,
        4: SOURCED,
    }
    assert ann.records[4].note == "check the contract"
    assert workspace.orphans("ann", old_id) == []


def test_a_url_identifies_an_article_across_files(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    first = {
        "title": "Fares",
        "text": "The council voted on Monday.",
        "url": "https://www.gazette.example/fares#top",
    }
    (tmp_path / "a.json").write_text(json.dumps(first))
    assert run("import", str(tmp_path / "a.json"), "--db", str(root)).exit_code == 0
    old_id = Workspace.open(root).articles()[0].id
    ReviewSession(Workspace.open(root), "ann").tag(Position(old_id, 1), SOURCED)
    edited = {
        **first,
        "text": "The council voted on Monday night.",
        "url": "https://www.GAZETTE.example/fares/",
    }
    (tmp_path / "b.json").write_text(json.dumps(edited))
    result = run("import", str(tmp_path / "b.json"), "--db", str(root))
    assert result.stdout.startswith("updated: ") and "0 annotation(s) moved, 1 orphaned" in result.stdout
    assert [info.previous for info in Workspace.open(root).articles()] == [old_id]


def test_a_reused_file_name_with_another_article_is_added_beside(reviewed: tuple[Path, Path, str]) -> None:
    root, path, old_id = reviewed
    path.write_text("Storm warning\n\nGusts of 90 mph are expected.\n", encoding="utf-8")
    result = run("import", str(path), "--db", str(root))
    assert result.stdout.startswith("added: ")
    assert len(Workspace.open(root).articles()) == 3 and old_id in Workspace.open(root)


def test_a_path_shared_by_several_articles_replaces_only_one_to_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "One\\n\\nFirst body."}\n{"text": "Two\\n\\nSecond body."}\n')
    root = tmp_path / "ws"
    run("import", str(corpus), "--db", str(root))
    corpus.write_text('{"text": "One\\n\\nFirst body."}\n{"text": "Two\\n\\nSecond body, edited."}\n')
    result = run("import", str(corpus), "--db", str(root))
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:2]] == [
        "already in workspace",
        "updated",
    ]
    corpus.write_text('{"text": "One\\n\\nFirst, edited."}\n{"text": "Two\\n\\nSecond, edited again."}\n')
    result = run("import", str(corpus), "--db", str(root))
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:2]] == ["added", "added"]
    assert [info.title for info in Workspace.open(root).articles()] == ["One", "Two", "One", "Two"]


def test_set_outlet_rewrites_the_index_and_the_article(reviewed: tuple[Path, Path, str]) -> None:
    root, _, article_id = reviewed
    workspace = Workspace.open(root)
    with workspace.lock():
        info = workspace.set_outlet(article_id, "  Harbour   Gazette ")
    assert info.outlet == "Harbour Gazette"
    again = Workspace.open(root)
    assert again.info(article_id).outlet == "Harbour Gazette"
    assert again.load_article(article_id)[0].outlet == "Harbour Gazette"
    assert (
        json.loads(again.article_path(article_id).read_bytes())["article"]["1"]["outlet"] == "Harbour Gazette"
    )
    with again.lock():
        assert again.set_outlet(article_id, " ").outlet is None
        with pytest.raises(StoreError, match="no current article"):
            again.set_outlet("0" * 16, "X")


#: Runs a re-import in a child process that dies (os._exit, no clean-up) when it is about to
#: write the index: the commit point. Every other file of the new version is written by then.
KILLED_AT_COMMIT = """
import os, sys
from pathlib import Path
from factcheck import store
from factcheck.cli.articles import import_and_report
real = store.write_atomically
def dying(path, payload):
    if path.name == "workspace.json":
        os._exit(9)
    real(path, payload)
store.write_atomically = dying
workspace = store.Workspace.open(sys.argv[1])
with workspace.lock():
    import_and_report(workspace, [Path(sys.argv[2])])
"""


def test_a_reimport_killed_before_its_index_write_leaves_the_old_version(
    reviewed: tuple[Path, Path, str],
) -> None:
    root, path, old_id = reviewed
    path.write_text(EDITED, encoding="utf-8")
    before = snapshot(root)
    child = subprocess.run(
        [sys.executable, "-c", KILLED_AT_COMMIT, str(root), str(path)], capture_output=True, check=False
    )
    assert child.returncode == 9, child.stderr
    after = snapshot(root)
    new_id = read_file(path).articles[0].id
    written = {name for name in after if name not in before or after[name] != before[name]}
    assert written == {
        f"articles/{new_id}.json",
        f"reviewers/ann/{new_id}.json",
        f"reviewers/bob/{new_id}.json",
    }
    workspace = Workspace.open(root)
    assert workspace.articles()[1].id == old_id and new_id not in workspace
    assert len(workspace.tags("ann", old_id).records) == 5
    result = run("import", str(path), "--db", str(root))  # the same import, run again, completes
    assert "5 annotation(s) moved, 3 orphaned" in result.stdout
    assert Workspace.open(root).articles()[1].id == new_id


def export_after_an_edit(reviewed: tuple[Path, Path, str], exported: Path) -> str:
    """Import the edited article (orphaning three tags), tag once more, export; the new version's id."""
    root, path, _ = reviewed
    path.write_text(EDITED, encoding="utf-8")
    assert run("import", str(path), "--db", str(root)).exit_code == 0
    current = Workspace.open(root).articles()[1]
    ReviewSession(Workspace.open(root), "ann").tag(Position(current.id, 4), UNATTRIBUTED)  # history too
    assert run("export", "--format", "json", "--db", str(root), "-o", str(exported)).exit_code == 0
    return current.id


def test_orphans_travel_in_the_native_export_and_back(
    reviewed: tuple[Path, Path, str], tmp_path: Path
) -> None:
    root, exported = reviewed[0], tmp_path / "out.json"
    current_id = export_after_an_edit(reviewed, exported)
    article = json.loads(exported.read_text(encoding="utf-8"))["articles"][1]
    assert [o["sentence"] for o in article["orphans"]["ann"]] == [
        "Opposition members said the freeze was paid for by cutting evening services.",
        "A spokesperson for Coastal Buses said the company had not been consulted.",
    ]
    assert article["orphans"]["ann"][1]["annotation"]["note"] == "check the contract"
    assert [o["annotation"]["index"] for o in article["orphans"]["bob"]] == [3]

    fresh = tmp_path / "fresh"
    result = run("import-annotations", str(exported), "--db", str(fresh))
    assert result.exit_code == 0, result.output
    assert "3 orphaned record(s) kept with them" in result.stdout
    before, after = Workspace.open(root), Workspace.open(fresh)
    for reviewer in ("ann", "bob"):
        assert after.orphans(reviewer, current_id) == before.orphans(reviewer, current_id)
    again = run("import-annotations", str(exported), "--db", str(fresh))  # nothing twice
    assert again.exit_code == 0 and "orphaned" not in again.stdout
    assert len(Workspace.open(fresh).orphans("ann", current_id)) == 2


def test_an_export_whose_orphan_names_another_reviewer_is_refused(
    reviewed: tuple[Path, Path, str], tmp_path: Path
) -> None:
    exported = tmp_path / "out.json"
    export_after_an_edit(reviewed, exported)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["articles"][1]["orphans"]["bob"][0]["annotation"]["reviewer"] = "ann"
    exported.write_text(json.dumps(doc), encoding="utf-8")
    fresh = tmp_path / "fresh"
    result = run("import-annotations", str(exported), "--db", str(fresh))
    assert result.exit_code == 1
    assert "orphans.bob[0]: a record by another reviewer" in result.stderr
    assert not (fresh / "reviewers").exists()
