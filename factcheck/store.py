"""The workspace on disk: TinyDB files sharded by article, durable writes, one writer.

Layout of a workspace folder::

    workspace.json                 index: schema version, one record per article
    articles/<id>.json             an article's text and its sentences (written once)
    reviewers/<name>/<id>.json     one reviewer's tags on one article, with their undo history
    reviewers/<name>/session.json  where that reviewer was, for resuming and undo after restart
    .lock                          held by the process that writes (pid and host inside)

A keypress rewrites only ``reviewers/<name>/<id>.json``: one small file, written to
a temporary file, fsync'd and renamed over the old one, so its cost does not grow
with the workspace and a crash leaves the old or the new file, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage
from tinydb.table import Document

from factcheck.models import Annotation, Article, Sentence
from factcheck.segment import SEGMENTER, segment

SCHEMA_VERSION = 1
#: Undo steps kept per reviewer and article (older ones are dropped).
HISTORY_LIMIT = 200
#: Articles remembered per reviewer for resuming and cross-article undo.
RECENT_LIMIT = 20


class StoreError(Exception):
    """Base of every error the store reports; the message is one line for the user."""


class CorruptFileError(StoreError):
    """A database file that cannot be read; it is never written over."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: cannot read this database file ({reason}); it was left untouched")
        self.path = path


class StoreWriteError(StoreError):
    """A save that did not reach the disk; the previous file is intact."""

    def __init__(self, path: Path, exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.ENOSPC:
            reason = "disk full"
        super().__init__(f"not saved: {reason} writing {path}")
        self.path = path


class WorkspaceBusy(StoreError):
    """Another process holds the workspace's write lock."""


class WorkspaceMissing(StoreError):
    """The workspace folder does not exist (and was not to be created)."""


def now_iso() -> str:
    """UTC timestamp with milliseconds, as stored in every record."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def safe_name(name: str) -> str:
    """A reviewer name as a file name that cannot leave its folder."""
    out = []
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in "-_"):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out) or "%00"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreWriteError(path, exc) from exc


def read_json_file(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``, None when it does not exist; CorruptFileError otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorruptFileError(path, exc.strerror or str(exc)) from None
    try:
        value = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = "empty file" if not data.strip() else f"invalid JSON: {exc}"
        raise CorruptFileError(path, reason) from None
    if not isinstance(value, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in value.values()
    ):
        raise CorruptFileError(path, "not a TinyDB database")
    return value


class DurableJSONStorage(Storage):
    """TinyDB storage that validates what it reads and writes atomically with fsync."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        return read_json_file(self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomically(self.path, payload)

    def close(self) -> None:
        pass


class Database:
    """A TinyDB file whose changes are written together, in one durable write.

    Changes made through ``tables`` stay in memory until ``commit()``; if the
    write fails, the in-memory state is reloaded from disk so it never shows
    what is not saved.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._open()

    def _open(self) -> None:
        self.db = TinyDB(self.path, storage=CachingMiddleware(DurableJSONStorage))
        # CachingMiddleware writes after N changes; we decide when to write.
        self.db.storage.WRITE_CACHE_SIZE = 1 << 30
        self.db.storage.read()  # validate now, so a corrupt file is reported on open

    def table(self, name: str) -> Any:
        return self.db.table(name)

    def commit(self) -> None:
        try:
            self.db.storage.flush()
        except StoreError:
            self._open()
            raise


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article's entry in the workspace index."""

    id: str
    title: str
    outlet: str | None
    url: str | None
    path: str | None
    date: str | None
    sentences: int
    segmenter: str
    imported: str

    @property
    def display_source(self) -> str:
        return Article(self.id, self.title, "", self.outlet, self.url, self.path).display_source


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one article offered to the workspace."""

    info: ArticleInfo
    added: bool


@dataclass(frozen=True, slots=True)
class Change:
    """One sentence's record before and after an action (None: no record)."""

    index: int
    before: Annotation | None
    after: Annotation | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One undoable action on one article: a keypress, an edit, or a bulk accept."""

    seq: int
    action: str
    at: str
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "action": self.action,
            "at": self.at,
            "changes": [
                {
                    "index": c.index,
                    "before": c.before.to_dict() if c.before else None,
                    "after": c.after.to_dict() if c.after else None,
                }
                for c in self.changes
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEntry:
        return cls(
            seq=int(data["seq"]),
            action=str(data["action"]),
            at=str(data["at"]),
            changes=tuple(
                Change(
                    int(c["index"]),
                    Annotation.from_dict(c["before"]) if c["before"] else None,
                    Annotation.from_dict(c["after"]) if c["after"] else None,
                )
                for c in data["changes"]
            ),
        )


class ArticleTags:
    """One reviewer's annotations on one article, and their undo history."""

    def __init__(self, path: Path, article_id: str, reviewer: str) -> None:
        self.path = path
        self.article_id = article_id
        self.reviewer = reviewer
        self._db = Database(path)
        self._load()

    def _load(self) -> None:
        try:
            self.records = {
                int(doc["index"]): Annotation.from_dict(doc) for doc in self._db.table("annotations").all()
            }
            history = [HistoryEntry.from_dict(doc) for doc in self._db.table("history").all()]
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptFileError(self.path, f"malformed record: {exc!r}") from None
        self.history = sorted(history, key=lambda e: e.seq)

    @property
    def tagged(self) -> int:
        return sum(1 for a in self.records.values() if a.label is not None)

    def get(self, index: int) -> Annotation | None:
        return self.records.get(index)

    def apply(self, action: str, after: dict[int, Annotation | None]) -> HistoryEntry | None:
        """Save new records for some sentences as one undoable step; durable on return."""
        changes = tuple(
            Change(i, self.records.get(i), a) for i, a in sorted(after.items()) if self.records.get(i) != a
        )
        if not changes:
            return None
        # The history is ordered by seq; it never goes backwards, even if the clock does.
        seq = max(time.time_ns(), self.history[-1].seq + 1 if self.history else 0)
        entry = HistoryEntry(seq, action, now_iso(), changes)
        dropped = self.history[: max(0, len(self.history) + 1 - HISTORY_LIMIT)]
        self._write(changes, add=entry, remove=dropped)
        self.history = [*self.history[len(dropped) :], entry]
        return entry

    def undo(self, entry: HistoryEntry) -> None:
        """Revert ``entry`` (which must be in this file's history) durably."""
        reverted = tuple(Change(c.index, c.after, c.before) for c in entry.changes)
        self._write(reverted, add=None, remove=[entry])
        self.history = [e for e in self.history if e.seq != entry.seq]

    def _write(
        self, changes: tuple[Change, ...], add: HistoryEntry | None, remove: list[HistoryEntry]
    ) -> None:
        """Stage record and history changes, write them in one durable write, then mirror them here.

        History documents use their seq as document id, so none needs a scan.
        """
        table = self._db.table("annotations")
        history = self._db.table("history")
        for change in changes:
            doc_id = change.index + 1
            if change.after is None:
                if table.contains(doc_id=doc_id):
                    table.remove(doc_ids=[doc_id])
            else:
                table.upsert(Document(change.after.to_dict(), doc_id=doc_id))
        if add is not None:
            history.insert(Document(add.to_dict(), doc_id=add.seq))
        if remove:
            history.remove(doc_ids=[e.seq for e in remove if history.contains(doc_id=e.seq)])
        try:
            self._db.commit()
        except StoreError:
            self._load()  # the database was reopened from disk: show only what is saved
            raise
        for change in changes:
            if change.after is None:
                self.records.pop(change.index, None)
            else:
                self.records[change.index] = change.after


@dataclass(slots=True)
class ReviewerState:
    """Where a reviewer was: the last article, and the articles touched recently."""

    last_article: str | None
    recent: list[str]


class WorkspaceLock:
    """An exclusive, advisory lock on the workspace, released by the OS if we die."""

    def __init__(self, root: Path) -> None:
        self.path = root / ".lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 400).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise WorkspaceBusy(
                f"{self.path.parent} is already open for writing by {holder}; "
                "close that factcheck session first (read-only commands such as list still work)"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"factcheck pid {os.getpid()} on {socket.gethostname()} since {now_iso()}".encode())
        self._fd = fd
        self._sweep_temporary_files()

    def _sweep_temporary_files(self) -> None:
        """Remove temporary files a killed writer left behind (we are the only writer now)."""
        root = self.path.parent
        for pattern in (".*.tmp", "articles/.*.tmp", "reviewers/*/.*.tmp"):
            for leftover in root.glob(pattern):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WorkspaceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class Workspace:
    """A folder of TinyDB files holding articles and every reviewer's tags."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.index_path = self.root / "workspace.json"
        self._index: Database | None = None
        self._articles: dict[str, ArticleInfo] | None = None

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str, *, create: bool = False) -> Workspace:
        """Open (and with ``create``, make) a workspace; validates its index."""
        ws = cls(root)
        if not ws.root.is_dir():
            if ws.root.exists():
                raise WorkspaceMissing(f"{ws.root}: not a folder")
            if not create:
                raise WorkspaceMissing(f"{ws.root}: no workspace here (run `factcheck import` first)")
        ws.articles()
        return ws

    def lock(self) -> WorkspaceLock:
        """The write lock; use as a context manager around any writing.

        The cached index is dropped, so that it is read again under the lock: a
        writer that finished before we got the lock must not be overwritten.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        self._index = None
        self._articles = None
        return WorkspaceLock(self.root)

    def _index_db(self) -> Database:
        if self._index is None:
            self._index = Database(self.index_path)
            meta = self._index.table("meta").get(doc_id=1)
            if meta is not None and int(meta.get("schema", 0)) > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.index_path}: written by a newer factcheck (schema {meta['schema']}, "
                    f"this one reads {SCHEMA_VERSION}); upgrade factcheck"
                )
        return self._index

    # -- articles ----------------------------------------------------------
    def articles(self) -> list[ArticleInfo]:
        """Every article in import order."""
        if self._articles is None:
            try:
                docs = self._index_db().table("articles").all()
                self._articles = {d["id"]: ArticleInfo(**d) for d in docs}
            except (KeyError, TypeError) as exc:
                raise CorruptFileError(self.index_path, f"malformed article record: {exc!r}") from None
        return list(self._articles.values())

    def info(self, article_id: str) -> ArticleInfo:
        self.articles()
        assert self._articles is not None
        try:
            return self._articles[article_id]
        except KeyError:
            raise StoreError(f"no article {article_id!r} in {self.root}") from None

    def __contains__(self, article_id: str) -> bool:
        self.articles()
        assert self._articles is not None
        return article_id in self._articles

    def add_articles(self, articles: Iterable[Article]) -> list[ImportResult]:
        """Add new articles (segmenting them); ones already present are left as they are.

        Each article file is durable before the index names it, and the index is
        written once for the whole batch, so a crash never leaves an index entry
        without its article.
        """
        self.articles()
        assert self._articles is not None
        results: list[ImportResult] = []
        new: list[ArticleInfo] = []
        for article in articles:
            known = self._articles.get(article.id) or next((i for i in new if i.id == article.id), None)
            if known is not None:
                results.append(ImportResult(known, added=False))
                continue
            sentences = segment(article.text)
            self._write_article(article, sentences)
            info = ArticleInfo(
                id=article.id,
                title=article.title,
                outlet=article.outlet,
                url=article.url,
                path=article.path,
                date=article.date,
                sentences=len(sentences),
                segmenter=SEGMENTER,
                imported=now_iso(),
            )
            new.append(info)
            results.append(ImportResult(info, added=True))
        if new:
            db = self._index_db()
            if db.table("meta").get(doc_id=1) is None:
                db.table("meta").insert(Document({"schema": SCHEMA_VERSION, "created": now_iso()}, doc_id=1))
            db.table("articles").insert_multiple(asdict(i) for i in new)
            db.commit()
            self._articles.update((i.id, i) for i in new)
        return results

    def article_path(self, article_id: str) -> Path:
        return self.root / "articles" / f"{article_id}.json"

    def _write_article(self, article: Article, sentences: list[Sentence]) -> None:
        data = {
            "article": {"1": {**asdict(article), "segmenter": SEGMENTER}},
            "sentences": {str(s.index + 1): s.to_dict() for s in sentences},
        }
        write_atomically(
            self.article_path(article.id),
            json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        )

    def load_article(self, article_id: str) -> tuple[Article, list[Sentence]]:
        """An article's text and its stored sentences (as segmented at import)."""
        path = self.article_path(article_id)
        db = TinyDB(path, storage=DurableJSONStorage)
        try:
            doc = db.table("article").get(doc_id=1)
            if doc is None:
                raise CorruptFileError(path, "no article record")
            article = Article(
                id=doc["id"],
                title=doc["title"],
                text=doc["text"],
                outlet=doc.get("outlet"),
                url=doc.get("url"),
                path=doc.get("path"),
                date=doc.get("date"),
            )
            sentences = sorted(
                (Sentence.from_dict(d) for d in db.table("sentences").all()), key=lambda s: s.index
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptFileError(path, f"malformed record: {exc!r}") from None
        finally:
            db.close()
        if any(article.text[s.start : s.end] != s.text for s in sentences):
            raise CorruptFileError(path, "sentence offsets do not match the article text")
        return article, sentences

    # -- reviewers ---------------------------------------------------------
    def reviewer_dir(self, reviewer: str) -> Path:
        return self.root / "reviewers" / safe_name(reviewer)

    def tags(self, reviewer: str, article_id: str) -> ArticleTags:
        """Open one reviewer's tags on one article (reads the file; writes nothing)."""
        return ArticleTags(self.reviewer_dir(reviewer) / f"{article_id}.json", article_id, reviewer)

    def tagged_counts(self, reviewer: str) -> dict[str, int]:
        """Tagged sentences per article for one reviewer (articles never opened are absent)."""
        counts: dict[str, int] = {}
        folder = self.reviewer_dir(reviewer)
        if not folder.is_dir():
            return counts
        for path in folder.glob("*.json"):
            if path.name != "session.json":
                counts[path.stem] = self.tagged_count(reviewer, path.stem)
        return counts

    def tagged_count(self, reviewer: str, article_id: str) -> int:
        """Tagged sentences of one article for one reviewer, read from its tag file alone."""
        data = read_json_file(self.reviewer_dir(reviewer) / f"{article_id}.json") or {}
        return sum(1 for doc in data.get("annotations", {}).values() if doc.get("label") is not None)

    def reviewer_state(self, reviewer: str) -> ReviewerState:
        data = read_json_file(self.reviewer_dir(reviewer) / "session.json") or {}
        doc = data.get("session", {}).get("1", {})
        return ReviewerState(doc.get("last_article"), list(doc.get("recent", [])))

    def save_reviewer_state(self, reviewer: str, state: ReviewerState) -> None:
        path = self.reviewer_dir(reviewer) / "session.json"
        db = TinyDB(path, storage=DurableJSONStorage)
        db.table("session").upsert(
            Document({"last_article": state.last_article, "recent": state.recent[:RECENT_LIMIT]}, doc_id=1)
        )
