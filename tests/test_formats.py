"""Every input format, standard input, folders and URLs; a batch with bad files in it."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck import ingest
from factcheck.cli import main
from factcheck.ingest import Fetched, IngestError, read_file
from factcheck.segment import segment
from factcheck.store import Workspace

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council freezes bus fares | Harbour Gazette</title>
<link rel="canonical" href="https://www.harbourgazette.example/2024/03/bus-fares">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Maria Okafor">
<meta property="article:published_time" content="2024-03-12T08:30:00Z">
<script>window.ads = {slot: "/1234/news"};</script><style>.nav{display:flex}</style></head>
<body><div class="cookie-banner"><p>We use cookies to personalise content and ads. Accept all?</p></div>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Council freezes bus fares</h1><div class="byline">By Maria Okafor</div>
<p>Harbour Town's council voted on Monday to keep bus fares at their current level until April 2025.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>“People told us the bus is the only way to get to work,” said councillor Priya Raman.
Officials said the budget faces a shortfall of almost two million pounds.</p>
<h2>Where the money comes from</h2>
<p>The council will draw on its reserves, according to a report presented to the committee.</p>
</article>
<section class="comments"><h2>3 comments</h2>
<p>Typical. They never ask the people who use it.</p></section></main>
<footer><p>© 2024 Harbour Gazette. All rights reserved.</p></footer></body></html>
"""

BODY = [
    "Harbour Town's council voted on Monday to keep bus fares at their current level until April 2025.",
    "“People told us the bus is the only way to get to work,” said councillor Priya Raman. "
    "Officials said the budget faces a shortfall of almost two million pounds.",
    "Where the money comes from",
    "The council will draw on its reserves, according to a report presented to the committee.",
]


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def listed(root: Path) -> list[dict[str, object]]:
    return json.loads(run("list", "--json", "--db", str(root)).stdout)


# -- HTML ------------------------------------------------------------------------------------------


def test_html_gives_the_main_text_and_metadata_without_boilerplate(tmp_path: Path) -> None:
    (article,) = read_file(write(tmp_path, "page.html", PAGE)).articles
    assert article.text == "\n\n".join(["Council freezes bus fares", *BODY])
    assert (article.title, article.author, article.date, article.outlet, article.url) == (
        "Council freezes bus fares",
        "Maria Okafor",
        "2024-03-12",
        "Harbour Gazette",
        "https://www.harbourgazette.example/2024/03/bus-fares",
    )
    assert article.path == str(tmp_path / "page.html")
    for boilerplate in ("cookies", "Advertisement", "Typical", "rights reserved", "Sport", "ads"):
        assert boilerplate not in article.text
    units = [s.text for s in segment(article.text)]
    assert units[:2] == ["Council freezes bus fares", BODY[0]]
    assert {s.paragraph for s in segment(article.text)} == {0, 1, 2, 3, 4}


def test_html_without_a_site_name_takes_the_outlet_from_the_domain(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Harbour Gazette">', "").replace(
        " | Harbour Gazette", ""
    )
    (article,) = read_file(write(tmp_path, "page.htm", page)).articles
    assert article.outlet == "harbourgazette.example"


def test_html_in_a_declared_legacy_charset_is_decoded_by_its_declaration(tmp_path: Path) -> None:
    text = "Совет заморозил цены на проезд в автобусах до весны следующего года."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"<title>Новости</title></head><body><article><h1>Новости</h1><p>{text}</p>"
        f"<p>{text} Об этом сообщили в мэрии.</p></article></body></html>"
    )
    loaded = read_file(write(tmp_path, "ru.html", page.encode("koi8-r")))
    assert text in loaded.articles[0].text
    assert loaded.warnings == []


def test_a_page_with_no_article_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not an article"):
        read_file(write(tmp_path, "empty.html", "<html><head><title>x</title></head><body></body></html>"))


# -- Markdown ----------------------------------------------------------------------------------------


def test_markdown_markup_is_stripped_and_the_first_heading_is_the_title(tmp_path: Path) -> None:
    source = (
        "# Council *freezes* bus fares\n\n"
        "Harbour Town's council [voted](https://example.com/vote) on `Monday`,\n"
        "officials said. ![a bus](bus.png)\n\n"
        "## Where the money comes from\n\n"
        "> The council will draw on its reserves.\n\n"
        "- Fares stay at £1.80.\n- Passes stay at £14.\n\n"
        "| Route | Fare |\n|---|---|\n| 12 | £1.80 |\n\n"
        "<div class='note'>Reporting by <b>Maria Okafor</b>.<script>track()</script></div>\n"
    )
    (article,) = read_file(write(tmp_path, "a.md", source)).articles
    assert article.title == "Council freezes bus fares"
    assert article.text.split("\n\n") == [
        "Council freezes bus fares",
        "Harbour Town's council voted on Monday, officials said.",
        "Where the money comes from",
        "The council will draw on its reserves.",
        "Fares stay at £1.80.",
        "Passes stay at £14.",
        "Route | Fare",
        "12 | £1.80",
        "Reporting by Maria Okafor.",
    ]


def test_markdown_front_matter_gives_title_and_metadata(tmp_path: Path) -> None:
    source = (
        '---\ntitle: "Fares frozen"\nurl: https://www.gazette.example/fares\ndate: 2024-03-12\n'
        "author: Maria Okafor\ntags: [buses]\n---\n\n# Fares frozen\n\nThe council voted on Monday.\n"
    )
    (article,) = read_file(write(tmp_path, "a.markdown", source)).articles
    assert article.text == "Fares frozen\n\nThe council voted on Monday."
    assert (article.url, article.outlet, article.date, article.author) == (
        "https://www.gazette.example/fares",
        "gazette.example",
        "2024-03-12",
        "Maria Okafor",
    )


def test_markdown_without_a_heading_takes_the_first_line_as_title(tmp_path: Path) -> None:
    (article,) = read_file(write(tmp_path, "a.md", "Fares frozen\n\nThe council *voted*.")).articles
    assert (article.title, article.text) == ("Fares frozen", "Fares frozen\n\nThe council voted.")


# -- JSON ------------------------------------------------------------------------------------------


def test_json_list_object_and_jsonl_hold_many_articles(tmp_path: Path) -> None:
    items = [
        {
            "title": "Fares frozen",
            "text": "Fares frozen\nThe council voted.",
            "url": "https://www.gazette.example/a",
        },
        {
            "text": "Drought\n\nA hosepipe ban starts Monday.",
            "outlet": "Valley Courier",
            "date": "2024-07-02",
        },
    ]
    (first, second) = read_file(write(tmp_path, "list.json", json.dumps(items))).articles
    assert (first.title, first.text, first.outlet) == (
        "Fares frozen",
        "Fares frozen\n\nThe council voted.",
        "gazette.example",
    )
    assert (second.title, second.outlet, second.date) == ("Drought", "Valley Courier", "2024-07-02")
    (single,) = read_file(write(tmp_path, "one.json", json.dumps(items[1]))).articles
    assert (single.id, single.outlet, single.date) == (second.id, second.outlet, second.date)
    lines = "\n".join(json.dumps(item) for item in items) + "\n\n"
    assert [a.text for a in read_file(write(tmp_path, "c.jsonl", lines)).articles] == [
        first.text,
        second.text,
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bad.json", '[{"text": "One."},\n {"text": "Two."]', "invalid JSON at line 2, column"),
        ("bad.jsonl", '{"text": "One."}\n{"text": "Two."\n', "invalid JSON on line 2, column"),
        ("bad.json", '[{"text": "One."}, {"title": "No text"}]', 'item 2 of the list: no "text"'),
        ("bad.json", '[{"text": ""}, 3]', 'item 1 of the list: "text" is empty (and 1 more bad object(s))'),
        (
            "bad.jsonl",
            '{"text": "One."}\n\n{"text": "Two.", "title": 7}\n',
            'line 3: "title" is not a string',
        ),
        ("bad.json", '"just a string"', "not an article"),
        ("bad.json", "[]", "not an article: no JSON objects"),
    ],
)
def test_bad_json_is_refused_whole_naming_the_object(
    tmp_path: Path, name: str, data: str, reason: str
) -> None:
    with pytest.raises(IngestError) as caught:
        read_file(write(tmp_path, name, data))
    assert reason in caught.value.reason


# -- standard input, folders, URLs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "title"),
    [
        ("Fares frozen\n\nThe council voted.", "Fares frozen"),
        ("# Fares *frozen*\n\nThe council voted.", "Fares frozen"),
        (PAGE, "Council freezes bus fares"),
        ('{"title": "From JSON", "text": "The council voted."}', "From JSON"),
        ('{"text": "One\\n\\nFirst."}\n{"text": "Two\\n\\nSecond."}\n', "One"),
    ],
    ids=["txt", "md", "html", "json", "jsonl"],
)
def test_standard_input_is_recognised_by_its_content(tmp_path: Path, data: str, title: str) -> None:
    root = tmp_path / "ws"
    result = run("import", "-", "--db", str(root), stdin=data.encode())
    assert result.exit_code == 0, result.output
    rows = listed(root)
    assert rows[0]["title"] == title
    assert rows[0]["path"] is None


def test_a_folder_is_searched_recursively_for_every_format(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(src, "a.txt", "Plain\n\nText.")
    write(src, "deep/er/b.md", "# Mark\n\nDown.")
    write(src, "deep/c.HTML", PAGE)
    write(src, "d.jsonl", '{"text": "Line one\\n\\nBody."}\n{"text": "Line two\\n\\nBody."}\n')
    write(src, "notes.csv", "not,imported")
    write(src, ".hidden/e.txt", "Hidden\n\nNot imported.")
    root = src / "ws"  # a workspace inside the folder is not imported into itself
    assert run("import", str(src), "--db", str(root)).exit_code == 0
    assert run("import", str(src), "--db", str(root)).exit_code == 0
    assert sorted(row["title"] for row in listed(root)) == sorted(
        ["Plain", "Mark", "Council freezes bus fares", "Line one", "Line two"]
    )


def test_a_url_is_fetched_and_extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fetched: list[str] = []

    def fake_fetch(url: str) -> Fetched:
        fetched.append(url)
        page = PAGE.replace(
            '<link rel="canonical" href="https://www.harbourgazette.example/2024/03/bus-fares">', ""
        )
        return Fetched(page.encode(), "text/html", "utf-8", url + "?from=redirect")

    monkeypatch.setattr(ingest, "fetch_url", fake_fetch)
    root = tmp_path / "ws"
    url = "https://www.harbourgazette.example/2024//03/bus-fares"
    result = run("import", url, "--db", str(root))
    assert result.exit_code == 0, result.output
    assert fetched == [url]  # the URL reaches the fetcher as typed (a path would lose the "//")
    (row,) = listed(root)
    assert (row["title"], row["url"], row["outlet"], row["path"]) == (
        "Council freezes bus fares",
        url + "?from=redirect",
        "Harbour Gazette",
        None,
    )


def test_a_url_that_cannot_be_fetched_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str) -> Fetched:
        raise IngestError(url, "cannot fetch: HTTP 404 Not Found")

    monkeypatch.setattr(ingest, "fetch_url", refuse)
    result = run("import", "https://example.com/gone", "--db", str(tmp_path / "ws"))
    assert result.exit_code == 1
    assert result.stderr == "factcheck: skipped https://example.com/gone: cannot fetch: HTTP 404 Not Found\n"


# -- a batch with bad files ---------------------------------------------------------------------------


def test_a_batch_imports_the_good_files_and_names_each_bad_one(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(src, "good.txt", "Good\n\nA sentence.")
    write(src, "good.html", PAGE)
    write(src, "good.jsonl", '{"text": "Also good\\n\\nYes."}\n')
    bad = {
        "empty.md": ("", "empty file"),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        "nav-only.html": ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "not an article"),
        "latin.txt": (b"Title\n\nbad \x81\x8d byte", "unreadable encoding"),
        "broken.jsonl": ('{"text": "Fine\\n\\nYes."}\n{"text": oops}\n', "invalid JSON on line 2"),
        "half.json": ('[{"text": "Fine\\n\\nYes."}, {"text": null}]', 'item 2 of the list: no "text"'),
    }
    for name, (data, _) in bad.items():
        write(src, name, data)
    root = tmp_path / "ws"
    result = run("import", str(src), "--db", str(root))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad)
    for name, (_, reason) in bad.items():
        assert any(line.startswith(f"factcheck: skipped {src / name}: {reason}") for line in lines), name
    assert sorted(row["title"] for row in listed(root)) == ["Also good", "Council freezes bus fares", "Good"]
    assert result.stdout.splitlines()[-1] == "3 added, 0 updated, 0 already in workspace, 6 source(s) skipped"
    assert "Fine" not in {row["title"] for row in listed(root)}  # nothing from a file with a bad object


def test_titles_with_control_sequences_are_printed_inertly(tmp_path: Path) -> None:
    data = '{"title": "Evil \\u001b]52;c;ZXZpbA==\\u0007 title", "text": "Body \\u001b[31mred."}'
    result = run("import", str(write(tmp_path, "x.json", data)), "--db", str(tmp_path / "ws"))
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    info = Workspace.open(tmp_path / "ws").articles()[0]
    assert info.title == "Evil \x1b]52;c;ZXZpbA==\x07 title"


class _Site(BaseHTTPRequestHandler):
    """A tiny web server on the loopback address: a page, a redirect to it, and a 404."""

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/page":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *args: object) -> None:
        pass


def test_the_real_fetcher_follows_redirects_and_reports_http_errors() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        fetched = ingest.fetch_url(f"{base}/moved")
        assert (fetched.url, fetched.content_type, fetched.charset) == (f"{base}/page", "text/html", "utf-8")
        (article,) = ingest.read_url(f"{base}/moved").articles
        assert article.title == "Council freezes bus fares"
        with pytest.raises(IngestError, match="cannot fetch: HTTP 404"):
            ingest.fetch_url(f"{base}/gone")
    finally:
        server.shutdown()
        thread.join(timeout=10)
