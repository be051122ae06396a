"""Import speed through the real command line: plain text, HTML pages, re-imports.

Run: ``.venv/bin/python bench/bench_import.py [--articles N]``

Writes under ``bench/.work/import/``: N plain-text articles (~30 sentences
each, with quotations and attributions) and N HTML pages made from the
templates in ``bench/pages/`` (each with its own headline and canonical URL,
so that every page is a new article). Each figure is the wall time of one
``factcheck import FOLDER`` process into a fresh workspace, as a user runs it
(Python start-up included), or, for the re-imports, into that workspace again:

- the same plain-text folder again (everything already in the workspace);
- the folder after one sentence of every article was edited, with a reviewer
  holding ten annotations on each article (every article becomes a new
  version; the annotations move, or are orphaned if their sentence changed).

Prints a Markdown table with the targets of issue 5.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import time
from html import escape as html_escape
from pathlib import Path

from factcheck.models import Annotation
from factcheck.store import Workspace, now_iso

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work" / "import"
PAGES = HERE / "pages"
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]
REVIEWER = "bench"
ANNOTATED_PER_ARTICLE = 10
#: Seconds allowed for 1,000 articles (issue 5), scaled to the number imported.
TARGETS = {"txt": 10.0, "html": 60.0}

SUBJECTS = ["The council", "Police", "The health board", "Residents", "The company", "Engineers", "The mayor"]
VERBS = ["approved", "rejected", "delayed", "announced", "questioned", "funded", "reviewed"]
OBJECTS = ["the bridge repairs", "a new bus route", "the budget", "the housing plan", "the water tariff"]
TAILS = ["on Tuesday", "after a long debate", "for the third time this year", "despite objections", ""]


def sentence(rng: random.Random, n: int) -> str:
    kind = rng.random()
    base = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}".strip()
    if kind < 0.2:
        return f'"We will look at item {n} again," {rng.choice(["a spokesperson", "Mayor Ann Lee"])} said.'
    if kind < 0.4:
        return f"{base}, according to {rng.choice(['a report', 'court records', 'officials'])} (item {n})."
    return f"{base} (item {n})."


def plain_article(rng: random.Random, number: int) -> str:
    title = f"Bench article {number}: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    paragraphs = [" ".join(sentence(rng, number * 100 + p * 10 + s) for s in range(5)) for p in range(6)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def make_inputs(count: int) -> tuple[Path, Path]:
    """N plain-text articles and N HTML pages (rebuilt when N changes)."""
    txt, html = WORK / "txt", WORK / "html"
    stamp = WORK / "inputs.json"
    if stamp.exists() and json.loads(stamp.read_text()) == {"count": count}:
        return txt, html
    shutil.rmtree(WORK, ignore_errors=True)
    txt.mkdir(parents=True)
    html.mkdir(parents=True)
    rng = random.Random(5)
    for number in range(count):
        (txt / f"{number:05d}.txt").write_text(plain_article(rng, number), encoding="utf-8")
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    templates = [
        (page.read_text(encoding="utf-8"), expected[page.stem]) for page in sorted(PAGES.glob("*.html"))
    ]
    for number in range(count):
        page, meta = templates[number % len(templates)]
        for title in {meta["title"], html_escape(meta["title"])}:
            page = page.replace(title, f"{title} ({number})")
        if meta["url"]:
            page = page.replace(meta["url"], f"{meta['url'].rstrip('/')}-{number}")
        (html / f"{number:05d}.html").write_text(page, encoding="utf-8")
    stamp.write_text(json.dumps({"count": count}))
    return txt, html


def timed_import(folder: Path, workspace: Path) -> tuple[float, str]:
    """Wall time of one `factcheck import` process, and its last line of output."""
    start = time.perf_counter()
    done = subprocess.run(
        [*FACTCHECK, "import", str(folder), "--db", str(workspace)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"import of {folder} failed: {done.stderr[-2000:]}")
    return elapsed, done.stdout.strip().rsplit("\n", 1)[-1]


def annotate(workspace_root: Path) -> None:
    """Give the reviewer ten tags on every article (one durable write per article)."""
    workspace = Workspace.open(workspace_root)
    with workspace.lock():
        for info in workspace.articles():
            _, sentences = workspace.load_article(info.id)
            stamp = now_iso()
            records: dict[int, Annotation | None] = {
                s.index: Annotation(
                    article_id=info.id,
                    index=s.index,
                    start=s.start,
                    end=s.end,
                    sentence_sha=s.sha,
                    reviewer=REVIEWER,
                    label="sourced",
                    created=stamp,
                    updated=stamp,
                )
                for s in sentences[1 : 1 + ANNOTATED_PER_ARTICLE]
            }
            workspace.tags(REVIEWER, info.id).apply("bench", records)


def edit_folder(folder: Path) -> None:
    """Reword one sentence of every article in the folder, in place."""
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"item (\d+)", r"item \1, corrected", text, count=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    txt, html = make_inputs(args.articles)

    def target(kind: str) -> str:
        return f"≤ {TARGETS[kind] * args.articles / 1000:g} s"

    rows: list[tuple[str, str, str]] = []

    ws_txt = WORK / "ws-txt"
    shutil.rmtree(ws_txt, ignore_errors=True)
    live = WORK / "txt-live"  # the re-import edits these files in place: same paths, new text
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(txt, live)
    txt = live
    seconds, summary = timed_import(txt, ws_txt)
    rows.append(
        (f"import {args.articles:,} plain-text articles", f"{seconds:.1f} s ({summary})", target("txt"))
    )

    ws_html = WORK / "ws-html"
    shutil.rmtree(ws_html, ignore_errors=True)
    seconds, summary = timed_import(html, ws_html)
    rows.append((f"import {args.articles:,} HTML pages", f"{seconds:.1f} s ({summary})", target("html")))

    seconds, summary = timed_import(txt, ws_txt)
    rows.append(
        (f"import the {args.articles:,} plain-text articles again", f"{seconds:.1f} s ({summary})", "—")
    )

    annotate(ws_txt)
    edit_folder(txt)
    start = time.perf_counter()
    done = subprocess.run(
        [*FACTCHECK, "import", str(txt), "--db", str(ws_txt)], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"re-import failed: {done.stderr[-2000:]}")
    updates = [line for line in done.stdout.splitlines() if line.startswith("updated: ")]
    moved = sum(int(m) for m in re.findall(r"\): (\d+) annotation\(s\) moved", done.stdout))
    orphaned = sum(int(m) for m in re.findall(r"moved, (\d+) orphaned", done.stdout))
    rows.append(
        (
            f"re-import {args.articles:,} edited articles, {ANNOTATED_PER_ARTICLE} annotations each",
            f"{seconds:.1f} s ({len(updates)} new versions, {moved} moved, {orphaned} orphaned)",
            "—",
        )
    )

    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs\n")
    print("| measure | figure | target |")
    print("|---|---|---|")
    for measure, figure, target in rows:
        print(f"| {measure} | {figure} | {target} |")


if __name__ == "__main__":
    main()
