"""Benchmark the store: a tag's durable save, opening the review screen, memory.

Run: ``.venv/bin/python bench/bench_store.py [--quick]``

Builds synthetic workspaces of 100 and 10,000 articles (~31 sentences each)
under ``bench/.work/`` with the real store API, the reviewer already holding
tags on a share of the articles, then measures with the same reviewer:

- ``ReviewSession.tag`` on random sentences of many articles (each article
  opened first, untimed; its open is reported on its own row);
- a tag save in an article whose undo history is full;
- ``next_untagged`` from the end of an article (``n``) into the next one;
- a durable SQLite upsert (WAL, synchronous=FULL) into a table of ~300,000 rows,
  the reference;
- TinyDB's default single-file JSONStorage upsert, for contrast;
- in a child process (``open_review.py``): process start to the review screen
  showing its first sentence on the large workspace, the library screen, and
  the session's peak RSS.

Prints a Markdown table with the targets of issue 2.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

from factcheck.models import LABELS, Annotation, Article
from factcheck.session import Position, ReviewSession
from factcheck.store import HISTORY_LIMIT, Workspace, now_iso

HERE = Path(__file__).resolve().parent
REVIEWER = "bench"
#: Share of the articles on which the reviewer already has tags (so their tag files exist).
TAGGED_SHARE = 0.4
#: Articles added per ``add_articles`` call (one index write per batch).
BATCH = 1000
#: Saves per article opened in the save benchmark.
SAVES_PER_ARTICLE = 5
VOCABULARY = (
    "council officials said the plan would cost million dollars according to a report released "
    "by the ministry on Tuesday while police and court records showed that health workers at "
    "the port had been on strike since March over pay and water prices in the city"
)
WORDS = tuple(VOCABULARY.split())


@dataclass(frozen=True, slots=True)
class Config:
    sizes: tuple[int, int]
    saves: int
    sqlite_rows: int
    tinydb_docs: tuple[int, ...]
    open_runs: int


FULL = Config(sizes=(100, 10_000), saves=500, sqlite_rows=300_000, tinydb_docs=(1_000, 10_000), open_runs=3)
QUICK = Config(sizes=(100, 1_000), saves=100, sqlite_rows=30_000, tinydb_docs=(1_000,), open_runs=1)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def spread(values: list[float]) -> str:
    """p50 / p95 / max in milliseconds."""
    return f"{ms(percentile(values, 0.5))} / {ms(percentile(values, 0.95))} / {ms(max(values))} ms"


def timed(call: Callable[..., object], *args: object) -> float:
    """Seconds that ``call(*args)`` took."""
    started = time.perf_counter()
    call(*args)
    return time.perf_counter() - started


# -- building --------------------------------------------------------------------


def synthetic_article(rng: random.Random, number: int) -> Article:
    """A wire-style article: a title and 10 paragraphs of 3 sentences."""
    paragraphs = []
    for _ in range(10):
        sentences = []
        for _ in range(3):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
            sentences.append(" ".join(words).capitalize() + rng.choice([".", ".", ".", "?"]))
        paragraphs.append(" ".join(sentences))
    title = f"Synthetic report {number}: {' '.join(rng.choices(WORDS, k=5))}"
    text = "\n\n".join([title, *paragraphs]) + "\n"
    return Article.from_text(text, title, outlet="Bench Wire", path=f"bench/{number:05d}.txt")


def existing_tags(workspace: Workspace, article_id: str, rng: random.Random) -> dict[int, Annotation | None]:
    """Records for a random part of an article, as a reviewer would have left them."""
    _, sentences = workspace.load_article(article_id)
    stamp = now_iso()
    chosen = rng.sample(sentences, rng.randint(1, len(sentences)))
    return {
        s.index: Annotation(
            article_id=article_id,
            index=s.index,
            start=s.start,
            end=s.end,
            sentence_sha=s.sha,
            reviewer=REVIEWER,
            label=rng.choice(LABELS),
            source=rng.choice([None, "a spokesman", "the ministry"]),
            created=stamp,
            updated=stamp,
            seconds=round(rng.uniform(1, 20), 3),
        )
        for s in chosen
    }


def build_workspace(root: Path, articles: int, rng: random.Random) -> tuple[float, int]:
    """A fresh workspace of ``articles`` synthetic articles; build seconds and sentence count."""
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    workspace = Workspace.open(root, create=True)
    with workspace.lock():
        for first in range(0, articles, BATCH):
            last = min(first + BATCH, articles)
            workspace.add_articles(synthetic_article(rng, n) for n in range(first, last))
        infos = workspace.articles()
        for info in rng.sample(infos, round(TAGGED_SHARE * len(infos))):
            workspace.tags(REVIEWER, info.id).apply("bench", existing_tags(workspace, info.id, rng))
    return time.perf_counter() - started, sum(info.sentences for info in infos)


# -- measuring the store ------------------------------------------------------------


@dataclass(slots=True)
class StoreFigures:
    saves: list[float]
    opens: list[float]
    full_history: list[float]
    next_untagged: list[float]


def measure_store(root: Path, saves: int, rng: random.Random) -> StoreFigures:
    """Durable tag saves on random sentences of random articles, as a review session makes them."""
    workspace = Workspace.open(root)
    session = ReviewSession(workspace, REVIEWER)
    with workspace.lock():
        infos = workspace.articles()
        picked = [rng.choice(infos) for _ in range(saves // SAVES_PER_ARTICLE)]
        figures = StoreFigures([], [], [], [])
        for info in picked:
            figures.opens.append(timed(session.open, info.id))
            for _ in range(SAVES_PER_ARTICLE):
                position = Position(info.id, rng.randrange(info.sentences))
                label = rng.choice(LABELS)
                figures.saves.append(timed(session.tag, position, label))
        busy = rng.choice(infos)
        for step in range(HISTORY_LIMIT + saves // SAVES_PER_ARTICLE):
            position, label = Position(busy.id, step % busy.sentences), LABELS[step % len(LABELS)]
            seconds = timed(session.tag, position, label)
            if step >= HISTORY_LIMIT:
                figures.full_history.append(seconds)
        for info in rng.sample(infos, 5):
            end = Position(info.id, info.sentences - 1)
            figures.next_untagged.append(timed(session.next_untagged, end))
    return figures


def sqlite_reference(path: Path, rows: int, saves: int, rng: random.Random) -> list[float]:
    """A durable upsert (its own transaction) into a WAL-mode table of ``rows`` annotations."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute(
        "CREATE TABLE annotations (article TEXT, idx INTEGER, reviewer TEXT, label TEXT, source TEXT, "
        "note TEXT, flag INTEGER, updated TEXT, seconds REAL, PRIMARY KEY (article, idx, reviewer))"
    )
    upsert = (
        "INSERT INTO annotations VALUES (?, ?, ?, ?, NULL, NULL, 0, ?, 0) "
        "ON CONFLICT (article, idx, reviewer) DO UPDATE SET label = excluded.label, "
        "updated = excluded.updated"
    )
    articles = rows // 30
    con.execute("BEGIN")
    con.executemany(
        upsert, ((f"{a:016x}", i, REVIEWER, "quoted", now_iso()) for a in range(articles) for i in range(30))
    )
    con.execute("COMMIT")
    times = []
    for _ in range(saves):
        row = (f"{rng.randrange(articles):016x}", rng.randrange(30), REVIEWER, rng.choice(LABELS), now_iso())
        times.append(timed(con.execute, upsert, row))
    con.close()
    return times


def tinydb_contrast(path: Path, documents: int, saves: int, rng: random.Random) -> list[float]:
    """TinyDB's default storage: one file, read and rewritten whole on every upsert (not fsync'd)."""
    path.unlink(missing_ok=True)
    record = {"article_id": "0" * 16, "reviewer": REVIEWER, "label": "quoted", "source": None}
    with TinyDB(path) as db:
        table = db.table("annotations")
        table.insert_multiple({**record, "index": i, "updated": now_iso()} for i in range(documents))
        times = []
        for _ in range(saves):
            doc_id = rng.randint(1, documents)
            doc = Document({**record, "index": doc_id - 1, "label": rng.choice(LABELS)}, doc_id=doc_id)
            times.append(timed(table.upsert, doc))
    return times


# -- the review screen, in its own process ---------------------------------------------------


@dataclass(slots=True)
class OpenFigures:
    shown: float
    library: float
    peak_rss_mb: float


def open_review(root: Path) -> OpenFigures:
    """Process start to the first sentence on screen, then the library and the peak RSS."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "open_review.py"), str(root), REVIEWER],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    with child.stdout:
        if child.stdout.readline() != "shown\n":
            raise SystemExit(f"open_review.py failed (exit {child.wait()})")
        shown = time.perf_counter() - started
        report = json.loads(child.stdout.readline())
    if child.wait() != 0:
        raise SystemExit(f"open_review.py failed (exit {child.returncode})")
    return OpenFigures(shown, report["library_s"], report["peak_rss_mb"])


# -- report --------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def table_rows(
    config: Config,
    built: dict[int, tuple[float, int]],
    store: dict[int, StoreFigures],
    sqlite: list[float],
    tinydb: dict[int, list[float]],
    opens: list[OpenFigures],
) -> Iterator[str]:
    small, large = config.sizes
    yield "| Measure | Figure | Target | Met |"
    yield "|---|---|---|---|"
    for size in config.sizes:
        _, sentences = built[size]
        p95 = percentile(store[size].saves, 0.95)
        yield (
            f"| Tag save, {size:,} articles ({sentences:,} sentences): p50 / p95 / max "
            f"| {spread(store[size].saves)} | p95 ≤ 5 ms | {verdict(p95 <= 0.005)} |"
        )
    ratio = percentile(store[large].saves, 0.95) / percentile(store[small].saves, 0.95)
    met = verdict(ratio <= 1.5)
    yield f"| Tag save p95, {large:,} ÷ {small:,} articles | {ratio:.2f}× | ≤ 1.5× | {met} |"
    full = store[large].full_history
    yield (
        f"| Tag save, {large:,} articles, article's undo history full ({HISTORY_LIMIT} steps): "
        f"p50 / p95 / max | {spread(full)} | p95 ≤ 5 ms | {verdict(percentile(full, 0.95) <= 0.005)} |"
    )
    yield (
        f"| SQLite reference: durable upsert, WAL, synchronous=FULL, {config.sqlite_rows:,} rows: "
        f"p50 / p95 / max | {spread(sqlite)} | — | — |"
    )
    for documents, times in tinydb.items():
        yield (
            f"| TinyDB default JSONStorage upsert, {documents:,} documents in one file (no fsync): "
            f"p50 / p95 / max | {spread(times)} | — | — |"
        )
    for size in config.sizes:
        yield (
            f"| Open another article (load it, save where the reviewer is), {size:,} articles: "
            f"p50 / p95 / max | {spread(store[size].opens)} | — | — |"
        )
    for size in config.sizes:
        yield (
            f"| `n` at the end of an article, into the next one, {size:,} articles: "
            f"p50 / p95 / max | {spread(store[size].next_untagged)} | — | — |"
        )
    shown = statistics.median(o.shown for o in opens)
    slowest = max(o.shown for o in opens)
    yield (
        f"| Open the review screen, {large:,} articles: process start → first sentence shown "
        f"(median of {len(opens)}, max) | {shown:.2f} s, {slowest:.2f} s | ≤ 1 s | {verdict(slowest <= 1)} |"
    )
    library = max(o.library for o in opens)
    yield f"| Library screen (`l`), {large:,} articles: key to table filled | {library:.2f} s | — | — |"
    rss = max(o.peak_rss_mb for o in opens)
    yield (
        f"| Peak RSS of that review session (open, 3 tags, `n`, library) | {rss:.0f} MB | ≤ 200 MB "
        f"| {verdict(rss <= 200)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument(
        "--work", type=Path, default=HERE / ".work", help="where to build (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=2, help="seed for the synthetic data and the choices")
    args = parser.parse_args()
    config = QUICK if args.quick else FULL
    rng = random.Random(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)

    built: dict[int, tuple[float, int]] = {}
    store: dict[int, StoreFigures] = {}
    for size in config.sizes:
        root = args.work / f"ws-{size}"
        print(f"building {size:,} articles in {root} ...", file=sys.stderr, flush=True)
        built[size] = build_workspace(root, size, rng)
        print(f"  built in {built[size][0]:.1f} s; measuring saves ...", file=sys.stderr, flush=True)
        store[size] = measure_store(root, config.saves, rng)
    print("SQLite and TinyDB references ...", file=sys.stderr, flush=True)
    sqlite = sqlite_reference(args.work / "reference.sqlite", config.sqlite_rows, config.saves, rng)
    tinydb = {
        n: tinydb_contrast(args.work / f"tinydb-{n}.json", n, max(20, config.saves // (n // 100)), rng)
        for n in config.tinydb_docs
    }
    print("opening the review screen ...", file=sys.stderr, flush=True)
    opens = [open_review(args.work / f"ws-{config.sizes[1]}") for _ in range(config.open_runs)]

    print(
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; workspaces in {args.work}; "
        f"build: " + ", ".join(f"{size:,} articles {built[size][0]:.1f} s" for size in config.sizes)
    )
    print()
    print("\n".join(table_rows(config, built, store, sqlite, tinydb, opens)))


if __name__ == "__main__":
    main()
