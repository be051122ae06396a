"""The factcheck command line: every command is a thin call into the core."""

from factcheck.cli import articles, review, suggest  # noqa: F401  (registers the commands)
from factcheck.cli.base import main

__all__ = ["main"]
