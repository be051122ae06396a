"""A read-only view of a whole workspace, for exports, statistics and agreement.

It streams one article at a time with every chosen reviewer's records on it, so
memory stays flat however large the workspace is. Records are handed out as
stored (typed dicts, not objects): building 300,000 objects would cost more
than reading the files. Large workspaces are read by worker processes, one
chunk of articles each, with results returned in order (``map_chunks``).

The article and tag files are read here directly rather than through TinyDB,
and a tag file's undo history is not parsed: it is half the bytes and none of
what a whole-workspace reader needs.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, TypeVar

import orjson

from factcheck.models import Annotation, Article
from factcheck.reimport import Orphan
from factcheck.store import CorruptFileError, StoreError, Workspace

#: The reviewer name under which adjudicated (final) labels are stored.
ADJUDICATED = "adjudicated"
#: Articles per unit of work handed to a worker process.
CHUNK_ARTICLES = 250
#: Below this many articles, starting worker processes costs more than it saves.
PARALLEL_MIN_ARTICLES = 2000
#: Chunks in flight per worker, which bounds the results waiting to be consumed.
CHUNKS_AHEAD = 2

_SESSION_FILE = "session.json"
#: In a tag file the history table follows the annotations table; a quote
#: character right after a comma cannot occur inside a JSON string.
_HISTORY_KEY = b',"history":'
#: The orphans table comes last, when a tag file has one; a file that ends as a history entry
#: does (its list of changes, the entry, the table, the file) has none, and is not searched.
_ORPHANS_KEY = b',"orphans":'
_HISTORY_END = b"]}}}"

T = TypeVar("T")


class SentenceRecord(TypedDict):
    """A sentence as stored: ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


class AnnotationRecord(TypedDict):
    """One reviewer's record on one sentence, as stored (the fields of ``Annotation``)."""

    article_id: str
    index: int
    start: int
    end: int
    sentence_sha: str
    reviewer: str
    label: str | None
    source: str | None
    note: str | None
    flag: bool
    created: str
    updated: str
    seconds: float
    suggested: str | None
    suggested_confidence: float | None
    accepted: bool | None


ANNOTATION_FIELDS: frozenset[str] = frozenset(Annotation.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """An article, its sentences, and each reviewer's records on them (by sentence index)."""

    article: Article
    sentences: list[SentenceRecord]
    records: dict[str, dict[int, AnnotationRecord]]
    #: Reviewer -> their records whose sentence an edit of the article removed (reviewers with none absent).
    orphans: dict[str, list[Orphan]] = field(default_factory=dict)

    def labels(self, index: int) -> dict[str, str]:
        """Each reviewer's label on one sentence (reviewers who left it untagged are absent)."""
        out: dict[str, str] = {}
        for reviewer, records in self.records.items():
            record = records.get(index)
            if record is not None and record["label"] is not None:
                out[reviewer] = record["label"]
        return out


@dataclass(frozen=True, slots=True)
class ReviewerFolder:
    """Where one reviewer's tag files are, and which articles they cover."""

    name: str
    path: Path
    article_ids: frozenset[str]


def _read_bytes(path: str | Path) -> bytes | None:
    """A file's bytes, None when it does not exist (os.read: cheaper than open() per file)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorruptFileError(Path(path), exc.strerror or str(exc)) from None
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _loads(path: str | Path, data: bytes) -> object:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        reason = "empty file" if not data.strip() else f"invalid JSON: {exc}"
        raise CorruptFileError(Path(path), reason) from None


def read_tag_records(path: str | Path) -> dict[int, AnnotationRecord]:
    """The annotation records in one tag file, by sentence index (its undo history is skipped)."""
    data = _read_bytes(path)
    return {} if data is None else _annotation_records(path, data)


def read_tag_file(path: str | Path) -> tuple[dict[int, AnnotationRecord], list[Orphan]]:
    """The annotation records in one tag file, and its orphans: the records whose sentence an
    edit of the article removed (in the order they were orphaned)."""
    data = _read_bytes(path)
    if data is None:
        return {}, []
    return _annotation_records(path, data), _orphans(path, data)


def _orphans(path: str | Path, data: bytes) -> list[Orphan]:
    """The orphans table of a tag file, which follows its history table when there is one."""
    if data.endswith(_HISTORY_END):  # the history table comes last: there is no orphans table
        return []
    cut = data.rfind(_ORPHANS_KEY)
    if cut < 0 and not data.startswith(_ORPHANS_KEY[1:], 1):
        return []
    try:
        tail = orjson.loads(b"{" + data[cut + 1 :])["orphans"] if cut > 0 else None
    except (orjson.JSONDecodeError, KeyError, TypeError):
        tail = None
    table = _table(path, data, "orphans", tail)
    try:
        return [Orphan.from_dict(doc) for _, doc in sorted(table.items(), key=lambda item: int(item[0]))]
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptFileError(Path(path), f"malformed orphan: {exc!r}") from None


def _annotation_records(path: str | Path, data: bytes) -> dict[int, AnnotationRecord]:
    head_table = None
    cut = data.rfind(_HISTORY_KEY)
    if cut > 0:
        try:
            head = orjson.loads(data[:cut] + b"}")
        except orjson.JSONDecodeError:
            head = None
        if isinstance(head, dict) and len(head) == 1:
            head_table = head.get("annotations")
    table = _table(path, data, "annotations", head_table)
    try:
        return {doc["index"]: _complete(doc) for doc in table.values()}
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptFileError(Path(path), f"malformed record: {exc!r}") from None


def _table(path: str | Path, data: bytes, name: str, quick: object) -> dict:
    """A table of a tag file: ``quick``, read from part of the file, or else from the whole file."""
    table = quick
    if table is None:
        whole = _loads(path, data)
        table = whole.get(name, {}) if isinstance(whole, dict) else None
    if not isinstance(table, dict):
        raise CorruptFileError(Path(path), "not a TinyDB database")
    return table


def _complete(doc: dict) -> AnnotationRecord:
    """A stored record with exactly the current fields (older or newer records are normalised)."""
    if doc.keys() == ANNOTATION_FIELDS:
        return doc  # type: ignore[return-value]
    return Annotation.from_dict(doc).to_dict()  # type: ignore[return-value]


def read_article_file(path: str | Path) -> tuple[Article, list[SentenceRecord]]:
    """An article's text and its stored sentences, checked against the text."""
    data = _read_bytes(path)
    if data is None:
        raise CorruptFileError(Path(path), "file missing")
    doc = _loads(path, data)
    try:
        fields = doc["article"]["1"]  # type: ignore[index]
        article = Article.from_dict(fields)
        sentences: list[SentenceRecord] = sorted(doc["sentences"].values(), key=lambda s: s["index"])  # type: ignore[index]
        text = article.text
        if any(text[s["start"] : s["end"]] != s["text"] for s in sentences):
            raise CorruptFileError(Path(path), "sentence offsets do not match the article text")
    except (KeyError, TypeError, AttributeError) as exc:
        raise CorruptFileError(Path(path), f"malformed record: {exc!r}") from None
    return article, sentences


def reviewer_folders(workspace: Workspace) -> dict[str, ReviewerFolder]:
    """Every reviewer with at least one record, by the name stored in their records, sorted."""
    root = workspace.root / "reviewers"
    if not root.is_dir():
        return {}
    folders: dict[str, ReviewerFolder] = {}
    for entry in os.scandir(root):
        if not entry.is_dir():
            continue
        ids = sorted(
            name[: -len(".json")]
            for name in os.listdir(entry.path)
            if name.endswith(".json") and name != _SESSION_FILE and not name.startswith(".")
        )
        name = _reviewer_name(Path(entry.path), ids)
        if name is not None:
            folders[name] = ReviewerFolder(name, Path(entry.path), frozenset(ids))
    return dict(sorted(folders.items()))


def labels_of_others(workspace: Workspace, article_id: str, reviewer: str) -> dict[int, dict[str, str]]:
    """Every other reviewer's labels on one article: sentence index -> {reviewer: label}."""
    own = workspace.reviewer_dir(reviewer)
    labels: dict[int, dict[str, str]] = {}
    for path in sorted((workspace.root / "reviewers").glob(f"*/{article_id}.json")):
        if path.parent == own:
            continue
        for index, record in read_tag_records(path).items():
            if record["label"] is not None:
                labels.setdefault(index, {})[record["reviewer"]] = record["label"]
    return labels


def label_counts(workspace: Workspace, reviewer: str) -> dict[str, Counter[str]]:
    """One reviewer's labels counted per article (article id -> label -> count)."""
    counts: dict[str, Counter[str]] = {}
    for path in workspace.reviewer_dir(reviewer).glob("*.json"):
        if path.name != _SESSION_FILE and not path.name.startswith("."):
            records = read_tag_records(path).values()
            counts[path.stem] = Counter(r["label"] for r in records if r["label"] is not None)
    return counts


def _reviewer_name(folder: Path, article_ids: list[str]) -> str | None:
    """The display name in the first record found in the folder; None if it holds no record."""
    for article_id in article_ids:
        for record in read_tag_records(folder / f"{article_id}.json").values():
            return record["reviewer"]
    return None


def default_workers() -> int:
    """Worker processes for a large read: the CPUs this process may use, at most four."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


@dataclass(frozen=True, slots=True)
class _Reader:
    """What a worker process needs to read articles: picklable, no open files.

    Paths are plain strings: building pathlib objects for every file costs more than reading it.
    """

    articles_dir: str
    folders: tuple[tuple[str, str, frozenset[str]], ...]  # (reviewer, folder, article ids with a file)

    @classmethod
    def of(cls, workspace: Workspace, folders: Iterable[ReviewerFolder]) -> _Reader:
        return cls(
            os.fspath(workspace.root / "articles"),
            tuple((folder.name, os.fspath(folder.path), folder.article_ids) for folder in folders),
        )

    def read(self, article_id: str) -> CorpusArticle:
        article, sentences = read_article_file(f"{self.articles_dir}/{article_id}.json")
        records: dict[str, dict[int, AnnotationRecord]] = {}
        orphans: dict[str, list[Orphan]] = {}
        for name, folder, ids in self.folders:
            path = f"{folder}/{article_id}.json"
            records[name], found = read_tag_file(path) if article_id in ids else ({}, [])
            if found:
                orphans[name] = found
        return CorpusArticle(article, sentences, records, orphans)


_worker_reader: _Reader | None = None


def _start_worker(reader: _Reader) -> None:
    global _worker_reader
    _worker_reader = reader


def _run_chunk(func: Callable[[Iterator[CorpusArticle]], T], article_ids: list[str]) -> T:
    assert _worker_reader is not None
    reader = _worker_reader
    try:
        return func(reader.read(article_id) for article_id in article_ids)
    except StoreError as exc:
        raise StoreError(str(exc)) from None  # subclasses with other signatures do not unpickle


class Corpus:
    """Articles of a workspace with the chosen reviewers' records, in import order."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        reviewers: Iterable[str] | None = None,
        article_ids: Iterable[str] | None = None,
    ) -> None:
        self.workspace = workspace
        folders = reviewer_folders(workspace)
        if reviewers is None:
            self.reviewers = list(folders)
        else:
            self.reviewers = list(dict.fromkeys(reviewers))
            for name in self.reviewers:
                if name not in folders:
                    known = ", ".join(folders) or "none"
                    raise StoreError(f"no tags by reviewer {name!r} in {workspace.root} (reviewers: {known})")
        infos = workspace.articles()
        if article_ids is not None:
            wanted = set(article_ids)
            for article_id in wanted:
                workspace.info(article_id)  # raises StoreError naming an unknown id
            infos = [info for info in infos if info.id in wanted]
        self.article_ids = [info.id for info in infos]
        self._reader = _Reader.of(workspace, (folders[name] for name in self.reviewers))

    def __len__(self) -> int:
        return len(self.article_ids)

    def __iter__(self) -> Iterator[CorpusArticle]:
        return (self._reader.read(article_id) for article_id in self.article_ids)

    def read(self, article_id: str) -> CorpusArticle:
        """One article with the chosen reviewers' records."""
        return self._reader.read(article_id)

    def map_chunks(self, func: Callable[[Iterator[CorpusArticle]], T], *, workers: int = 1) -> Iterator[T]:
        """``func`` applied to consecutive chunks of articles, results in order.

        With ``workers`` > 1 and a large corpus the chunks are read in worker
        processes (``func`` must then be picklable: a module-level function or a
        ``functools.partial`` of one); otherwise everything runs here, in one chunk.
        """
        if workers <= 1 or len(self.article_ids) < PARALLEL_MIN_ARTICLES:
            yield func(iter(self))
            return
        chunks = [
            self.article_ids[start : start + CHUNK_ARTICLES]
            for start in range(0, len(self.article_ids), CHUNK_ARTICLES)
        ]
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(self._reader,)) as pool:
            pending: deque[Future[T]] = deque()
            for chunk in chunks:
                pending.append(pool.submit(_run_chunk, func, chunk))
                if len(pending) >= workers * CHUNKS_AHEAD:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
