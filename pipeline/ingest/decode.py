"""Decoding: the bytes of a text file into text, whatever encoding French press files come in.

BOM, strict UTF-8, a UTF-8 file with a few corrupt bytes kept as UTF-8, else
charset-normalizer restricted to the Western code pages French material comes in.
"""

from __future__ import annotations

import logging
import re

from charset_normalizer import from_bytes

from pipeline.errors import BinaryInput, DecodingError, EmptyInput

logger = logging.getLogger(__name__)

#: legacy encodings of French press files, most likely first
LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850")

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


#: below this many bytes the charset detector's guess is unreliable
_SHORT_TEXT = 2000
#: the characters of French text: ASCII, French letters, typographic punctuation and spaces
_FRENCH_CHARS = re.compile("[\t\n\r -~àâäçéèêëîïôöùûüÿæœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ«»’‘“”–—…€°\u00a0\u202f]*")

#: what a UTF-8 accent becomes when its two bytes are read in a one-byte code page
_MOJIBAKE = re.compile("[ÃÂÅÄ][\u0080-\u024f]|â€")


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
    # A short text gives the detector too little to go on (a Latin-1 sentence came out as
    # Mac Roman "DÈj‡ vu"): Windows-1252 first, when every character it gives is one French
    # text is written with.
    if len(data) < _SHORT_TEXT:
        try:
            text = data.decode(LEGACY_ENCODINGS[0])
        except UnicodeDecodeError:
            text = ""
        if text.strip() and _FRENCH_CHARS.fullmatch(text):
            return text, LEGACY_ENCODINGS[0]
    # Legacy French material comes in a handful of Western code pages; restricting the
    # detector to them stops it from reading "à" as a Central European "ŕ".
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best() or from_bytes(data).best()
    if (best is None or best.encoding is None) and valid_multibyte:
        logger.warning("invalid UTF-8 bytes replaced (%d); no legacy code page fits", n_bad)
        return replaced, "utf-8 (with replaced bytes)"
    if best is None or best.encoding is None:
        raise DecodingError(f"cannot decode text ({utf8_error.reason} at byte {utf8_error.start})")
    text = str(best)
    if not text.strip():
        raise EmptyInput("file holds only whitespace")
    # Short texts have too few valid sequences for the count above to speak: prefer UTF-8
    # when the legacy reading shows the pairs that UTF-8 accents become in a one-byte code
    # page ("Ã©", "Ã¨", "ÃĐ", "â€™") and UTF-8 lost fewer characters than that.
    if valid_multibyte and len(_MOJIBAKE.findall(text)) >= max(1, n_bad):
        logger.warning("invalid UTF-8 bytes replaced (%d); the legacy reading was mojibake", n_bad)
        return replaced, "utf-8 (with replaced bytes)"
    return text, best.encoding
