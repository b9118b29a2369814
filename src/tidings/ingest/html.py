"""HTML: the article body, headline, outlet, links and dates (trafilatura and htmldate).

The document ``text`` of an HTML page is the extracted article: the headline, a blank line,
then the body blocks (paragraphs, headings, list items, table rows) separated by blank
lines.  Offsets index that text.  ``Document.paragraphs`` lists the blocks that are body;
inserts such as "Related: ..." or "Read more: ..." stay in the text but not in the body.

The body is extracted twice by trafilatura, once favouring precision and once favouring
recall.  The precise extraction wins unless it is much shorter than the recall one (then
it has missed part of the article, e.g. a paywall notice or a split article container).
A body block repeating the headline is dropped: the headline is already at the top.

Dates come from htmldate: ``original_date=True`` gives the publication date, and the
latest date on the page (``original_date=False``) is kept as ``updated``.
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import urlparse

from tidings.document import Document, ErrorEntry
from tidings.errors import EmptyInput, HtmlError
from tidings.ingest.text import DamagedUtf8, decode

log = logging.getLogger(__name__)

_CANONICAL = re.compile(r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*>""", re.I)
_OG_URL = re.compile(r"""<meta\b[^>]*\bproperty=["']og:url["'][^>]*>""", re.I)
_HREF = re.compile(r"""\bhref=["']([^"'\s>]+)""", re.I)
_CONTENT = re.compile(r"""\bcontent=["']([^"'\s>]+)""", re.I)
_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding=["']([\w.:-]+)""", re.I)
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

#: the precise extraction is used unless it has fewer words than this share of the recall one
SHORT_SHARE = 0.5
#: below this many words (or with no block of MIN_BLOCK_WORDS) a page holds no article
MIN_WORDS = 15
MIN_BLOCK_WORDS = 6


# -- decoding -------------------------------------------------------------------------
def _declared_charset(data: bytes) -> Optional[str]:
    head = data[:8192]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # browsers read latin-1 and ascii labels as windows-1252 (the WHATWG encoding standard)
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def html_text(data: bytes, *, label: str) -> tuple[str, Optional[ErrorEntry]]:
    """Decode an HTML page.  Valid UTF-8 is read as UTF-8 whatever the page declares (a
    mislabelled page is far likelier than Latin-1 that happens to be valid UTF-8); otherwise
    the declared charset, otherwise the encoding the text decoder detects."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, label=label), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        return data.decode(declared, errors="replace"), None
    try:
        return decode(data, label=label), None
    except DamagedUtf8 as damaged:
        return damaged.text, ErrorEntry(code=damaged.code, message=damaged.message, document=label)


def own_url(html: str) -> Optional[str]:
    """The page's own URL from ``<link rel=canonical>`` or ``og:url``."""
    head = html[:300000]
    for tag_rx, attr_rx in ((_CANONICAL, _HREF), (_OG_URL, _CONTENT)):
        for tag in tag_rx.finditer(head):
            m = attr_rx.search(tag.group(0))
            if m and m.group(1).startswith(("http://", "https://")):
                return m.group(1)
    return None


# -- the body ---------------------------------------------------------------------------
@dataclass
class Block:
    text: str
    kind: str = "p"   # p | head | item | row | quote


@dataclass
class Extracted:
    blocks: list[Block] = field(default_factory=list)
    title: Optional[str] = None
    sitename: Optional[str] = None
    url: Optional[str] = None

    @property
    def words(self) -> int:
        return sum(len(_WORD.findall(b.text)) for b in self.blocks)


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _inline_text(el: Any) -> str:
    """The text of an inline element tree; ``<lb/>`` becomes a line break."""
    parts = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag == "lb" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_BLOCK_TAGS = {"p", "head", "item", "quote", "list", "table", "row", "div", "code", "cell"}


_ENDS_SENTENCE = re.compile(r"""[.!?…]["'”’»)\]]*$""")
_STARTS_SENTENCE = re.compile(r"""^["'“‘«(\[]*[A-Z0-9\u00c0-\u024f\u0400-\u04ff]""")


def _split_at_sentence_breaks(lines: list[str]) -> list[list[str]]:
    """Lines of one block (split at ``<br>``) grouped into paragraphs: a line break after
    a finished sentence, before a new one, separates paragraphs the way CMSs that use
    ``<br><br>`` for paragraphs mean it; other breaks (an address, a poem line cut
    mid-sentence) stay inside the paragraph."""
    groups: list[list[str]] = []
    for line in lines:
        if groups and not (_ENDS_SENTENCE.search(groups[-1][-1]) and _STARTS_SENTENCE.match(line)):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _walk(el: Any, kind: str, out: list[Block]) -> None:
    """Blocks of a trafilatura XML body element, in document order."""
    tag = el.tag
    if tag == "table":
        for row in el.iter("row"):
            cells = [_squash(_inline_text(c)) for c in row if c.tag == "cell"]
            text = " | ".join(c for c in cells if c)
            if text:
                out.append(Block(text, "row"))
        return
    if tag == "list":
        for child in el:
            _walk(child, "item", out)
        return
    own_kind = {"head": "head", "item": "item", "quote": "quote"}.get(tag, kind)
    # inline content, flushed whenever a nested block starts
    parts = [el.text or ""]

    def flush() -> None:
        lines = [x for x in (_squash(x) for x in "".join(parts).split("\n")) if x]
        for group in _split_at_sentence_breaks(lines):
            out.append(Block("\n".join(group), own_kind))
        parts.clear()

    for child in el:
        if child.tag in _BLOCK_TAGS:
            flush()
            _walk(child, own_kind if tag in ("quote", "item") else "p", out)
        elif child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    flush()


_LINK_BLOCKS = ("p", "li", "blockquote", "td", "dd", "h2", "h3", "h4", "h5", "h6", "figcaption")


def body_links(html: str, blocks: list[Block], *, base: Optional[str]) -> list[str]:
    """Targets of the links that sit in the article body, in order: a link counts when the
    paragraph (list item, cell...) holding it is a body block, or a long part of one.
    (Asking trafilatura to keep links changes what it extracts, so they are found here.)"""
    import lxml.html
    from urllib.parse import urljoin

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as e:
        log.debug("no links: %s", e)
        return []
    texts = {b.text for b in blocks} | {_squash(b.text) for b in blocks}
    body = "\n".join(_squash(b.text) for b in blocks)
    seen: list[str] = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        holder = next((el for el in a.iterancestors() if el.tag in _LINK_BLOCKS), None)
        if holder is None:
            continue
        held = _squash(holder.text_content() or "")
        if not (held in texts or (len(held) >= 40 and held in body)):
            continue
        target = urljoin(base, href) if base else href
        if target.startswith(("http://", "https://")) and target not in seen:
            seen.append(target)
    return seen


def _run(html: str, *, url: Optional[str], label: str, precision: bool) -> Optional[Extracted]:
    import trafilatura

    try:
        found: Any = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=precision, favor_recall=not precision,
            deduplicate=False)
    except Exception as e:  # trafilatura raises many types on broken markup
        log.debug("trafilatura failed on %s: %s", label, e)
        return None
    if found is None or found.body is None:
        return None
    blocks: list[Block] = []
    _walk(found.body, "p", blocks)  # text may sit right in <body> or in the tails of blocks
    return Extracted(blocks=blocks, title=_squash(found.title or "") or None,
                     sitename=_squash(found.sitename or "") or None, url=found.url)


_FURNITURE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                   "form", "button", "select", "iframe", "svg")
_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt",
              "figcaption")


def _plain_blocks(html: str) -> Optional[Extracted]:
    """When trafilatura finds nothing (a fragment, a very short page): the text blocks of
    the page outside navigation, headers, footers and forms."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as e:
        log.debug("lxml could not parse the page: %s", e)
        return None
    for el in list(tree.iter(*_FURNITURE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    blocks: list[Block] = []
    for el in tree.iter(*_TEXT_TAGS):
        if any(a.tag in _TEXT_TAGS for a in el.iterancestors()):
            continue  # its text is in the enclosing block already
        text = _squash(el.text_content() or "")
        if text:
            kind = "head" if el.tag.startswith("h") else "item" if el.tag == "li" else "p"
            blocks.append(Block(text, kind))
    if not blocks:
        body = tree.find("body")
        text = _squash(body.text_content()) if body is not None else ""
        if text:
            blocks.append(Block(text))
    title = tree.findtext(".//title")
    return Extracted(blocks=blocks, title=_squash(title) if title else None)


def _norm_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def repeats_title(block: str, title: str) -> bool:
    """True when a body block is the headline again (or the headline cut short, or the
    headline with the site name after it)."""
    b, t = _norm_words(block), _norm_words(title)
    if not b or not t:
        return False
    if b == t:
        return True
    if t.startswith(b) and len(b) >= 0.5 * len(t):
        return True
    return b.startswith(t) and len(b) < 1.3 * len(t)


def extract_article(html: str, *, url: Optional[str], label: str) -> Extracted:
    """The article: the precise extraction unless it missed much of what the recall one got."""
    precise = _run(html, url=url, label=label, precision=True)
    recall = _run(html, url=url, label=label, precision=False)
    if precise is None and recall is None:
        plain = _plain_blocks(html)
        if plain is None:
            raise HtmlError("the HTML could not be parsed", document=label)
        return plain
    chosen = precise
    if precise is None or (recall is not None and precise.words < SHORT_SHARE * recall.words):
        chosen = recall
    assert chosen is not None
    other = recall if chosen is precise else precise
    if other is not None:
        chosen.title = chosen.title or other.title
        chosen.sitename = chosen.sitename or other.sitename
        chosen.url = chosen.url or other.url
    if chosen.title:
        head = chosen.blocks[:3]
        chosen.blocks = [b for b in head if not repeats_title(b.text, chosen.title)] + chosen.blocks[3:]
    return chosen


# -- metadata ---------------------------------------------------------------------------
def page_dates(html: str, url: Optional[str], *, label: str) -> tuple[Optional[str], Optional[str]]:
    """(published, updated) as YYYY-MM-DD from htmldate; None where it finds nothing."""
    from htmldate import find_date

    dates: list[Optional[str]] = []
    for original in (True, False):
        try:
            # a date in the URL (given, or canonical in the page) is the original date:
            # the search for the latest date uses it only when nothing else is found
            found = find_date(html, original_date=original, url=url, extensive_search=True,
                              deferred_url_extractor=not original)
        except Exception as e:  # a broken date never stops the document
            log.debug("htmldate failed on %s: %s", label, e)
            found = None
        dates.append(str(found)[:10] if found else None)
    published, updated = dates
    if published and updated and updated < published:
        updated = published
    return published, updated


_TAGLINE = re.compile(r"\s+[|\-–—:·•»]\s+")


def outlet_name(sitename: Optional[str], url: Optional[str]) -> Optional[str]:
    """The outlet: the curated table for the page's own domain, else the site name the page
    gives (without a tagline: "LinkNaija | Nigeria's news platform" -> "LinkNaija"), else
    the page's domain.  Links inside the article never name the outlet."""
    from tidings.clean.meta import _fallback_outlet, outlet_for

    if url:
        known = outlet_for(url)
        if known:
            return known
    if sitename:
        name = _TAGLINE.split(sitename.strip())[0].strip(" @_-|·")
        if name and " " not in name and "." in name:   # "example.com": the table may know it
            name = outlet_for(name) or name
        if name:
            return name
    return _fallback_outlet(url) if url else None


# -- the document -----------------------------------------------------------------------
def load_html(data: bytes, *, label: str, url: Optional[str] = None) -> Document:
    html, damage = html_text(data, label=label)
    if not html.strip():
        raise EmptyInput("the document is empty", document=label)
    url = url or own_url(html)
    article = extract_article(html, url=url, label=label)
    url = url or (article.url if article.url and article.url.startswith(("http://", "https://")) else None)
    body = [b for b in article.blocks if b.text.strip()]
    words = sum(len(_WORD.findall(b.text)) for b in body)
    if words < MIN_WORDS or not any(len(_WORD.findall(b.text)) >= MIN_BLOCK_WORDS for b in body):
        raise HtmlError("no article text found in this HTML page "
                        f"(only {words} words of running text)", document=label)

    from tidings.clean.structure import is_insert

    title = article.title
    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    if title:
        parts.append(title + "\n\n")
        pos = len(title) + 2
    for k, block in enumerate(body):
        if k:
            parts.append("\n\n")
            pos += 2
        if not is_insert(block.text):
            paragraphs.append((pos, pos + len(block.text)))
        parts.append(block.text)
        pos += len(block.text)
    text = "".join(parts)

    published, updated = page_dates(html, url, label=label)
    doc = Document(text=text, format="html", headline=title,
                   body_start=paragraphs[0][0] if paragraphs else 0,
                   published=published, published_from="metadata" if published else None,
                   updated=updated, outlet=outlet_name(article.sitename, url), url=url,
                   paragraphs=paragraphs)
    if url:
        doc.urls.append(url)
    # with neither its own URL nor a site name, the cleaner would take the outlet (and a
    # date) from the first linked article: the links are left out rather than mislead
    if url or doc.outlet:
        for link in body_links(html, body, base=url):
            if link not in doc.urls and urlparse(link).hostname:
                doc.urls.append(link)
    if damage is not None:
        doc.errors.append(damage)
    return doc
