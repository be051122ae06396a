"""Commands for several reviewers: agreement, merge."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.agreement import AgreementReport, compute_agreement, default_reviewers
from factcheck.cli.base import main, workspace_option
from factcheck.cli.export import merge_and_report, on_conflict_option
from factcheck.cli.output import decimal, echo_json, percent, render_table
from factcheck.corpus import Corpus, default_workers, reviewer_folders
from factcheck.merge import OnConflict, open_source
from factcheck.models import LABELS
from factcheck.store import Workspace
from factcheck.textsafe import one_line

#: Disagreeing sentences listed in the table (json lists them all).
DISAGREEMENTS_SHOWN = 30


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [name.strip() for name in value.split(",") if name.strip()]


@main.command("agreement")
@click.option(
    "--reviewers",
    metavar="A,B,...",
    help="Compare these reviewers (comma-separated). Default: everyone but `adjudicated`.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@workspace_option
def agreement_command(reviewers: str | None, fmt: str, db: Path) -> None:
    """How far reviewers agree: percent agreement and Cohen's kappa per pair, Krippendorff's alpha,
    per label, confusion matrices, and the sentences they disagree on."""
    workspace = Workspace.open(db)
    chosen = _names(reviewers) or default_reviewers(reviewer_folders(workspace))
    report = compute_agreement(Corpus(workspace, reviewers=chosen), workers=default_workers())
    if fmt == "json":
        echo_json(report.to_dict())
    else:
        click.echo(render_report(report))


def render_report(report: AgreementReport) -> str:
    """Agreement as terminal tables."""
    lines = [
        f"Reviewers: {one_line(', '.join(report.reviewers))}",
        f"Sentences tagged by at least two of them: {report.sentences}",
        f"Krippendorff's alpha (nominal, five choices): {decimal(report.alpha)}",
        "",
        render_table(
            ["pair", "both tagged", "agreement", "Cohen's kappa"],
            [
                [
                    f"{pair.first} / {pair.second}",
                    pair.sentences,
                    percent(pair.agreement),
                    decimal(pair.kappa),
                ]
                for pair in report.pairs
            ],
            right=[1, 2, 3],
        ),
        "",
        "Per label (that label against the rest):",
        render_table(
            ["label", "alpha", *(f"kappa {pair.first}/{pair.second}" for pair in report.pairs)],
            [
                [
                    label,
                    decimal(report.label_alpha(label)),
                    *(decimal(pair.label_kappa(label)) for pair in report.pairs),
                ]
                for label in LABELS
            ],
            right=range(1, 2 + len(report.pairs)),
        ),
    ]
    for pair in report.pairs:
        lines += [
            "",
            f"Confusion: {pair.first} (rows) by {pair.second} (columns)",
            render_table(
                ["", *LABELS],
                [[label, *(pair.confusion[(label, other)] for other in LABELS)] for label in LABELS],
                right=range(1, 1 + len(LABELS)),
            ),
        ]
    lines += ["", f"Disagreements: {len(report.disagreements)}"]
    if report.disagreements:
        shown = report.disagreements[:DISAGREEMENTS_SHOWN]
        lines.append(
            render_table(
                ["article", "#", *report.reviewers, "sentence"],
                [
                    [
                        d.article_id[:8],
                        d.index,
                        *(d.labels.get(name, "") for name in report.reviewers),
                        one_line(d.text, 70),
                    ]
                    for d in shown
                ],
                right=[1],
            )
        )
        if len(report.disagreements) > len(shown):
            lines.append(f"… {len(report.disagreements) - len(shown)} more (--format json lists them all)")
    return "\n".join(lines)


@main.command("merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@on_conflict_option
@workspace_option
def merge_command(sources: tuple[Path, ...], on_conflict: OnConflict, db: Path) -> None:
    """Bring in other reviewers' annotations from workspace folders or native json exports.

    Articles must match (same id, same text); records identical to the workspace's are
    skipped, and conflicting ones are listed and never overwritten silently. Nothing is
    written unless the whole merge can be made.
    """
    merge_and_report(db, [open_source(path) for path in sources], on_conflict)
