"""Time the suggester on 10,000 synthetic news sentences (target: <= 1 s).

Run: .venv/bin/python bench/bench_suggest.py [--sentences N] [--repeat R] [--dump FILE]

It times the suggester that is installed: compiled with mypyc by ``pip install .``, pure Python
after ``pip install -e .`` (see setup.py); the first line of output says which. ``--dump FILE``
writes every suggestion as JSON, so the two builds can be compared (``cmp`` of their dumps).

The articles are generated here from templates filled with random names, bodies, topics and
numbers, so that (as in real articles) no two sentences are alike and the bench needs no data.
The templates mix short lines (bylines, credits, promos) with long sentences: appositives,
quotations split by their speaker tag, block quotations, anonymous sourcing, documents.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import factcheck.suggest
from factcheck.models import Sentence
from factcheck.segment import segment
from factcheck.suggest import suggest_article

FIRST_NAMES = [
    "Maria",
    "Tom",
    "Amara",
    "Lars",
    "Priya",
    "Kenji",
    "Ana",
    "Omar",
    "Ines",
    "Pavel",
    "Grace",
    "Tariq",
    "Sofia",
    "Dmitri",
]
LAST_NAMES = [
    "Chen",
    "Reyes",
    "Okafor",
    "Nilsson",
    "Raman",
    "Sato",
    "Ruiz",
    "Haddad",
    "Novak",
    "Mensah",
    "Kowalski",
    "Ferreira",
]
ROLES = ["the finance minister", "a senior adviser", "the city's mayor", "the union's president"]
BODIES = [
    "the Interior Ministry",
    "Acme Corp.",
    "the city council",
    "the World Bank",
    "NATO",
    "the port authority",
]
OUTLETS = ["Reuters", "The New York Times", "the Associated Press", "Bloomberg", "CNN", "The Washington Post"]
TOPICS = [
    "budget",
    "ceasefire",
    "merger",
    "water plan",
    "tariff increase",
    "clinic closure",
    "rail link",
    "school levy",
    "port expansion",
    "housing bill",
    "fishing quota",
    "pension reform",
    "mining permit",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
LABELS = ["Green Deal", "Fair Share", "Open Door"]

TEMPLATES = [
    "{person} said on {day} that the {topic} would be approved before the end of the year, despite "
    "objections from {body}.",
    "“We are not going to accept the {topic} in its current form, and we have said so from the start,” "
    "{person}, {role}, told reporters on {day}.",
    "“The {topic} is dead,” {person} said. “Nobody in this building believes otherwise.”",
    "{body_cap} declined to comment on the {topic}, which has been delayed {n} times since {year}.",
    "Two officials familiar with the talks said the {topic} had stalled over the cost of compensation, "
    "speaking on condition of anonymity because they were not authorized to discuss it.",
    "According to {outlet}, the {topic} could cost more than ${n} million over the next {small} years, "
    "roughly double the figure presented to lawmakers in {year}.",
    "The vote on the {topic} is scheduled for {day}, and the outcome is expected to be close.",
    "A spokesperson for {body}, {person}, said the review of the {topic} was ongoing and that no "
    "decision had been made.",
    "Data released by {body} on {day} shows that prices rose {n} percent in {year}, the fastest pace "
    "in more than a decade.",
    "She added that the {topic} was “the most important decision this council will make in a decade.”",
    "Critics say the {topic} favours large companies over families, and several groups have threatened "
    "to sue if it passes.",
    "The minister is reportedly unhappy with the {topic} and has asked aides to draft an alternative.",
    "{person}, who once promised to scrap the {topic}, now says it is the only realistic option.",
    "What does the {topic} mean for you?",
    'The so-called "{label}" plan was first proposed in {year} by a group of backbench lawmakers.',
    "{outlet_cap} reported on {day} that {n} people had been evacuated from the coastal villages near "
    "the site of the {topic}, citing local officials.",
    "The report continued:",
    "Residents were told to leave their homes before dawn. Many had nowhere else to go.",
    "He then called for calm, saying that the {topic} would protect jobs in the region.",
]
SHORT_LINES = [
    "WATCH: What the {topic} means for renters",
    "By {person}",
    "{person}/Getty Images",
    "Why the {topic_title} Matters",
    "This article was originally published by {outlet}.",
]


def build_article(rng: random.Random, sentences: int) -> str:
    """An article of about ``sentences`` sentences: a headline, then paragraphs of one to three sentences."""
    parts = [f"Officials Weigh {rng.choice(TOPICS).title()} as Deadline Nears", ""]
    count = 1
    while count < sentences:
        if rng.random() < 0.07:
            paragraph = rng.choice(SHORT_LINES).format(**_slots(rng))
            count += 1
        else:
            size = min(rng.randint(1, 3), sentences - count)
            paragraph = " ".join(rng.choice(TEMPLATES).format(**_slots(rng)) for _ in range(size))
            count += size
        parts += [paragraph, ""]
    return "\n".join(parts)


def _slots(rng: random.Random) -> dict[str, str]:
    topic = f"{rng.choice(TOPICS)} No. {rng.randint(1, 99_999)}"  # every sentence differs, as in real text
    body, outlet = rng.choice(BODIES), rng.choice(OUTLETS)
    return {
        "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "role": rng.choice(ROLES),
        "body": body,
        "body_cap": body[:1].upper() + body[1:],
        "outlet": outlet,
        "outlet_cap": outlet[:1].upper() + outlet[1:],
        "topic": topic,
        "topic_title": topic.title(),
        "day": rng.choice(DAYS),
        "n": str(rng.randint(2, 900)),
        "small": str(rng.randint(2, 12)),
        "year": str(rng.randint(1995, 2024)),
        "label": rng.choice(LABELS),
    }


def machine_reference() -> float:
    """Seconds a plain 10-million-step Python loop takes here. Machines of one kind have been seen to
    differ several-fold in speed; readings from two machines compare only beside this figure."""
    started, total = time.perf_counter(), 0
    for step in range(10_000_000):
        total += step
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dump", type=Path, help="write every suggestion here as JSON")
    args = parser.parse_args()
    rng = random.Random(7)
    segmented: list[tuple[str, list[Sentence]]] = []
    total = 0
    while total < args.sentences:  # whole articles of about 50 sentences; the last one cut to size
        text = build_article(rng, 50)
        sentences = segment(text)[: args.sentences - total]
        segmented.append((text, sentences))
        total += len(sentences)
    compiled = Path(factcheck.suggest.__file__).suffix != ".py"
    print(f"suggester: {'compiled with mypyc' if compiled else 'pure Python'} ({factcheck.suggest.__file__})")
    words = sum(len(s.text.split()) for _, sentences in segmented for s in sentences)
    suggest_article(*segmented[0])  # load and compile the lexicons outside the timing
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for text, sentences in segmented:
            suggest_article(text, sentences)
        best = min(best, time.perf_counter() - started)
    print(
        f"{total} sentences ({words / total:.1f} words on average) in {len(segmented)} articles: "
        f"best of {args.repeat} runs {best:.3f} s ({total / best:,.0f} sentences/s)"
    )
    print(f"machine reference: a 10-million-step Python loop takes {machine_reference():.2f} s here")
    if args.dump:
        suggestions = [s.to_dict() for text, sentences in segmented for s in suggest_article(text, sentences)]
        args.dump.write_text(json.dumps(suggestions, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
