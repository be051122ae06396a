"""Turn files into Articles: decoding, normalisation, title, refusal of bad input."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.models import Article

#: A news article is a few kilobytes; anything far larger is not one article.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: Suffixes picked up when a folder is imported.
ARTICLE_SUFFIXES = (".txt",)


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


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM allowed), falling back to cp1252 with a warning."""
    if not data.strip():
        raise IngestError(path, "empty file")
    sample = data[:8192]
    if b"\x00" in sample:
        raise IngestError(path, "binary file (contains NUL bytes), not text")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
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


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_plain_text(text: str, path: str) -> Article:
    """First non-empty line is the title; the whole text (title included) is reviewed."""
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if not title:
        raise IngestError(path, "empty file (only whitespace)")
    return Article.from_text(text, title, path=path)


def read_file(path: Path) -> Loaded:
    """Read one article file; raise IngestError with the reason when it is not one."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise IngestError(
                name,
                f"too large for one article ({size / 1e6:.1f} MB; the limit is "
                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from None
    text, warnings = decode(data, name)
    return Loaded(name, [article_from_plain_text(text, name)], warnings)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and folders expanded recursively to their article files, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            yield path


def load_paths(paths: Iterable[Path]) -> Iterator[Loaded | IngestError]:
    """Read every article file under ``paths``; bad files come back as IngestError values."""
    for path in expand_paths(paths):
        if not path.exists():
            yield IngestError(str(path), "no such file or folder")
            continue
        try:
            yield read_file(path)
        except IngestError as exc:
            yield exc
