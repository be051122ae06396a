"""Exports in every format, reading the native one back, and the corpus reader under them."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT4

from factcheck import corpus as corpus_module
from factcheck.cli import main
from factcheck.corpus import Corpus, read_tag_records
from factcheck.export import FORMATS, write_export
from factcheck.export.label_studio import LABEL_CONFIG
from factcheck.models import ANONYMOUS, LABELS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Annotation, Article
from factcheck.session import Position, ReviewSession
from factcheck.store import Workspace
from tests.tagged import BRIDGE, bridge_and_clinic, build

W3C_TESTS = Path(__file__).parent / "data" / "w3c-web-annotation-tests"
ANNOTATION_MUSTS = "annotations/annotationMusts.test"
COLLECTION_MUSTS = "collections/collectionMusts.test"
PAGE_MUSTS = "collections/pages/pageMusts.test"

TAGS = {
    "ann": {
        0: {0: SKIP, 1: (QUOTED, "Rosa Delgado"), 2: (ANONYMOUS, "officials"), 3: SOURCED, 4: UNATTRIBUTED},
        1: {1: SOURCED},
    },
    "bob": {0: {1: QUOTED, 2: SOURCED}},
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def exported(workspace: Workspace, *args: str) -> str:
    result = run("export", "--db", str(workspace.root), *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def files_of(root: Path) -> dict[str, bytes]:
    """Every file's bytes but the lock file's (taking the lock writes who holds it)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def error_line(result: Result) -> str:
    """The one line a failing command prints on stderr."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: error: ")
    return lines[0]


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return build(tmp_path / "ws", bridge_and_clinic(), TAGS)[0]


# -- native json ---------------------------------------------------------------------------------


def test_native_json_holds_every_article_sentence_and_record(workspace: Workspace) -> None:
    data = json.loads(exported(workspace))
    assert data["format"] == "factcheck-annotations"
    assert data["schema_version"] == 1
    assert data["exported"].endswith("Z")
    assert data["labels"] == list(LABELS)
    assert data["reviewers"] == ["ann", "bob"]
    bridge, clinic = data["articles"]
    assert bridge["title"] == "Harbor bridge vote delayed"
    assert (bridge["outlet"], bridge["url"], bridge["author"]) == (
        "Riverton Ledger",
        "https://example.com/bridge",
        "Dana Whitlock",
    )
    for article in data["articles"]:
        for sentence in article["sentences"]:
            assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    quote = bridge["sentences"][1]
    assert quote["index"] == 1 and quote["text"].startswith('"We cannot wait')
    record = quote["annotations"]["ann"]
    assert set(record) == set(Annotation.__dataclass_fields__)
    assert (record["label"], record["source"], record["reviewer"]) == (QUOTED, "Rosa Delgado", "ann")
    assert record["suggested"] in LABELS and isinstance(record["accepted"], bool)
    assert bridge["sentences"][5]["annotations"] == {"ann": None, "bob": None}  # untagged, still there
    assert clinic["sentences"][1]["annotations"]["bob"] is None


def test_export_selects_articles_and_reviewers(workspace: Workspace) -> None:
    article_id = workspace.articles()[1].id
    data = json.loads(exported(workspace, "--article", article_id, "--reviewer", "bob"))
    assert data["reviewers"] == ["bob"]
    assert [a["id"] for a in data["articles"]] == [article_id]
    unknown = run("export", "--db", str(workspace.root), "--article", "nope")
    assert "no article 'nope'" in error_line(unknown)


def test_export_to_a_file_replaces_it_only_when_complete(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    assert run("export", "--db", str(workspace.root), "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())["reviewers"] == ["ann", "bob"]
    bad = run("export", "--db", str(workspace.root), "-o", str(target), "--reviewer", "zed")
    assert "no tags by reviewer 'zed'" in error_line(bad)
    assert json.loads(target.read_text())["reviewers"] == ["ann", "bob"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_export_import_export_round_trips(data: st.DataObject) -> None:
    word = st.text(alphabet="abcdeXYZ éü“”\"'’—-:;,0129", min_size=1, max_size=10)
    sentence = st.lists(word, min_size=1, max_size=5).map(lambda words: " ".join(words) + ".")
    paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
    article = st.builds(
        lambda title, paragraphs, outlet, url: Article.from_text(
            "\n\n".join([title, *paragraphs]) + "\n",
            title,
            outlet=outlet,
            url=url,
            author=outlet and "A. Writer",
        ),
        st.sampled_from(["Bridge vote", "Clinic: “outbreak”", "Ünïcode title"]),
        st.lists(paragraph, min_size=1, max_size=4),
        st.one_of(st.none(), st.sampled_from(["Riverton Ledger", "The Daily Wire"])),
        st.one_of(st.none(), st.just("https://example.com/a?b=1")),
    )
    articles = data.draw(st.lists(article, min_size=1, max_size=2))
    free_text = st.one_of(st.none(), st.text(alphabet="ab \x1b[]/\n\t“é", max_size=8))
    tags = data.draw(
        st.lists(
            st.tuples(
                st.sampled_from(["ann", "Zoë Ü", "a/b", "adjudicated"]),
                st.integers(0, len(articles) - 1),
                st.integers(0, 40),
                st.sampled_from(LABELS),
                free_text,
                free_text,
                st.booleans(),
            ),
            max_size=8,
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = Workspace.open(root / "first", create=True)
        workspace.add_articles(articles)
        for reviewer, number, index, label, source, note, flag in tags:
            info = workspace.info(articles[number].id)
            position = Position(info.id, index % info.sentences)
            session = ReviewSession(workspace, reviewer)
            session.tag(position, label, seconds=1.25)
            session.edit(position, source=source, note=note, flag=flag)
        first = exported(workspace)
        (root / "export.json").write_text(first, encoding="utf-8")
        imported = run("import-annotations", str(root / "export.json"), "--db", str(root / "second"))
        assert imported.exit_code == 0, imported.output
        second = exported(Workspace.open(root / "second"))
        without_stamp = [
            {k: v for k, v in json.loads(text).items() if k != "exported"} for text in (first, second)
        ]
        assert without_stamp[0] == without_stamp[1]
        again = run("import-annotations", str(root / "export.json"), "--db", str(root / "second"))
        assert "merged 0 annotation(s) and 0 new article(s)" in again.output


# -- refusals: one line naming the record, nothing written -----------------------------------------


def edited_export(workspace: Workspace, tmp_path: Path, edit: Any) -> Path:
    data = json.loads(exported(workspace))
    edit(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_import_refuses_a_newer_schema_version(workspace: Workspace, tmp_path: Path) -> None:
    path = edited_export(workspace, tmp_path, lambda d: d.update(schema_version=2, articles="whatever"))
    result = run("import-annotations", str(path), "--db", str(tmp_path / "new"))
    assert "newer factcheck (export schema version 2" in error_line(result)
    assert not (tmp_path / "new").exists()


def test_import_refuses_malformed_json(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_bytes(exported(workspace).encode()[:500])
    before = files_of(workspace.root)
    line = error_line(run("import-annotations", str(path), "--db", str(workspace.root)))
    assert f"{path}: not valid JSON" in line
    assert files_of(workspace.root) == before


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: d["articles"][0]["sentences"][2]["annotations"]["ann"].update(label="bogus"),
            "articles[0] (id '{id}').sentences[2].annotations.ann.label: 'bogus' must be one of",
        ),
        (
            lambda d: d["articles"][0]["sentences"][1]["annotations"]["ann"].update(index=4),
            "articles[0] (id '{id}').sentences[1].annotations.ann: index is 4 but the record sits on index 1",
        ),
        (
            lambda d: d["articles"][0]["sentences"][3].update(end=10),
            "articles[0] (id '{id}').sentences[3]: its text is not the article text from",
        ),
        (
            lambda d: d["articles"][0]["sentences"][1]["annotations"].update(zed=None),
            "articles[0] (id '{id}').sentences[1].annotations: a record by 'zed', who is not in the export",
        ),
    ],
)
def test_import_refuses_an_inconsistent_record_naming_it(
    workspace: Workspace, tmp_path: Path, edit: Any, expected: str
) -> None:
    path = edited_export(workspace, tmp_path, edit)
    before = files_of(workspace.root)
    line = error_line(run("import-annotations", str(path), "--db", str(workspace.root)))
    assert expected.format(id=workspace.articles()[0].id) in line
    assert files_of(workspace.root) == before


def test_import_refuses_annotations_on_an_article_whose_text_differs(
    workspace: Workspace, tmp_path: Path
) -> None:
    def retell(data: dict[str, Any]) -> None:
        article = data["articles"][0]
        article["text"] = article["text"].replace("Mark Ellison", "Mary Ellison")  # an untagged sentence
        article["sentences"][5]["text"] = article["sentences"][5]["text"].replace("Mark", "Mary")
        for sentence in data["articles"][1]["sentences"]:  # a good article first changes nothing either
            sentence["annotations"]["bob"] = {"label": QUOTED}
        data["articles"].reverse()

    path = edited_export(workspace, tmp_path, retell)
    before = files_of(workspace.root)
    line = error_line(run("import-annotations", str(path), "--db", str(workspace.root)))
    article_id = workspace.articles()[0].id
    assert f"article {article_id} ('Harbor bridge vote delayed'): its text differs" in line
    assert files_of(workspace.root) == before


def test_import_refuses_records_on_a_version_the_workspace_has_replaced(
    workspace: Workspace, tmp_path: Path
) -> None:
    old_export = tmp_path / "old.json"
    old_export.write_text(exported(workspace), encoding="utf-8")
    bridge = workspace.articles()[0]
    edited = Article.from_text(BRIDGE.replace("March", "April"), bridge.title, url=bridge.url)
    [result] = workspace.add_articles([edited], replace_edited=True)
    assert result.replaced is not None
    before = files_of(workspace.root)
    line = error_line(run("import-annotations", str(old_export), "--db", str(workspace.root)))
    assert f"article {bridge.id} ('Harbor bridge vote delayed'): the workspace replaced this version" in line
    assert files_of(workspace.root) == before


def test_import_of_minimal_records_fills_in_the_rest(workspace: Workspace, tmp_path: Path) -> None:
    def gold(data: dict[str, Any]) -> None:
        data["reviewers"] = ["gold"]
        for article in data["articles"]:
            for sentence in article["sentences"]:
                sentence["annotations"] = {"gold": {"label": SKIP} if sentence["index"] == 0 else None}

    path = edited_export(workspace, tmp_path, gold)
    result = run("import-annotations", str(path), "--db", str(workspace.root))
    assert result.exit_code == 0, result.output
    bridge = Corpus(Workspace.open(workspace.root), reviewers=["gold"]).read(workspace.articles()[0].id)
    record = bridge.records["gold"][0]
    assert (record["label"], record["reviewer"], record["start"], record["flag"]) == (SKIP, "gold", 0, False)


def test_import_conflicts_are_refused_unless_told_how(workspace: Workspace, tmp_path: Path) -> None:
    path = edited_export(
        workspace,
        tmp_path,
        lambda d: d["articles"][0]["sentences"][1]["annotations"]["ann"].update(label=SOURCED),
    )
    before = files_of(workspace.root)
    refused = run("import-annotations", str(path), "--db", str(workspace.root))
    assert refused.exit_code == 1
    assert "conflict: ann on article" in refused.stderr
    assert files_of(workspace.root) == before
    replaced = run("import-annotations", str(path), "--db", str(workspace.root), "--on-conflict", "replace")
    assert replaced.exit_code == 0, replaced.output
    assert Corpus(Workspace.open(workspace.root)).read(workspace.articles()[0].id).labels(1)["ann"] == SOURCED


# -- the other formats ------------------------------------------------------------------------------


def test_csv_and_jsonl_have_one_row_per_sentence_and_a_label_column_per_reviewer(
    workspace: Workspace,
) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(workspace, "--format", "csv"))))
    lines = [json.loads(line) for line in exported(workspace, "--format", "jsonl").splitlines()]
    assert len(rows) == len(lines) == sum(info.sentences for info in workspace.articles())
    assert (
        list(rows[0])
        == list(lines[0])
        == [
            "article_id",
            "article_title",
            "outlet",
            "index",
            "start",
            "end",
            "text",
            "label_ann",
            "label_bob",
        ]
    )
    assert (rows[1]["label_ann"], rows[1]["label_bob"]) == (QUOTED, QUOTED)
    assert (lines[2]["label_ann"], lines[2]["label_bob"]) == (ANONYMOUS, SOURCED)
    assert (rows[5]["label_ann"], lines[5]["label_ann"]) == ("", None)
    assert lines[0]["article_title"] == "Harbor bridge vote delayed" and lines[0]["index"] == 0


def test_label_studio_tasks_hold_choices_from_sourcing_to_text(workspace: Workspace) -> None:
    tasks = json.loads(exported(workspace, "--format", "label-studio"))
    assert len(tasks) == sum(info.sentences for info in workspace.articles())
    quote = tasks[1]
    assert quote["data"]["text"].startswith('"We cannot wait')
    assert quote["data"]["reviewers"] == ["ann", "bob"]
    for annotation in quote["annotations"]:
        [result] = annotation["result"]
        assert (result["from_name"], result["to_name"], result["type"]) == ("sourcing", "text", "choices")
        assert result["value"] == {"choices": [QUOTED]}
        assert f'<Choice value="{QUOTED}"/>' in LABEL_CONFIG
    assert tasks[5]["annotations"] == []


def test_doccano_lines_are_text_classification_examples(workspace: Workspace) -> None:
    lines = [json.loads(line) for line in exported(workspace, "--format", "doccano").splitlines()]
    assert lines[2]["text"].startswith("Officials said")
    assert lines[2]["label"] == [ANONYMOUS, SOURCED]
    assert lines[5]["label"] == []


@cache
def must_validators(test_file: str) -> list[tuple[str, Draft4Validator]]:
    """The W3C suite's "must" assertions named in one of its .test files, as validators."""
    registry: Registry = Registry().with_resources(
        (json.loads(path.read_text())["id"], DRAFT4.create_resource(json.loads(path.read_text())))
        for path in (W3C_TESTS / "definitions").glob("*.json")
    )
    names = json.loads((W3C_TESTS / test_file).read_text())["assertions"]
    out = []
    for name in names:
        schema = json.loads((W3C_TESTS / name).read_text())
        assert (schema["assertionType"], schema["expectedResult"]) == ("must", "valid")
        out.append((name, Draft4Validator(schema, registry=registry, format_checker=FormatChecker())))
    return out


def failed_musts(instance: Any, test_file: str) -> list[str]:
    return [name for name, validator in must_validators(test_file) if not validator.is_valid(instance)]


def test_the_w3c_harness_tells_correct_from_incorrect_samples() -> None:
    samples = W3C_TESTS / "tools" / "samples"
    for name in ("anno1.json", "anno21.json"):
        assert failed_musts(json.loads((samples / "correct" / name).read_text()), ANNOTATION_MUSTS) == []
    for name in ("anno3.json", "anno6.json", "anno8.json"):  # no @context; id not a URI; two ids
        assert failed_musts(json.loads((samples / "incorrect" / name).read_text()), ANNOTATION_MUSTS)


def test_w3c_export_satisfies_every_must_of_the_w3c_test_suite(tmp_path: Path) -> None:
    hostile = Article.from_text(
        "Hostile \x1b[2J title\n\nOfficials said it, per the “report” [/].\n", "Hostile", url="not a url"
    )
    workspace, ids = build(
        tmp_path / "ws", [*bridge_and_clinic(), hostile], {**TAGS, "Zoë Ü": {2: {1: ANONYMOUS}}}
    )
    ReviewSession(workspace, "ann").edit(Position(ids[0], 1), note="check the tape")
    collection = json.loads(exported(workspace, "--format", "w3c"))
    assert failed_musts(collection, COLLECTION_MUSTS) == []
    assert failed_musts(collection, PAGE_MUSTS) == []  # a collection with its page embedded
    annotations = collection["first"]["items"]
    assert len(annotations) == 9  # one per tag
    for annotation in annotations:
        assert failed_musts(annotation, ANNOTATION_MUSTS) == [], annotation["id"]
    quote = next(a for a in annotations if a["id"] == f"urn:factcheck:annotation:{ids[0]}:1:ann")
    assert quote["motivation"] == "classifying"
    assert quote["creator"] == {"type": "Person", "name": "ann"}
    assert quote["created"] and quote["modified"]
    purposes = {body["purpose"]: body["value"] for body in quote["body"]}
    assert purposes == {"classifying": QUOTED, "identifying": "Rosa Delgado", "commenting": "check the tape"}
    target = quote["target"]
    assert target["source"] == "https://example.com/bridge"
    position, text_quote = target["selector"]
    text = Workspace.open(workspace.root).load_article(ids[0])[0].text
    assert position["type"] == "TextPositionSelector"
    assert text[position["start"] : position["end"]] == text_quote["exact"]
    assert text[: position["start"]].endswith(text_quote["prefix"]) and text_quote["prefix"]
    assert text[position["end"] :].startswith(text_quote["suffix"]) and text_quote["suffix"]
    odd = next(a for a in annotations if a["creator"]["name"] == "Zoë Ü")
    assert odd["target"]["source"] == f"urn:factcheck:article:{ids[2]}"  # "not a url" is not used
    assert odd["id"] == f"urn:factcheck:annotation:{ids[2]}:1:Zo%C3%AB%20%C3%9C"


# -- the streaming and the reader --------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FORMATS))
def test_parallel_export_writes_the_same_bytes(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    serial, parallel = io.BytesIO(), io.BytesIO()
    write_export(Corpus(workspace), FORMATS[name], serial, exported="2024-01-01T00:00:00.000Z")
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(corpus_module, "CHUNK_ARTICLES", 1)
    write_export(Corpus(workspace), FORMATS[name], parallel, workers=2, exported="2024-01-01T00:00:00.000Z")
    assert parallel.getvalue() == serial.getvalue()


def test_empty_workspace_exports_valid_documents(tmp_path: Path) -> None:
    (tmp_path / "ws").mkdir()
    workspace = Workspace.open(tmp_path / "ws")
    assert json.loads(exported(workspace))["articles"] == []
    assert json.loads(exported(workspace, "--format", "w3c"))["first"]["items"] == []
    assert json.loads(exported(workspace, "--format", "label-studio")) == []


def test_tag_records_are_read_without_their_history_whatever_the_notes_say(workspace: Workspace) -> None:
    article_id = workspace.articles()[0].id
    session = ReviewSession(workspace, "ann")
    session.edit(Position(article_id, 1), note='tricky ,"history": {"x": 1}')
    path = workspace.reviewer_dir("ann") / f"{article_id}.json"
    stored = workspace.tags("ann", article_id).records
    expected = {index: record.to_dict() for index, record in stored.items()}
    assert read_tag_records(path) == expected
    raw = json.loads(path.read_bytes())
    path.write_bytes(orjson.dumps({"history": raw["history"], "annotations": raw["annotations"]}))
    assert read_tag_records(path) == expected  # history first: read the slow way
    path.write_bytes(orjson.dumps({"annotations": raw["annotations"]}))
    assert read_tag_records(path) == expected


def test_a_corrupt_tag_file_fails_the_export_in_one_line(workspace: Workspace) -> None:
    path = workspace.reviewer_dir("bob") / f"{workspace.articles()[0].id}.json"
    path.write_text('{"annotations": {"1": {"index": ')
    line = error_line(run("export", "--db", str(workspace.root)))
    assert str(path) in line and "invalid JSON" in line
