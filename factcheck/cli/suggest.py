"""Commands for the suggester: suggest (tags for articles) and evaluate (against gold files)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from factcheck.cli.articles import SOURCE
from factcheck.cli.base import fail, main
from factcheck.evaluate import GoldArticle, evaluate_articles, format_report, load_gold
from factcheck.ingest import IngestError, Source, load_sources
from factcheck.models import Article
from factcheck.segment import segment
from factcheck.suggest import suggest_article
from factcheck.textsafe import one_line


def suggested_article(article: Article) -> dict[str, Any]:
    """One article's suggestions in the documented JSON shape (offsets into the article text)."""
    sentences = segment(article.text)
    rows = []
    for sentence, suggestion in zip(sentences, suggest_article(article.text, sentences), strict=True):
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
def suggest_command(sources: tuple[Source, ...], as_json: bool) -> None:
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
    results = [suggested_article(article) for article in articles]
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


@main.command("evaluate")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--articles",
    "article_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder holding the articles the gold files name (default: ../articles beside them).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate_command(gold: tuple[Path, ...], article_dir: Path | None, as_json: bool) -> None:
    """Score the suggester against gold files: accuracy, per-label P/R/F1, confusion, coverage at 98%."""
    articles: list[GoldArticle] = []
    for path in gold:
        try:
            articles.append(load_gold(path, article_dir=article_dir))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reason = (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
            )
            fail(f"{path}: not a usable gold file ({reason})")
    result = evaluate_articles(articles)
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else format_report(result))
