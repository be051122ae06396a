"""The workspace on disk: TinyDB files sharded by article, durable writes, one writer.

Layout of a workspace folder::

    workspace.json                 index: schema version, one record per current article (table
                                   ``articles``), and the versions they replaced (``versions``)
    articles/<id>.json             an article's text and its sentences (written once; its outlet
                                   may be edited)
    reviewers/<name>/<id>.json     one reviewer's tags on one article, with their undo history
                                   and the orphans: tags whose sentence an edit removed
    reviewers/<name>/session.json  where that reviewer was, for resuming and undo after restart
    .lock                          held by the process that writes (pid and host inside)

A keypress rewrites only ``reviewers/<name>/<id>.json``: one small file, written to
a temporary file, fsync'd and renamed over the old one, so its cost does not grow
with the workspace and a crash leaves the old or the new file, never half of one.

Importing an edited article (same URL, or same file path with a sentence in
common) adds it as a new version: its article file and each reviewer's tag file
(records carried over, see ``reimport``) are written first, and the index last;
that one write is the commit point, so a crash leaves the old version current
or the new one. The old version's files stay on disk; the index keeps its
record under ``versions``. Undo history does not carry over to a new version.
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
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage
from tinydb.table import Document

from factcheck.models import Annotation, Article, Sentence
from factcheck.reimport import CarriedOver, Orphan, carry_over, match_sentences
from factcheck.segment import SEGMENTER, segment

#: 2: article versions (``versions`` table, ``previous``/``replaced_by``), orphans, authors.
SCHEMA_VERSION = 2
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
    #: The version this one replaced (an edited re-import), if any.
    previous: str | None = None
    #: The version that replaced this one; set only on records under ``versions``.
    replaced_by: str | None = None

    @property
    def display_source(self) -> str:
        return Article(self.id, self.title, "", self.outlet, self.url, self.path).display_source


@dataclass(frozen=True, slots=True)
class CarriedTags:
    """One reviewer's annotations on a replaced version: how many moved, how many are orphans."""

    reviewer: str
    moved: int
    orphaned: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one article offered to the workspace.

    ``replaced`` is the version a re-import replaced (then ``added`` is True and
    ``carried`` says, per reviewer, what became of their annotations).
    """

    info: ArticleInfo
    added: bool
    replaced: ArticleInfo | None = None
    carried: tuple[CarriedTags, ...] = ()

    @property
    def moved(self) -> int:
        return sum(c.moved for c in self.carried)

    @property
    def orphaned(self) -> int:
        return sum(c.orphaned for c in self.carried)


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
            # Annotations whose sentence an edit removed; written only when a new version is made.
            self.orphans = [Orphan.from_dict(doc) for doc in self._db.table("orphans").all()]
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

    def add_orphans(self, orphans: Iterable[Orphan]) -> int:
        """Keep more orphaned records (those not kept already) in one durable write; how many."""
        new: list[Orphan] = []
        for orphan in orphans:
            if orphan not in self.orphans and orphan not in new:
                new.append(orphan)
        if not new:
            return 0
        table = self._db.table("orphans")
        for orphan in new:
            table.insert(orphan.to_dict())
        try:
            self._db.commit()
        except StoreError:
            self._load()
            raise
        self.orphans += new
        return len(new)

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
        self._catalog: _Catalog | None = None

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
        self._catalog = None
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
    def _catalog_now(self) -> _Catalog:
        if self._catalog is None:
            db = self._index_db()
            try:
                docs = db.table("articles").all()
                self._catalog = _Catalog(
                    current={d["id"]: ArticleInfo(**d) for d in docs},
                    doc_ids={d["id"]: d.doc_id for d in docs},
                    old={d["id"]: ArticleInfo(**d) for d in db.table("versions").all()},
                )
            except (KeyError, TypeError) as exc:
                raise CorruptFileError(self.index_path, f"malformed article record: {exc!r}") from None
        return self._catalog

    def articles(self) -> list[ArticleInfo]:
        """Every current article in import order (a new version takes its old one's place)."""
        return list(self._catalog_now().current.values())

    def info(self, article_id: str) -> ArticleInfo:
        """A current article's record, or an old version's (its ``replaced_by`` says by what)."""
        catalog = self._catalog_now()
        info = catalog.current.get(article_id) or catalog.old.get(article_id)
        if info is None:
            raise StoreError(f"no article {article_id!r} in {self.root}")
        return info

    def __contains__(self, article_id: str) -> bool:
        """True for current articles (not for the old versions they replaced)."""
        return article_id in self._catalog_now().current

    def add_articles(
        self, articles: Iterable[Article], *, replace_edited: bool = False
    ) -> list[ImportResult]:
        """Add new articles (segmenting them); ones already present are left as they are.

        With ``replace_edited``, an article from the same URL as a current one
        (or the same file path, when the two share a sentence) replaces it as a
        new version, and every reviewer's annotations are carried over. Only a
        one-to-one match replaces: a URL or path claimed by several articles of
        the batch, or shared by several current articles (not counting those the
        batch holds unchanged), replaces nothing, and such articles are added.

        Article and tag files are durable before the index names them, and the
        index is written once for the whole batch (the commit point), so a crash
        leaves the workspace as it was before the batch or after it.
        """
        catalog = self._catalog_now()
        batch = list(articles)
        targets = catalog.edited(batch) if replace_edited else {}
        results: list[ImportResult] = []
        done: dict[str, ArticleInfo] = {}
        new: list[ArticleInfo] = []
        replaced: list[tuple[ArticleInfo, ArticleInfo]] = []
        for article in batch:
            known = catalog.current.get(article.id) or done.get(article.id)
            if known is None and article.id not in targets:
                known = catalog.old.get(article.id)
            if known is not None:
                results.append(ImportResult(known, added=False))
                continue
            sentences = segment(article.text)
            old = targets.get(article.id)
            old_sentences: list[Sentence] = []
            pairs: dict[int, int] = {}
            if old is not None:
                _, old_sentences = self.load_article(old.id)
                pairs = match_sentences(old_sentences, sentences)
                if not pairs and not _same_url(old, article):
                    old = None  # the same file now holds another article: add it beside the old one
            self._write_article(article, sentences)
            carried: tuple[CarriedTags, ...] = ()
            if old is not None:
                carried = self._carry_tags(old.id, old_sentences, sentences, pairs, article.id)
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
                previous=old.id if old else None,
            )
            done[info.id] = info
            if old is None:
                new.append(info)
            else:
                replaced.append((old, info))
            results.append(ImportResult(info, added=True, replaced=old, carried=carried))
        if new or replaced:
            self._commit_index(new, replaced)
            self._follow_versions({old.id: info.id for old, info in replaced})
        return results

    def _commit_index(self, new: list[ArticleInfo], replaced: list[tuple[ArticleInfo, ArticleInfo]]) -> None:
        """Write the index once: new versions in their old ones' places, new articles at the end."""
        catalog = self._catalog_now()
        db = self._index_db()
        meta = db.table("meta")
        if meta.get(doc_id=1) is None:
            meta.insert(Document({"schema": SCHEMA_VERSION, "created": now_iso()}, doc_id=1))
        else:
            meta.update({"schema": SCHEMA_VERSION}, doc_ids=[1])
        table = db.table("articles")
        for old, info in replaced:
            table.update(asdict(info), doc_ids=[catalog.doc_ids[old.id]])
            db.table("versions").insert(asdict(replace(old, replaced_by=info.id)))
        table.insert_multiple(asdict(i) for i in new)
        try:
            db.commit()
        finally:
            self._catalog = None  # read again from what the index holds now

    def _carry_tags(
        self, old_id: str, old: list[Sentence], new: list[Sentence], pairs: dict[int, int], new_id: str
    ) -> tuple[CarriedTags, ...]:
        """Write each reviewer's tag file for the new version; say what moved and what is orphaned."""
        folder = self.root / "reviewers"
        carried: list[CarriedTags] = []
        for reviewer_dir in sorted(folder.iterdir()) if folder.is_dir() else []:
            path = reviewer_dir / f"{old_id}.json"
            data = read_json_file(path) if reviewer_dir.is_dir() else None
            if data is None:
                continue
            try:
                records = {
                    int(d["index"]): Annotation.from_dict(d) for d in data.get("annotations", {}).values()
                }
                orphans = [
                    Orphan.from_dict(d) for _, d in sorted(data.get("orphans", {}).items(), key=_doc_order)
                ]
            except (KeyError, TypeError, ValueError) as exc:
                raise CorruptFileError(path, f"malformed record: {exc!r}") from None
            if not records and not orphans:
                continue
            result = carry_over(old, new, pairs, records, orphans, new_id)
            _write_tag_file(reviewer_dir / f"{new_id}.json", result)
            names = [r.reviewer for r in records.values()] + [o.annotation.reviewer for o in orphans]
            carried.append(CarriedTags(names[0], result.moved, len(result.orphans)))
        return tuple(carried)

    def _follow_versions(self, renamed: dict[str, str]) -> None:
        """Point each reviewer's resume state at the new versions of the articles it names."""
        folder = self.root / "reviewers"
        if not renamed or not folder.is_dir():
            return
        for path in sorted(folder.glob("*/session.json")):
            state = _read_state(path)
            moved = ReviewerState(
                renamed.get(state.last_article, state.last_article) if state.last_article else None,
                list(dict.fromkeys(renamed.get(a, a) for a in state.recent)),
            )
            if moved != state:
                _write_state(path, moved)

    def set_outlet(self, article_id: str, outlet: str | None) -> ArticleInfo:
        """Change a current article's outlet (blank: none); hold the lock. Returns the new record.

        The article file is rewritten first and the index last; the index is the
        one that counts (``load_article`` takes the outlet from it).
        """
        if article_id not in self:
            raise StoreError(f"no current article {article_id!r} in {self.root}")
        outlet = " ".join((outlet or "").split()) or None
        path = self.article_path(article_id)
        data = read_json_file(path)
        if data is None:
            raise CorruptFileError(path, "file missing")
        try:
            data["article"]["1"]["outlet"] = outlet
        except KeyError as exc:
            raise CorruptFileError(path, f"malformed record: {exc!r}") from None
        write_atomically(path, _json_bytes(data))
        db = self._index_db()
        db.table("articles").update({"outlet": outlet}, doc_ids=[self._catalog_now().doc_ids[article_id]])
        try:
            db.commit()
        finally:
            self._catalog = None
        return self.info(article_id)

    def article_path(self, article_id: str) -> Path:
        return self.root / "articles" / f"{article_id}.json"

    def _write_article(self, article: Article, sentences: list[Sentence]) -> None:
        data = {
            "article": {"1": {**asdict(article), "segmenter": SEGMENTER}},
            "sentences": {str(s.index + 1): s.to_dict() for s in sentences},
        }
        write_atomically(self.article_path(article.id), _json_bytes(data))

    def load_article(self, article_id: str) -> tuple[Article, list[Sentence]]:
        """An article's text and its stored sentences (as segmented at import)."""
        path = self.article_path(article_id)
        db = TinyDB(path, storage=DurableJSONStorage)
        try:
            doc = db.table("article").get(doc_id=1)
            if doc is None:
                raise CorruptFileError(path, "no article record")
            article = Article.from_dict(doc)
            sentences = sorted(
                (Sentence.from_dict(d) for d in db.table("sentences").all()), key=lambda s: s.index
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptFileError(path, f"malformed record: {exc!r}") from None
        finally:
            db.close()
        if any(article.text[s.start : s.end] != s.text for s in sentences):
            raise CorruptFileError(path, "sentence offsets do not match the article text")
        current = self._catalog_now().current.get(article_id)
        if current is not None and current.outlet != article.outlet:
            article = replace(article, outlet=current.outlet)
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

    def orphans(self, reviewer: str, article_id: str) -> list[Orphan]:
        """One reviewer's annotations whose sentence is gone from this version of the article,
        each with the text of the sentence it was on, in the order they were orphaned."""
        path = self.reviewer_dir(reviewer) / f"{article_id}.json"
        table = (read_json_file(path) or {}).get("orphans", {})
        try:
            return [Orphan.from_dict(doc) for _, doc in sorted(table.items(), key=_doc_order)]
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptFileError(path, f"malformed record: {exc!r}") from None

    def tagged_count(self, reviewer: str, article_id: str) -> int:
        """Tagged sentences of one article for one reviewer, read from its tag file alone."""
        data = read_json_file(self.reviewer_dir(reviewer) / f"{article_id}.json") or {}
        return sum(1 for doc in data.get("annotations", {}).values() if doc.get("label") is not None)

    def reviewer_state(self, reviewer: str) -> ReviewerState:
        return _read_state(self.reviewer_dir(reviewer) / "session.json")

    def save_reviewer_state(self, reviewer: str, state: ReviewerState) -> None:
        _write_state(self.reviewer_dir(reviewer) / "session.json", state)


@dataclass(slots=True)
class _Catalog:
    """The index in memory: current articles (with their TinyDB doc ids) and old versions."""

    current: dict[str, ArticleInfo]
    doc_ids: dict[str, int]
    old: dict[str, ArticleInfo]

    def edited(self, batch: list[Article]) -> dict[str, ArticleInfo]:
        """New article id -> the current article it is a new version of (same URL or path).

        Only one-to-one matches count; a current article whose text is also in
        the batch is not replaced.
        """
        in_batch = {a.id for a in batch}
        by_url: dict[tuple[str, ...], list[ArticleInfo]] = {}
        by_path: dict[str, list[ArticleInfo]] = {}
        for info in self.current.values():
            if info.id in in_batch:
                continue
            if info.url:
                by_url.setdefault(_url_key(info.url), []).append(info)
            if info.path:
                by_path.setdefault(info.path, []).append(info)
        claims: dict[str, set[str]] = {}  # current id -> the batch's articles from its URL or path
        blocked: set[str] = set()  # articles that match several current ones
        for article in batch:
            if article.id in self.current:
                continue
            candidates = by_url.get(_url_key(article.url), []) if article.url else []
            candidates += by_path.get(article.path, []) if article.path else []
            matches = {c.id for c in candidates if _same_source(c, article)}
            if len(matches) > 1:
                blocked.add(article.id)
            for match in matches:
                claims.setdefault(match, set()).add(article.id)
        return {
            next(iter(ids)): self.current[old]
            for old, ids in claims.items()
            if len(ids) == 1 and not ids & blocked
        }


def _url_key(url: str) -> tuple[str, ...]:
    """A URL as compared between versions: scheme and host in lower case, no fragment or final slash."""
    parts = urlsplit(url.strip())
    return (parts.scheme.lower(), (parts.hostname or "").lower(), parts.path.rstrip("/"), parts.query)


def _same_url(info: ArticleInfo, article: Article) -> bool:
    return bool(info.url and article.url) and _url_key(info.url or "") == _url_key(article.url or "")


def _same_source(info: ArticleInfo, article: Article) -> bool:
    """Same URL when both have one; otherwise the same file path."""
    if info.url and article.url:
        return _same_url(info, article)
    return bool(info.path) and info.path == article.path


def _doc_order(item: tuple[str, Any]) -> int:
    return int(item[0])


def _json_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _write_tag_file(path: Path, carried: CarriedOver) -> None:
    """A new version's tag file: carried records, no undo history, the orphans."""
    data = {
        "annotations": {str(i + 1): record.to_dict() for i, record in carried.records.items()},
        "history": {},
        "orphans": {str(n): orphan.to_dict() for n, orphan in enumerate(carried.orphans, 1)},
    }
    write_atomically(path, _json_bytes(data))


def _read_state(path: Path) -> ReviewerState:
    doc = (read_json_file(path) or {}).get("session", {}).get("1", {})
    return ReviewerState(doc.get("last_article"), list(doc.get("recent", [])))


def _write_state(path: Path, state: ReviewerState) -> None:
    db = TinyDB(path, storage=DurableJSONStorage)
    db.table("session").upsert(
        Document({"last_article": state.last_article, "recent": state.recent[:RECENT_LIMIT]}, doc_id=1)
    )
