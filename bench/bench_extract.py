"""Extraction quality: factcheck's HTML pipeline against trafilatura alone, on news pages.

Run: ``.venv/bin/python bench/bench_extract.py``

``bench/pages/`` holds news pages made for this bench, in fifteen different
templates (WordPress, Arc-style div soup, Next.js, AMP, a wire service, an old
table layout, a live blog, BBC-, Guardian-, Substack-, Medium-like, local TV, a
magazine feature with a drop cap, a metered paywall, election results with a
table), each with the boilerplate real pages carry: navigation and mega-menus,
a cookie banner, ads inside the article, "read more" links, related stories,
comments, newsletter boxes, share bars, footers, inline CSS and scripts, Open
Graph / JSON-LD metadata and a canonical link. Beside each ``<page>.html`` is
``<page>.txt``, the article as published (headline, blank line, paragraphs);
``expected.json`` has its metadata.

For each page the script prints the token F1 of the body text (the headline
is left out on both sides, as trafilatura alone does not always include it):
factcheck's pipeline (``ingest.read_file``, the text that gets segmented) and
``trafilatura.extract`` with its defaults; and how many of title, author,
date, outlet and URL the pipeline got right.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from factcheck.ingest import read_file

PAGES = Path(__file__).resolve().parent / "pages"
#: The pipeline may not lose more than this against trafilatura alone (mean token F1).
TOLERANCE = 0.005
FIELDS = ("title", "author", "date", "outlet", "url")


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(predicted: str, reference: str) -> float:
    got, want = tokens(predicted), tokens(reference)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def without_title(text: str, title: str) -> str:
    """The text less a first line that is the headline."""
    first, _, rest = text.strip().partition("\n")
    return rest if " ".join(first.split()).casefold() == title.casefold() else text


def main() -> int:
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    rows = []
    for page in sorted(PAGES.glob("*.html")):
        meta = expected[page.stem]
        published = page.with_suffix(".txt").read_text(encoding="utf-8")
        body = without_title(published, meta["title"])
        (article,) = read_file(page).articles
        alone = trafilatura.extract(page.read_text(encoding="utf-8"), include_comments=False) or ""
        got = {
            "title": article.title,
            "author": article.author,
            "date": article.date,
            "outlet": article.outlet,
            "url": article.url,
        }
        right = [field for field in FIELDS if got[field] == meta[field]]
        wrong = ", ".join(f"{f}={got[f]!r}" for f in FIELDS if f not in right)
        rows.append(
            (
                page.stem,
                meta["template"],
                token_f1(without_title(article.text, article.title), body),
                token_f1(without_title(alone, meta["title"]), body),
                len(right),
                wrong,
            )
        )
    print("| page | template | F1 factcheck | F1 trafilatura alone | metadata right | wrong |")
    print("|---|---|---|---|---|---|")
    for name, template, ours, theirs, right, wrong in rows:
        print(f"| {name} | {template} | {ours:.3f} | {theirs:.3f} | {right}/{len(FIELDS)} | {wrong} |")
    ours_mean = statistics.mean(r[2] for r in rows)
    theirs_mean = statistics.mean(r[3] for r in rows)
    fields_right = sum(r[4] for r in rows)
    print(
        f"| **mean of {len(rows)}** | | **{ours_mean:.3f}** | **{theirs_mean:.3f}** "
        f"| {fields_right}/{len(FIELDS) * len(rows)} | |"
    )
    ok = ours_mean >= theirs_mean - TOLERANCE
    print(f"\ntarget: factcheck's mean F1 >= trafilatura's - {TOLERANCE}: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
