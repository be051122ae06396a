"""The text and metadata of HTML pages (trafilatura) and Markdown files (markdown-it-py).

Both return an ``Extracted``: the title, the body as paragraphs (markup gone,
whitespace inside a line collapsed, one line per ``<br>`` or hard break) and
what the page says about itself. ``ingest`` turns it into an article whose text
is the title line, a blank line, and the paragraphs separated by blank lines.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Elements of trafilatura's output tree that hold paragraphs (or other blocks) of the body.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "code"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
#: Front-matter keys read from a Markdown file (the fields a JSON article may have, and author).
_FRONT_MATTER_KEYS = ("title", "url", "outlet", "date", "author")


@dataclass(slots=True)
class Extracted:
    """What a page or document yields: its title, its body's paragraphs, its metadata."""

    title: str | None
    paragraphs: list[str]
    author: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def clean_line(text: str) -> str:
    """Whitespace runs (non-breaking spaces too) become one space; ends trimmed."""
    return " ".join(text.split())


def _clean_block(text: str) -> str:
    """A paragraph with each of its lines cleaned and empty lines dropped."""
    return "\n".join(line for line in map(clean_line, text.split("\n")) if line)


# -- HTML --------------------------------------------------------------------------------------------


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata of a web page, by trafilatura (comments and boilerplate left out)."""
    import trafilatura  # imported here: it takes a fifth of a second, and only HTML needs it

    with warnings.catch_warnings():  # a page's odd date ("12:00 EST") must not print a library warning
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    if document is None or document.body is None:
        return Extracted(None, [])
    paragraphs = [p for p in map(_clean_block, _tree_blocks(document.body)) if p]
    return Extracted(
        title=_meta(document.title),
        paragraphs=paragraphs,
        author=_meta(document.author),
        date=_meta(document.date),
        outlet=_meta(document.sitename),
        url=_meta(document.url),
    )


def _meta(value: Any) -> str | None:
    return (clean_line(value) or None) if isinstance(value, str) else None


def _tree_blocks(element: Any) -> Iterator[str]:
    """The paragraphs under one element of trafilatura's output (its XML-TEI-like tree)."""
    children = [child for child in element if isinstance(child.tag, str)]
    if element.tag == "row" and not any(_has_blocks(cell) for cell in children):
        yield " | ".join(clean_line(_inline_text(cell)) for cell in children)
        return
    if element.tag != "row" and not _has_blocks(element):
        yield _inline_text(element)
        return
    if element.text:
        yield element.text
    for child in children:
        if child.tag in _BLOCKS or child.tag == "cell":
            yield from _tree_blocks(child)
        else:
            yield _inline_text(child)
        if child.tail:
            yield child.tail


def _has_blocks(element: Any) -> bool:
    return any(child.tag in _BLOCKS for child in element)


def _inline_text(element: Any) -> str:
    """The text of an element with its inline markup dropped; ``<lb/>`` and blocks break lines."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _BLOCKS:
            parts.append(f"\n{_inline_text(child)}\n")
        elif isinstance(child.tag, str):
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# -- Markdown ----------------------------------------------------------------------------------------


def extract_markdown(source: str) -> Extracted:
    """Paragraphs of a Markdown document, markup stripped.

    The title is, in order: a ``title:`` in YAML-style front matter, the first
    level-1 heading, or a heading that opens the document; without any, the
    caller uses the first line. Front matter may also give url, outlet, date
    and author (simple ``key: value`` lines).
    """
    from markdown_it import MarkdownIt  # imported here: only Markdown needs it

    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(source)
    if match:
        meta = {
            key.lower(): value.strip("'\"").strip()
            for key, value in _FRONT_MATTER_LINE.findall(match.group(1))
            if key.lower() in _FRONT_MATTER_KEYS
        }
        source = source[match.end() :]
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks = list(_markdown_blocks(parser.parse(source)))
    title = meta.get("title") or None
    if title is None:
        first_h1 = next((i for i, (level, _) in enumerate(blocks) if level == 1), None)
        opener = 0 if blocks and blocks[0][0] else None
        chosen = first_h1 if first_h1 is not None else opener
        if chosen is not None:
            title = clean_line(blocks.pop(chosen)[1])
    return Extracted(
        title=title,
        paragraphs=[p for p in (_clean_block(text) for _, text in blocks) if p],
        author=meta.get("author") or None,
        date=meta.get("date") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
    )


def _markdown_blocks(tokens: list[Any]) -> Iterator[tuple[int, str]]:
    """(heading level or 0, plain text) for each block: headings, paragraphs, list items, rows, code."""
    heading = 0
    row: list[str] | None = None
    for token in tokens:
        if token.type == "heading_open":
            heading = int(token.tag[1:])
        elif token.type == "heading_close":
            heading = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            yield 0, " | ".join(row)
            row = None
        elif token.type == "inline":
            text = _markdown_inline(token.children or [])
            if row is not None:
                row.append(clean_line(text))
            else:
                yield heading, text
        elif token.type in ("fence", "code_block"):
            yield 0, token.content
        elif token.type == "html_block":
            yield 0, _html_fragment_text(token.content)


def _markdown_inline(children: list[Any]) -> str:
    """Plain text of an inline run: emphasis and links dropped (their text kept), images left out."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _html_fragment_text(html: str) -> str:
    """The text of a raw HTML block inside Markdown (tags, comments, scripts and styles dropped)."""
    import lxml.html

    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in fragment.xpath(".//script|.//style"):
        element.drop_tree()
    return str(fragment.text_content())
