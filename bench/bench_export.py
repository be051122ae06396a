"""Time `factcheck export` (json) and `factcheck stats` on a large workspace.

Builds, once, a workspace of 10,000 articles and 300,000 annotations under
bench/.work/ (reused on later runs), then runs each command in a fresh process
and prints wall time and peak memory against the targets as a Markdown table.

    .venv/bin/python bench/bench_export.py [--rebuild]

The workspace is built through the public store API: ``add_articles`` for the
articles, and one ``ArticleTags.apply`` per reviewer and article (a bulk step,
as when a reviewer accepts every suggestion), so the tag files hold an undo
history as large as a sentence-by-sentence review would leave.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 10_000
SENTENCES_PER_ARTICLE = 20
#: alice tags every sentence, bob every sentence of half the articles: 300,000 records.
FULL_REVIEWER, HALF_REVIEWER = "alice", "bob"
TARGET_SECONDS = 2.0
TARGET_MB = 500
RUNS = 3

WORK = Path(__file__).resolve().parent / ".work"
WORKSPACE = WORK / "workspace"
READY = WORK / "ready.json"

OUTLETS = ["Riverton Ledger", "The Daily Wire", "Harbor Times", "Valley News", "Metro Post"]
NAMED = [
    "The New York Times",
    "Reuters",
    "Mayor Glen Harper",
    "Rosa Delgado",
    "the state transportation department",
]
ANONYMOUS = ["officials", "two council staff members", "a person familiar with the talks"]
SENTENCES = {
    "quoted": '"We cannot keep waiting on item {n}," {source} said after the meeting.',
    "anonymous-sourced": "The plan for item {n} will be split between two firms, {source} said.",
    "sourced": "The bridge on route {n} carries about 31,000 vehicles a day, according to {source}.",
    "unattributed": "Engineers closed one lane of bridge {n} after inspectors found corrosion.",
    "skip": "Photo: bridge {n} at dusk.",
}


def build(seed: int = 7) -> None:
    """Create the benchmark workspace from scratch."""
    from factcheck.models import LABELS, Annotation, Article
    from factcheck.store import Workspace, now_iso

    rng = random.Random(seed)
    shutil.rmtree(WORK, ignore_errors=True)
    workspace = Workspace.open(WORKSPACE, create=True)
    started = time.perf_counter()
    with workspace.lock():
        plans: list[tuple[str, list[tuple[str, str | None]]]] = []
        batch: list[Article] = []
        for number in range(ARTICLES):
            plan = [
                (label := rng.choice(LABELS), _source(rng, label)) for _ in range(SENTENCES_PER_ARTICLE - 1)
            ]
            body = "\n\n".join(SENTENCES[label].format(n=number, source=source) for label, source in plan)
            text = f"Bridge report number {number}\n\n{body}\n"
            article = Article.from_text(text, f"Bridge report number {number}", outlet=rng.choice(OUTLETS))
            plans.append((article.id, [("skip", None), *plan]))
            batch.append(article)
            if len(batch) == 500:
                workspace.add_articles(batch)
                batch = []
        workspace.add_articles(batch)
        stamp = now_iso()
        for number, (article_id, plan) in enumerate(plans):
            _, sentences = workspace.load_article(article_id)
            reviewers = [FULL_REVIEWER] + ([HALF_REVIEWER] if number % 2 == 0 else [])
            for reviewer in reviewers:
                records: dict[int, Annotation | None] = {}
                for sentence, (label, source) in zip(sentences, plan, strict=True):
                    if reviewer == HALF_REVIEWER and rng.random() < 0.2:
                        label = rng.choice(LABELS)
                    records[sentence.index] = Annotation(
                        article_id=article_id,
                        index=sentence.index,
                        start=sentence.start,
                        end=sentence.end,
                        sentence_sha=sentence.sha,
                        reviewer=reviewer,
                        label=label,
                        source=source,
                        created=stamp,
                        updated=stamp,
                        seconds=round(rng.uniform(1, 20), 3),
                        suggested=label,
                        suggested_confidence=0.8,
                        accepted=True,
                    )
                workspace.tags(reviewer, article_id).apply("accept all suggestions", records)
    READY.write_text(json.dumps({"articles": ARTICLES, "seed": seed}))
    print(f"built {WORKSPACE} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _source(rng: random.Random, label: str) -> str | None:
    if label in ("quoted", "sourced"):
        return rng.choice(NAMED)
    if label == "anonymous-sourced":
        return rng.choice(ANONYMOUS)
    return None


def measure(args: list[str]) -> tuple[float, float]:
    """Run one factcheck command in a fresh process: its wall time (s) and peak memory (MB).

    Memory is the process's peak RSS plus, for each worker process it may start,
    the largest worker's peak: an upper bound (forked workers share pages).
    """
    probe = (
        "import resource, sys\n"
        "from factcheck.cli import main\n"
        "from factcheck.corpus import default_workers\n"
        "main(sys.argv[1:], standalone_mode=False)\n"
        "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(own + default_workers() * worker, file=sys.stderr)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True
    )
    seconds = time.perf_counter() - started
    peak_kb = int(done.stderr.decode().strip().splitlines()[-1])
    return seconds, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="build the workspace again")
    options = parser.parse_args()
    if options.rebuild or not READY.exists():
        build()
    output = WORK / "export.json"
    runs = {
        "export --format json": ["export", "--db", str(WORKSPACE), "-o", str(output)],
        "stats --by outlet": ["stats", "--db", str(WORKSPACE), "--by", "outlet"],
        "stats --by article --format json": [
            "stats",
            "--db",
            str(WORKSPACE),
            "--by",
            "article",
            "--format",
            "json",
        ],
    }
    print(f"{ARTICLES:,} articles, {ARTICLES * SENTENCES_PER_ARTICLE * 3 // 2:,} annotations, 2 reviewers")
    print(f"each command run {RUNS} times; time: median (slowest) wall time of a fresh process;")
    print(
        "memory: peak RSS of the process plus, per worker it may start, the largest worker's (upper bound)\n"
    )
    print(
        f"| command | time (s), target <= {TARGET_SECONDS:g} "
        f"| peak memory (MB), target <= {TARGET_MB} | within |"
    )
    print("|---|---:|---:|---|")
    for name, args in runs.items():
        results = [measure(args) for _ in range(RUNS)]
        seconds = sorted(s for s, _ in results)
        megabytes = max(m for _, m in results)
        within = statistics.median(seconds) <= TARGET_SECONDS and megabytes <= TARGET_MB
        print(
            f"| `factcheck {name}` | {statistics.median(seconds):.2f} ({seconds[-1]:.2f}) "
            f"| {megabytes:.0f} | {'yes' if within else 'NO'} |"
        )
    print(f"\nexport file: {output.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
