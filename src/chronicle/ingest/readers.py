"""Readers that turn files, folders and stdin into Articles.

One options object (:class:`IngestOptions`) and one result stream: each input yields either an
:class:`~chronicle.model.Article` or an :class:`InputProblem` naming the file and what is wrong
with it. Readers never raise for bad input, so a batch always goes on past a bad file; the caller
reports the problems and sets the exit code.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..model import Article

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_BYTES_ENV = "CHRONICLE_MAX_BYTES"


@dataclass
class IngestOptions:
    """How inputs are read.

    ``published`` overrides every article's publication date (``--published``).
    ``max_bytes``: inputs larger than this are refused (default 10 MiB, or ``$CHRONICLE_MAX_BYTES``).
    ``title_line``: for .txt, ``"auto"`` takes a short first line followed by a blank line as the
    title, ``"yes"`` always takes the first line, ``"no"`` never does.
    ``source``: the source name for inputs that carry none (JSONL lines may set their own).
    """

    published: Optional[str] = None
    max_bytes: int = field(default_factory=lambda: int(os.environ.get(MAX_BYTES_ENV, DEFAULT_MAX_BYTES)))
    title_line: str = "auto"
    source: Optional[str] = None
    language: str = "en"


@dataclass
class InputProblem:
    """One input that could not be read, and why (one line a person can act on)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Union[Article, InputProblem]


def normalise_date(value) -> Optional[str]:
    """An ISO date string ``YYYY-MM-DD`` from a date, datetime or ISO-like string; ValueError if not."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise ValueError(f"publication date {s!r} is not an ISO date (YYYY-MM-DD)") from None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # Many control characters other than whitespace: not text.
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and ctrl / len(head) > 0.05


def _decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8, else Windows-1252, the one legacy encoding common in news
    archives (the BBC corpus has such files). Bytes that are neither raise UnicodeDecodeError."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise first_error from None


def _split_title(text: str, mode: str) -> tuple[Optional[str], str]:
    """Separate a first-line title from the body of a .txt input.

    Offsets in records are into the body, so the title is removed from the text, not kept twice.
    """
    if mode == "no":
        return None, text
    first, sep, rest = text.partition("\n")
    if not sep:
        return None, text
    title = first.strip()
    if mode == "yes":
        return (title or None), rest.lstrip("\n")
    # auto: a short line without final sentence punctuation, followed by a blank line
    if (title and len(title) <= 200 and not title.endswith((".", ":", ";", ",", '"', "\u201d"))
            and rest.startswith("\n") and rest.strip()):
        return title, rest.lstrip("\n")
    return None, text


def article_from_text(text: str, where: str, options: IngestOptions, **fields) -> Item:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title, body = _split_title(text, options.title_line)
    if not body.strip():
        return InputProblem(where, "empty: no text to extract from")
    return _article(body, where, options, title=fields.pop("title", None) or title, **fields)


def _article(text: str, where: str, options: IngestOptions, **fields) -> Item:
    try:
        published = normalise_date(options.published or fields.pop("published", None))
    except ValueError as exc:
        return InputProblem(where, str(exc))
    fields.pop("published", None)
    meta = fields.pop("meta", {}) or {}
    meta.setdefault("input", where)
    return Article(
        text=text,
        id=str(fields.pop("id", "") or ""),
        url=fields.pop("url", None),
        source=fields.pop("source", None) or options.source,
        title=fields.pop("title", None),
        published=published,
        language=fields.pop("language", None) or options.language,
        meta=meta,
    )


def article_from_html(html: Union[str, bytes], where: str, options: IngestOptions, url: Optional[str] = None) -> Item:
    """Body by trafilatura, publication date by htmldate, title/URL/site from page metadata."""
    import trafilatura
    from htmldate import find_date

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
        result = doc.as_dict() if doc is not None else None
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        return InputProblem(where, f"HTML could not be parsed: {exc}")
    if not result or not (result.get("text") or "").strip():
        return InputProblem(where, "HTML has no extractable article body")
    published = None
    try:
        published = find_date(html, original_date=True, url=url or result.get("url"))
    except Exception:
        published = None
    published = published or result.get("date")
    meta = {k: result.get(k) for k in ("author", "hostname", "sitename", "description") if result.get(k)}
    return _article(
        result["text"], where, options,
        title=result.get("title"), url=url or result.get("url"), source=result.get("sitename") or result.get("hostname"),
        published=published, meta=meta,
    )


def articles_from_jsonl(lines: Iterable[str], where: str, options: IngestOptions) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        loc = f"{where}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(loc, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(loc, "a JSON Lines record must be an object with a 'text' field")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            if isinstance(obj.get("html"), str):
                item = article_from_html(obj["html"], loc, options, url=obj.get("url"))
                if isinstance(item, Article) and obj.get("id"):
                    item.id = str(obj["id"])
                yield item
                continue
            yield InputProblem(loc, "record has no non-empty 'text' field")
            continue
        if len(text.encode("utf-8")) > options.max_bytes:
            yield InputProblem(loc, f"oversized: text is over the {options.max_bytes}-byte limit")
            continue
        known = {k: obj.get(k) for k in ("id", "url", "source", "title", "published", "language")}
        extra = {k: v for k, v in obj.items() if k not in known and k != "text"}
        yield _article(text.replace("\r\n", "\n"), loc, options, meta=extra, **known)


def read_bytes(data: bytes, where: str, options: IngestOptions, kind: Optional[str] = None) -> Iterator[Item]:
    """Articles from the bytes of one input; ``kind`` is txt/html/jsonl, sniffed when None."""
    if len(data) > options.max_bytes:
        yield InputProblem(where, f"oversized: {len(data)} bytes is over the {options.max_bytes}-byte limit "
                                  f"(set --max-bytes or ${MAX_BYTES_ENV})")
        return
    if not data.strip():
        yield InputProblem(where, "empty: the file has no content")
        return
    if _looks_binary(data):
        yield InputProblem(where, "binary: this is not a text, HTML or JSON Lines file")
        return
    if kind is None:
        head = data.lstrip()[:512].lower()
        if head.startswith(b"{"):
            kind = "jsonl"
        elif head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in data[:4096].lower():
            kind = "html"
        else:
            kind = "txt"
    if kind == "html":
        yield article_from_html(data, where, options)
        return
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError as exc:
        yield InputProblem(where, f"undecodable: neither UTF-8 nor Windows-1252 (byte {exc.start}: "
                                  f"{data[exc.start:exc.start + 1]!r}); convert it to UTF-8")
        return
    if kind == "jsonl":
        items = articles_from_jsonl(text.splitlines(), where, options)
    else:
        items = [article_from_text(text, where, options)]
    for item in items:
        if encoding != "utf-8" and isinstance(item, Article):
            item.meta["encoding"] = encoding
        yield item


def _kind_for(path: Path) -> Optional[str]:
    s = path.suffix.lower()
    if s in HTML_SUFFIXES:
        return "html"
    if s in JSONL_SUFFIXES:
        return "jsonl"
    if s in TEXT_SUFFIXES:
        return "txt"
    return None


def read_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield InputProblem(where, f"oversized: {size} bytes is over the {options.max_bytes}-byte limit "
                                      f"(set --max-bytes or ${MAX_BYTES_ENV})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(where, f"unreadable: {exc.strerror or exc}")
        return
    yield from read_bytes(data, where, options, _kind_for(path))


def iter_files(root: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order; hidden files and unknown kinds skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            p = Path(dirpath, name)
            if not name.startswith(".") and p.suffix.lower() in KNOWN_SUFFIXES:
                yield p


def count_inputs(paths: Iterable[str]) -> Optional[int]:
    """How many articles the inputs hold (JSON Lines counted by line), for a progress bar with an
    end; None when it cannot be known without reading (stdin)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = iter_files(path) if path.is_dir() else [path]
        for f in files:
            if _kind_for(f) == "jsonl":
                try:
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def read_inputs(paths: Iterable[str], options: Optional[IngestOptions] = None,
                stdin: Optional[BinaryIO] = None) -> Iterator[Item]:
    """Every Article (or InputProblem) from the given paths: files, folders (recursive), ``-`` for stdin."""
    options = options or IngestOptions()
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", options)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from (item for f in iter_files(path) for item in read_file(f, options))
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield InputProblem(raw, "unreadable: no such file or directory")
