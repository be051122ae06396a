"""Commands that move annotations out of and into a workspace: export, import-annotations."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from factcheck.cli.base import main, workspace_option
from factcheck.cli.output import binary_stdout
from factcheck.corpus import Corpus, default_workers
from factcheck.export import FORMATS, native, write_export
from factcheck.merge import ON_CONFLICT, OnConflict, Source, apply_merge, plan_merge
from factcheck.store import Workspace
from factcheck.textsafe import one_line

#: Conflicts listed one per line before the rest are summed up.
CONFLICTS_SHOWN = 20


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to FILE (replaced only once complete) instead of stdout.",
)
@click.option("--article", "articles", multiple=True, metavar="ID", help="Only this article (repeatable).")
@click.option(
    "--reviewer",
    "reviewers",
    multiple=True,
    metavar="NAME",
    help="Only this reviewer's tags (repeatable; `adjudicated` for final labels). Default: everyone's.",
)
@workspace_option
def export_command(
    fmt: str, output: Path | None, articles: tuple[str, ...], reviewers: tuple[str, ...], db: Path
) -> None:
    """Write the workspace's articles and every reviewer's annotations (json to stdout by default)."""
    corpus = Corpus(Workspace.open(db), reviewers=reviewers or None, article_ids=articles or None)
    if output is None:
        out = binary_stdout()
        write_export(corpus, FORMATS[fmt], out, workers=default_workers())
        out.flush()
        return
    partial_file = output.with_name(f".{output.name}.partial")
    try:
        with partial_file.open("wb") as out:
            write_export(corpus, FORMATS[fmt], out, workers=default_workers())
        os.replace(partial_file, output)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial_file.unlink()


def on_conflict_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--on-conflict",
        type=click.Choice(ON_CONFLICT),
        default="refuse",
        show_default=True,
        help="When a reviewer's record on a sentence differs from the workspace's: refuse the whole "
        "merge, keep the workspace's record, or replace it (conflicts are listed in every case).",
    )(func)


def merge_and_report(db: Path, sources: Sequence[Source], on_conflict: OnConflict) -> None:
    """Plan and apply a merge under the workspace lock, listing conflicts; nothing written if refused."""
    workspace = Workspace.open(db, create=True)
    with workspace.lock():
        plan = plan_merge(workspace, sources)
        for conflict in plan.conflicts[:CONFLICTS_SHOWN]:
            click.echo(f"conflict: {one_line(conflict.describe())}", err=True)
        if len(plan.conflicts) > CONFLICTS_SHOWN:
            click.echo(f"conflict: … and {len(plan.conflicts) - CONFLICTS_SHOWN} more", err=True)
        written = apply_merge(workspace, plan, on_conflict)
    summary = (
        f"merged {written} annotation(s) and {len(plan.new_articles)} new article(s); "
        f"{plan.unchanged} already present"
    )
    if plan.orphans:
        summary += f"; {sum(map(len, plan.orphans.values()))} orphaned record(s) kept with them"
    if plan.conflicts:
        verb = "replaced by the incoming ones" if on_conflict == "replace" else "kept as they were"
        summary += f"; {len(plan.conflicts)} conflicting record(s) {verb}"
    click.echo(summary)


@main.command("import-annotations")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@on_conflict_option
@workspace_option
def import_annotations_command(file: Path, on_conflict: OnConflict, db: Path) -> None:
    """Read a native json export back into the workspace (articles and annotations).

    The file is validated completely before anything is written: a newer schema
    version, malformed JSON, or an article whose text differs from the workspace's
    is refused with one line naming the record, and the workspace is left unchanged.
    """
    source = Source(str(file), native.read(file))
    merge_and_report(db, [source], on_conflict)
