"""Make untrusted text safe to show: no terminal control sequences, same length."""

from __future__ import annotations

import re

# C0 controls except newline and tab, DEL, and C1 controls (which include CSI and OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: ␀ … ␟, e.g. ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """Replace control characters one-for-one with visible symbols (offsets are kept)."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str, width: int | None = None) -> str:
    """Printable text on one line, optionally cut to ``width`` with an ellipsis."""
    flat = " ".join(printable(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(width - 1, 0)] + "…"
    return flat
