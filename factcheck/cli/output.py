"""Output of the commands that print figures (stats, agreement): terminal tables and JSON."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

import orjson
from rich.cells import cell_len

from factcheck.textsafe import one_line


def render_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, right: Iterable[int] = ()
) -> str:
    """Columns padded to their widest cell; the columns in ``right`` are right-aligned.

    Every cell goes through ``one_line``, so untrusted text cannot break the layout
    or reach the terminal as control sequences.
    """
    cells = [[one_line(str(cell)) for cell in row] for row in [headers, *rows]]
    widths = [max(cell_len(row[column]) for row in cells) for column in range(len(headers))]
    right_aligned = set(right)
    lines = []
    for number, row in enumerate(cells):
        padded = []
        for column, cell in enumerate(row):
            gap = " " * (widths[column] - cell_len(cell))
            padded.append(gap + cell if column in right_aligned else cell + gap)
        lines.append("  ".join(padded).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def percent(share: float | None) -> str:
    """A share (0..1) as a percentage, or a dash when there is none."""
    return "–" if share is None else f"{100 * share:.1f}%"


def decimal(value: float | None, places: int = 3) -> str:
    """A figure such as kappa, or a dash when it is undefined."""
    return "–" if value is None else f"{value:.{places}f}"


def binary_stdout() -> BinaryIO:
    """Standard output for bytes (what is already written as text goes out first)."""
    sys.stdout.flush()
    return sys.stdout.buffer


def echo_json(data: Any) -> None:
    """Indented JSON on stdout (orjson: the standard encoder is slow when it indents)."""
    out = binary_stdout()
    out.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    out.flush()
