"""The core never imports Textual; only factcheck.tui does."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import factcheck

CORE = sorted(
    f"factcheck.{m.name}"
    for m in pkgutil.iter_modules(factcheck.__path__)
    if m.name not in {"tui", "cli", "__main__"}
)


def test_core_modules_exist() -> None:
    for name in ("factcheck.ingest", "factcheck.segment", "factcheck.store", "factcheck.session"):
        assert name in CORE


def test_core_and_cli_import_without_textual() -> None:
    modules = [*CORE, "factcheck.cli"]
    code = (
        f"import sys; import {', '.join(modules)}; "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
