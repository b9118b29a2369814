"""HTML: the article body, headline, outlet, links and dates (trafilatura and htmldate).

The document ``text`` of an HTML page is the extracted article: the headline, a blank line,
then the body paragraphs separated by blank lines.  Offsets index that text.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Optional

from tidings.document import Document
from tidings.errors import HtmlError
from tidings.ingest.text import decode

log = logging.getLogger(__name__)
_HREF = re.compile(r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)""", re.I)
_HREF2 = re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""", re.I)


def _html_text(data: bytes, label: str) -> str:
    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode(data, label=label)


def _own_url(html: str) -> Optional[str]:
    for rx in (_HREF, _HREF2):
        m = rx.search(html[:200000])
        if m:
            return m.group(1)
    return None


def load_html(data: bytes, *, label: str, url: Optional[str] = None) -> Document:
    import trafilatura
    from htmldate import find_date

    html = _html_text(data, label)
    url = url or _own_url(html)
    try:
        extracted: Any = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, deduplicate=False, as_dict=True)
    except Exception as e:  # trafilatura raises many types on broken markup
        raise HtmlError(f"the HTML could not be parsed: {e}", document=label) from e
    if not extracted or not (extracted.get("text") or "").strip():
        raise HtmlError("no article text found in this HTML page", document=label)
    body = extracted["text"].strip()
    title = (extracted.get("title") or "").strip() or None

    paragraphs_text = [p.strip() for p in re.split(r"\n+", body) if p.strip()]
    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    if title:
        parts.append(title + "\n\n")
        pos = len(title) + 2
    for k, para in enumerate(paragraphs_text):
        if k:
            parts.append("\n\n")
            pos += 2
        paragraphs.append((pos, pos + len(para)))
        parts.append(para)
        pos += len(para)
    text = "".join(parts)

    published = updated = None
    try:
        published = find_date(html, original_date=True, url=url, extensive_search=True)
        updated = find_date(html, original_date=False, url=url, extensive_search=True)
    except Exception as e:  # a broken date never stops the document
        log.debug("htmldate failed on %s: %s", label, e)
    doc = Document(text=text, format="html", headline=title, body_start=paragraphs[0][0] if paragraphs else 0,
                   published=published, published_from="metadata" if published else None,
                   updated=updated, outlet=extracted.get("sitename") or None, url=url,
                   paragraphs=paragraphs)
    if url:
        doc.urls.append(url)
    return doc
