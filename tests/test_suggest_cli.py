"""`factcheck suggest` and `factcheck evaluate` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.calibration import load_calibration
from factcheck.cli import main
from factcheck.cli.review import sample_paths
from factcheck.confidence import MODEL_FILE, ConfidenceModel, load_model
from factcheck.segment import segment
from factcheck.session import ReviewSession
from factcheck.suggest import suggest_article
from tests.conftest import SHARED, make_workspace


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


def gold_for_samples(root: Path, disagree_every: int) -> list[Path]:
    """Gold files for the bundled samples in the layout of ../shared (ROOT/gold beside ROOT/articles):
    the suggester's own labels, but for every ``disagree_every``-th sentence, tagged skip instead."""
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    paths = []
    for sample in sample_paths():
        text = sample.read_text(encoding="utf-8")
        (root / "articles" / sample.name).write_text(text, encoding="utf-8")
        sentences = segment(text)
        units = [
            {
                "starts_with": s.text[:60],
                "offset": s.start,
                "label": "skip" if s.index % disagree_every == 1 else g.label,
            }
            for s, g in zip(sentences, suggest_article(text, sentences), strict=True)
        ]
        path = root / "gold" / f"{sample.stem}.gold.json"
        path.write_text(json.dumps({"article": sample.name, "sentences": units}), encoding="utf-8")
        paths.append(path)
    return paths


def test_calibrate_measures_a_newsroom_s_own_confidences_for_the_other_commands(tmp_path: Path) -> None:
    gold = gold_for_samples(tmp_path / "newsroom", disagree_every=3)
    lexicons = tmp_path / "lexicons"
    made = CliRunner().invoke(main, ["calibrate", *map(str, gold), "--lexicons", str(lexicons)])
    assert made.exit_code == 0, made.output
    assert "few to measure on" in made.stderr  # a few dozen units, and the command says so
    assert load_calibration(str(lexicons)).measured_on.endswith(f"of {len(gold)} gold files")
    model = load_model(str(lexicons))
    assert model is not None and model.measured_on == load_calibration(str(lexicons)).measured_on

    sample = str(sample_paths()[0])
    packaged = json.loads(CliRunner().invoke(main, ["suggest", "--json", sample]).stdout)
    own = json.loads(
        CliRunner().invoke(main, ["suggest", "--json", sample, "--lexicons", str(lexicons)]).stdout
    )
    assert [s["label"] for s in own["sentences"]] == [s["label"] for s in packaged["sentences"]]
    assert [s["confidence"] for s in own["sentences"]] != [s["confidence"] for s in packaged["sentences"]]
    env = {"FACTCHECK_LEXICONS": str(lexicons)}
    again = json.loads(CliRunner().invoke(main, ["suggest", "--json", sample], env=env).stdout)
    assert again == own
    scored = CliRunner().invoke(main, ["evaluate", "--json", *map(str, gold), "--lexicons", str(lexicons)])
    assert json.loads(scored.stdout)["strict_accuracy"] < 0.9  # a third of the gold says skip


def test_the_review_session_suggests_with_the_newsroom_s_lexicons(tmp_path: Path) -> None:
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / MODEL_FILE).write_text(ConfidenceModel(bias=-50.0, blend=1.0).to_json(), encoding="utf-8")
    workspace = make_workspace(tmp_path / "ws")
    session = ReviewSession(workspace, "ann", lexicon_dir=lexicons)
    opened = session.open(workspace.articles()[0].id)
    assert {suggestion.confidence for suggestion in opened.suggestions} == {0.0}


@pytest.mark.parametrize("command", ["suggest", "evaluate", "calibrate"])
def test_a_broken_lexicon_file_is_one_clear_line_naming_it(tmp_path: Path, command: str) -> None:
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "attribution.json").write_text('{"speech_verbs": [', encoding="utf-8")
    gold = gold_for_samples(tmp_path / "newsroom", disagree_every=3)
    target = [str(sample_paths()[0])] if command == "suggest" else list(map(str, gold))
    result = CliRunner().invoke(main, [command, *target, "--lexicons", str(lexicons)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "attribution.json" in result.stderr
    assert "Traceback" not in result.output
    assert not (lexicons / "calibration.json").exists()  # nothing written over a broken folder


def test_a_lexicon_pattern_that_does_not_compile_is_one_clear_line(tmp_path: Path) -> None:
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "skip.json").write_text('{"line_patterns": {"promo": ["^(unclosed"]}}', encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", str(sample_paths()[0]), "--lexicons", str(lexicons)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(lexicons) in result.stderr
