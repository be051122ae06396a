"""Build and keep the real-page evaluation set without redistributing the pages.

The pages are other projects' test fixtures (see README.md here). What is kept in this folder is
only our labels: offsets into the text ``factcheck import`` extracts from each page, with label,
"also", source and the annotator's reason, never the article text. To score the suggester the
articles are rebuilt from the pages and the labels are turned back into gold files::

    python bench/realset/realset.py extract PAGES... --out WORK/articles
    python bench/realset/realset.py template WORK/articles/NAME.txt WORK/labelled/NAME.labelled.json
    python bench/realset/realset.py gold WORK/labelled/*.labelled.json --out WORK/gold
    python bench/realset/realset.py keep WORK/labelled/*.labelled.json --out bench/realset/labels/ROUND
    python bench/realset/realset.py restore bench/realset/labels/ROUND/*.json \
        --articles WORK/articles --out WORK/gold
    factcheck evaluate WORK/gold/*.gold.json

The suggester's confidences are measured on these rounds (``factcheck/calibration.py``) and its
confidence model is trained on them (``factcheck/confidence.py``), both written into the lexicon
folder: after a change to the rules, measure and train again, and score both on rounds they did
not see::

    python bench/realset/realset.py calibrate WORK/F/gold WORK/G/gold ... --out factcheck/lexicons
    python bench/realset/realset.py heldout WORK/F/gold WORK/G/gold ...

The issue's keyword baseline scores 79% on the articles the targets are measured on; ``baseline``
scores it on the rounds and the suggester on the pages where it does about as well::

    python bench/realset/realset.py baseline WORK/F/gold WORK/G/gold ...
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from factcheck.calibration import Calibration
from factcheck.evaluate import (
    ScoredUnit,
    evaluate_articles,
    evaluate_files,
    load_gold,
    measure_units,
    recalibrated,
    score_units,
    train_units,
    write_confidences,
)
from factcheck.ingest import IngestError, articles_from_html, read_file
from factcheck.models import CLAIM_LABELS, LABELS
from factcheck.segment import segment
from factcheck.session import DEFAULT_ACCEPT_THRESHOLD

STARTS_WITH = 100


def _write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def extract(pages: list[Path], out: Path) -> None:
    """Write each page's text as ``factcheck import`` stores it (title, blank line, paragraphs).

    An HTML page goes through the article extractor; any other file (plain text) is read the way
    ``factcheck import`` reads a file of its kind.
    """
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        try:
            if page.suffix.lower() in (".html", ".htm"):
                html = page.read_text(encoding="utf-8", errors="replace")
                articles = articles_from_html(page.name, html, str(page))
            else:
                articles = read_file(page).articles
        except IngestError as error:
            print(f"{page}: {error}", file=sys.stderr)
            continue
        (out / f"{page.stem}.txt").write_text(articles[0].text, encoding="utf-8")


def template(article: Path, out: Path) -> None:
    """Write a file with one entry per sentence to fill in, keeping entries already filled."""
    text = article.read_text(encoding="utf-8")
    done: dict[int, dict] = {}
    if out.exists():
        done = {entry["offset"]: entry for entry in json.loads(out.read_text(encoding="utf-8"))["sentences"]}
    entries = []
    for sentence in segment(text):
        entry = {
            "offset": sentence.start,
            "text": text[sentence.start : sentence.end],
            "label": "",
            "also": [],
            "source": None,
            "why": "",
        }
        entries.append({**entry, **done.get(sentence.start, {})})
    _write_json(out, {"article": article.name, "sentences": entries})


def _entries(path: Path) -> tuple[str, list[dict]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = data["sentences"]
    for entry in entries:
        if entry["label"] not in LABELS:
            raise SystemExit(f"{path}: offset {entry['offset']}: label {entry['label']!r} is not a label")
    return data["article"], entries


def _write_gold(article: str, entries: list[dict], text: str, out: Path) -> None:
    units = []
    for entry in entries:
        units.append(
            {
                "starts_with": text[entry["offset"] :][:STARTS_WITH].split("\n")[0],
                "offset": entry["offset"],
                "label": entry["label"],
                "also": entry.get("also") or [],
                "source": entry.get("source"),
            }
        )
    payload = {"article": article, "labels": list(CLAIM_LABELS), "sentences": units}
    _write_json(out / f"{Path(article).stem}.gold.json", payload)


def gold(labelled: list[Path], out: Path) -> None:
    """Turn filled label files (with text) into gold files for ``factcheck evaluate``."""
    for path in labelled:
        article, entries = _entries(path)
        text = (path.parent.parent / "articles" / article).read_text(encoding="utf-8")
        _write_gold(article, entries, text, out)


def keep(labelled: list[Path], out: Path) -> None:
    """Write the labels of filled label files without any article text (what this folder keeps)."""
    for path in labelled:
        article, entries = _entries(path)
        kept = [{key: value for key, value in entry.items() if key != "text"} for entry in entries]
        _write_json(out / f"{Path(article).stem}.labels.json", {"article": article, "sentences": kept})


def restore(labels: list[Path], articles: Path, out: Path) -> None:
    """Rebuild gold files from kept labels and re-extracted articles."""
    for path in labels:
        article, entries = _entries(path)
        _write_gold(article, entries, (articles / article).read_text(encoding="utf-8"), out)


def _scored_rounds(folders: list[Path]) -> dict[str, list[ScoredUnit]]:
    """Each round's gold files (a folder ``ROUND/gold`` or ``ROUND``) scored by the suggester."""
    scored = {}
    for folder in folders:
        name = folder.parent.name if folder.name == "gold" else folder.name
        scored[name] = list(evaluate_files(sorted(folder.glob("*.gold.json"))).units)
    return scored


def calibrate(folders: list[Path], out: Path) -> None:
    """Measure how often each reading of the suggester is right on the rounds and train the
    confidence model on them, into the lexicon folder ``out``."""
    scored = _scored_rounds(folders)
    units = [unit for units in scored.values() for unit in units]
    measured_on = f"rounds {', '.join(scored)} of bench/realset: {len(units)} units"
    written = write_confidences(units, measured_on, out)
    print(f"{' and '.join(map(str, written))}: {measured_on}")


def heldout(folders: list[Path]) -> None:
    """Score the confidences on each round with them measured on the other rounds only."""
    scored = _scored_rounds(folders)
    rule_only, held_out = [], []
    for name, units in scored.items():
        others = [unit for other, its in scored.items() if other != name for unit in its]
        before = recalibrated(units, Calibration())
        after = recalibrated(units, measure_units(others, ""), train_units(others, ""))
        rule_only += before
        held_out += after
        print(f"round {name}: {_figures(before)}  ->  {_figures(after)}")
    print(f"all {len(held_out)} units: {_figures(rule_only)}  ->  {_figures(held_out)}")


def _figures(units: list[ScoredUnit]) -> str:
    """Coverage at 98% precision and what bulk accept takes at the default threshold."""
    accepted = [unit for unit in units if unit.confidence >= DEFAULT_ACCEPT_THRESHOLD]
    right = sum(unit.correct for unit in accepted)
    coverage = score_units(units).coverage
    return f"coverage {coverage:5.1%}, bulk accept {right}/{len(accepted)} ({len(accepted) / len(units):.0%})"


_QUOTE_MARK = re.compile(r"[\"“”]")
_SAID = re.compile(r"\b(?:said|says|according to)\b", re.IGNORECASE)
_OFFICIALS = re.compile(r"\b(?:officials?|sources?)\b", re.IGNORECASE)
HIDDEN_SET_BASELINE = 0.79  # the keyword baseline's accuracy on the articles of the targets


def keyword_baseline(sentence: str) -> str:
    """The issue's keyword baseline: quote marks -> quoted; said / according to -> sourced;
    officials / sources -> anonymous-sourced; else unattributed (it never says skip)."""
    if _QUOTE_MARK.search(sentence):
        return "quoted"
    if _SAID.search(sentence):
        return "sourced"
    return "anonymous-sourced" if _OFFICIALS.search(sentence) else "unattributed"


@dataclass(frozen=True)
class _Page:
    round: str
    baseline_right: int
    units: list[ScoredUnit]  # scored with the confidences measured on the other rounds


def baseline(folders: list[Path]) -> None:
    """Score the keyword baseline on every page, then the suggester on the pages on which the
    baseline does best, taken until together they score what it scores on the targets' articles."""
    pages: list[_Page] = []
    for folder in folders:
        name = folder.parent.name if folder.name == "gold" else folder.name
        for path in sorted(folder.glob("*.gold.json")):
            article = load_gold(path)
            text_at = {sentence.start: sentence.text for sentence in segment(article.text)}
            units = list(evaluate_articles([article]).units)
            right = sum(keyword_baseline(text_at[unit.offset]) == unit.gold for unit in units)
            pages.append(_Page(name, right, units))
    rounds = {page.round for page in pages}
    for name in sorted(rounds):
        others = [unit for page in pages if page.round != name for unit in page.units]
        calibration, model = measure_units(others, ""), train_units(others, "")
        for page in pages:
            if page.round == name:
                page.units[:] = recalibrated(page.units, calibration, model)
    _baseline_row("all pages", pages)
    pages.sort(key=lambda page: page.baseline_right / len(page.units) if page.units else 0, reverse=True)
    taken: list[_Page] = []
    for page in pages:
        taken.append(page)
        if _baseline_accuracy(taken) < HIDDEN_SET_BASELINE:
            taken.pop()
            break
    if not taken:
        print(f"no page on which the keyword baseline scores {HIDDEN_SET_BASELINE:.0%}")
        return
    cutoff = taken[-1].baseline_right / len(taken[-1].units)
    _baseline_row(f"pages where the baseline scores >= {cutoff:.0%}", taken)
    _baseline_row("the other pages", pages[len(taken) :])


def _baseline_accuracy(pages: list[_Page]) -> float:
    return sum(page.baseline_right for page in pages) / max(1, sum(len(page.units) for page in pages))


def _baseline_row(title: str, pages: list[_Page]) -> None:
    units = [unit for page in pages for unit in page.units]
    result = score_units(units)
    anonymous = next(score for score in result.per_label if score.label == "anonymous-sourced")
    print(
        f"{title}: {len(pages)} pages, {len(units)} units; keyword baseline {_baseline_accuracy(pages):.1%}; "
        f"suggester {result.strict_accuracy:.1%}, anonymous-sourced F1 {anonymous.f1:.2f} "
        f"({anonymous.support} units), coverage at 98% {result.coverage:.1%} (held out)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("extract")
    command.add_argument("pages", nargs="+", type=Path)
    command.add_argument("--out", type=Path, required=True)
    command = commands.add_parser("template")
    command.add_argument("article", type=Path)
    command.add_argument("out", type=Path)
    for name in ("gold", "keep"):
        command = commands.add_parser(name)
        command.add_argument("labelled", nargs="+", type=Path)
        command.add_argument("--out", type=Path, required=True)
    for name in ("calibrate", "heldout", "baseline"):
        command = commands.add_parser(name)
        command.add_argument("rounds", nargs="+", type=Path, help="folders of gold files, one per round")
        if name == "calibrate":
            command.add_argument("--out", type=Path, required=True, help="the lexicon folder")
    command = commands.add_parser("restore")
    command.add_argument("labels", nargs="+", type=Path)
    command.add_argument("--articles", type=Path, required=True)
    command.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.pages, args.out)
    elif args.command == "template":
        template(args.article, args.out)
    elif args.command in ("gold", "keep"):
        (gold if args.command == "gold" else keep)(args.labelled, args.out)
    elif args.command == "calibrate":
        calibrate(args.rounds, args.out)
    elif args.command == "heldout":
        heldout(args.rounds)
    elif args.command == "baseline":
        baseline(args.rounds)
    else:
        restore(args.labels, args.articles, args.out)


if __name__ == "__main__":
    main()
