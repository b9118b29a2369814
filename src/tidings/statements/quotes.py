"""Quote-mark pairing that survives real news text.

:func:`find_quotes` works on the normalised view text and returns :class:`Quote` objects
(view offsets, marks included).  It copes with curly and straight marks, unbalanced
counts (an unclosed quote ends at the end of its sentence, or at a stray single closing
mark: ``"all options' were open``), quotes that run over several paragraphs (a paragraph
that opens a quote without closing it, followed by a paragraph that reopens it, is one
quote in several pieces), and single-mark quotes in headlines (``‘as Long as
Necessary,'``) while leaving apostrophes alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "“„«"
CLOSERS = "”»"
AMBIGUOUS = '"'
DOUBLE = OPENERS + CLOSERS + AMBIGUOUS + "‟"
MAX_SINGLE = 200


@dataclass
class Quote:
    start: int
    end: int
    # extra pieces of a quote that runs over several paragraphs, in order; the first piece
    # is (start, end) itself
    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    @property
    def all_pieces(self) -> list[tuple[int, int]]:
        return [(self.start, self.end)] + self.pieces

    @property
    def last_end(self) -> int:
        return self.pieces[-1][1] if self.pieces else self.end


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPENERS or ch == "‟":
        return True
    if ch in CLOSERS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:":
        return not after.isspace()
    if after.isspace() or after in ".,;:!?)]}—–-":
        return False
    return not before.isalnum()


_SENT_END = re.compile(r"[.!?](?=\s|$)")


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = _SENT_END.search(text, start, limit)
    return m.end() if m else limit


_SINGLE_OPEN = re.compile("[‘']")
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE) + "]")


def _single_quotes(text: str, pstart: int, pend: int, taken: list[tuple[int, int]]) -> list[Quote]:
    """‘...’ / '...' quotes opened at a word boundary (headlines, quotes within quotes)."""
    out: list[Quote] = []
    i = pstart
    while i < pend:
        m = _SINGLE_OPEN.search(text, i, pend)  # only a single mark can open a quote
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in "‘'" and (i == pstart or not text[i - 1].isalnum()) and i + 1 < pend \
                and text[i + 1].isalpha():
            j = i + 1
            limit = min(pend, i + MAX_SINGLE)
            while j < limit:
                c = text[j]
                if c in "’'" and text[j - 1] not in " " and (
                        j + 1 >= pend or not text[j + 1].isalnum()) and not (
                        text[j - 1] == "s" and j + 1 < pend and text[j + 1] == " "):  # leaders’ view
                    break
                j += 1
            if j < limit and j - i > 3 and not any(s <= i < e for s, e in taken):
                out.append(Quote(i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def _stray_single_close(text: str, start: int, limit: int) -> int | None:
    """A single closing mark that ends a quote opened by a double mark (``"all options'``)."""
    for m in re.finditer(r"[’'](?=[\s.,;:!?]|$)", text[start:limit]):
        j = start + m.start()
        if j > start and text[j - 1].isalpha():
            return j + 1
    return None


def _doubled_apostrophes(text: str) -> str:
    """The text with ``''`` (two apostrophes used as a double mark) as one ``"`` mark.

    The second apostrophe becomes a space on the side away from the quoted words, so
    offsets do not move; :func:`find_quotes` widens the quotes back over it."""
    def repl(m: "re.Match[str]") -> str:
        after = text[m.end():m.end() + 1]
        return ' "' if after and not after.isspace() and after not in ".,;:!?" else '" '
    return re.sub(r"(?<!')''(?!')", repl, text)


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Every quote in ``text`` (view offsets), paragraphs given as view ranges."""
    if "''" in text:
        quotes = _find(_doubled_apostrophes(text), paragraphs)
        for q in quotes:
            if q.start > 0 and text[q.start - 1:q.start + 1] == "''":
                q.start -= 1
            pieces = q.all_pieces
            fixed = [(s, e + 1 if text[e - 1:e + 1] == "''" else e) for s, e in pieces]
            q.start, q.end = fixed[0]
            q.pieces = fixed[1:]
        return quotes
    return _find(text, paragraphs)


def _find(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    carry: Quote | None = None  # a quote left open at the end of the previous paragraph
    for pstart, pend in paragraphs:
        marks = [m.start() for m in _DOUBLE_MARK.finditer(text, pstart, pend)]
        first_nonspace = pstart
        while first_nonspace < pend and text[first_nonspace].isspace():
            first_nonspace += 1
        if carry is not None:
            # a multi-paragraph quote continues only when this paragraph reopens it
            if marks and marks[0] == first_nonspace and _is_opening(text, marks[0]):
                pass
            else:
                carry = None
        open_at: int | None = None
        local: list[Quote] = []
        inner: str | None = None  # the closing mark awaited by a quote within the open quote
        for i in marks:
            opening = _is_opening(text, i)
            if inner is not None:
                if text[i] in inner and not opening:
                    inner = None
                continue
            if NESTED and open_at is not None and opening and _other_style(text[open_at], text[i]) \
                    and _closes_later(text, i, pend):
                # “... "Equal Justice" ...” / "... “Equal Justice” ...": a quote of the other
                # style inside the open one
                inner = CLOSERS if text[i] in OPENERS else AMBIGUOUS
                continue
            if open_at is None:
                if opening:
                    open_at = i
                # a stray closer with nothing open is ignored
                continue
            if opening and text[i] not in AMBIGUOUS:
                # a new opener while one is open: the first one was never closed
                end = _sentence_end(text, open_at, i)
                local.append(Quote(open_at, _trim_end(text, open_at, end), closed=False))
                open_at = i
                continue
            local.append(Quote(open_at, i + 1))
            open_at = None
        if open_at is not None:
            rest_marks = [m for m in marks if m > open_at]
            if not rest_marks and _reopens_next(text, pend, paragraphs):
                piece = (open_at, _trim_end(text, open_at, pend))
                if carry is not None:
                    carry.pieces.append(piece)
                else:
                    carry = Quote(piece[0], piece[1], closed=False)
                    quotes.append(carry)
                quotes.extend(local)
                quotes.extend(_single_quotes(text, pstart, pend, [(q.start, q.last_end) for q in local + [carry]]))
                continue
            stray = _stray_single_close(text, open_at + 1, pend)
            end = stray or _trim_end(text, open_at, pend if carry is not None else _sentence_end(text, open_at, pend))
            local.append(Quote(open_at, end, closed=stray is not None))
        if carry is not None and local and local[0].start == first_nonspace:
            # the paragraph that closes a multi-paragraph quote
            first = local.pop(0)
            carry.pieces.append((first.start, first.end))
            carry.closed = first.closed
        carry = None
        quotes.extend(local)
        quotes.extend(_single_quotes(text, pstart, pend, [(q.start, q.last_end) for q in quotes]))
    quotes.sort(key=lambda q: q.start)
    return quotes


NESTED = True


def _other_style(outer: str, mark: str) -> bool:
    """A straight mark inside a curly quote, or a curly one inside a straight quote."""
    return (outer in AMBIGUOUS) != (mark in AMBIGUOUS) and (outer in OPENERS + AMBIGUOUS)


def _closes_later(text: str, i: int, pend: int) -> bool:
    """Whether the quote opened at ``i`` closes with its own style of mark, and the outer
    one after it, in the same paragraph."""
    own = CLOSERS if text[i] in OPENERS else AMBIGUOUS
    outer = AMBIGUOUS if text[i] in OPENERS else CLOSERS
    j = next((k for k in range(i + 1, pend) if text[k] in own and not _is_opening(text, k)), None)
    if j is None:
        return False
    return any(text[k] in outer for k in range(j + 1, pend))


def _reopens_next(text: str, pend: int, paragraphs: list[tuple[int, int]]) -> bool:
    for s, e in paragraphs:
        if s >= pend:
            seg = text[s:e].lstrip()
            return bool(seg) and seg[0] in OPENERS + AMBIGUOUS
    return False


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
