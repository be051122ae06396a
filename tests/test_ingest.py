"""Bad input: each kind gets a clear message or is kept literally; nothing crashes."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.extract import extract_html
from factcheck.ingest import MAX_ARTICLE_BYTES, IngestError, read_file
from factcheck.segment import segment
from factcheck.textsafe import printable
from tests.conftest import make_workspace


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_title_is_first_non_empty_line_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"\xef\xbb\xbf\r\n  The Title\r\n\r\nBody one. Body two.\r\n")
    (article,) = read_file(path).articles
    assert article.title == "The Title"
    assert "\r" not in article.text and not article.text.startswith("\ufeff")
    assert [s.text for s in segment(article.text)] == ["The Title", "Body one.", "Body two."]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 32)) * 50, "binary file"),
    ],
)
def test_refused_files_say_why(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(IngestError, match=reason) as caught:
        read_file(path)
    assert str(path) in str(caught.value)


def test_non_utf8_is_read_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "w.txt", "Caf\u00e9 owner \u201cquoted\u201d\n\nShe said so.".encode("cp1252"))
    loaded = read_file(path)
    assert loaded.articles[0].title == "Café owner “quoted”"
    assert any("Windows-1252" in w for w in loaded.warnings)


def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", b"Title\n\nbad \x81\x8d byte")
    with pytest.raises(IngestError, match="unreadable encoding"):
        read_file(path)


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(IngestError, match="too large"):
        read_file(path)


def test_markup_and_control_sequences_are_kept_in_the_text_and_shown_inertly(tmp_path: Path) -> None:
    hostile = "[bold]Title[/] \x1b]52;c;ZXZpbA==\x07\n\n[@click=app.quit]x[/] said \x1b[31mred\x1b[0m. [/AP]"
    path = write(tmp_path, "h.txt", hostile.encode())
    (article,) = read_file(path).articles
    assert article.text == hostile
    shown = printable(article.text)
    assert "\x1b" not in shown and "\x07" not in shown
    assert len(shown) == len(article.text)  # one-for-one, offsets still line up


def test_batch_import_takes_the_good_files_and_reports_each_bad_one(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", b"Good Title\n\nA sentence.")
    empty = write(tmp_path, "empty.txt", b"")
    binary = write(tmp_path, "bin.txt", b"\x00\x01\x02")
    args = ["import", "--db", str(tmp_path / "ws"), str(good), str(empty), str(binary)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "added:" in result.stdout
    assert "empty.txt: empty file" in result.stderr
    assert "bin.txt: binary file" in result.stderr
    listed = CliRunner().invoke(main, ["list", "--json", "--db", str(tmp_path / "ws")])
    assert [row["title"] for row in json.loads(listed.stdout)] == ["Good Title"]


def test_import_of_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Title\n\nOne. Two.")
    workspace = make_workspace(tmp_path / "ws", [path])
    again = workspace.add_articles(read_file(path).articles)
    assert [r.added for r in again] == [False]
    assert len(workspace.articles()) == 1


def test_a_missing_path_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", "--db", str(tmp_path / "ws"), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.stderr


def test_review_of_only_bad_files_is_one_line_and_opens_nothing(tmp_path: Path) -> None:
    binary = write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = CliRunner().invoke(main, ["review", "--db", str(tmp_path / "ws"), str(binary)])
    assert result.exit_code == 1
    assert "photo.jpg: binary file" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_suggest_on_only_bad_files_is_one_line_per_file(tmp_path: Path) -> None:
    binary = write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = CliRunner().invoke(main, ["suggest", str(binary)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"factcheck: skipped {binary}: binary file (contains NUL bytes), not text"
    ]


def test_an_unwritable_output_file_is_one_clear_line(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    write(tmp_path, "a.txt", b"Title\n\nOne sentence.")
    CliRunner().invoke(main, ["import", "--db", str(workspace), str(tmp_path / "a.txt")])
    target = tmp_path / "missing" / "out.json"
    result = CliRunner().invoke(main, ["export", "--db", str(workspace), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith("factcheck: error: ") and result.stderr.count("\n") == 1
    assert "No such file or directory" in result.stderr


def test_a_page_date_in_a_named_time_zone_prints_no_library_warning() -> None:
    """trafilatura's date parser warns about "EST"; a user importing pages must not see that."""
    html = (
        '<html><head><title>Bank robbery photos</title><meta name="dcterms.created" '
        'content="2014-12-23 10:24:05 EST"></head><body><article><h1>Police release photos</h1>'
        "<p>Police released surveillance photos on Monday of a man they say robbed the bank. The man "
        "fled on foot toward the river, officers said.</p><p>Detectives asked anyone with information "
        "to call the department.</p></article></body></html>"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extracted = extract_html(html)
    assert extracted.paragraphs and not caught
