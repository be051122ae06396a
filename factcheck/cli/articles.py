"""Commands that bring articles in and list them: import, list."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import click

from factcheck.cli.base import fail, main, reviewer_option, warn, workspace_option
from factcheck.ingest import STDIN, IngestError, Source, is_url, load_sources
from factcheck.store import ImportResult, Workspace
from factcheck.textsafe import one_line


class SourceType(click.ParamType):
    """A command-line argument naming what to import: a path, ``-`` or an http(s) URL."""

    name = "source"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Source:
        if isinstance(value, Path):
            return value
        text = str(value)
        return text if text == STDIN or is_url(text) else Path(text)


SOURCE = SourceType()


def import_and_report(
    workspace: Workspace, sources: Sequence[Source], *, stdin: BinaryIO | None = None
) -> tuple[list[ImportResult], bool]:
    """Import what can be imported (an edited article as a new version), print one line per
    article and per bad file; return the results and whether every source went in."""
    articles = []
    skipped = 0
    for loaded in load_sources(sources, stdin=stdin, exclude=[workspace.root]):
        if isinstance(loaded, IngestError):
            click.echo(f"factcheck: skipped {one_line(str(loaded))}", err=True)
            skipped += 1
            continue
        for message in loaded.warnings:
            warn(message)
        articles.extend(loaded.articles)
    results = workspace.add_articles(articles, replace_edited=True)
    for result in results:
        click.echo(describe(result))
    updated = [r for r in results if r.replaced is not None]
    if updated:
        click.echo(
            "A new version keeps the annotations of sentences it still has; the others are kept "
            "as orphans of the new version. Undo history does not carry over to a new version."
        )
    if len(results) + skipped > 1:
        added = sum(r.added and r.replaced is None for r in results)
        click.echo(
            f"{added} added, {len(updated)} updated, {len(results) - added - len(updated)} already in "
            f"workspace, {skipped} source(s) skipped"
        )
    return results, skipped == 0


def describe(result: ImportResult) -> str:
    """One line for one imported article."""
    info = result.info
    head = f"{info.id}  {one_line(info.title, 60)}  ({info.sentences} sentences"
    if result.replaced is not None:
        per_reviewer = "; ".join(
            f"{one_line(c.reviewer, 30)}: {c.moved} moved, {c.orphaned} orphaned" for c in result.carried
        )
        return (
            f"updated: {head}, replaces {result.replaced.id}): {result.moved} annotation(s) moved, "
            f"{result.orphaned} orphaned" + (f" ({per_reviewer})" if len(result.carried) > 1 else "")
        )
    if result.added:
        return f"added: {head})"
    if info.replaced_by is not None:
        return f"already in workspace as an old version: {head}, replaced by {info.replaced_by})"
    return f"already in workspace: {head})"


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=SOURCE)
@workspace_option
def import_command(sources: tuple[Source, ...], db: Path) -> None:
    """Add articles to the workspace without opening the UI.

    SOURCES are files (.txt, .md, .html, .htm, .json, .jsonl), folders (searched
    recursively), - for standard input, or http(s) URLs of web pages. Importing an
    edited article again (same URL or file) replaces it with a new version and
    carries the annotations over. Exit status 1 if any source could not be imported.
    """
    workspace = Workspace.open(db, create=True)
    with workspace.lock():
        _, all_ok = import_and_report(workspace, list(sources), stdin=sys.stdin.buffer)
    if not all_ok:
        raise SystemExit(1)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@workspace_option
@reviewer_option
def list_command(as_json: bool, db: Path, reviewer: str) -> None:
    """Show the workspace's articles and the reviewer's progress on each."""
    if not db.is_dir():
        if as_json:
            click.echo("[]")
            return
        fail(f"{db}: no workspace here (run `factcheck import` or `factcheck review` first)")
    workspace = Workspace.open(db)
    counts = workspace.tagged_counts(reviewer)
    rows = [
        {
            "id": info.id,
            "title": info.title,
            "outlet": info.outlet,
            "url": info.url,
            "path": info.path,
            "date": info.date,
            "previous": info.previous,
            "sentences": info.sentences,
            "tagged": counts.get(info.id, 0),
            "reviewer": reviewer,
        }
        for info in workspace.articles()
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"No articles in {db}. Add some with `factcheck import PATH`.")
        return
    click.echo(f"{'id':16}  {'tagged':>9}  {'done':>4}  title")
    for row in rows:
        done = 100 * row["tagged"] // row["sentences"] if row["sentences"] else 100
        progress = f"{row['tagged']:>4}/{row['sentences']:<4}"
        click.echo(f"{row['id']:16}  {progress}  {done:>3}%  {one_line(row['title'], 70)}")
