"""Commands that bring articles in and list them: import, list."""

from __future__ import annotations

import json
from pathlib import Path

import click

from factcheck.cli.base import fail, main, reviewer_option, warn, workspace_option
from factcheck.ingest import IngestError, load_paths
from factcheck.store import ImportResult, Workspace
from factcheck.textsafe import one_line


def import_and_report(workspace: Workspace, paths: list[Path]) -> tuple[list[ImportResult], bool]:
    """Import what can be imported, print one line per file; return results and whether all went in."""
    articles = []
    all_ok = True
    for loaded in load_paths(paths):
        if isinstance(loaded, IngestError):
            click.echo(f"factcheck: skipped {one_line(str(loaded))}", err=True)
            all_ok = False
            continue
        for message in loaded.warnings:
            warn(message)
        articles.extend(loaded.articles)
    results = workspace.add_articles(articles)
    for result in results:
        verb = "added" if result.added else "already in workspace"
        info = result.info
        click.echo(f"{verb}: {info.id}  {one_line(info.title, 60)}  ({info.sentences} sentences)")
    return results, all_ok


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@workspace_option
def import_command(paths: tuple[Path, ...], db: Path) -> None:
    """Add article files or folders to the workspace without opening the UI."""
    workspace = Workspace.open(db, create=True)
    with workspace.lock():
        _, all_ok = import_and_report(workspace, list(paths))
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
