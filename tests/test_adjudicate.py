"""Adjudication: the list of disagreements, the screen driven with Pilot, and the adjudicate command."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck import corpus as corpus_module
from factcheck.adjudication import (
    Adjudication,
    Case,
    Opinion,
    adjudicated_session,
    build_docket,
    choose_reviewers,
)
from factcheck.cli import main
from factcheck.corpus import ADJUDICATED
from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Article
from factcheck.session import Position, ReviewSession
from factcheck.store import StoreError, StoreWriteError, Workspace, WorkspaceBusy
from factcheck.tui.adjudicate import AdjudicationApp, AdjudicationScreen, OpinionRow
from tests.tagged import bridge_and_clinic, build

# Bridge sentences: 0 headline, 1 quote, 2 anonymous, 3 sourced (NYT), 4 unattributed, 5 photo credit.
# Clinic sentences: 0 headline, 1 sourced (Riverton Ledger), 2 unattributed, 3 quote.
ANN = {
    0: {
        0: SKIP,
        1: (QUOTED, "Rosa Delgado"),
        2: (ANONYMOUS, "Officials"),
        3: (SOURCED, "The New York Times"),
        4: UNATTRIBUTED,
    },
    1: {1: (SOURCED, "Riverton Ledger")},
}
BOB = {
    0: {
        0: SKIP,
        1: (QUOTED, "Rosa Delgado"),
        2: (SOURCED, "officials"),
        3: (SOURCED, "NYT"),  # same label, another source: not a disagreement
        4: (SOURCED, "Engineers"),
        5: SKIP,  # bob alone tagged it: not a disagreement
    },
    1: {1: UNATTRIBUTED},
}
#: The disagreements, in order: (article number, sentence index).
DISAGREEMENTS = [(0, 2), (0, 4), (1, 1)]


@pytest.fixture
def tagged(tmp_path: Path) -> tuple[Workspace, list[str]]:
    return build(tmp_path / "ws", bridge_and_clinic(), {"ann": ANN, "bob": BOB})


def adjudication_of(workspace: Workspace, reviewers: list[str] | None = None) -> Adjudication:
    fresh = Workspace.open(workspace.root)
    return Adjudication(adjudicated_session(fresh), build_docket(fresh, choose_reviewers(fresh, reviewers)))


def finals_on_disk(workspace: Workspace, article_id: str) -> dict[int, tuple[str | None, str | None]]:
    tags = Workspace.open(workspace.root).tags(ADJUDICATED, article_id)
    return {i: (a.label, a.source) for i, a in sorted(tags.records.items())}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def shown(app: AdjudicationApp) -> str:
    """Every piece of text on the screen, for asserting what the adjudicator sees."""
    return "\n".join(str(widget.render()) for widget in app.screen.query("Static") if widget.display)


# -- the list ----------------------------------------------------------------------------------------


def test_docket_holds_the_disagreements_in_order_with_each_record(tagged) -> None:
    workspace, ids = tagged
    ReviewSession(workspace, "ann").edit(Position(ids[0], 4), note="check the minutes")
    docket = build_docket(workspace, choose_reviewers(workspace))
    assert docket.reviewers == ("ann", "bob")
    assert [(c.article_id, c.index) for c in docket.cases] == [(ids[a], i) for a, i in DISAGREEMENTS]
    first, second, third = docket.cases
    assert first.title == "Harbor bridge vote delayed"
    assert first.text == "Officials said the plan will be split between two firms."
    assert first.before is not None and first.before.startswith('"We cannot wait')
    assert first.after is not None and first.after.startswith("The bridge carries")
    assert first.opinions == (
        Opinion("ann", ANONYMOUS, "Officials", None),
        Opinion("bob", SOURCED, "officials", None),
    )
    assert second.opinions[0] == Opinion("ann", UNATTRIBUTED, None, "check the minutes")
    assert third.before == "Clinic outbreak contained"
    assert all(case.adjudicated is None for case in docket.cases)


def test_docket_carries_the_final_record_and_leaves_adjudicated_out_of_the_reviewers(tmp_path: Path) -> None:
    workspace, _ = build(
        tmp_path / "ws",
        bridge_and_clinic(),
        {"ann": ANN, "bob": BOB, ADJUDICATED: {0: {2: (ANONYMOUS, "officials")}}},
    )
    assert choose_reviewers(workspace) == ["ann", "bob"]
    adjudication = adjudication_of(workspace)
    assert adjudication.cases[0].adjudicated == Opinion(ADJUDICATED, ANONYMOUS, "officials", None)
    assert (adjudication.decided, adjudication.next_undecided(-1)) == (1, 1)


def test_only_the_chosen_reviewers_are_compared(tmp_path: Path) -> None:
    cy = {0: {2: ANONYMOUS, 3: QUOTED}}
    workspace, ids = build(tmp_path / "ws", bridge_and_clinic(), {"ann": ANN, "bob": BOB, "cy": cy})
    assert [(c.article_id, c.index) for c in build_docket(workspace, ["ann", "cy"]).cases] == [(ids[0], 3)]
    everyone = build_docket(workspace, choose_reviewers(workspace))
    assert [c.index for c in everyone.cases] == [2, 3, 4, 1]
    assert [o.reviewer for o in everyone.cases[0].opinions] == ["ann", "bob", "cy"]


def test_parallel_and_serial_dockets_agree(tagged, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, _ = tagged
    serial = build_docket(workspace, ["ann", "bob"])
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(corpus_module, "CHUNK_ARTICLES", 1)
    assert build_docket(workspace, ["ann", "bob"], workers=2) == serial


def test_reviewers_are_checked(tagged) -> None:
    workspace, _ = tagged
    with pytest.raises(StoreError, match="at least two reviewers; found: ann"):
        choose_reviewers(workspace, ["ann"])
    with pytest.raises(StoreError, match="holds the final labels"):
        choose_reviewers(workspace, ["ann", ADJUDICATED])
    with pytest.raises(StoreError, match="no tags by reviewer 'zed'"):
        choose_reviewers(workspace, ["ann", "zed"])
    with pytest.raises(ValueError, match="saved as reviewer 'adjudicated'"):
        Adjudication(ReviewSession(workspace, "ann"), build_docket(workspace, ["ann", "bob"]))


def test_the_default_source_is_the_one_most_reviewers_with_that_label_gave() -> None:
    case = Case(
        "a",
        "t",
        0,
        "text",
        None,
        None,
        (
            Opinion("ann", SOURCED, "AP", None),
            Opinion("bob", SOURCED, "Reuters", None),
            Opinion("cy", SOURCED, "Reuters", None),
            Opinion("dee", QUOTED, None, None),
        ),
        None,
    )
    assert case.default_source(SOURCED) == "Reuters"
    assert case.default_source(QUOTED) is None
    tie = Case("a", "t", 0, "text", None, None, case.opinions[:2], None)
    assert tie.default_source(SOURCED) == "AP"


def test_the_final_source_follows_the_label_unless_the_adjudicator_typed_one(tagged) -> None:
    workspace, ids = tagged
    adjudication = adjudication_of(workspace)
    with Workspace.open(workspace.root).lock():
        adjudication.decide(0, SOURCED)
        assert adjudication.finals[0] == Opinion(ADJUDICATED, SOURCED, "officials", None)  # bob's
        adjudication.decide(0, ANONYMOUS)
        assert adjudication.finals[0] == Opinion(ADJUDICATED, ANONYMOUS, "Officials", None)  # ann's
        adjudication.edit(0, source="city officials")
        adjudication.decide(0, SOURCED)
        assert adjudication.finals[0] == Opinion(ADJUDICATED, SOURCED, "city officials", None)
        adjudication.decide(1, UNATTRIBUTED)  # nobody gave a source with it
        assert adjudication.finals[1] == Opinion(ADJUDICATED, UNATTRIBUTED, None, None)
        adjudication.decide(1, SOURCED)
        assert adjudication.finals[1] == Opinion(ADJUDICATED, SOURCED, "Engineers", None)
    assert finals_on_disk(workspace, ids[0]) == {2: (SOURCED, "city officials"), 4: (SOURCED, "Engineers")}
    record = Workspace.open(workspace.root).tags(ADJUDICATED, ids[0]).get(2)
    assert record is not None and record.reviewer == ADJUDICATED and record.suggested is not None


# -- the screen --------------------------------------------------------------------------------------


async def test_keys_record_final_labels_that_export_and_stats_select(tagged) -> None:
    workspace, ids = tagged
    app = AdjudicationApp(adjudication_of(workspace))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        assert "disagreement 1 of 3 · decided 0" in shown(app)
        await pilot.press("2")
        assert screen.number == 1
        assert "disagreement 2 of 3 · decided 1" in shown(app)
        await pilot.press("u", "1")
        assert screen.number == 2
        assert any("Every disagreement has a final label" in n.message for n in app._notifications)
        final = screen.query_one("#adj-final", OpinionRow)
        assert "S sourced" in str(final.query_one(".adj-label").render())
        assert final.query_one(".adj-label").has_class("label-sourced")
    assert finals_on_disk(workspace, ids[0]) == {2: (ANONYMOUS, "Officials"), 4: (UNATTRIBUTED, None)}
    assert finals_on_disk(workspace, ids[1]) == {1: (SOURCED, "Riverton Ledger")}
    db = str(workspace.root)
    stats = run("stats", "--db", db, "--reviewer", ADJUDICATED, "--by", "reviewer", "--format", "json")
    assert stats.exit_code == 0, stats.output
    [group] = json.loads(stats.output)["groups"]
    assert group["name"] == ADJUDICATED
    assert group["counts"] == {QUOTED: 0, ANONYMOUS: 1, SOURCED: 1, UNATTRIBUTED: 1, SKIP: 0}
    export = run("export", "--db", db, "--reviewer", ADJUDICATED, "--format", "jsonl")
    assert export.exit_code == 0, export.output
    rows = [json.loads(line) for line in export.output.splitlines()]
    assert {
        (r["article_id"], r["index"]): r["label_adjudicated"] for r in rows if r["label_adjudicated"]
    } == {
        (ids[0], 2): ANONYMOUS,
        (ids[0], 4): UNATTRIBUTED,
        (ids[1], 1): SOURCED,
    }


async def test_undo_reverts_final_labels_again_and_after_a_restart(tagged) -> None:
    workspace, ids = tagged
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "4", "ctrl+z")
        screen = pilot.app.screen
        assert screen.number == 1
        assert "undecided" in str(screen.query_one("#adj-final .adj-label").render())
        assert finals_on_disk(workspace, ids[0]) == {2: (ANONYMOUS, "Officials")}
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert screen.number == 1  # starts on the first undecided disagreement
        assert "decided 1" in shown(pilot.app)
        await pilot.press("ctrl+z")
        assert screen.number == 0
        assert "decided 0" in shown(pilot.app)
        await pilot.press("ctrl+z")
        assert any("Nothing to undo" in n.message for n in pilot.app._notifications)
    assert finals_on_disk(workspace, ids[0]) == {}


async def test_moving_and_next_undecided(tagged) -> None:
    workspace, _ = tagged
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await pilot.press("down", "j")
        assert screen.number == 2
        await pilot.press("j", "x", "up", "k", "k")  # no moving past either end
        assert screen.number == 0
        await pilot.press("n")
        assert screen.number == 1
        await pilot.press("x", "n")
        assert screen.number == 0
        await pilot.press("x", "n")  # decides the first, moves to the second, finds nothing undecided
        assert screen.number == 1
        assert any("Every disagreement has a final label" in n.message for n in pilot.app._notifications)


async def answer_prompt(pilot, key: str, text: str) -> None:
    """Press ``key``, type ``text`` into the prompt it opens, and confirm with Enter."""
    await pilot.press(key)
    pilot.app.screen.query_one("Input").value = text
    await pilot.press("enter")


async def test_e_edits_the_final_source_and_a_label_key_keeps_it(tagged) -> None:
    workspace, ids = tagged
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        await answer_prompt(pilot, "e", "city [b]officials[/b]")
        assert "source: city [b]officials[/b]" in shown(pilot.app)
        await pilot.press("2", "k", "e", "escape")  # cancelling changes nothing
    assert finals_on_disk(workspace, ids[0]) == {2: (ANONYMOUS, "city [b]officials[/b]")}


async def test_m_adds_the_adjudicators_note_which_is_saved_kept_by_a_label_and_undone(tagged) -> None:
    workspace, ids = tagged
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        await answer_prompt(pilot, "m", "codebook: [i]unnamed[/i] group")
        assert "note: codebook: [i]unnamed[/i] group" in shown(pilot.app)
        await pilot.press("2", "k")  # the label saved after the note keeps it
        assert "note: codebook: [i]unnamed[/i] group" in shown(pilot.app)
        await pilot.press("m", "escape")  # cancelling changes nothing
    record = Workspace.open(workspace.root).tags(ADJUDICATED, ids[0]).get(2)
    assert record is not None and record.label == ANONYMOUS
    assert record.note == "codebook: [i]unnamed[/i] group"
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+z", "ctrl+z")  # the label, then the note
        assert "note:" not in shown(pilot.app)
    assert Workspace.open(workspace.root).tags(ADJUDICATED, ids[0]).get(2) is None


async def test_a_failed_save_is_a_notice_and_nothing_moves(tagged, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.store as store

    def disk_full(path: Path, payload: bytes) -> None:
        raise StoreWriteError(path, OSError(errno.ENOSPC, "No space left on device"))

    workspace, ids = tagged
    async with AdjudicationApp(adjudication_of(workspace)).run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(store, "write_atomically", disk_full)
        await pilot.press("1")
        screen = pilot.app.screen
        assert screen.number == 0
        assert screen.adjudication.finals[0] is None
        assert "decided 0" in shown(pilot.app)
        assert any("disk full" in n.message for n in pilot.app._notifications)
        monkeypatch.undo()
        await pilot.press("1")
        assert screen.number == 1
    assert finals_on_disk(workspace, ids[0]) == {2: (SOURCED, "officials")}


async def test_no_disagreements_shows_a_message_and_writes_nothing(tmp_path: Path) -> None:
    workspace, _ = build(
        tmp_path / "ws", bridge_and_clinic(), {"ann": {0: {1: QUOTED}}, "bob": {0: {1: QUOTED}}}
    )
    app = AdjudicationApp(adjudication_of(workspace))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "No disagreements" in shown(app) and "Nothing to adjudicate" in shown(app)
        await pilot.press("1", "n", "j", "e", "ctrl+z")
        assert isinstance(app.screen, AdjudicationScreen)
        await pilot.press("question_mark")
        assert "final label sourced" in shown(app)
    assert not (workspace.root / "reviewers" / ADJUDICATED).exists()


async def test_untrusted_text_is_shown_literally(tmp_path: Path) -> None:
    text = "[bold]Hostile[/] headline\n\nOfficials [@click=app.quit]said[/] it \x1b[2Jwas fine.\n"
    hostile = Article.from_text(text, "[bold]Hostile[/] headline")
    given = {0: {1: (SOURCED, "[red]Reuters[/red]")}}
    workspace, _ = build(tmp_path / "ws", [hostile], {"[i]ann": given, "bob": {0: {1: ANONYMOUS}}})
    app = AdjudicationApp(adjudication_of(workspace))
    async with app.run_test(size=(80, 24)) as pilot:
        text_shown = shown(app)
        assert "[bold]Hostile[/] headline" in text_shown
        assert "[@click=app.quit]said[/]" in text_shown and "␛[2J" in text_shown
        assert "source: [red]Reuters[/red]" in text_shown and "[i]ann" in text_shown
        await pilot.press("2")
        assert app.is_running


# -- the command -------------------------------------------------------------------------------------


def test_adjudicate_command_opens_the_screen_under_the_lock(tagged, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, _ = tagged
    seen: list[Adjudication] = []

    def run_app(app: AdjudicationApp) -> None:
        with pytest.raises(WorkspaceBusy):
            Workspace.open(workspace.root).lock().acquire()
        seen.append(app.adjudication)

    monkeypatch.setattr(AdjudicationApp, "run", run_app)
    result = run("adjudicate", "--db", str(workspace.root), "--reviewers", "bob, ann")
    assert result.exit_code == 0, result.output
    [adjudication] = seen
    assert adjudication.docket.reviewers == ("bob", "ann")
    assert len(adjudication.cases) == len(DISAGREEMENTS)
    assert adjudication.session.reviewer == ADJUDICATED


def test_adjudicate_command_refuses_with_one_line(tagged) -> None:
    workspace, _ = tagged
    db = str(workspace.root)
    lonely = run("adjudicate", "--db", db, "--reviewers", "ann")
    assert lonely.exit_code == 1 and "at least two reviewers" in lonely.output
    with Workspace.open(workspace.root).lock():
        busy = run("adjudicate", "--db", db)
    assert busy.exit_code == 1 and "already open for writing" in busy.output
    missing = run("adjudicate", "--db", str(workspace.root.parent / "nowhere"))
    assert missing.exit_code == 1 and "no workspace here" in missing.output
