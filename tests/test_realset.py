"""bench/realset/realset.py: labels kept without article text come back as the same gold."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

from factcheck.calibration import load_calibration
from factcheck.confidence import load_model
from factcheck.evaluate import evaluate_files
from factcheck.ingest import read_file

SCRIPT = Path(__file__).parent.parent / "bench" / "realset" / "realset.py"
PAGE = """<html><head><title>Ferry fares rise</title></head><body><article>
<h1>Ferry fares rise in May</h1>
<p>Ferry fares will rise by 10 percent in May, the port authority said on Monday.
The increase is the first since 2019.</p>
<p>"We held prices as long as we could," said Dana Price, the authority's director.
Two dock workers, who asked not to be named, said the night service would end.</p>
<p>Commuters have complained about crowded boats for years, and the council will
debate the fares at its next meeting on the harbour front.</p>
</article></body></html>"""


def run(*args: str | Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], check=True)


def test_labels_kept_without_text_restore_the_same_gold(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "ferry.html"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    work = tmp_path / "work"
    run("extract", page, "--out", work / "articles")
    labelled = work / "labelled" / "ferry.labelled.json"
    run("template", work / "articles" / "ferry.txt", labelled)
    data = json.loads(labelled.read_text(encoding="utf-8"))
    labels = ["skip", "sourced", "unattributed", "quoted", "anonymous-sourced", "unattributed"]
    assert len(data["sentences"]) == len(labels)
    for entry, label in zip(data["sentences"], labels, strict=True):
        entry["label"] = label
    labelled.write_text(json.dumps(data), encoding="utf-8")
    run("template", work / "articles" / "ferry.txt", labelled)  # filling in more keeps what is filled
    assert [e["label"] for e in json.loads(labelled.read_text(encoding="utf-8"))["sentences"]] == labels

    run("gold", labelled, "--out", work / "gold")
    kept = tmp_path / "kept"
    run("keep", labelled, "--out", kept)
    assert "Ferry fares" not in (kept / "ferry.labels.json").read_text(encoding="utf-8")  # no article text
    restored = tmp_path / "restored"
    run("restore", kept / "ferry.labels.json", "--articles", work / "articles", "--out", restored)
    assert (restored / "ferry.gold.json").read_text() == (work / "gold" / "ferry.gold.json").read_text()

    result = evaluate_files([restored / "ferry.gold.json"], article_dir=work / "articles")
    assert not result.unaligned
    assert len(result.units) == len(labels)

    for name in ("X", "Y"):  # two rounds, laid out as ROUND/gold beside ROUND/articles
        shutil.copytree(restored, tmp_path / name / "gold")
        shutil.copytree(work / "articles", tmp_path / name / "articles")
    output = subprocess.run(
        [sys.executable, str(SCRIPT), "baseline", tmp_path / "X" / "gold", tmp_path / "Y" / "gold"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # the keyword baseline gets the sourced, quoted and two unattributed sentences right: 4 of 6
    assert "all pages: 2 pages, 12 units; keyword baseline 66.7%" in output
    assert "no page on which the keyword baseline scores 79%" in output

    # measured and trained on the rounds: a calibration and, beside it, a confidence model that a
    # newsroom's lexicon folder can hold instead of the packaged pair
    lexicons = tmp_path / "lexicons"
    run("calibrate", tmp_path / "X" / "gold", tmp_path / "Y" / "gold", "--out", lexicons)
    assert "rounds X, Y of bench/realset: 12 units" in load_calibration(str(lexicons)).measured_on
    model = load_model(str(lexicons))
    assert model is not None and model.measured_on == load_calibration(str(lexicons)).measured_on


def test_keyword_baseline_is_the_issues() -> None:
    spec = importlib.util.spec_from_file_location("realset", SCRIPT)
    assert spec and spec.loader
    realset = importlib.util.module_from_spec(spec)
    sys.modules["realset"] = realset  # its dataclasses look their module up there
    spec.loader.exec_module(realset)
    baseline = realset.keyword_baseline
    assert baseline('"We held prices," officials said.') == "quoted"
    assert baseline("Fares will rise, according to the port authority.") == "sourced"
    assert baseline("Two officials, who asked not to be named, said so.") == "sourced"  # said comes first
    assert baseline("Sources expect a strike.") == "anonymous-sourced"
    assert baseline("Commuters have complained for years.") == "unattributed"


def test_plain_text_pages_are_read_as_factcheck_import_reads_them(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "ferry.txt"
    page.parent.mkdir()
    page.write_bytes(b"\r\n  Ferry fares rise\r\n\r\nFerry fares will rise, the port authority said.\r\n")
    run("extract", page, "--out", tmp_path / "articles")
    extracted = (tmp_path / "articles" / "ferry.txt").read_text(encoding="utf-8")
    assert extracted == read_file(page).articles[0].text
    assert "\r" not in extracted
