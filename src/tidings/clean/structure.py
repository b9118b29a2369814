"""Article structure from raw text: headline, paragraphs, inserts, URLs, page furniture.

Text pasted out of PDFs (and much text copied from the web) is hard-wrapped, breaks
paragraphs over page and column boundaries, and has non-body lines dropped into the body.
This module classifies lines and groups body lines into paragraphs that never break
mid-sentence.  All positions are offsets into the original text.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from tidings.data import load_json

URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
URL_CHARS_RE = re.compile(r"^[\w\-./?=&%#~+:;,@!$*()']+$")
BYLINE_RE = re.compile(r"^(?:by|written by|reporting by)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,4}"
                       r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,4})*\s*$", re.I)
ROOM = 0.95  # share of the typical line width that a line with room to spare stays under
SENTENCE_END = tuple('.!?…"”’»)]')
SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but nor as by with from into onto up is are was be vs via "
    "over per than that its it s".split())


@dataclass
class Line:
    start: int      # of the stripped content
    end: int
    text: str       # stripped content
    indent: int     # leading whitespace width
    kind: str = "body"  # body | blank | headline | url | insert | furniture | byline | dateline


@dataclass
class Structure:
    lines: list[Line]
    headline: list[Line] = field(default_factory=list)
    paragraphs: list[list[Line]] = field(default_factory=list)
    urls: list[tuple[str, list[Line]]] = field(default_factory=list)
    non_body: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        stripped = content.strip()
        lead = len(content) - len(content.lstrip())
        start = pos + lead
        lines.append(Line(start, start + len(stripped), stripped, lead,
                          "body" if stripped else "blank"))
        pos += len(raw)
    return lines


def _insert_patterns() -> list[re.Pattern[str]]:
    table = load_json("non_body.json")
    return [re.compile(p, re.I) for p in table["patterns"]]


_INSERTS: Optional[list[re.Pattern[str]]] = None


def is_insert(text: str) -> bool:
    global _INSERTS
    if _INSERTS is None:
        _INSERTS = _insert_patterns()
    return any(p.search(text) for p in _INSERTS)


def is_titleish(text: str) -> bool:
    """Title Case text: most content words capitalised, no sentence-final full stop."""
    if len(text) > 160 or text.endswith("."):
        return False
    words = [w.strip("‘’'\"“”()[],:;!?-–—") for w in text.split()]
    content = [w for w in words if w and w[0].isalpha() and w.lower() not in SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.6


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def analyse(text: str, *, has_headline: bool = False, headline_hint: Optional[str] = None) -> Structure:
    lines = split_lines(text)
    st = Structure(lines)
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    if not nonblank:
        return st

    # 1. URLs (rejoining a URL broken over lines) and inserts.
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "body" and URL_RE.match(ln.text):
            parts = [ln]
            j = i + 1
            # a URL broken at the line width continues on the next line with no spaces
            while (j < len(lines) and lines[j].kind == "body" and " " not in lines[j].text
                   and URL_CHARS_RE.match(lines[j].text) and not URL_RE.match(lines[j].text)
                   and (parts[-1].text.endswith(("-", "/", "_", "=", "&", ".", "?"))
                        or not ends_sentence(lines[j].text) and _starts_lower(lines[j].text))):
                parts.append(lines[j])
                j += 1
            for p in parts:
                p.kind = "url"
            st.urls.append(("".join(p.text for p in parts).rstrip(".,;)"), parts))
            i = j
            continue
        if ln.kind == "body" and is_insert(ln.text):
            ln.kind = "insert"
        i += 1

    # 2. Page furniture: short lines that repeat (running headers, footers).
    # Page numbers differ from page to page, so lines are compared with digits masked.
    counts = Counter(_furniture_key(ln.text) for ln in lines if ln.kind == "body" and len(ln.text) < 100)
    for ln in lines:
        if ln.kind == "body" and counts[_furniture_key(ln.text)] >= 2 and len(ln.text.split()) <= 12 \
                and not ends_sentence(ln.text):
            ln.kind = "furniture"

    body = [ln for ln in lines if ln.kind == "body"]
    # 3. Headline: the leading Title Case lines (or a short first block of its own).
    if not has_headline and body:
        first = body[0]
        if headline_hint:
            # the source's own headline (a PDF's largest type) may sit under a masthead or a
            # printed page header: start at its first line; what is above it is furniture
            hint_text = " ".join(headline_hint.split())
            at = next((k for k, ln in enumerate(body[:6])
                       if hint_text.startswith(" ".join(ln.text.split()))
                       and len(ln.text) >= min(len(hint_text), 8)), 0)
            for ln in body[:at]:
                ln.kind = "furniture"
            first = body[at]
        idx = lines.index(first)
        block = []
        for ln in lines[idx:]:
            if ln.kind == "blank":
                break
            if ln.kind == "body":
                block.append(ln)
        head: list[Line] = []
        hint = " ".join(headline_hint.split()) if headline_hint else None
        for ln in block[:4]:
            if hint is not None:
                if " ".join(ln.text.split()) in hint:
                    head.append(ln)
                    continue
                break
            if is_titleish(ln.text) and not _byline_kind(ln.text):
                head.append(ln)
            else:
                break
        if not head and hint is None and len(body) > len(block) and _short_title_block(block):
            head = list(block)
        if head and len(head) == len(block) and len(body) == len(head):
            head = []  # the whole document is one title-like block: it is body text
        for ln in head:
            ln.kind = "headline"
        st.headline = head

    # 4. Bylines and datelines near the top; lines between the headline and them are a deck.
    if not has_headline and headline_hint is None:
        head_top = [ln for ln in lines if ln.kind in ("body", "headline")][:6]
        _headline_above_byline(st, head_top, [_byline_kind(ln.text) for ln in head_top])
    top = [ln for ln in lines if ln.kind == "body"][:6]
    marks = [_byline_kind(ln.text) for ln in top]
    last = max((k for k, m in enumerate(marks) if m), default=-1)
    if last >= 0:
        deck = [ln for ln, m in zip(top[:last], marks[:last]) if not m]
        if st.headline and sum(len(ln.text) for ln in deck) <= 300:
            for ln in deck:
                ln.kind = "deck"
        for ln, m in zip(top[:last + 1], marks[:last + 1]):
            if m:
                ln.kind = m

    for ln in lines:
        if ln.kind in ("url", "insert", "furniture", "byline", "dateline", "deck"):
            st.non_body.append(ln)

    st.paragraphs = _paragraphs(lines)
    return st


MASTHEAD_WORDS = frozenset(
    "times post news herald journal tribune gazette courier ledger chronicle telegraph guardian "
    "review daily observer monitor express mail star sun independent standard press record "
    "reporter bulletin examiner inquirer dispatch register sentinel today weekly".split())


def _masthead(text: str) -> bool:
    """A newspaper's name over its page: short, and in capitals or named like a paper
    ("THE NORTHERN LEDGER", "Harbour Courier")."""
    words = text.split()
    if not words or len(words) > 5 or ends_sentence(text) or any(c.isdigit() for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True
    return is_titleish(text) and words[-1].lower().strip(".,") in MASTHEAD_WORDS


def _headline_above_byline(st: Structure, top: list[Line], marks: list[Optional[str]]) -> None:
    """Pasted text seldom keeps blank lines: when a byline or dateline comes within the
    first lines, what stands above it is the headline (a Sentence case one wrapped over
    lines too), under the paper's name when the first line is a masthead."""
    first_mark = next((k for k, m in enumerate(marks) if m), None)
    if not first_mark:
        return
    above = top[:first_mark]
    masthead = None
    if len(above) >= 2 and _masthead(above[0].text) and not _masthead(above[1].text):
        masthead, above = above[0], above[1:]
    words = sum(len(ln.text.split()) for ln in above)
    if words > 30 or any(ends_sentence(ln.text) and not ln.text.endswith(("?", "!", "”", '"', "’", "'"))
                         for ln in above[:-1]):
        return
    found = [ln for ln in st.headline if ln is not masthead]
    if found:
        # a Title Case headline found above stays; the lines under it are its deck
        if found != above[:len(found)]:
            return
        head = list(found)
        for ln in above[len(found):]:  # a headline wrapped onto a line of its own: "sharply"
            if not _starts_lower(ln.text):
                break
            head.append(ln)
        if masthead is None and head == found:
            return
    else:
        head = above
    for ln in st.headline:
        ln.kind = "body"
    if masthead is not None:
        masthead.kind = "furniture"
    for ln in head:
        ln.kind = "headline"
    st.headline = list(head)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


_AGENCY_LINE = re.compile(r"^(reuters|associated press|the associated press|ap|afp|agence france-presse|"
                          r"staff writers?|staff reporter|special correspondent|correspondent)\.?$", re.I)


def _byline_kind(text: str) -> Optional[str]:
    """'byline' or 'dateline' for a line that is only that, else None."""
    if len(text) < 120:
        head, _, tail = text.partition("|") if "|" in text else (text, "", "")
        m = None if "|" in text else re.match(r"^(.*?),\s*((?:\w+,?\s+)?\w+\.?\s+\d{1,2},?\s+\d{4}.*)$", text)
        if m and _looks_like_date_line(m.group(2)):  # "By Tom Ellery, March 14, 2025"
            head, tail = m.group(1), m.group(2)
        head, tail = head.strip(), tail.strip()
        if (BYLINE_RE.match(head) or _AGENCY_LINE.match(head)) and (not tail or _looks_like_date_line(tail)):
            return "byline"
    if _looks_like_date_line(text):
        return "dateline"
    return None


def _short_title_block(block: list[Line]) -> bool:
    """A first block of one or two short lines standing alone above the body: a headline,
    even in Sentence case or with a closing full stop (as some archives store them)."""
    text = " ".join(ln.text for ln in block)
    if len(block) > 2 or len(text) > 150 or len(text.split()) > 25:
        return False
    # one sentence (a full stop only at the very end), or a title and a deck split by ';' / ':'
    inner = text.rstrip(".")
    return not re.search(r"[.!?][\"”’]?\s+[A-Z]", inner) or ";" in text


_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?:[,\s]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*$",
    re.I)


def _looks_like_date_line(text: str) -> bool:
    return bool(_DATE_LINE.match(text))


def _hard_wrapped(texts: list[str], width: int) -> bool:
    """Whether body lines are wrapped at a line width (a PDF's lines, narrow newspaper
    columns included) rather than one paragraph per line: most lines run close to the
    width and break mid-sentence."""
    if len(texts) < 3 or width < 25:
        return False
    near_full = sum(len(t) >= 0.7 * width for t in texts)
    mid_sentence = sum(not ends_sentence(t) for t in texts)
    return near_full >= 0.5 * len(texts) and mid_sentence >= 0.4 * len(texts)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group body lines into paragraphs, mending breaks that fall mid-sentence."""
    body_lengths = [len(ln.text) for ln in lines if ln.kind == "body"]
    # the typical full line width (a high percentile, so one overlong line does not skew it)
    width = sorted(body_lengths)[int(0.9 * (len(body_lengths) - 1))] if body_lengths else 0
    wrapped = _hard_wrapped([ln.text for ln in lines if ln.kind == "body"], width)
    full = 0.75 * width

    blocks: list[list[Line]] = []
    current: list[Line] = []
    gap = False  # something other than a body line since the last body line
    for ln in lines:
        if ln.kind != "body":
            if current:
                gap = True
            continue
        if current and gap:
            blocks.append(current)
            current = []
        elif current and wrapped:
            prev = current[-1]
            # a short line that ends a sentence, or an indented line, starts a new paragraph;
            # so does a sentence end on a line that had room for the next line's first word
            # (a wrapped line is only cut short where its paragraph ends)
            first_word = ln.text.split(" ", 1)[0]
            if (ends_sentence(prev.text) and len(prev.text) < full) or \
                    (ln.indent > 0 and not _starts_lower(ln.text) and ends_sentence(prev.text)) or \
                    (ends_sentence(prev.text) and not _starts_lower(ln.text)
                     and len(prev.text) + 1 + len(first_word) <= ROOM * width):
                blocks.append(current)
                current = []
        current.append(ln)
        gap = False
    if current:
        blocks.append(current)

    merged: list[list[Line]] = []
    for block in blocks:
        if merged:
            last = merged[-1][-1].text
            first = block[0].text
            if _starts_lower(first) or (not ends_sentence(last) and not is_titleish(last)
                                        and (last.endswith((",", "-", "–", "—")) or last[-1:].isalnum())
                                        and len(merged[-1]) > 1 and len(last) >= full * 0.9):
                merged[-1].extend(block)
                continue
        merged.append(block)
    return merged
