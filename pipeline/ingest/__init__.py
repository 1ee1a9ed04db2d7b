"""Ingest: turn files of a corpus folder into :class:`~pipeline.records.Article` objects.

Plain text (``.txt``, ``.md``) is decoded (BOM, UTF-8, UTF-16, then charset-normalizer
for legacy encodings), normalised to NFC and split into web-page furniture (navigation
line, title, publication-date line, trailing tag lines) and body. HTML goes through
trafilatura. JSON/JSONL objects give their ``text`` field verbatim.

Nothing here raises for one bad input: :func:`iter_articles` yields an
:class:`~pipeline.records.ErrorRecord` for it and goes on.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from pipeline.errors import (
    BinaryInput,
    DecodingError,
    EmptyInput,
    InputError,
    MalformedInput,
    TooLarge,
    UnreadableInput,
    UnsupportedFormat,
)
from pipeline.records import Article, ErrorRecord

logger = logging.getLogger(__name__)

#: extension -> reader kind
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date")

#: legacy encodings of French press files, most likely first
LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850")

#: an HTML page whose main text has fewer letters than this has no article in it
MIN_HTML_LETTERS = 50

#: magic numbers of binary formats people drop into article folders by mistake
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\x7fELF", "executable"),
)

#: a line ending with one of these is prose, not a title, tag or menu entry
_SENTENCE_END = ".!?…»:;\"”"


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input deliberately not processed (symlink, hidden file...), with the reason."""

    source: str
    reason: str


# --- resources -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Furniture:
    navigation_lines: frozenset[str]
    navigation_prefixes: tuple[str, ...]
    breadcrumb_separators: tuple[str, ...]
    date_keywords: tuple[str, ...]
    months: dict[str, int]
    date_re: re.Pattern[str]


@functools.cache
def _furniture() -> _Furniture:
    data = json.loads(
        resources.files("pipeline").joinpath("resources/furniture_fr.json").read_text("utf-8")
    )
    months: dict[str, int] = data["months"]
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    date_re = re.compile(
        r"(?P<iso>(?P<Y>\d{4})-(?P<M>\d{1,2})-(?P<D>\d{1,2}))"
        r"|(?P<num>(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2}))(?!\d)"
        rf"|(?P<txt>(?P<td>\d{{1,2}})(?:er)?\s+(?P<tm>{month_alt})\.?\s+(?P<ty>\d{{4}}))",
        re.IGNORECASE,
    )
    return _Furniture(
        navigation_lines=frozenset(data["navigation_lines"]),
        navigation_prefixes=tuple(data["navigation_prefixes"]),
        breadcrumb_separators=tuple(sep.strip() for sep in data["breadcrumb_separators"]),
        date_keywords=tuple(data["date_line_keywords"]),
        months=months,
        date_re=date_re,
    )


# --- dates in metadata -------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _two_digit_year(year: int) -> int:
    # Press archives rarely predate 1970: 69 -> 2069 would be absurd, 98 -> 1998 is right.
    return 2000 + year if year < 70 else 1900 + year


def parse_date_string(value: str) -> str | None:
    """Read a metadata date ("2018-06-20", "20/06/18", "12 mars 2019", ISO datetime).

    Args:
        value: the string as found in a date line or a JSON field.

    Returns:
        The ISO date ``YYYY-MM-DD`` or None when no valid full date is found.
    """
    match = _furniture().date_re.search(value)
    if match is None:
        return None
    if match.group("iso"):
        return _safe_date(int(match["Y"]), int(match["M"]), int(match["D"]))
    if match.group("num"):
        year = int(match["y"])
        if len(match["y"]) == 2:
            year = _two_digit_year(year)
        return _safe_date(year, int(match["m"]), int(match["d"]))
    month = _furniture().months[match["tm"].lower()]
    return _safe_date(int(match["ty"]), month, int(match["td"]))


# --- decoding ----------------------------------------------------------------------


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data`` if it is one, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:4096]
    if b"\x00" in head and not _looks_utf16(head):
        return "binary data (NUL bytes)"
    return None


def _looks_utf16(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    # BOM-less UTF-16 of Latin text: every other byte is NUL.
    even, odd = head[0::2], head[1::2]
    n = max(1, len(head) // 2)
    return even.count(0) / n > 0.4 or odd.count(0) / n > 0.4


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, whatever encoding French press files come in.

    Args:
        data: the raw file content.

    Returns:
        ``(text, encoding)``.

    Raises:
        EmptyInput, BinaryInput, DecodingError.
    """
    if not data.strip():
        raise EmptyInput("empty file" if not data else "file holds only whitespace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    binary = sniff_binary(data)
    if binary is not None:
        raise BinaryInput(f"binary file ({binary}), not text")
    if b"\x00" in data[:4096]:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A UTF-8 file with a few corrupt bytes: keep UTF-8 when most multi-byte sequences
    # are valid, rather than letting a legacy code page turn every accent into mojibake.
    valid_multibyte = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data))
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd")
    if valid_multibyte >= 3 * n_bad:
        logger.warning("invalid UTF-8 bytes replaced (%d): %s", n_bad, utf8_error.reason)
        return replaced, "utf-8 (with replaced bytes)"
    # Legacy French material comes in a handful of Western code pages; restricting the
    # detector to them stops it from reading "à" as a Central European "ŕ".
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best() or from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodingError(f"cannot decode text ({utf8_error.reason} at byte {utf8_error.start})")
    text = str(best)
    if not text.strip():
        raise EmptyInput("file holds only whitespace")
    return text, best.encoding


# --- plain-text layout -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the body of a plain-text page starts and ends, and what surrounds it."""

    title: str | None
    published: str | None
    tags: tuple[str, ...]
    body_start: int
    body_end: int


def _normal(line: str) -> str:
    return " ".join(line.lower().split()).strip(" :-–—|")


def _is_navigation(line: str) -> bool:
    furniture = _furniture()
    norm = _normal(line)
    if norm in furniture.navigation_lines:
        return True
    if norm.startswith(furniture.navigation_prefixes):
        return True
    # Breadcrumbs: "Accueil > Économie > Entreprises" (three parts or more)
    return any(len(norm.split(sep)) >= 3 for sep in furniture.breadcrumb_separators)


def _date_line(line: str) -> str | None:
    """The ISO date of a publication/update line, or None when ``line`` is not one."""
    if len(line) > 120:
        return None
    furniture = _furniture()
    match = furniture.date_re.search(line)
    if match is None:
        return None
    norm = _normal(line)
    rest = _normal(line[: match.start()] + " " + line[match.end():])
    has_keyword = any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", norm) for k in furniture.date_keywords)
    # Keep times and bylines ("à 10h12", "Par Jean Dupont") but not a sentence.
    if has_keyword or len(rest.split()) <= 4:
        if norm.endswith(".") and len(norm.split()) > 10:
            return None
        return parse_date_string(line)
    return None


def _dateline(line: str) -> str | None:
    """The date of a press-release dateline opening the body ("Lille, 30 juin 2017 – ...")."""
    head = line[:80]
    match = _furniture().date_re.search(head)
    if match is None:
        return None
    before, after = head[: match.start()], head[match.end():]
    # "City[, le] DATE –": a place name, an optional "le", then a dash or an opening.
    if not re.fullmatch(r"[A-ZÀ-Ý][\w'’ .-]{0,40},\s*(?:le\s+)?", before):
        return None
    if not re.match(r"\s*(?:[–—-]|:|\.|,)", after):
        return None
    return parse_date_string(head[match.start(): match.end()])


def _is_short_unpunctuated(line: str, *, max_chars: int) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= max_chars and stripped[-1] not in _SENTENCE_END


def _is_tag_line(line: str) -> bool:
    stripped = line.strip()
    if not _is_short_unpunctuated(stripped, max_chars=80) or len(stripped.split()) > 10:
        return False
    # Contact lines and phone numbers are part of the release, not tags.
    return not (":" in stripped or "@" in stripped or re.search(r"\d{2}[ .]\d{2}[ .]\d{2}", stripped))


def layout_text(text: str, *, markdown: bool = False) -> Layout:
    """Find the title, publication date, tags and body span of a scraped text page.

    General rules, not per-site ones: leading short lines without sentence punctuation
    are the header (navigation lexicon, date lines, the title); two or more trailing
    short unpunctuated lines are tags or related links.

    Args:
        text: the decoded, NFC-normalised page text.
        markdown: treat ``# Heading`` as the title.

    Returns:
        The :class:`Layout`; ``text[body_start:body_end]`` is the body.
    """
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        if content.strip():
            lead = len(content) - len(content.lstrip())
            lines.append((pos + lead, pos + len(content.rstrip()), content.strip()))
        pos += len(raw)
    if not lines:
        return Layout(title=None, published=None, tags=(), body_start=0, body_end=0)

    title: str | None = None
    published: str | None = None
    first_body = 0
    for i, (_, _, line) in enumerate(lines[:8]):
        if markdown and line.startswith("#"):
            if title is None:
                title = line.lstrip("#").strip() or None
                first_body = i + 1
                continue
            break
        date = _date_line(line)
        if date is not None:
            published = published or date
            first_body = i + 1
            continue
        if _is_navigation(line):
            first_body = i + 1
            continue
        if _is_short_unpunctuated(line, max_chars=200) and i + 1 < len(lines):
            if title is None or len(line) > len(title):
                title = line
            first_body = i + 1
            continue
        break

    if published is None and first_body < len(lines):
        published = _dateline(lines[first_body][2])

    last_body = len(lines) - 1
    tags: list[str] = []
    j = len(lines) - 1
    while j > first_body and _is_tag_line(lines[j][2]):
        tags.append(lines[j][2])
        j -= 1
    if len(tags) >= 2:
        last_body = j
    else:
        tags = []
    if first_body > last_body:
        # Everything looked like furniture: keep the text rather than lose it.
        first_body, last_body, title, tags = 0, len(lines) - 1, None, []
    return Layout(
        title=title,
        published=published,
        tags=tuple(reversed(tags)),
        body_start=lines[first_body][0],
        body_end=lines[last_body][1],
    )


# --- readers -----------------------------------------------------------------------


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
    )


def read_text_article(data: bytes, *, source: str, markdown: bool = False) -> Article:
    """Read a ``.txt``/``.md`` article: decode, NFC, split furniture from body."""
    text, encoding = decode_bytes(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    layout = layout_text(text, markdown=markdown)
    body = text[layout.body_start : layout.body_end]
    logger.debug("%s: decoded as %s", source, encoding)
    return _article(
        source=source, text=body, title=layout.title, published=layout.published, tags=layout.tags
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
    published = parse_date_string(date_raw) if date_raw else None
    if date_raw and published is None:
        logger.warning("%s: unreadable date %r ignored", source, date_raw)
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
    )


def _json_error(exc: json.JSONDecodeError) -> MalformedInput:
    return MalformedInput(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")


def iter_articles(path: Path, *, root: Path, max_bytes: int) -> Iterator[Article | ErrorRecord]:
    """Read one input file into articles; failures come out as error records.

    Args:
        path: the file.
        root: the corpus folder; sources are named relative to it.
        max_bytes: files larger than this are refused with a clear error.

    Yields:
        One :class:`Article` per article in the file (several for JSONL), or an
        :class:`ErrorRecord` per file or line that cannot be read.
    """
    source = relative_source(path, root)
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    try:
        if kind is None:
            raise UnsupportedFormat(
                f"unsupported file type '{path.suffix or '(none)'}' "
                f"(expected {', '.join(SUPPORTED_SUFFIXES)})"
            )
        data = _read_bytes(path, max_bytes=max_bytes)
        if kind == "jsonl":
            yield from _iter_jsonl(data, source=source)
            return
        if kind == "json":
            yield from _iter_json(data, source=source)
            return
        if kind == "html":
            yield read_html_article(data, source=source)
            return
        yield read_text_article(data, source=source, markdown=path.suffix.lower() == ".md")
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


def _iter_json(data: bytes, *, source: str) -> Iterator[Article | ErrorRecord]:
    try:
        obj = json.loads(_decode_json_bytes(data))
    except json.JSONDecodeError as exc:
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
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedInput(f"invalid JSON on line {n}: {exc.msg} (column {exc.colno})") from exc
            yield article_from_object(obj, source=line_source)
        except InputError as exc:
            yield ErrorRecord(source=line_source, stage="ingest", error_type=exc.kind, message=str(exc))
    if not seen_any:
        raise EmptyInput("JSONL file has no lines")


# --- corpus walk -------------------------------------------------------------------


def relative_source(path: Path, root: Path) -> str:
    """Name ``path`` relative to the corpus folder, with ``/`` separators."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def iter_input_files(root: Path, *, follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """Walk ``root`` recursively in a stable order.

    Hidden files and folders are passed over silently; symlinks are reported as skipped
    unless ``follow_symlinks`` (and then loops and links leaving the corpus still are).

    Yields:
        File paths to read, and :class:`Skipped` notes for what was deliberately not read.
    """
    root = root.resolve() if follow_symlinks else root
    real_root = root.resolve()
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks):
        current = Path(dirpath)
        if follow_symlinks:
            st = current.stat()
            if (st.st_dev, st.st_ino) in seen_dirs:
                dirnames[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            sub = current / name
            if sub.is_symlink() and not follow_symlinks:
                yield Skipped(source=relative_source(sub, root), reason="symlink to a folder, not followed")
                continue
            if follow_symlinks and not _inside(sub, real_root):
                yield Skipped(source=relative_source(sub, root), reason="symlink points outside the corpus")
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = current / name
            if path.is_symlink():
                if not follow_symlinks:
                    yield Skipped(source=relative_source(path, root), reason="symlink, not followed")
                    continue
                if not path.exists():
                    yield Skipped(source=relative_source(path, root), reason="broken symlink or symlink loop")
                    continue
                if not _inside(path, real_root):
                    yield Skipped(source=relative_source(path, root), reason="symlink points outside the corpus")
                    continue
            yield path


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True
