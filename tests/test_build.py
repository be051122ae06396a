"""The compiled suggester: ``pip install .`` builds factcheck/suggest.py with mypyc (see setup.py)."""

from pathlib import Path

import pytest

import factcheck.suggest

ROOT = Path(__file__).resolve().parent.parent


def test_the_suggester_type_checks_so_an_install_can_compile_it(tmp_path, monkeypatch) -> None:
    """mypyc compiles only code mypy accepts; setup.py falls back to pure Python otherwise, silently
    losing the speed, so a type error in the suggester fails here instead."""
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # mypy reads its settings from pyproject.toml, as the build does
    source = Path(factcheck.suggest.__file__).with_name("suggest.py")
    report, errors, status = api.run([str(source), "--cache-dir", str(tmp_path)])
    assert status == 0, report + errors
