"""Plain text: decoding from any common encoding, keeping every character."""
from __future__ import annotations

import codecs
from typing import Optional

from tidings.errors import BinaryInput, EmptyInput, EncodingError

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad / min(len(text), 20000)


def decode(data: bytes, *, label: str) -> str:
    """Decode ``data``: a BOM decides; else UTF-8; else the encoding charset-normalizer finds.
    The BOM is dropped; nothing else is (CRLF stays, offsets index the text as read)."""
    if not data.strip():
        raise EmptyInput("the document is empty", document=label)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise EncodingError(f"starts with a {enc} byte-order mark but is not valid {enc}: {e.reason} "
                                    f"at byte {e.start}", document=label) from e
            return _checked(text, label)
    if b"\x00" in data[:4096]:
        enc = _bomless_utf16(data)
        if enc is not None:
            try:
                return _checked(data.decode(enc), label)
            except UnicodeDecodeError:
                pass
        raise BinaryInput("this is binary data, not text (it contains NUL bytes)", document=label)
    try:
        return _checked(data.decode("utf-8"), label)
    except UnicodeDecodeError as utf8_error:
        from charset_normalizer import from_bytes

        replaced = data.decode("utf-8", errors="replace")
        non_ascii = sum(1 for ch in replaced if ord(ch) > 127)
        bad = replaced.count("\ufffd")
        if non_ascii and bad <= max(2, non_ascii // 20) and _has_valid_multibyte(data):
            # UTF-8 with a few broken bytes: keep the text, say where it was damaged
            raise DamagedUtf8(_checked(replaced, label), utf8_error, label)

        matches = from_bytes(data)
        best = matches.best()
        if best is None or best.chaos > 0.2:
            raise EncodingError(
                f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other "
                f"text encoding fits it; convert it to UTF-8 first", document=label) from utf8_error
        western = _western(data, [m.encoding for m in matches if m.chaos <= best.chaos + 0.01])
        return _checked(western if western is not None else str(best), label)


def _bomless_utf16(data: bytes) -> Optional[str]:
    """UTF-16 without a byte-order mark, told by where the NUL bytes fall: text in Latin
    script has a NUL in every other byte (the high byte), binary data has them anywhere."""
    head = data[:4096]
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd >= 0.4 and share_even <= 0.02:
        return "utf-16-le"
    if share_even >= 0.4 and share_odd <= 0.02:
        return "utf-16-be"
    return None


_WESTERN = {"cp1252", "latin_1", "iso8859_15", "windows_1252"}


def _western(data: bytes, fitting: list[str]) -> Optional[str]:
    """Windows-1252 (the superset of Latin-1 that Western text is saved in) when it is among
    the encodings that fit equally well.  Short texts fit several single-byte Latin code
    pages alike (charset-normalizer may rank Central European cp1250 first, turning the "à"
    of French into "ŕ"); among equals the far commoner one is the better guess."""
    if not any(enc.lower().replace("-", "_") in _WESTERN for enc in fitting):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: Latin-1 has them
        return data.decode("latin-1")


def _checked(text: str, label: str) -> str:
    if not text.strip():
        raise EmptyInput("the document has no text (only whitespace)", document=label)
    if _control_share(text) > 0.05:
        raise BinaryInput("this looks like binary data, not text (too many control characters)",
                          document=label)
    return text


def _has_valid_multibyte(data: bytes) -> bool:
    """True when the data holds some well-formed UTF-8 multi-byte sequences."""
    import re
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}",
                     data) is not None


class DamagedUtf8(EncodingError):
    """UTF-8 text with invalid bytes.  Carries the text decoded with U+FFFD in their place, so
    the document is still read; the error is reported beside the result."""

    def __init__(self, text: str, cause: UnicodeDecodeError, label: str) -> None:
        super().__init__(f"invalid UTF-8 ({cause.reason} at byte {cause.start}); the broken bytes "
                         f"were replaced by U+FFFD", document=label)
        self.text = text
