"""The factcheck command line: every command is a thin call into the core."""

from factcheck.cli import adjudicate, agreement, articles, export, review, stats, suggest  # noqa: F401  (registers them)
from factcheck.cli.base import main

__all__ = ["main"]
