"""PDF: text via pypdfium2; the headline from the largest font on page 1 (pdfminer.six)."""
from __future__ import annotations

import io
import logging
import re
from typing import Optional

from tidings.document import Document
from tidings.errors import PdfError

log = logging.getLogger(__name__)


def _headline(data: bytes) -> Optional[str]:
    """The text set in the largest font on the first page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    try:
        page = next(iter(extract_pages(io.BytesIO(data), maxpages=1)), None)
    except Exception as e:  # pdfminer raises many types on odd files
        log.debug("pdfminer could not lay out page 1: %s", e)
        return None
    if page is None:
        return None
    lines: list[tuple[float, str]] = []
    for box in page:
        if not isinstance(box, LTTextContainer):
            continue
        for line in box:
            sizes = [ch.size for ch in getattr(line, "_objs", []) if isinstance(ch, LTChar)]
            text = line.get_text().strip() if hasattr(line, "get_text") else ""
            if sizes and text:
                lines.append((max(sizes), text))
    if not lines:
        return None
    biggest = max(size for size, _ in lines)
    body = sorted(size for size, _ in lines)[len(lines) // 2]
    if biggest <= body * 1.15:
        return None
    head = " ".join(t for size, t in lines if size >= biggest * 0.95)
    return re.sub(r"\s+", " ", head).strip() or None


def load_pdf(data: bytes, *, label: str) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise PdfError("the PDF is encrypted (password-protected); decrypt it first",
                           document=label) from e
        raise PdfError(f"the PDF cannot be opened ({reason}); it may be truncated or damaged",
                       document=label) from e
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            pages.append(page.get_textpage().get_text_range())
            page.close()
    finally:
        pdf.close()
    text = "\n\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages).strip("\n")
    if not text.strip():
        raise PdfError("the PDF has no text layer (a scanned image?); run OCR on it first",
                       document=label)
    doc = Document(text=text, format="pdf")
    head = _headline(data)
    if head:
        # find the headline's lines at the start of the text so structure skips them
        doc.headline = head
    return doc
