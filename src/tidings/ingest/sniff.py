"""Content sniffing: what a byte string is, whatever its file name says."""
from __future__ import annotations

import re

_HTML_RE = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def _ascii_head(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes (UTF-16 text is narrowed first)."""
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2:8194].decode(enc, errors="ignore").encode("utf-8", errors="ignore")
    return data[:4096]


def sniff(data: bytes, suffix: str = "") -> str:
    """``"pdf"``, ``"html"`` or ``"text"``, from the content; the file suffix only decides
    when the content alone does not (an HTML fragment named .html, binary named .pdf)."""
    head = _ascii_head(data).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if head[:1] == b"<" and _HTML_RE.search(head[:2048]):
        return "html"
    if suffix in (".html", ".htm", ".xhtml") and _HTML_RE.search(data[:65536]):
        return "html"
    if suffix == ".pdf" and not _textual(data):
        return "pdf"  # binary that claims to be a PDF without the header: the reader says why
    return "text"


def _textual(data: bytes) -> bool:
    """Plain text by its first bytes: no NUL bytes, and (almost) all valid UTF-8."""
    head = data[:4096]
    if not head.strip() or b"\x00" in head:
        return False
    decoded = head.decode("utf-8", errors="replace")
    return decoded.count("\ufffd") <= len(decoded) // 50
