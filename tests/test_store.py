"""The store's promises: atomic saves, corrupt files left alone, one writer, undo after restart."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.cli.review import sample_paths
from factcheck.ingest import read_file
from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Article
from factcheck.session import Position, ReviewSession
from factcheck.store import (
    SCHEMA_VERSION,
    CorruptFileError,
    StoreError,
    StoreWriteError,
    Workspace,
    write_atomically,
)
from tests.conftest import make_workspace

#: The CLI as a separate process, as a user runs it.
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) under ``root``, hidden ones included."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))
    }


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def error_line(stderr: str) -> str:
    """The one line a failing command prints; fails the test if there is anything else."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcheck: error: "), stderr
    return lines[0]


def on_disk(
    workspace: Workspace, article_id: str, index: int, reviewer: str = "ann"
) -> tuple[object, ...] | None:
    """A sentence's record as a fresh process reads it (reading writes nothing)."""
    record = Workspace.open(workspace.root).tags(reviewer, article_id).get(index)
    return None if record is None else (record.label, record.source, record.reviewer)


def first_ids(workspace: Workspace) -> tuple[str, str]:
    first, second, *_ = (info.id for info in workspace.articles())
    return first, second


# -- atomic writes -----------------------------------------------------------------


def failing(code: int) -> Callable[..., object]:
    def fail(*args: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


FAILURES = [
    pytest.param("fsync", errno.ENOSPC, "disk full", id="fsync-ENOSPC"),
    pytest.param("write", errno.ENOSPC, "disk full", id="write-ENOSPC"),
    pytest.param("fsync", errno.EACCES, "Permission denied", id="fsync-EACCES"),
    pytest.param("write", errno.EACCES, "Permission denied", id="write-EACCES"),
]


def test_write_atomically_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "data.json"
    write_atomically(path, b"old")
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in path.parent.iterdir()] == ["data.json"]


@pytest.mark.parametrize(("call", "code", "reason"), FAILURES)
def test_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, reason: str
) -> None:
    path = tmp_path / "data.json"
    write_atomically(path, b'{"old": {}}')
    monkeypatch.setattr(os, call, failing(code))
    with pytest.raises(StoreWriteError, match=reason) as caught:
        write_atomically(path, b'{"new": {}}' * 1000)
    monkeypatch.undo()
    assert caught.value.path == path
    assert path.read_bytes() == b'{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


@pytest.mark.parametrize(("call", "code", "reason"), FAILURES)
@pytest.mark.parametrize("first_save", [True, False], ids=["first-save", "later-save"])
def test_failed_tag_is_not_kept_in_memory_or_on_disk(
    session: ReviewSession,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    code: int,
    reason: str,
    first_save: bool,
) -> None:
    article_id, _ = first_ids(session.workspace)
    opened = session.open(article_id)
    if not first_save:
        session.tag(Position(article_id, 0), SOURCED)
    before = snapshot(session.workspace.root)
    records, history = dict(opened.tags.records), list(opened.tags.history)

    monkeypatch.setattr(os, call, failing(code))
    with pytest.raises(StoreWriteError, match=reason):
        session.tag(Position(article_id, 1), QUOTED)
    monkeypatch.undo()

    assert snapshot(session.workspace.root) == before
    assert opened.tags.records == records and opened.tags.history == history
    assert opened.tags.get(1) is None
    assert on_disk(session.workspace, article_id, 1) is None
    session.tag(Position(article_id, 1), QUOTED)  # the next save works once the disk does
    assert on_disk(session.workspace, article_id, 1) == (QUOTED, None, "ann")


def test_failed_undo_keeps_the_change_and_its_history(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id, _ = first_ids(session.workspace)
    session.tag(Position(article_id, 0), SOURCED)
    path = session.open(article_id).tags.path
    before = path.read_bytes()
    monkeypatch.setattr(os, "fsync", failing(errno.ENOSPC))
    with pytest.raises(StoreWriteError):
        session.undo()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert session.open(article_id).tags.history
    assert on_disk(session.workspace, article_id, 0) == (SOURCED, None, "ann")
    assert session.undo() == Position(article_id, 0)
    assert on_disk(session.workspace, article_id, 0) is None


# -- corrupt files -----------------------------------------------------------------

DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "garbage": lambda data: b"\x00\xff\xfe not json",
    "not-a-database": lambda data: b'{"annotations": [1, 2]}',
    "records-not-objects": lambda data: json.dumps(
        {name: {key: 5 for key in table} for name, table in json.loads(data).items()}
    ).encode(),
}


@pytest.fixture
def tagged_workspace(tmp_path: Path) -> Workspace:
    """The samples, with ann's tags on the first article, which she had open last."""
    workspace = make_workspace(tmp_path / "ws")
    session = ReviewSession(workspace, "ann")
    article_id, _ = first_ids(workspace)
    session.tag(Position(article_id, 0), SOURCED)
    session.tag(Position(article_id, 1), QUOTED)
    return workspace


def damaged_file(workspace: Workspace, which: str) -> Path:
    article_id, _ = first_ids(workspace)
    return {
        "index": workspace.index_path,
        "article": workspace.article_path(article_id),
        "tags": workspace.reviewer_dir("ann") / f"{article_id}.json",
        "session": workspace.reviewer_dir("ann") / "session.json",
    }[which]


def damage(workspace: Workspace, which: str, how: str) -> Path:
    path = damaged_file(workspace, which)
    assert path.exists()
    path.write_bytes(DAMAGE[how](path.read_bytes()))
    return path


def read_as_a_session_starts(root: Path) -> None:
    """What `factcheck review` reads before it takes the lock."""
    workspace = Workspace.open(root)
    ReviewSession(workspace, "ann").check_readable()


def read_everything(root: Path) -> None:
    """What `factcheck list` and the library read, and every article with ann's tags."""
    workspace = Workspace.open(root)
    workspace.reviewer_state("ann")
    workspace.tagged_counts("ann")
    for info in workspace.articles():
        workspace.load_article(info.id)
        workspace.tags("ann", info.id)


@pytest.mark.parametrize("how", DAMAGE)
@pytest.mark.parametrize("which", ["index", "article", "tags", "session"])
@pytest.mark.parametrize("reader", [read_as_a_session_starts, read_everything])
def test_corrupt_file_is_named_and_left_untouched(
    tagged_workspace: Workspace, which: str, how: str, reader: Callable[[Path], None]
) -> None:
    path = damage(tagged_workspace, which, how)
    before = snapshot(tagged_workspace.root)
    with pytest.raises(CorruptFileError) as caught:
        reader(tagged_workspace.root)
    assert caught.value.path == path
    assert str(path) in str(caught.value)
    assert snapshot(tagged_workspace.root) == before


@pytest.fixture
def no_tui(monkeypatch: pytest.MonkeyPatch) -> None:
    """`factcheck review` must fail before it gets as far as the UI."""

    class Unreachable:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("review got as far as the UI")

    fake = types.ModuleType("factcheck.tui.app")
    fake.FactcheckApp = Unreachable  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "factcheck.tui.app", fake)


@pytest.mark.usefixtures("no_tui")
@pytest.mark.parametrize("how", DAMAGE)
@pytest.mark.parametrize(
    ("command", "which"),
    [
        ("review", "index"),
        ("review", "session"),
        ("review", "article"),
        ("review", "tags"),
        ("list", "index"),
        ("list", "tags"),
        ("list --json", "index"),
        ("list --json", "tags"),
    ],
)
def test_cli_reports_a_corrupt_file_in_one_line_and_writes_nothing(
    tagged_workspace: Workspace, command: str, which: str, how: str
) -> None:
    root = tagged_workspace.root
    path = damage(tagged_workspace, which, how)
    before = snapshot(root)
    result = run_cli(*command.split(), "--db", str(root), "--reviewer", "ann")
    assert result.exit_code == 1, result.output
    line = error_line(result.stderr)
    assert str(path) in line and "left untouched" in line
    assert result.stdout == ""
    assert snapshot(root) == before


def test_newer_schema_is_refused_and_left_untouched(tagged_workspace: Workspace) -> None:
    index = tagged_workspace.index_path
    data = json.loads(index.read_bytes())
    data["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    index.write_text(json.dumps(data))
    before = snapshot(tagged_workspace.root)
    with pytest.raises(StoreError, match="newer factcheck"):
        Workspace.open(tagged_workspace.root)
    result = run_cli("list", "--db", str(tagged_workspace.root))
    assert result.exit_code == 1
    assert str(index) in error_line(result.stderr)
    assert snapshot(tagged_workspace.root) == before


# -- one writer ------------------------------------------------------------------

HOLD_LOCK = """
import sys
from factcheck.store import Workspace
with Workspace.open(sys.argv[1]).lock():
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_second_writer_is_refused_naming_the_holder_and_list_still_works(
    tagged_workspace: Workspace,
) -> None:
    root = str(tagged_workspace.root)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, root], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        before = snapshot(tagged_workspace.root)
        for command in (["review"], ["import", str(sample_paths()[0])]):
            done = subprocess.run(
                [*FACTCHECK, *command, "--db", root], capture_output=True, text=True, timeout=60
            )
            assert done.returncode == 1, done
            line = error_line(done.stderr)
            assert f"pid {holder.pid} on {socket.gethostname()}" in line
            assert "already open for writing" in line
        listed = subprocess.run(
            [*FACTCHECK, "list", "--json", "--db", root, "--reviewer", "ann"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert listed.returncode == 0, listed.stderr
        assert [row["tagged"] for row in json.loads(listed.stdout)] == [2, 0, 0, 0]
        assert snapshot(tagged_workspace.root) == before
    finally:
        holder.communicate("", timeout=10)
    assert holder.returncode == 0


def test_lock_reads_the_index_again_so_an_earlier_writer_is_not_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    first, second, third = (Article.from_text(f"T{n}\n\nSentence {n}.", f"T{n}") for n in range(3))
    late = Workspace.open(root, create=True)  # reads the (empty) index before another writer runs
    early = Workspace.open(root, create=True)
    with early.lock():
        early.add_articles([first, second])
    with late.lock():
        late.add_articles([third])
    assert [a.title for a in Workspace.open(root).articles()] == ["T0", "T1", "T2"]


# -- import, list, reviewers, undo ---------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    path = sample_paths()[0]
    assert run_cli("import", str(path), "--db", str(root)).stdout.startswith("added: ")
    before = snapshot(root)
    again = run_cli("import", str(path), "--db", str(root))
    assert again.exit_code == 0 and again.stdout.startswith("already in workspace: ")
    after = snapshot(root)
    assert after.pop(".lock") != before.pop(".lock")  # only the lock notes who held it last
    assert after == before
    copy = tmp_path / "copy.txt"
    copy.write_bytes(path.read_bytes())
    workspace = Workspace.open(root)
    (result,) = workspace.add_articles(read_file(copy).articles)
    assert not result.added and result.info.path == str(path)
    assert len(Workspace.open(root).articles()) == 1


def test_list_json_reports_counts_for_the_reviewer_in_effect(tagged_workspace: Workspace) -> None:
    root = str(tagged_workspace.root)
    rows = json.loads(run_cli("list", "--json", "--db", root, "--reviewer", "ann").stdout)
    infos = tagged_workspace.articles()
    assert [(r["id"], r["title"], r["sentences"]) for r in rows] == [
        (i.id, i.title, i.sentences) for i in infos
    ]
    assert [r["tagged"] for r in rows] == [2, 0, 0, 0]
    rows = json.loads(run_cli("list", "--json", "--db", root, "--reviewer", "bob").stdout)
    assert [r["tagged"] for r in rows] == [0, 0, 0, 0]


def test_reviewers_are_kept_apart(tagged_workspace: Workspace) -> None:
    article_id, _ = first_ids(tagged_workspace)
    bob = ReviewSession(Workspace.open(tagged_workspace.root), "bob")
    assert bob.resume() == Position(article_id, 0)
    assert bob.undo() is None
    bob.tag(Position(article_id, 0), UNATTRIBUTED)
    bob.edit(Position(article_id, 0), source="a spokesman")
    assert on_disk(tagged_workspace, article_id, 0, "ann") == (SOURCED, None, "ann")
    assert on_disk(tagged_workspace, article_id, 1, "ann") == (QUOTED, None, "ann")
    assert on_disk(tagged_workspace, article_id, 0, "bob") == (UNATTRIBUTED, "a spokesman", "bob")
    assert on_disk(tagged_workspace, article_id, 1, "bob") is None
    assert tagged_workspace.tagged_counts("ann")[article_id] == 2
    assert tagged_workspace.tagged_counts("bob")[article_id] == 1


def test_undo_after_restart_goes_back_in_order_across_articles(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    first, second = first_ids(make_workspace(root))
    session = ReviewSession(Workspace.open(root), "ann")
    session.tag(Position(first, 0), SOURCED)
    session.tag(Position(second, 1), ANONYMOUS)
    session.tag(Position(first, 2), SKIP)
    session.edit(Position(second, 1), source="two officials", flag=True)
    session.tag(Position(first, 0), QUOTED)
    del session

    def on_disk() -> tuple[object, ...]:
        workspace = Workspace.open(root)
        a, b = workspace.tags("ann", first), workspace.tags("ann", second)
        return tuple((r.label, r.source, r.flag) if r else None for r in (a.get(0), b.get(1), a.get(2)))

    # Tagging fills an empty source from the suggestion; undoing the edit brings that back.
    suggestions = ReviewSession(Workspace.open(root), "ann")
    prefilled = suggestions.open(second).suggestions[1].source
    sourced = (SOURCED, suggestions.open(first).suggestions[0].source, False)
    skip = (SKIP, None, False)
    assert on_disk() == ((QUOTED, sourced[1], False), (ANONYMOUS, "two officials", True), skip)
    for undone, after in [
        (Position(first, 0), (sourced, (ANONYMOUS, "two officials", True), skip)),
        (Position(second, 1), (sourced, (ANONYMOUS, prefilled, False), skip)),
        (Position(first, 2), (sourced, (ANONYMOUS, prefilled, False), None)),
        (Position(second, 1), (sourced, None, None)),
        (Position(first, 0), (None, None, None)),
        (None, (None, None, None)),
    ]:
        assert ReviewSession(Workspace.open(root), "ann").undo() == undone  # a restart before each
        assert on_disk() == after


def test_next_untagged_skips_articles_already_done(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    first, second, third, _ = make_workspace(root).articles()
    earlier = ReviewSession(Workspace.open(root), "ann")
    for index in range(second.sentences):
        earlier.tag(Position(second.id, index), SKIP)
    session = ReviewSession(Workspace.open(root), "ann")
    assert session.next_untagged(Position(first.id, first.sentences - 1)) == Position(third.id, 0)


def test_taking_the_lock_sweeps_temporary_files_a_killed_writer_left(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path / "ws")
    leftovers = [
        workspace.root / ".workspace.json.999.tmp",
        workspace.root / "articles" / ".abc.json.999.tmp",
        workspace.root / "reviewers" / "ann" / ".abc.json.999.tmp",
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half a file")
    with workspace.lock():
        assert not any(path.exists() for path in leftovers)
