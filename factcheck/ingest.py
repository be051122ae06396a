"""Turn files, standard input and web pages into Articles; refuse what is not one, saying why.

Formats, by suffix (standard input, a URL, or a file with another suffix is
recognised by its content):

- ``.txt``: the first non-empty line is the title, and the whole text (title
  included) is reviewed;
- ``.md`` / ``.markdown``: markup stripped by a Markdown parser; the title from
  front matter or the first heading (see ``extract.extract_markdown``);
- ``.html`` / ``.htm``: the main text and metadata (title, author, date, site
  name, canonical URL) by trafilatura;
- ``.json``: one object, or a list of objects; ``.jsonl``: one object a line.
  Each object has ``text`` and optionally ``title``, ``url``, ``outlet``,
  ``date``. A file with any bad object is refused whole, naming the object, so
  that fixing it and importing the file again brings in all of it, once.

Except for plain text, the article's text is the title line, a blank line, and
the paragraphs separated by blank lines. The outlet is the page's own (site
name, or ``outlet`` in JSON), else the domain of its URL.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from factcheck import __version__
from factcheck.extract import Extracted, clean_line, extract_html, extract_markdown
from factcheck.models import Article

#: A news article is a few kilobytes; anything far larger is not one article.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: A web page carries scripts and styles; its article is still one article.
MAX_PAGE_BYTES = 20 * 1024 * 1024
#: A web page whose main text is shorter than this holds no article (a menu, a login page).
MIN_PAGE_WORDS = 15
#: A JSON or JSONL file may hold a whole corpus.
MAX_CORPUS_BYTES = 512 * 1024 * 1024
#: Suffixes picked up when a folder is imported, and the format each one means.
FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
#: The source that means standard input.
STDIN = "-"
#: Seconds to wait for a web server.
FETCH_TIMEOUT = 30

#: What can be imported: a file or folder, ``-`` for standard input, or an http(s) URL.
Source = Path | str

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p)[\s>/]", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]")


class IngestError(ValueError):
    """A file that cannot become an article; the message says which and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(slots=True)
class Loaded:
    """The articles read from one file, with any warnings about how it was read."""

    path: str
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)


# -- bytes to text -------------------------------------------------------------------------------


def decode(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM allowed); else as the ``declared`` charset, else as cp1252 with
    a warning."""
    if not data.strip():
        raise IngestError(path, "empty file")
    sample = data[:8192]
    if b"\x00" in sample:
        raise IngestError(path, "binary file (contains NUL bytes), not text")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        in_declared = _decode_declared(data, declared)
        if in_declared is not None:
            text = in_declared
        else:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise IngestError(
                    path, f"unreadable encoding: not UTF-8 (byte {data[exc.start]:#04x} at {exc.start})"
                ) from None
            warnings.append(f"{path}: not UTF-8; read as Windows-1252 (cp1252)")
    if text.startswith(codecs.BOM_UTF8.decode("utf-8")):
        text = text[1:]
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.1 * min(len(text), 8192):
        raise IngestError(path, "binary file (mostly control characters), not text")
    return normalise_newlines(text), warnings


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    """The bytes in the charset a server or a page's ``<meta charset>`` declares, if that works."""
    if declared is None:
        match = _DECLARED_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    if declared is None:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- text to articles --------------------------------------------------------------------------


def outlet_from_url(url: str | None) -> str | None:
    """The domain of a URL without ``www.`` (``https://www.example.com/x`` -> ``example.com``)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def is_url(source: str) -> bool:
    """True for an http or https URL."""
    return re.match(r"https?://[^/\s]", source, re.IGNORECASE) is not None


def article_from_plain_text(
    text: str,
    path: str | None,
    name: str | None = None,
    *,
    url: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
) -> Article:
    """First non-empty line is the title; the whole text (title included) is reviewed."""
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if not title:
        raise IngestError(name or path or STDIN, "empty file (only whitespace)")
    return Article.from_text(
        text, title, outlet=outlet or outlet_from_url(url), url=url, path=path, date=date
    )


def article_from_parts(name: str, extracted: Extracted, path: str | None) -> Article:
    """Title line, blank line, paragraphs separated by blank lines (a first paragraph that
    repeats the title is dropped); without a title, the first line is the title."""
    title = clean_line(extracted.title or "")
    paragraphs = extracted.paragraphs
    if title and paragraphs and clean_line(paragraphs[0]).casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise IngestError(name, "not an article: no text" + (" besides the title" if title else ""))
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    return Article.from_text(
        text,
        title or text.split("\n", 1)[0],
        outlet=extracted.outlet or outlet_from_url(extracted.url),
        url=extracted.url,
        path=path,
        date=extracted.date,
        author=extracted.author,
    )


def articles_from_html(name: str, html: str, path: str | None, url: str | None = None) -> list[Article]:
    """The article in a web page (``url``: where it was fetched, if it names no canonical URL)."""
    extracted = extract_html(html, url)
    words = sum(len(p.split()) for p in extracted.paragraphs)
    if words < MIN_PAGE_WORDS:
        raise IngestError(name, f"not an article: no main text found in the page ({words} words)")
    extracted.url = extracted.url or url
    return [article_from_parts(name, extracted, path)]


def articles_from_json(name: str, text: str, path: str | None, *, lines: bool) -> list[Article]:
    """Articles from a JSON object or list (``lines``: JSONL); any bad object refuses the file."""
    items: list[tuple[str, Any]] = []
    if lines:
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                items.append((f"line {number}", _json_value(name, line, number)))
    else:
        value = _json_value(name, text)
        if isinstance(value, list):
            items = [(f"item {n} of the list", item) for n, item in enumerate(value, 1)]
        elif isinstance(value, dict):
            items = [("the object", value)]
        else:
            raise IngestError(name, 'not an article: expected a JSON object with "text", or a list of them')
    if not items:
        raise IngestError(name, "not an article: no JSON objects in the file")
    articles: list[Article] = []
    problems: list[str] = []
    for where, value in items:
        try:
            articles.append(_json_article(name, value, path))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
    if problems:
        more = f" (and {len(problems) - 1} more bad object(s))" if len(problems) > 1 else ""
        raise IngestError(name, f"{problems[0]}{more}; nothing from this file was imported")
    return articles


def _json_value(name: str, text: str, line: int | None = None) -> Any:
    """Parse JSON text (``line``: its line in a JSONL file); IngestError says where it is invalid."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if line is None:
            raise IngestError(
                name, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from None
        raise IngestError(
            name,
            f"invalid JSON on line {line}, column {exc.colno}: {exc.msg}; "
            "nothing from this file was imported",
        ) from None


def _json_article(name: str, value: Any, path: str | None) -> Article:
    """One JSON object as an article; ValueError says what is wrong with it."""
    if not isinstance(value, dict):
        raise ValueError('not an object with "text"')
    fields: dict[str, str | None] = {}
    for key in ("text", "title", "url", "outlet", "date"):
        field_value = value.get(key)
        if field_value is not None and not isinstance(field_value, str):
            raise ValueError(f'"{key}" is not a string')
        fields[key] = field_value
    body = normalise_newlines(fields["text"] or "").strip()
    if not body:
        raise ValueError('no "text"' if fields["text"] is None else '"text" is empty')
    if len(body) > MAX_ARTICLE_BYTES:
        raise ValueError('"text" is too large for one article')
    title = clean_line(fields["title"] or "")
    if not title:
        return article_from_plain_text(
            body, path, name, url=fields["url"], outlet=fields["outlet"], date=fields["date"]
        )
    first, _, rest = body.partition("\n")
    if clean_line(first).casefold() == title.casefold():
        body = rest.strip()
    extracted = Extracted(
        title, [body] if body else [], date=fields["date"], outlet=fields["outlet"], url=fields["url"]
    )
    try:
        return article_from_parts(name, extracted, path)
    except IngestError as exc:
        raise ValueError(exc.reason) from None


def articles_from_text(
    name: str, text: str, kind: str, path: str | None, url: str | None = None
) -> list[Article]:
    """The articles in decoded text of a known format (``txt``, ``md``, ``html``, ``json``, ``jsonl``)."""
    if kind == "html":
        return articles_from_html(name, text, path, url)
    if kind in ("json", "jsonl"):
        return articles_from_json(name, text, path, lines=kind == "jsonl")
    if kind == "md":
        extracted = extract_markdown(text)
        extracted.url = extracted.url or url
        return [article_from_parts(name, extracted, path)]
    return [article_from_plain_text(text, path, name, url=url)]


def sniff(text: str) -> str:
    """The format of text that came without a suffix: html, json, jsonl, md or txt."""
    head = text.lstrip()[:2048]
    if head.startswith("<") and _HTML_START.search(head):
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first, _, rest = text.lstrip().partition("\n")
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return "json"
        return "jsonl" if rest.strip() else "json"
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    return "md" if _MARKDOWN_HEADING.match(first_line) else "txt"


# -- sources -------------------------------------------------------------------------------------


def _read_bytes(path: Path, limit: int) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(
                name,
                f"too large ({size / 1e6:.1f} MB; the limit for this kind of file is {limit / 1e6:.0f} MB)",
            )
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from None


def read_file(path: Path) -> Loaded:
    """Read one file; raise IngestError with the reason when it holds no article."""
    name = str(path)
    kind = FORMATS.get(path.suffix.lower())
    limit = {"html": MAX_PAGE_BYTES, "json": MAX_CORPUS_BYTES, "jsonl": MAX_CORPUS_BYTES}.get(
        kind or "", MAX_ARTICLE_BYTES
    )
    data = _read_bytes(path, limit)
    text, warnings = decode(data, name)
    return Loaded(name, articles_from_text(name, text, kind or sniff(text), os.path.abspath(path)), warnings)


def read_stdin(stream: BinaryIO) -> Loaded:
    """Articles from standard input: plain text, Markdown, HTML or JSON, recognised by content."""
    data = stream.read(MAX_CORPUS_BYTES + 1)
    if len(data) > MAX_CORPUS_BYTES:
        raise IngestError(STDIN, f"too large (over {MAX_CORPUS_BYTES / 1e6:.0f} MB)")
    text, warnings = decode(data, STDIN)
    return Loaded(STDIN, articles_from_text(STDIN, text, sniff(text), None), warnings)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A web server's answer: the body, its declared type and charset, and the URL after redirects."""

    data: bytes
    content_type: str
    charset: str | None
    url: str


def fetch_url(url: str) -> Fetched:
    """GET a URL (redirects followed, at most MAX_PAGE_BYTES); IngestError on failure."""
    request = urllib.request.Request(url, headers={"User-Agent": f"factcheck/{__version__} (article import)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
            headers = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"cannot fetch: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise IngestError(url, f"cannot fetch: {exc.reason}") from None
    except (OSError, ValueError) as exc:
        raise IngestError(url, f"cannot fetch: {exc}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise IngestError(url, f"too large (over {MAX_PAGE_BYTES / 1e6:.0f} MB)")
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    return Fetched(data, content_type, headers.get_content_charset(), final)


#: Formats named by a server's Content-Type, for text whose content does not say.
_CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/markdown": "md"}


def read_url(url: str) -> Loaded:
    """Fetch a web page and extract its article (its URL is the canonical one, else the final one)."""
    fetched = fetch_url(url)
    text, warnings = decode(fetched.data, url, fetched.charset)
    kind = sniff(text)
    if kind == "txt":
        kind = _CONTENT_TYPES.get(fetched.content_type, kind)
    return Loaded(url, articles_from_text(url, text, kind, None, fetched.url), warnings)


def expand(sources: Iterable[Source], exclude: Iterable[Path] = ()) -> Iterator[Source]:
    """Sources as given, with folders expanded recursively to their article files, sorted.

    Hidden files and folders, and the folders in ``exclude`` (the workspace), are skipped.
    """
    skipped = {Path(os.path.abspath(p)) for p in exclude}
    for source in sources:
        if isinstance(source, Path) and source.is_dir():
            yield from _walk(source, skipped)
        else:
            yield source


def _walk(folder: Path, skipped: set[Path]) -> Iterator[Path]:
    if Path(os.path.abspath(folder)) in skipped:
        return
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, skipped)
        elif entry.is_file() and entry.suffix.lower() in FORMATS:
            yield entry


def read_source(source: Source, stdin: BinaryIO | None = None) -> Loaded:
    """Read one file, standard input (``-``, from ``stdin``) or URL."""
    if isinstance(source, str):
        if source == STDIN:
            if stdin is None:
                raise IngestError(STDIN, "standard input is not available here")
            return read_stdin(stdin)
        return read_url(source)
    if not source.exists():
        raise IngestError(str(source), "no such file or folder")
    return read_file(source)


def load_sources(
    sources: Iterable[Source], *, stdin: BinaryIO | None = None, exclude: Iterable[Path] = ()
) -> Iterator[Loaded | IngestError]:
    """Read every source (folders expanded); bad ones come back as IngestError values."""
    for source in expand(sources, exclude):
        try:
            yield read_source(source, stdin)
        except IngestError as exc:
            yield exc
