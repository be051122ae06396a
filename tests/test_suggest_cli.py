"""`factcheck suggest` and `factcheck evaluate` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.cli.review import sample_paths
from tests.conftest import SHARED


def test_suggest_json_has_the_documented_shape_with_offsets_into_the_article() -> None:
    path = sample_paths()[0]
    result = CliRunner().invoke(main, ["suggest", "--json", str(path)])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    assert article["title"] == text.splitlines()[0]
    assert article["sentences"], "every article has sentences"
    for row in article["sentences"]:
        assert set(row) >= {"index", "start", "end", "text", "label", "confidence", "source", "cues"}
        assert text[row["start"] : row["end"]] == row["text"]
        assert 0.0 <= row["confidence"] <= 1.0
        for cue in row["cues"]:
            assert set(cue) == {"start", "end", "text", "kind"}
            assert text[cue["start"] : cue["end"]] == cue["text"]


def test_suggest_json_for_several_articles_is_a_list_and_the_table_is_readable() -> None:
    paths = [str(p) for p in sample_paths()[:2]]
    listed = CliRunner().invoke(main, ["suggest", "--json", *paths])
    assert [a["title"] for a in json.loads(listed.stdout)] == [
        Path(p).read_text(encoding="utf-8").splitlines()[0] for p in paths
    ]
    table = CliRunner().invoke(main, ["suggest", paths[0]])
    assert table.exit_code == 0
    assert "label" in table.stdout and "quoted" in table.stdout


def test_evaluate_a_bad_gold_file_is_one_clear_line(tmp_path: Path) -> None:
    gold = tmp_path / "bad.gold.json"
    gold.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "bad.gold.json" in result.stderr


def test_evaluate_on_the_shared_dev_set() -> None:
    gold = sorted((SHARED / "gold").glob("*.gold.json"))
    if not gold:
        pytest.skip("../shared is not beside this checkout")
    result = CliRunner().invoke(main, ["evaluate", "--json", *map(str, gold)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["strict_accuracy"] >= 0.85
    text = CliRunner().invoke(main, ["evaluate", *map(str, gold)]).stdout
    assert "Coverage at 98% precision" in text and "Confusion" in text


def test_a_reader_that_stops_early_gets_no_error_line(tmp_path: Path) -> None:
    """`factcheck suggest … | head -1`: the closed pipe is not an error to report."""
    article = tmp_path / "long.txt"
    sentences = [f"The council met for the {n}th time on Monday, the mayor said." for n in range(3000)]
    article.write_text("A Long Article\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from factcheck.cli import main; main()", "suggest", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert err == ""
