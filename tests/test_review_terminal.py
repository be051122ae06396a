"""The real `factcheck review` process on a pseudo-terminal, with standard error redirected.

Textual draws on standard error, so `factcheck review 2>log` used to send the whole UI into
the log and leave the terminal blank. The UI must reach the terminal, the key pressed must be
saved, and the log must stay free of drawing.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.store import Workspace

pty = pytest.importorskip("pty")  # POSIX only

TITLE = "City Council Delays Vote"  # the first bundled sample
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    """What the terminal shows until ``wanted`` appears (or the time is up)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the process closed the terminal
                break
    return seen


def test_review_draws_on_the_terminal_when_standard_error_is_redirected(tmp_path: Path) -> None:
    db, log = tmp_path / "ws", tmp_path / "review.log"
    pid, terminal = pty.fork()
    if pid == 0:  # the child: standard error into the log, as `2>review.log` does
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 2)
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [*FACTCHECK, "review", "--db", str(db), "--reviewer", "kim"])
    try:
        shown = read_until(terminal, TITLE.encode(), 60)
        assert TITLE.encode() in shown
        time.sleep(1.0)  # let the screen settle before keys
        os.write(terminal, b"4")  # tag the headline unattributed
        time.sleep(1.5)
        os.write(terminal, b"\x11")  # ctrl+q
        read_until(terminal, b"\x00never", 10)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0
    assert "\x1b[" not in log.read_text(encoding="utf-8", errors="replace")
    workspace = Workspace.open(db)
    headline = workspace.tags("kim", workspace.articles()[0].id).get(0)
    assert headline is not None and headline.label == "unattributed"


def test_review_without_any_terminal_says_so_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [*FACTCHECK, "review", "--db", str(tmp_path / "ws")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "factcheck: error: no terminal to draw the review UI on (standard error is not a terminal)"
    ]
