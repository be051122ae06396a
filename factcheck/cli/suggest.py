"""Commands for the suggester: suggest (tags for articles), evaluate (against gold files) and
calibrate (measure its confidences on a newsroom's own gold files)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from factcheck.cli.articles import SOURCE
from factcheck.cli.base import fail, lexicons_option, main, warn
from factcheck.evaluate import GoldArticle, evaluate_articles, format_report, load_gold, write_confidences
from factcheck.ingest import IngestError, Source, load_sources
from factcheck.models import Article
from factcheck.segment import segment
from factcheck.suggest import check_lexicon_dir, suggest_article
from factcheck.textsafe import one_line


def suggested_article(article: Article, lexicon_dir: Path | None = None) -> dict[str, Any]:
    """One article's suggestions in the documented JSON shape (offsets into the article text)."""
    sentences = segment(article.text)
    suggestions = suggest_article(article.text, sentences, lexicon_dir=lexicon_dir)
    rows = []
    for sentence, suggestion in zip(sentences, suggestions, strict=True):
        rows.append(
            {
                "index": sentence.index,
                "start": sentence.start,
                "end": sentence.end,
                "text": sentence.text,
                "label": suggestion.label,
                "confidence": suggestion.confidence,
                "source": suggestion.source,
                "reason": suggestion.reason,
                "cues": [
                    {"start": c.start, "end": c.end, "text": c.text, "kind": c.kind} for c in suggestion.cues
                ],
            }
        )
    return {"id": article.id, "title": article.title, "sentences": rows}


@main.command("suggest")
@click.argument("sources", nargs=-1, required=True, type=SOURCE)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (one object, or a list for several articles)."
)
@lexicons_option
def suggest_command(sources: tuple[Source, ...], as_json: bool, lexicon_dir: Path | None) -> None:
    """Suggest a sourcing tag for every sentence of the given articles (files, folders, - or URLs;
    no workspace needed)."""
    articles: list[Article] = []
    failed = False
    for loaded in load_sources(sources, stdin=sys.stdin.buffer):
        if isinstance(loaded, IngestError):
            click.echo(f"factcheck: skipped {one_line(str(loaded))}", err=True)
            failed = True
        else:
            articles.extend(loaded.articles)
    if not articles:
        if failed:  # each bad source has had its line on stderr already
            raise SystemExit(1)
        fail("no article could be read")
    results = [suggested_article(article, lexicon_dir) for article in articles]
    if as_json:
        click.echo(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))
    else:
        for result in results:
            click.echo(f"\n{one_line(result['title'], 100)}")
            click.echo(f"{'#':>4}  {'label':<17} {'conf':>4}  {'source':<24} sentence")
            for row in result["sentences"]:
                source = one_line(row["source"] or "", 24)
                click.echo(
                    f"{row['index']:>4}  {row['label']:<17} {row['confidence']:>4.2f}  {source:<24} "
                    f"{one_line(row['text'], 60)}"
                )
    if failed:
        raise SystemExit(1)


def _gold_option(func: Any) -> Any:
    func = click.option(
        "--articles",
        "article_dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder holding the articles the gold files name (default: ../articles beside them).",
    )(func)
    return click.argument(
        "gold", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False)
    )(func)


def _load_gold_files(gold: tuple[Path, ...], article_dir: Path | None) -> list[GoldArticle]:
    """The gold files and their articles; the first that cannot be used ends the command."""
    articles: list[GoldArticle] = []
    for path in gold:
        try:
            articles.append(load_gold(path, article_dir=article_dir))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reason = (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
            )
            fail(f"{path}: not a usable gold file ({reason})")
    return articles


@main.command("evaluate")
@_gold_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@lexicons_option
def evaluate_command(
    gold: tuple[Path, ...], article_dir: Path | None, as_json: bool, lexicon_dir: Path | None
) -> None:
    """Score the suggester against gold files: accuracy, per-label P/R/F1, confusion, coverage at 98%."""
    result = evaluate_articles(_load_gold_files(gold, article_dir), lexicon_dir)
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else format_report(result))


FEW_UNITS = 2000  # below this, a calibration and a model measure little (the packaged: 25,200 units)


@main.command("calibrate")
@_gold_option
@click.option(
    "--lexicons",
    "lexicon_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The newsroom's lexicon folder (created if need be): its word lists are read, and the "
    "calibration and confidence model are written into it.",
)
def calibrate_command(gold: tuple[Path, ...], article_dir: Path | None, lexicon_dir: Path) -> None:
    """Measure how often each reading of the suggester is right on your gold files, and train the
    confidence model on them, into a lexicon folder that `review`, `suggest` and `evaluate` then
    use with --lexicons."""
    articles = _load_gold_files(gold, article_dir)
    if lexicon_dir.is_dir():
        check_lexicon_dir(lexicon_dir)  # its word lists shape the readings measured here
    units = evaluate_articles(articles, lexicon_dir if lexicon_dir.is_dir() else None).units
    if not units:
        fail("no gold unit lines up with a sentence of its article; nothing to measure")
    if len(units) < FEW_UNITS:
        warn(f"{len(units)} units is few to measure on; the packaged confidences were measured on 25,200")
    measured_on = f"{len(units)} units of {len(articles)} gold files"
    for path in write_confidences(list(units), measured_on, lexicon_dir):
        click.echo(f"wrote {path} ({measured_on})")
