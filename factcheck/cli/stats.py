"""The stats command: sourcing statistics per article, outlet or reviewer."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import click

from factcheck.cli.base import main, workspace_option
from factcheck.cli.output import decimal, echo_json, percent, render_table
from factcheck.corpus import Corpus, default_workers
from factcheck.models import CLAIM_LABELS, LABELS, SKIP
from factcheck.stats import GROUP_BY, TOTAL_KEY, GroupBy, GroupStats, StatsReport, compute_stats
from factcheck.store import Workspace
from factcheck.textsafe import one_line

#: Citation edges shown in the table (json and csv have them all).
CITATIONS_SHOWN = 20
SHORT_LABELS = {
    "quoted": "quoted",
    "anonymous-sourced": "anon",
    "sourced": "sourced",
    "unattributed": "unattr",
}


@main.command("stats")
@click.option("--by", type=click.Choice(GROUP_BY), default="article", show_default=True, help="Group by.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--reviewer",
    "reviewers",
    multiple=True,
    metavar="NAME",
    help="Count only this reviewer's tags (repeatable; `adjudicated` for final labels). Default: everyone's.",
)
@workspace_option
def stats_command(by: GroupBy, fmt: str, reviewers: tuple[str, ...], db: Path) -> None:
    """Sourcing statistics: label counts and shares of claims, quotes per article, named sources,
    articles with anonymous sourcing, and which sources each outlet cites."""
    corpus = Corpus(Workspace.open(db), reviewers=reviewers or None)
    report = compute_stats(corpus, by, workers=default_workers())
    if fmt == "json":
        echo_json(report.to_dict())
    elif fmt == "csv":
        _write_csv(report)
    else:
        click.echo(render_report(report))


def _csv_row(group: GroupStats) -> list[Any]:
    data = group.to_dict()
    return [
        data["key"],
        data["name"],
        data["articles"],
        data["tagged"],
        data["claims"],
        *(data["counts"][label] for label in LABELS),
        *(data["shares"][label] for label in CLAIM_LABELS),
        data["quotes_per_article"],
        data["named_sources"],
        data["anonymous_article_share"],
        "; ".join(f"{s['source']} ({s['sentences']})" for s in data["top_sources"]),
    ]


def _write_csv(report: StatsReport) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(
        [
            report.by,
            "name",
            "articles",
            "tagged",
            "claims",
            *(f"count_{label}" for label in LABELS),
            *(f"share_{label}" for label in CLAIM_LABELS),
            "quotes_per_article",
            "named_sources",
            "anonymous_article_share",
            "top_sources",
        ]
    )
    writer.writerows(_csv_row(group) for group in [*report.groups, report.total])


def render_report(report: StatsReport) -> str:
    """The statistics as terminal tables: one row per group, the total, then citation edges."""
    who = ", ".join(report.reviewers) or "nobody"
    if not report.total.tagged:
        return f"No tags yet (reviewers: {one_line(who)})."
    headers = [
        report.by,
        "articles",
        "claims",
        *(SHORT_LABELS[label] for label in CLAIM_LABELS),
        SKIP,
        "quotes/art",
        "anon arts",
        "named",
        "top sources",
    ]
    rows = [_table_row(group, report.by == "article") for group in [*report.groups, report.total]]
    lines = [
        f"Tags by {one_line(who)}; shares are of claims (skip left out).",
        "",
        render_table(headers, rows, right=range(1, len(headers) - 1)),
    ]
    if report.citations:
        shown = report.citations[:CITATIONS_SHOWN]
        lines += [
            "",
            "Citations (outlet -> named source it attributes claims to; * the source is an outlet here):",
            render_table(
                ["outlet", "source", "sentences"],
                [[c.outlet, c.source + (" *" if c.source_is_outlet else ""), c.sentences] for c in shown],
                right=[2],
            ),
        ]
        if len(report.citations) > len(shown):
            lines.append(f"… {len(report.citations) - len(shown)} more (--format json lists them all)")
    return "\n".join(lines)


def _table_row(group: GroupStats, by_article: bool) -> list[str]:
    name = group.name if group.key == TOTAL_KEY or not by_article else f"{group.key[:8]} {group.name}"
    return [
        one_line(name, 40),
        str(group.articles),
        str(group.claims),
        *(percent(group.share(label)) for label in CLAIM_LABELS),
        str(group.counts[SKIP]),
        decimal(group.quotes_per_article, 2),
        percent(group.anonymous_article_share),
        str(len(group.sources)),
        one_line(", ".join(f"{name} ({n})" for name, n in group.top_sources(3)), 50),
    ]
