"""PDF: text via pypdfium2, laid out as lines and paragraphs; the headline from the largest
type on page 1.

The document ``text`` is the text layer page by page (pages separated by a blank line),
one line per printed line.  Where the page geometry shows a paragraph break (a taller gap
between lines, a change of type size, a first-line indent) a blank line is put in, so the
cleaner sees the paragraphs the reader sees.  A word that pdfium reports as hyphenated at a
line end (U+FFFE) is written back as ``-`` and a line break, and the cleaner mends it with
its word-frequency check.  Running headers and footers stay in the text, where the cleaner
recognises them as page furniture.

The headline is the text set in the largest type on page 1 (glyph box heights from pdfium,
which include the text matrix); pdfminer.six is the fallback when pdfium gives no geometry.
"""
from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass
from typing import Any, Optional

from tidings.document import Document
from tidings.errors import PdfError

log = logging.getLogger(__name__)

_BREAK = re.compile(r"\r\n|\r|\n")
_SOFT_HYPHENS = ("\ufffe", "\x02")          # pdfium's mark for a hyphen at a line end
#: a gap this much taller than the usual line pitch of that type size starts a paragraph
GAP_FACTOR = 1.3
#: the headline's type is at least this much larger than the body's
HEADLINE_FACTOR = 1.15
MAX_PAGES = 500
#: empty space wider than this many line heights inside a printed line separates two texts
SPLIT_GAP = 2.5


@dataclass
class PdfLine:
    text: str
    page: int
    left: float = 0.0
    bottom: float = 0.0
    height: float = 0.0   # loose glyph box height: proportional to the type size
    geometry: bool = False


def _box(textpage: Any, index: int) -> Optional[tuple[float, float, float, float]]:
    try:
        return textpage.get_charbox(index, loose=True)
    except Exception as e:  # pdfium can fail on one odd glyph: no geometry there
        log.debug("no box for character %d: %s", index, e)
        return None


def _segments(textpage: Any, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one printed line where a wide gap separates its parts (a date at the left of a
    page header and a title in its middle; a URL and a page number in a footer): more than
    SPLIT_GAP line heights of empty space is layout, not a space between words."""
    cuts: list[tuple[int, int]] = []
    seg_start = start
    k = start
    while k < end:
        if text[k] != " " or k == start:
            k += 1
            continue
        j = k
        while j < end and text[j] == " ":
            j += 1
        if j >= end:
            break
        before, after = _box(textpage, k - 1), _box(textpage, j)
        if before and after:
            height = max(before[3] - before[1], after[3] - after[1], 1e-6)
            if after[0] - before[2] > SPLIT_GAP * height:
                cuts.append((seg_start, k))
                seg_start = j
        k = j
    cuts.append((seg_start, end))
    return cuts


def _page_lines(textpage: Any, page_no: int) -> list[PdfLine]:
    text = textpage.get_text_range()
    count = textpage.count_chars()
    geometry = len(text) == count  # pdfium's text indexes its characters one to one
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in list(_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if geometry and text[pos:end].strip():
            spans.extend(_segments(textpage, text, pos, end))
        else:
            spans.append((pos, end))
        pos = m.end() if m else len(text)
    lines: list[PdfLine] = []
    for start, end in spans:
        raw = text[start:end]
        line = PdfLine(raw, page_no)
        first = next((start + k for k, ch in enumerate(raw) if not ch.isspace()), None)
        box = _box(textpage, first) if geometry and first is not None else None
        if box is not None:
            left, bottom, _right, top = box
            line.left, line.bottom, line.height, line.geometry = left, bottom, top - bottom, True
        lines.append(line)
    return [ln for ln in lines if ln.text.strip()]


def _size_key(height: float) -> float:
    return round(height * 2) / 2


def _paragraph_breaks(lines: list[PdfLine]) -> list[bool]:
    """For each line after the first: does a new paragraph start here?"""
    pitches: dict[float, list[float]] = {}
    for prev, cur in zip(lines, lines[1:]):
        if prev.geometry and cur.geometry and prev.page == cur.page \
                and _size_key(prev.height) == _size_key(cur.height):
            pitch = prev.bottom - cur.bottom
            if pitch > 0:
                pitches.setdefault(_size_key(cur.height), []).append(pitch)
    usual = {k: statistics.median_low(v) for k, v in pitches.items()}  # the in-paragraph pitch
    breaks = []
    for k in range(1, len(lines)):
        prev, cur = lines[k - 1], lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if not (prev.geometry and cur.geometry) or prev.page != cur.page:
            breaks.append(False)  # no geometry to judge by (a page break is handled apart)
            continue
        size = max(prev.height, cur.height, 1e-6)
        if abs(prev.height - cur.height) > 0.1 * size:
            breaks.append(True)     # a change of type: headline to body, body to caption
            continue
        pitch = prev.bottom - cur.bottom
        base = usual.get(_size_key(cur.height))
        if pitch <= 0:
            breaks.append(False)    # a new column or a line drawn out of order: no evidence
            continue
        if base and pitch > GAP_FACTOR * base:
            breaks.append(True)
            continue
        indent = cur.left - prev.left
        breaks.append(bool(nxt is not None and nxt.geometry and nxt.page == cur.page
                           and indent > 0.5 * cur.height and abs(nxt.left - prev.left) < 0.3 * cur.height))
    return breaks


def _headline_lines(lines: list[PdfLine]) -> list[PdfLine]:
    """The run of page-1 lines set in the largest type, if it stands out from the body.

    A run that repeats on later pages is a running header, not a headline; a very short
    run (a masthead such as "THE HARBOUR COURIER") gives way to a longer run in type nearly
    as large, which is the headline under it."""
    first = [ln for ln in lines if ln.page == 0 and ln.geometry and ln.height > 0]
    if len(first) < 2:
        return []
    body = statistics.median(ln.height for ln in first)
    later = {" ".join(ln.text.split()).lower() for ln in lines if ln.page > 0}
    runs: list[list[PdfLine]] = []
    for ln in first:
        if ln.height <= body * HEADLINE_FACTOR:
            continue
        prev = runs[-1][-1] if runs else None
        if prev is not None and first.index(prev) == first.index(ln) - 1 \
                and abs(prev.height - ln.height) <= 0.05 * ln.height:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    runs = [r for r in runs if not all(" ".join(ln.text.split()).lower() in later for ln in r)]
    if not runs:
        return []

    def words(run: list[PdfLine]) -> int:
        return sum(len(ln.text.split()) for ln in run)

    best = max(runs, key=lambda r: r[0].height)   # the first of the largest
    if words(best) <= 3:
        longer = [r for r in runs if words(r) >= 4 and r[0].height >= 0.6 * best[0].height]
        if longer:
            best = max(longer, key=lambda r: r[0].height)
    return best


def _headline_pdfminer(data: bytes) -> Optional[str]:
    """The text set in the largest font on the first page, by pdfminer.six's layout."""
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
    if biggest <= body * HEADLINE_FACTOR:
        return None
    head = " ".join(t for size, t in lines if size >= biggest * 0.95)
    return re.sub(r"\s+", " ", head).strip() or None


def _open(data: bytes, label: str) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise PdfError("the PDF is encrypted (password-protected); decrypt it first",
                           document=label) from e
        raise PdfError(f"the PDF cannot be opened ({reason.rstrip('.')}); it may be truncated "
                       f"or damaged", document=label) from e


def pdf_lines(data: bytes, *, label: str) -> list[PdfLine]:
    import pypdfium2 as pdfium

    pdf = _open(data, label)
    lines: list[PdfLine] = []
    try:
        n = len(pdf)
        if n == 0:
            raise PdfError("the PDF has no pages", document=label)
        for i in range(min(n, MAX_PAGES)):
            try:
                page = pdf[i]
                textpage = page.get_textpage()
            except pdfium.PdfiumError as e:
                raise PdfError(f"page {i + 1} of the PDF cannot be read ({e}); it may be "
                               f"truncated or damaged", document=label) from e
            try:
                lines.extend(_page_lines(textpage, i))
            finally:
                textpage.close()
                page.close()
        if n > MAX_PAGES:
            log.warning("%s: only the first %d of %d pages were read", label, MAX_PAGES, n)
    finally:
        pdf.close()
    return lines


def _line_text(raw: str) -> str:
    text = raw.replace("\x00", "").rstrip()
    for mark in _SOFT_HYPHENS:
        text = text.replace(mark, "-\n")
    return text


def load_pdf(data: bytes, *, label: str) -> Document:
    lines = pdf_lines(data, label=label)
    if not any(_line_text(ln.text).strip() for ln in lines):
        raise PdfError("the PDF has no text layer (a scanned image?); run OCR on it first",
                       document=label)
    breaks = _paragraph_breaks(lines)
    head = _headline_lines(lines)
    parts: list[str] = []
    for k, ln in enumerate(lines):
        if k:
            new_page = ln.page != lines[k - 1].page
            parts.append("\n\n" if new_page or breaks[k - 1] else "\n")
        parts.append(_line_text(ln.text))
    text = "".join(parts)
    doc = Document(text=text, format="pdf")
    if head:
        doc.headline = re.sub(r"\s+", " ", " ".join(ln.text for ln in head)).strip() or None
    else:
        doc.headline = _headline_pdfminer(data)
    return doc
