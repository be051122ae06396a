"""Compare sentence segmenters on a synthetic news corpus with known boundaries.

Prints boundary F1 and throughput for sentencex (what factcheck uses) and, when
they are installed, pysbd and syntok. Run: .venv/bin/python bench/bench_segment.py
(pip install pysbd syntok to compare against them).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import sentencex

from factcheck.segment import segment

PEOPLE = [
    "William J. Burns",
    "Pres. Joe Biden",
    "Dr. Amara Osei",
    "Gov. Ann Lee",
    "Sen. R. T. Malone",
    "Ms. Kay",
]
ORGS = [
    "the U.S. Treasury",
    "the C.I.A.",
    "Acme Corp.",
    "the U.N. Security Council",
    "N.A.S.A.",
    "the F.B.I.",
]
DATES = ["on Nov. 2", "on Jan. 14", "in Sept. 2021", "at 9 a.m. Tuesday", "on Feb. 3, 2022", "by Dec. 31"]
CLAIMS = [
    "approved a $4.5 billion plan",
    "said the talks had stalled",
    "met officials from the U.S. and the E.U.",
    "denied the report",
    "raised rates by 0.25 percentage points",
    "called for calm in the region",
]
QUOTES = [
    "We will not back down. This is about the law.",
    "It is too early to say.",
    "Nobody expected this. Nobody.",
    "The numbers speak for themselves.",
]


def sentence(rng: random.Random) -> list[str]:
    """One or two gold units (a quotation over two sentences stays one unit)."""
    kind = rng.random()
    who = rng.choice(PEOPLE + ORGS)
    if kind < 0.25:
        return [f'"{rng.choice(QUOTES)}" {who} said {rng.choice(DATES)}.']
    if kind < 0.4:
        return [f"According to {rng.choice(ORGS)}, {who} {rng.choice(CLAIMS)} {rng.choice(DATES)}."]
    if kind < 0.5:
        return [f"Did {who} know?"]
    return [f"{who[0].upper()}{who[1:]} {rng.choice(CLAIMS)} {rng.choice(DATES)}."]


def corpus(size: int, seed: int = 7) -> tuple[str, set[int]]:
    """Text made of paragraphs of sentences, and the set of gold end offsets."""
    rng = random.Random(seed)
    parts: list[str] = []
    ends: set[int] = set()
    length = 0
    count = 0
    while count < size:
        paragraph = [s for _ in range(rng.randint(1, 4)) for s in sentence(rng)]
        for number, unit in enumerate(paragraph):
            if number:
                parts.append(" ")
                length += 1
            parts.append(unit)
            length += len(unit)
            ends.add(length)
            count += 1
        parts.append("\n\n")
        length += 2
    return "".join(parts), ends


def ends_of(text: str, pieces: list[str]) -> set[int]:
    """End offsets (whitespace trimmed) of segments found in order in ``text``."""
    ends = set()
    position = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        start = text.find(stripped, position)
        if start < 0:
            continue
        position = start + len(stripped)
        ends.add(position)
    return ends


def segmenters() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {
        "factcheck.segment (+ a.m., Ms. fixes)": lambda t: [s.text for s in segment("T\n\n" + t)[1:]],
        "sentencex alone": lambda t: list(sentencex.segment("en", t)),
    }
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = seg.segment
    except ImportError:
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        def syntok_split(text: str) -> list[str]:
            return [
                "".join(t.spacing + t.value for t in s).strip()
                for p in syntok_segmenter.process(text)
                for s in p
            ]

        found["syntok"] = syntok_split
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=14000)
    args = parser.parse_args()
    text, gold = corpus(args.sentences)
    megabytes = len(text.encode()) / 1e6
    print(f"corpus: {len(gold)} gold units, {megabytes:.2f} MB\n")
    print("| segmenter | precision | recall | F1 | MB/s |")
    print("|---|---|---|---|---|")
    for name, split in segmenters().items():
        paragraphs = text.split("\n\n")
        started = time.perf_counter()
        pieces = [piece for paragraph in paragraphs for piece in split(paragraph)]
        seconds = time.perf_counter() - started
        found = ends_of(text, pieces)
        hits = len(found & gold)
        precision = hits / len(found) if found else 0.0
        recall = hits / len(gold)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {megabytes / seconds:.2f} |")


if __name__ == "__main__":
    main()
