"""The review UI driven with Pilot: keys press, the store on disk is read back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from factcheck.ingest import read_file
from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED
from factcheck.session import Position, ReviewSession
from factcheck.store import StoreWriteError, Workspace
from factcheck.tui.app import FactcheckApp
from factcheck.tui.review import ReviewScreen
from factcheck.tui.widgets import SentenceRow
from tests.conftest import make_workspace, reopen


def labels_on_disk(workspace: Workspace, article_id: str, reviewer: str = "ann") -> dict[int, str | None]:
    tags = Workspace.open(workspace.root).tags(reviewer, article_id)
    return {i: a.label for i, a in sorted(tags.records.items())}


def first_article(workspace: Workspace) -> str:
    return workspace.articles()[0].id


async def test_each_tag_key_saves_and_moves_on(session: ReviewSession) -> None:
    workspace = session.workspace
    app = FactcheckApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "2", "3", "4", "0", "s", "a", "q", "u", "x")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.index == 10
    expected = [SOURCED, ANONYMOUS, QUOTED, UNATTRIBUTED, SKIP] * 2
    assert list(labels_on_disk(workspace, first_article(workspace)).values()) == expected


async def test_arrows_move_without_tagging_and_n_finds_the_next_untagged(session: ReviewSession) -> None:
    app = FactcheckApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "j", "k")
        assert app.screen.index == 1
        await pilot.press("up", "1", "1", "up", "up", "n")
        assert app.screen.index == 2
    assert labels_on_disk(session.workspace, first_article(session.workspace)) == {0: SOURCED, 1: SOURCED}


async def test_n_goes_into_the_next_article_when_this_one_is_done(session: ReviewSession) -> None:
    first = session.workspace.articles()[0]
    app = FactcheckApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["x"] * first.sentences)
        await pilot.press("n")
        screen = app.screen
        assert screen.opened.id == session.workspace.articles()[1].id
        assert screen.index == 0


async def test_undo_repeats_and_survives_a_restart(session: ReviewSession) -> None:
    workspace = session.workspace
    article_id = first_article(workspace)
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "2", "3", "ctrl+z")
        assert pilot.app.screen.index == 2
    assert labels_on_disk(workspace, article_id) == {0: SOURCED, 1: ANONYMOUS}
    restarted = reopen(workspace)
    async with FactcheckApp(restarted).run_test(size=(80, 24)) as pilot:
        assert pilot.app.screen.index == 2  # resumes at the first untagged sentence
        await pilot.press("ctrl+z", "ctrl+z")
        assert pilot.app.screen.index == 0
    assert labels_on_disk(workspace, article_id) == {}


async def test_source_note_and_flag_are_saved_and_undoable(session: ReviewSession) -> None:
    workspace = session.workspace
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        prompt = pilot.app.screen.query_one(Input)
        prompt.value = "The [bold]Ledger[/]"
        await pilot.press("enter", "m")
        pilot.app.screen.query_one(Input).value = "check the date"
        await pilot.press("enter", "f")
        record = reopen(workspace).open(first_article(workspace)).tags.get(0)
        assert record is not None
        assert (record.source, record.note, record.flag, record.label) == (
            "The [bold]Ledger[/]",
            "check the date",
            True,
            None,
        )
        await pilot.press("ctrl+z")
        assert reopen(workspace).open(first_article(workspace)).tags.get(0).flag is False
        await pilot.press("e", "escape")  # cancelling changes nothing
    assert reopen(workspace).open(first_article(workspace)).tags.get(0).source == "The [bold]Ledger[/]"


async def test_reviewers_are_kept_apart(session: ReviewSession) -> None:
    workspace = session.workspace
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1")
    bob = ReviewSession(Workspace.open(workspace.root), "bob")
    async with FactcheckApp(bob).run_test(size=(80, 24)) as pilot:
        assert pilot.app.screen.index == 0
        assert pilot.app.screen.opened.tags.tagged == 0
        await pilot.press("4")
    assert labels_on_disk(workspace, first_article(workspace), "ann") == {0: SOURCED, 1: SOURCED}
    assert labels_on_disk(workspace, first_article(workspace), "bob") == {0: UNATTRIBUTED}


async def test_library_lists_progress_and_opens_with_enter(session: ReviewSession) -> None:
    workspace = session.workspace
    async with FactcheckApp(session).run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "l")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen.counts_loaded
        table = pilot.app.screen.query_one(DataTable)
        assert table.row_count == len(workspace.articles())
        assert str(table.get_row_at(0)[1]) == f"1/{workspace.articles()[0].sentences}"
        await pilot.press("down", "enter")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.opened.id == workspace.articles()[1].id
    assert reopen(workspace).state.last_article == workspace.articles()[1].id


async def test_a_failed_save_is_a_notice_and_the_tag_is_not_shown_as_saved(
    session: ReviewSession, monkeypatch
) -> None:
    import errno

    import factcheck.store as store

    def disk_full(path: Path, payload: bytes) -> None:
        raise StoreWriteError(path, OSError(errno.ENOSPC, "No space left on device"))

    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(store, "write_atomically", disk_full)
        await pilot.press("1")
        screen = pilot.app.screen
        assert screen.index == 0, "the cursor must not move past an unsaved tag"
        assert screen.opened.tags.get(0) is None
        assert "untagged" in str(screen.query_one("#current-status", Static).render())
        assert any("disk full" in n.message for n in pilot.app._notifications)
        monkeypatch.undo()
        await pilot.press("1")
        assert screen.index == 1
    assert labels_on_disk(session.workspace, first_article(session.workspace)) == {0: SOURCED}


HOSTILE = (
    "[bold]Hostile[/] headline [/AP]\n\n"
    "Officials [Reuters] said [sic] it was fine. "
    "Click [@click=app.quit]here[/] now. "
    "Escape \x1b[2J\x1b]52;c;ZXZpbA==\x07 done. "
    "Closing tag alone [/] here."
)


async def test_markup_and_control_sequences_in_articles_are_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    workspace = make_workspace(tmp_path / "ws", [path])
    session = ReviewSession(workspace, "ann")
    app = FactcheckApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        rows = list(app.screen.query(SentenceRow))
        shown = "\n".join(str(row.query_one(".text", Static).render()) for row in rows)
        assert "[bold]Hostile[/] headline [/AP]" in shown
        assert "[Reuters]" in shown and "[sic]" in shown
        assert "[@click=app.quit]here[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛" in shown
        for row in rows:  # clicking every sentence must not trigger an embedded action
            await pilot.click(row)
        assert app.is_running
        await pilot.press("1")
    assert labels_on_disk(workspace, workspace.articles()[0].id) != {}


async def test_help_lists_every_key_and_the_codebook(session: ReviewSession) -> None:
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        text = "\n".join(str(s.render()) for s in pilot.app.screen.query(Static))
        for keys in ("1/s", "2/a", "3/q", "4/u", "0/x", "ctrl+z", "n", "e", "m", "f"):
            assert f"  {keys} " in text
        assert "anonymous-sourced" in text and "condition of anonymity" in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReviewScreen)


async def test_reopening_resumes_at_the_first_untagged_sentence_of_the_last_article(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path / "ws")
    session = ReviewSession(workspace, "ann")
    second = workspace.articles()[1].id
    async with FactcheckApp(session, start_article=second).run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1")
    async with FactcheckApp(reopen(workspace)).run_test(size=(80, 24)) as pilot:
        assert (pilot.app.screen.opened.id, pilot.app.screen.index) == (second, 3)


def test_bundled_samples_import_cleanly(tmp_path: Path) -> None:
    from factcheck.cli.review import sample_paths

    paths = sample_paths()
    assert len(paths) >= 3
    for path in paths:
        assert read_file(path).articles[0].title


async def test_a_100000_character_sentence_opens_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Endless\n\n" + ("claim " * 17_000).strip(), encoding="utf-8")
    workspace = make_workspace(tmp_path / "ws", [path])
    session = ReviewSession(workspace, "ann")
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        assert len(pilot.app.screen.opened.sentences) > 40
        await pilot.press("x", "4", "4")
        assert pilot.app.screen.index == 3
    expected = {0: SKIP, 1: UNATTRIBUTED, 2: UNATTRIBUTED}
    assert labels_on_disk(workspace, workspace.articles()[0].id) == expected


async def test_enter_accepts_the_suggestion_and_records_it(session: ReviewSession) -> None:
    workspace = session.workspace
    article_id = first_article(workspace)
    suggestions = session.open(article_id).suggestions
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        assert pilot.app.screen.index == 2
        overridden = next(label for label in (SOURCED, UNATTRIBUTED) if label != suggestions[2].label)
        await pilot.press("s" if overridden == SOURCED else "u")
    tags = Workspace.open(workspace.root).tags("ann", article_id)
    for index in (0, 1):
        record = tags.get(index)
        assert (record.label, record.suggested, record.accepted) == (
            suggestions[index].label,
            suggestions[index].label,
            True,
        )
        assert record.suggested_confidence == suggestions[index].confidence
    third = tags.get(2)
    assert (third.label, third.suggested, third.accepted) == (overridden, suggestions[2].label, False)


async def test_shift_a_accepts_confident_suggestions_in_one_undoable_step(session: ReviewSession) -> None:
    workspace = session.workspace
    article_id = first_article(workspace)
    suggestions = session.open(article_id).suggestions
    threshold = 0.9
    confident = {s.index: s.label for s in suggestions if s.confidence >= threshold}
    assert 0 < len(confident) < len(suggestions), "the samples should exercise both sides of the threshold"
    app = FactcheckApp(session, accept_threshold=threshold)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")  # a tag of the reviewer's own is never overwritten
        await pilot.press("A")
        expected = {**confident, 0: UNATTRIBUTED}
        assert labels_on_disk(workspace, article_id) == expected
        record = Workspace.open(workspace.root).tags("ann", article_id).get(max(confident))
        assert record.accepted is True and record.source == suggestions[max(confident)].source
        await pilot.press("ctrl+z")
        assert labels_on_disk(workspace, article_id) == {0: UNATTRIBUTED}


async def test_the_current_sentence_shows_the_suggestion_and_its_cue_words(session: ReviewSession) -> None:
    article_id = first_article(session.workspace)
    opened = session.open(article_id)
    index = next(s.index for s in opened.suggestions if s.cues and s.label == QUOTED)
    async with FactcheckApp(session).run_test(size=(120, 30)) as pilot:
        await pilot.press(*["down"] * index)
        screen = pilot.app.screen
        suggestion_line = str(screen.query_one("#current-suggestion", Static).render())
        assert f"suggested: {QUOTED}" in suggestion_line
        content = screen.query_one("#current-text", Static).content
        cue = opened.suggestions[index].cues[0]
        sentence = opened.sentences[index]
        styled = {(span.start + sentence.start, span.end + sentence.start) for span in content.spans}
        assert (cue.start, cue.end) in styled


async def test_others_tags_show_unless_the_review_is_blind(session: ReviewSession) -> None:
    workspace = session.workspace
    article_id = first_article(workspace)
    bob = ReviewSession(Workspace.open(workspace.root), "bob")
    bob.tag(Position(article_id, 0), QUOTED)
    async with FactcheckApp(reopen(workspace)).run_test(size=(120, 30)) as pilot:
        details = str(pilot.app.screen.query_one("#current-details", Static).render())
        assert "others: bob quoted" in details
    blind = ReviewSession(Workspace.open(workspace.root), "ann", blind=True)
    async with FactcheckApp(blind).run_test(size=(120, 30)) as pilot:
        details = str(pilot.app.screen.query_one("#current-details", Static).render())
        assert "bob" not in details
        assert "(blind)" in str(pilot.app.screen.query_one("#article-meta", Static).render())


async def test_stats_panel_shows_bars_for_the_article_and_all_articles_and_updates(
    session: ReviewSession,
) -> None:
    workspace = session.workspace
    other = workspace.articles()[1].id
    session.tag(Position(other, 0), SKIP)
    session.tag(Position(other, 1), SOURCED)
    app = FactcheckApp(session, start_article=first_article(workspace))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("t")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        here = str(pilot.app.screen.query_one("#stats-article", Static).render())
        everywhere = str(pilot.app.screen.query_one("#stats-all", Static).render())
        assert "This article · 0 claims" in here
        assert "All your articles (1) · 1 claims" in everywhere
        await pilot.press("1", "3")
        here = str(pilot.app.screen.query_one("#stats-article", Static).render())
        everywhere = str(pilot.app.screen.query_one("#stats-all", Static).render())
        assert "This article · 2 claims" in here and "sourced         1  50%" in here
        assert "All your articles (2) · 3 claims" in everywhere and "sourced         2  67%" in everywhere


async def test_the_outlet_can_be_corrected_from_the_review_screen(session: ReviewSession) -> None:
    workspace = session.workspace
    article_id = first_article(workspace)
    async with FactcheckApp(session).run_test(size=(80, 24)) as pilot:
        await pilot.press("O")
        pilot.app.screen.query_one(Input).value = "Riverton [Ledger]"
        await pilot.press("enter")
        assert "Riverton [Ledger]" in str(pilot.app.screen.query_one("#article-meta", Static).render())
    assert Workspace.open(workspace.root).info(article_id).outlet == "Riverton [Ledger]"


async def test_orphaned_tags_of_an_edited_article_are_shown(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Story\n\nThe mayor resigned on Monday. The council met later.", encoding="utf-8")
    workspace = make_workspace(tmp_path / "ws", [path])
    old_id = workspace.articles()[0].id
    ReviewSession(workspace, "ann").tag(Position(old_id, 1), UNATTRIBUTED)
    path.write_text("Story\n\nThe mayor stayed on. The council met later.", encoding="utf-8")
    (result,) = Workspace.open(workspace.root).add_articles(read_file(path).articles, replace_edited=True)
    assert result.replaced is not None and result.replaced.id == old_id
    async with FactcheckApp(reopen(workspace)).run_test(size=(100, 30)) as pilot:
        assert "1 orphaned tags (v)" in str(pilot.app.screen.query_one("#article-meta", Static).render())
        await pilot.press("v")
        shown = "\n".join(str(s.render()) for s in pilot.app.screen.query(Static))
        assert "The mayor resigned on Monday." in shown and "unattributed (ann)" in shown
