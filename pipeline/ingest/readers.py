"""Readers: one input file into :class:`~pipeline.records.Article` objects (text, HTML, JSON, JSONL).

Nothing here raises for one bad input: :func:`iter_articles` yields an
:class:`~pipeline.records.ErrorRecord` for it and goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.dates.inference import infer_published
from pipeline.dates.metadata import parse_date_string, parse_publication_date
from pipeline.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedInput,
    TooLarge,
    UnreadableInput,
    UnsupportedFormat,
)
from pipeline.ingest.decode import decode_bytes, sniff_binary
from pipeline.ingest.furniture import layout_text
from pipeline.ingest.walk import SUPPORTED_SUFFIXES, relative_source
from pipeline.records import Article, ErrorRecord

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date")

#: an HTML page whose main text has fewer letters than this has no article in it
MIN_HTML_LETTERS = 50


def _doc_id(*, source: str, input_id: str | None) -> str:
    key = f"id:{input_id}" if input_id else f"source:{source}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _content_hash(*parts: object) -> str:
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def _article(
    *,
    source: str,
    text: str,
    input_id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    tags: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Article:
    if not text.strip():
        raise EmptyInput("no article text")
    return Article(
        doc_id=_doc_id(source=source, input_id=input_id),
        id=input_id,
        source=source,
        title=title,
        published=published,
        url=url,
        tags=tags,
        text=text,
        content_hash=_content_hash(input_id, title, published, url, list(tags), text),
        # a reader dates an undated clipping by its URL, its file name or its own dates
        published_inferred=None if published else infer_published(text, url=url, source=source),
        warnings=warnings,
    )


def read_text_article(data: bytes, *, source: str, markdown: bool = False) -> Article:
    """Read a ``.txt``/``.md`` article: decode, NFC, split furniture from body."""
    text, encoding = decode_bytes(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    layout = layout_text(text, markdown=markdown)
    body = text[layout.body_start : layout.body_end]
    logger.debug("%s: decoded as %s", source, encoding)
    replaced = text.count("\ufffd") if encoding == "utf-8 (with replaced bytes)" else 0
    return _article(
        source=source, text=body, title=layout.title, published=layout.published, tags=layout.tags,
        warnings=(f"text: {replaced} invalid UTF-8 byte(s) replaced by U+FFFD",) if replaced else (),
    )


def read_html_article(data: bytes, *, source: str) -> Article:
    """Read an HTML page's main text and metadata with trafilatura."""
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    if not data.strip():
        raise EmptyInput("empty file")
    binary = sniff_binary(data)
    if binary is not None:
        raise BinaryInput(f"binary file ({binary}), not HTML")
    # Tables off first: old CMS pages lay the whole page out in tables, and trafilatura
    # would keep the menus. Pages whose article *is* a table get a second pass.
    extracted = None
    for include_tables in (False, True):
        extracted = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=include_tables,
            include_images=False,
            include_links=False,
        )
        text = getattr(extracted, "text", None) if extracted is not None else None
        if text and sum(ch.isalpha() for ch in text) >= MIN_HTML_LETTERS:
            break
    else:
        raise EmptyInput("no main text found in the HTML page (only navigation or scripts?)")
    text = unicodedata.normalize("NFC", text)
    # The extracted text often starts with the headline and a date line: same rules as
    # for scraped plain text. The on-page headline beats <title>, which carries site names.
    layout = layout_text(text)
    body = text[layout.body_start : layout.body_end]
    # <meta name="keywords"> arrives as one comma-separated string
    raw_tags = [
        part.strip()
        for value in [*(getattr(extracted, "tags", None) or []), *(getattr(extracted, "categories", None) or [])]
        for part in str(value).split(",")
        if part.strip()
    ]
    raw_tags += list(layout.tags)
    date = getattr(extracted, "date", None)
    return _article(
        source=source,
        text=body,
        title=layout.title or getattr(extracted, "title", None) or None,
        published=(parse_date_string(date) if date else None) or layout.published,
        url=getattr(extracted, "url", None) or None,
        tags=tuple(dict.fromkeys(raw_tags)),
    )


def article_from_object(obj: Any, *, source: str) -> Article:
    """Build an article from one JSON object (a ``.json`` file or a ``.jsonl`` line).

    The text field is used verbatim, so output offsets refer to exactly that string.

    Raises:
        MalformedInput: not an object, no text field, or fields of the wrong type.
        EmptyInput: the text is empty.
    """
    if not isinstance(obj, dict):
        raise MalformedInput(f"expected a JSON object, got {type(obj).__name__}")
    field = next((f for f in TEXT_FIELDS if f in obj), None)
    if field is None:
        raise MalformedInput("no text field (expected one of: text, content, body)")
    text = obj[field]
    if not isinstance(text, str):
        raise MalformedInput(f"field '{field}' must be a string, got {type(text).__name__}")

    def optional_str(name: str) -> str | None:
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise MalformedInput(f"field '{name}' must be a string, got {type(value).__name__}")
        return value

    input_id = optional_str("id")
    date_raw = next((optional_str(f) for f in DATE_FIELDS if obj.get(f) is not None), None)
    # "2020-09" or "2020" alone are kept as given: a coarser anchor, not no date
    published = parse_publication_date(date_raw) if date_raw else None
    warnings: tuple[str, ...] = ()
    if date_raw and published is None:
        logger.warning("%s: unreadable date %r ignored", source, date_raw)
        warnings = (f"published: not a date: {date_raw!r}",)
    tags = obj.get("tags") or ()
    if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
        raise MalformedInput("field 'tags' must be a list of strings")
    return _article(
        source=source,
        text=text,
        input_id=input_id,
        title=optional_str("title"),
        published=published,
        url=optional_str("url"),
        tags=tuple(tags),
        warnings=warnings,
    )


def _json_error(exc: json.JSONDecodeError) -> MalformedInput:
    return MalformedInput(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")


def iter_articles(
    path: Path, *, root: Path, max_bytes: int, kind: str | None = None
) -> Iterator[Article | ErrorRecord]:
    """Read one input file into articles; failures come out as error records.

    Args:
        path: the file.
        root: the corpus folder; sources are named relative to it.
        max_bytes: files larger than this are refused with a clear error.
        kind: how to read it (see :func:`iter_data_articles`); default: by its extension.

    Yields:
        One :class:`Article` per article in the file (several for JSONL), or an
        :class:`ErrorRecord` per file or line that cannot be read.
    """
    source = relative_source(path, root)
    if kind is None:
        kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
        if kind == "text" and path.suffix.lower() == ".md":
            kind = "markdown"
    try:
        if kind is None:
            raise UnsupportedFormat(
                f"unsupported file type '{path.suffix or '(none)'}' "
                f"(expected {', '.join(SUPPORTED_SUFFIXES)})"
            )
        data = _read_bytes(path, max_bytes=max_bytes)
    except InputError as exc:
        yield ErrorRecord(source=source, stage="ingest", error_type=exc.kind, message=str(exc))
        return
    yield from iter_data_articles(data, kind=kind, source=source)


def sniff_kind(data: bytes) -> str:
    """What unnamed input holds, from its first character: ``html`` (``<``), ``json``
    (``{`` or ``[``; one object, an array or JSON lines), else ``text``."""
    try:
        text, _ = decode_bytes(data[:4096])
    except InputError:
        return "text"  # the text reader says what is wrong with it
    first = text.lstrip("\ufeff \t\r\n")[:1]
    return "html" if first == "<" else "json" if first in ("{", "[") else "text"


def iter_data_articles(data: bytes, *, kind: str, source: str) -> Iterator[Article | ErrorRecord]:
    """Read the articles held in ``data``; failures come out as error records.

    Args:
        data: the bytes of one input.
        kind: ``text``, ``markdown``, ``html``, ``json`` (one object, an array, or JSON
            lines when the whole is not one JSON value), ``jsonl`` or ``auto``
            (:func:`sniff_kind`).
        source: the input's name in records and errors (``#n`` is added per line).

    Yields:
        One :class:`Article` per article, or an :class:`ErrorRecord` per input or line
        that cannot be read.
    """
    if kind == "auto":
        kind = sniff_kind(data)
    try:
        if kind == "jsonl":
            yield from _iter_jsonl(data, source=source)
        elif kind == "json":
            yield from _iter_json(data, source=source)
        elif kind == "html":
            yield read_html_article(data, source=source)
        elif kind in ("text", "markdown"):
            yield read_text_article(data, source=source, markdown=kind == "markdown")
        else:
            raise UnsupportedFormat(f"unknown input kind {kind!r}")
    except InputError as exc:
        yield ErrorRecord(source=source, stage="ingest", error_type=exc.kind, message=str(exc))
    except Exception as exc:
        logger.exception("unexpected error reading %s", source)
        yield ErrorRecord(
            source=source, stage="ingest", error_type=type(exc).__name__, message=str(exc) or repr(exc)
        )


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"file is {size:,} bytes, above the maximum of {max_bytes:,}")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise UnreadableInput("file disappeared before it could be read") from exc
    except PermissionError as exc:
        raise UnreadableInput("permission denied") from exc
    except IsADirectoryError as exc:
        raise UnreadableInput("is a directory") from exc
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from exc


def _decode_json_bytes(data: bytes) -> str:
    text, _ = decode_bytes(data)
    return text


def _loads(text: str, where: str = "") -> Any:
    """``json.loads``, with a value nested beyond the parser's recursion limit as bad input.

    Raises:
        MalformedInput: the value is nested too deeply (the parser's RecursionError).
        json.JSONDecodeError: the text is not JSON.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise MalformedInput(f"invalid JSON{where}: nested too deeply") from None


def _iter_json(data: bytes, *, source: str) -> Iterator[Article | ErrorRecord]:
    try:
        obj = _loads(_decode_json_bytes(data))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several JSON values, one a line: JSON lines
            yield from _iter_jsonl(data, source=source)
            return
        raise _json_error(exc) from exc
    if isinstance(obj, list):
        for n, item in enumerate(obj, start=1):
            item_source = f"{source}#{n}"
            try:
                yield article_from_object(item, source=item_source)
            except InputError as exc:
                yield ErrorRecord(source=item_source, stage="ingest", error_type=exc.kind, message=str(exc))
        return
    yield article_from_object(obj, source=source)


def _iter_jsonl(data: bytes, *, source: str) -> Iterator[Article | ErrorRecord]:
    text = _decode_json_bytes(data)
    seen_any = False
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        line_source = f"{source}#{n}"
        try:
            try:
                obj = _loads(line, f" on line {n}")
            except json.JSONDecodeError as exc:
                raise MalformedInput(f"invalid JSON on line {n}: {exc.msg} (column {exc.colno})") from exc
            yield article_from_object(obj, source=line_source)
        except InputError as exc:
            yield ErrorRecord(source=line_source, stage="ingest", error_type=exc.kind, message=str(exc))
    if not seen_any:
        raise EmptyInput("JSONL file has no lines")
