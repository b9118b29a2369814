"""Content sniffing: what a byte string is, whatever its file name says."""
from __future__ import annotations

import re

_HTML_RE = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def sniff(data: bytes, suffix: str = "") -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if head[:1] == b"<" and _HTML_RE.search(head[:1024]):
        return "html"
    if suffix in (".html", ".htm", ".xhtml") and _HTML_RE.search(data[:65536]):
        return "html"
    if suffix == ".pdf":
        return "pdf"  # claims to be a PDF without the header: the PDF reader says why
    return "text"
