"""Statements from parse attributions and quotes: speakers, entities, venues, dates."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.data import load_json
from tidings.document import DateValue, Speaker, Statement
from tidings.statements import rules
from tidings.statements.quotes import Quote, find_quotes
from tidings.statements.rules import Range, Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from tidings.analysis import Analysis

log = logging.getLogger(__name__)

PERSONAL = {"he", "she", "him", "her", "his"}
RELATIVE = {"who", "which", "that", "whom"}
DASHES = "—–-"
MIN_QUOTE_WORDS = 4  # shorter quotes without a cue are scare quotes, not statements


@lru_cache(maxsize=1)
def _venue_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p["pattern"]), p["venue"]) for p in load_json("statement_venues.json")["patterns"]]


def find_venue(text: str) -> Optional[str]:
    """The venue a sentence names ("weekly briefing", "cited by Interfax"), or None."""
    # a sentence-initial preposition: "In a statement, Jones said ..."
    text = re.sub(r"\b(In|At|During|After|On|Via)\b", lambda m: m.group(0).lower(), text)
    for pattern, fmt in _venue_patterns():
        m = pattern.search(text)
        if m:
            venue = fmt.format(m.group(0), *[g or "" for g in m.groups()])
            return re.sub(r"\s+", " ", venue).strip().rstrip(".,;:")
    return None


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


class _Context:
    """What speaker resolution needs to know about one document."""

    def __init__(self, analysis: "Analysis") -> None:
        self.analysis = analysis
        self.doc: "Doc" = analysis.parsed
        self.text: str = analysis.view.text  # = parsed.text, which spaCy rebuilds per access
        ents = analysis.layers.get("entities")
        self.entities = ents
        self.times = analysis.layers.get("times")
        self._ents: Optional[list[tuple[int, int, int, int]]] = None
        self.person_ids: set[str] = set()
        if ents is not None:
            self.person_ids = {e.id for e in ents.entities if e.kind == "person"}
        paragraphs = list(analysis.cleaned.view_paragraphs or [(0, len(self.text))])
        head = analysis.cleaned.view_headline
        if head and not any(s <= head[0] < e for s, e in paragraphs):
            paragraphs = sorted(paragraphs + [tuple(head)])  # type: ignore[list-item]
        self.paragraphs = paragraphs

    def paragraph_of(self, pos: int) -> int:
        for n, (s, e) in enumerate(self.paragraphs):
            if pos < e:
                return n
        return len(self.paragraphs) - 1

    def name_range(self, tok: "Token") -> Range:
        """The name around a head word: its named entity, else the word with its compounds."""
        if tok.ent_type_:
            if self._ents is None:
                self._ents = [(e.start, e.end, e.start_char, e.end_char) for e in self.doc.ents]
            for s, e, sc, ec in self._ents:
                if s <= tok.i < e:
                    return sc, ec
        left = tok
        for c in tok.lefts:
            if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN":
                left = c
                break
        return left.idx, tok.idx + len(tok)

    def entity_at(self, r: Range) -> Optional[str]:
        if self.entities is None:
            return None
        try:
            return self.entities.entity_at(r[0], r[1])
        except Exception:  # a half-built entities layer never loses the statements
            log.debug("entity_at failed", exc_info=True)
            return None

    def fullest(self, eid: Optional[str]) -> Optional[str]:
        """A one-word entity ("MacLeod") -> the one entity of the same kind that the article
        names in full with that last word ("Alison MacLeod"), when the entities layer kept
        them apart."""
        if eid is None or self.entities is None:
            return eid
        ent = self.entities.by_id(eid)
        if ent is None or " " in ent.name.strip() or ent.kind not in ("person", "organization"):
            return eid
        last = ent.name.strip().lower()
        fuller = [e.id for e in self.entities.entities if e.kind == ent.kind and e.id != eid
                  and e.name.lower().split()[-1:] == [last] and " " in e.name.strip()]
        return fuller[0] if len(fuller) == 1 else eid

    def last_person_before(self, pos: int) -> Optional[str]:
        """The person the text last named before ``pos`` (entities layer)."""
        if self.entities is None:
            return None
        best = None
        for s, e, eid in self.entities.view_mentions:
            if s >= pos:
                break
            if not self.person_ids or eid in self.person_ids:
                best = eid
        return best

    def date_near(self, sent: "SpacySpan", content: list[Range], skip: list[Range],
                  cue_head: Optional[int]) -> Optional[DateValue]:
        """The date of a time expression that modifies the cue ("told ... on Thursday")."""
        if self.times is None or cue_head is None:
            return None
        for s, e, value in getattr(self.times, "view_times", []):
            if s >= sent.start_char and e <= sent.end_char and not any(_overlaps((s, e), c) for c in content + skip):
                tok = self.doc[_token_at(self.doc, s)]
                for _ in range(5):
                    if tok.i == cue_head:
                        return value
                    if tok.head.i == tok.i:
                        break
                    tok = tok.head
        return None


def _attach_quotes(raws: list[Raw], quotes: list[Quote]) -> set[int]:
    """Widen contents to the quotes they touch; the indexes of the quotes used."""
    used: set[int] = set()
    for raw in raws:
        extra: list[Range] = []
        for n, q in enumerate(quotes):
            for piece in q.all_pieces:
                if any(_overlaps(piece, c) for c in raw.content):
                    # a quote counts as this content when the content covers most of it,
                    # or the quote is inside the content
                    extra.extend(q.all_pieces)
                    raw.quotes.append(n)
                    used.add(n)
                    break
        if extra:
            raw.content = _merge(raw.content + extra)
    return used


_COLON_HEAD = re.compile(r"([^:\n]{2,40}?):\s+(\S[^\n]*)")


def _colon_headlines(ctx: _Context, raws: list[Raw]) -> list[Raw]:
    """Headline style "Graham: Trump's Rhetoric Is Destroying the Party"."""
    out: list[Raw] = []
    doc, text = ctx.doc, ctx.text
    for ps, pe in ctx.paragraphs:
        m = _COLON_HEAD.fullmatch(text[ps:pe].rstrip())
        if not m or len(m.group(1).split()) > 5:
            continue
        colon = ps + m.end(1)
        if any(r.cue and r.cue[0][0] <= colon < r.cue[0][1] for r in raws):
            continue
        head = doc[_token_at(doc, colon - 1)]
        while head.is_punct and head.i > 0:
            head = doc[head.i - 1]
        if head.pos_ != "PROPN" or head.idx < ps:
            continue
        content = rules.trim(text, (ps + m.start(2), ps + m.end(2)))
        src = rules.trim(text, (ps, colon))
        words = re.findall(r"[^\W\d_]+", m.group(2))
        said = doc.char_span(*content, alignment_mode="expand") if content else None
        if content and src and len(words) >= 3 and head.ent_type_ not in ("GPE", "LOC", "DATE") \
                and said is not None and any(t.pos_ in ("VERB", "AUX") for t in said) \
                and "http" not in m.group(2):  # not "Clinton: 2,316", "Iowa: Tim Albrecht, Brad ..."
            out.append(Raw(cue=[(colon, colon + 1)], content=[content], source=src,
                           source_head=head.i))
    return out


def _continue_quotes(ctx: _Context, raws: list[Raw], quotes: list[Quote], used: set[int]) -> None:
    """“A,” he said. “B.” -- the quotes in the attribution's sentence and the quotes that
    follow it in the same paragraph with nothing between belong to it."""
    text = ctx.text
    for raw in raws:
        if not raw.quotes or not raw.cue:
            continue
        sent = _sentence_of(ctx.doc, raw.cue[0][0])
        for n, q in enumerate(quotes):
            if n not in used and sent.start_char <= q.start and q.last_end <= sent.end_char + 1:
                used.add(n)
                if len(text[q.start:q.last_end].split()) >= MIN_QUOTE_WORDS:
                    raw.quotes.append(n)
                    raw.content = _merge(raw.content + q.all_pieces)
                # a shorter one in the frame is a scare quote, not more of the statement
        n = max(raw.quotes)
        q = quotes[n]
        end = max(q.last_end, sent.end_char)
        para = ctx.paragraph_of(q.start)
        while n + 1 < len(quotes) and (n + 1) not in used:
            nxt = quotes[n + 1]
            if ctx.paragraph_of(nxt.start) != para or text[end:nxt.start].strip():
                break
            raw.quotes.append(n + 1)
            used.add(n + 1)
            raw.content = _merge(raw.content + nxt.all_pieces)
            n, end = n + 1, nxt.last_end


def _sentence_of(doc: "Doc", pos: int) -> "SpacySpan":
    tok = doc[max(0, min(len(doc) - 1, _token_at(doc, pos)))]
    return tok.sent


def _token_at(doc: "Doc", pos: int) -> int:
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _frame_raw(ctx: _Context, q: Quote, last: Optional[Raw]) -> Optional[Raw]:
    """A speaker for a quote the parse did not attach to a cue."""
    doc, text = ctx.doc, ctx.text
    qr = (q.start, q.last_end)
    content = list(q.all_pieces)
    _, speech = rules.tables()
    # 1. a dash attribution right after the quote: “...” – Commissioner X
    m = re.match(r"\s*[—–-]{1,2}\s*", text[q.last_end:q.last_end + 5])
    if m:
        start = q.last_end + m.end()
        i = _token_at(doc, start)
        toks = []
        if doc[i].idx < start < doc[i].idx + len(doc[i]):  # "-President" as one token
            toks.append(doc[i])
            i += 1
        while i < len(doc) and doc[i].idx >= start and not (doc[i].is_punct and doc[i].text not in ".") \
                and not (doc[i].is_space and "\n" in doc[i].text):
            if doc[i].text == "." and (i + 1 >= len(doc) or doc[i + 1].is_sent_start):
                break
            toks.append(doc[i])
            i += 1
        toks = toks[:12]
        heads = [t for t in toks if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if heads:
            head = next((t for t in reversed(heads) if t.ent_type_ == "PERSON"), heads[0])
            dash = re.search(r"[—–-]+", m.group(0))
            assert dash is not None
            cue = (q.last_end + dash.start(), q.last_end + dash.end())  # the dash is the cue
            return Raw(cue=[cue], content=content,
                       source=(max(start, toks[0].idx), toks[-1].idx + len(toks[-1])), source_head=head.i)
    # 2. a verb of saying in the quote's sentences, outside the quote
    sents = {_sentence_of(doc, q.start).start: _sentence_of(doc, q.start),
             _sentence_of(doc, max(q.start, q.last_end - 1)).start: _sentence_of(doc, max(q.start, q.last_end - 1))}
    best: "Optional[Token]" = None
    for sent in sents.values():
        for tok in sent:
            if tok.pos_ in ("VERB", "NOUN", "PROPN") and (tok.lemma_.lower() in speech or (
                    tok.pos_ != "VERB" and tok.lower_.endswith("s") and tok.lower_[:-1] in speech)) \
                    and not (qr[0] <= tok.idx < qr[1]):
                subj = rules._subject(tok) if tok.pos_ == "VERB" else next(
                    (t for t in reversed(list(sent)) if t.i < tok.i and t.pos_ in ("PROPN", "NOUN")
                     and not (qr[0] <= t.idx < qr[1])), None)
                if subj is not None and not (qr[0] <= subj.idx < qr[1]):
                    dist = min(abs(tok.idx - qr[0]), abs(tok.idx - qr[1]))
                    if best is None or dist < min(abs(best.idx - qr[0]), abs(best.idx - qr[1])):
                        best = tok
    if best is None:
        best = _verb_after(ctx, q, speech)
    short = len(text[q.start:q.last_end].split()) < MIN_QUOTE_WORDS
    if best is not None and short and best.pos_ != "VERB":
        best = None  # '"Libya" and "talking points"': a noun of saying near a scare quote
    if best is not None:
        subj = rules._subject(best) if best.pos_ == "VERB" else next(
            t for t in reversed(list(best.sent)) if t.i < best.i and t.pos_ in ("PROPN", "NOUN")
            and not (qr[0] <= t.idx < qr[1]))
        if best.i < _token_at(doc, q.start):
            # a partial quote inside reported speech: the content is the "that" clause
            mark = next((t for t in doc[best.i + 1:_token_at(doc, q.start)]
                         if t.lower_ == "that" and t.dep_ == "mark"), None)
            if mark is not None:
                clause = mark.head
                end = max(q.last_end, clause.right_edge.idx + len(clause.right_edge))
                r = rules.trim(text, (mark.idx, end))
                if r is not None:
                    content = _merge(content + [r])
        return Raw(cue=[rules._range(rules.cue_tokens(best))], content=content,  # type: ignore[list-item]
                   source=rules.source_range(subj), source_head=subj.i, cue_head=best.i)
    # 3. introduced by a colon: "X said:" handled by the parse; "Trump:" / "X added:"
    before = text[max(0, q.start - 3):q.start].rstrip()
    if before.endswith(":"):
        tok = doc[_token_at(doc, q.start - 1)]
        sent = tok.sent
        root = sent.root
        subj = rules._subject(root) if root.pos_ in ("VERB", "AUX") else None
        if subj is None:
            names = [t for t in sent if t.idx < q.start and t.pos_ in ("PROPN", "PRON")]
            subj = names[-1] if names else None
        src = rules.source_range(subj) if subj is not None else None
        if src is not None and (src[1] > q.start or any(ch in '"“”' for ch in text[src[0]:src[1]])):
            subj = None  # the subject of a sentence that this quote or another is part of
        if subj is not None:
            colon = tok if tok.text == ":" else None
            cue = [(colon.idx, colon.idx + 1)] if colon is not None else []
            return Raw(cue=cue, content=content, source=src, source_head=subj.i)
    # 4. short quotes with no cue are scare quotes
    if len(text[q.start:q.last_end].split()) < MIN_QUOTE_WORDS:
        return None
    # 5. a floating quote paragraph: the speaker the article has been quoting, or the
    # person the previous sentence is about
    para = ctx.paragraph_of(q.start)
    prev_sent = _sentence_of(doc, q.start)
    if prev_sent.start > 0:
        prev_sent = doc[prev_sent.start - 1].sent
        subj = next((t for t in prev_sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in PERSONAL) \
                and ctx.paragraph_of(prev_sent.start_char) >= para - 1 \
                and (last is None or last.content[-1][1] < prev_sent.start_char):
            return Raw(cue=[], content=content, source=rules.source_range(subj), source_head=subj.i, speech=True)
    if last is not None and ctx.paragraph_of(last.content[-1][1] - 1) >= para - 3:
        return Raw(cue=[], content=content, source=last.source, source_head=last.source_head,
                   speech=True)
    return None


def _verb_after(ctx: _Context, q: Quote, speech: frozenset[str]) -> "Optional[Token]":
    """“Why not?” Miller said pleasantly.  -- a quote that ends its sentence (the parser
    splits after "?” / !”") and the sentence right after it, "X said ...", a verb of saying
    with no content of its own."""
    doc, text = ctx.doc, ctx.text
    if q.last_end >= len(text) or text[q.last_end:q.last_end + 1] not in (" ",):
        return None
    i = _token_at(doc, q.last_end)
    while i < len(doc) and doc[i].idx < q.last_end:
        i += 1
    if i >= len(doc) or not doc[i].is_sent_start:
        return None
    sent = doc[i].sent
    short = len(sent) <= 12  # '"Will he run?" a staffer wondered.': any verb frames the quote
    for tok in list(sent)[:15]:
        if tok.pos_ == "VERB" and (tok.lemma_.lower() in speech or (short and tok.dep_ == "ROOT")) \
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in tok.children):
            subj = rules._subject(tok)
            if subj is not None and subj.i < tok.i:
                return tok
    return None


def _speaker(ctx: _Context, raw: Raw, history: list[tuple[Raw, Optional[str]]]) -> Optional[Speaker]:
    doc = ctx.doc
    if raw.source_head is None:
        return None
    head = doc[raw.source_head]
    span = raw.source or ctx.name_range(head)
    entity: Optional[str] = None
    low = head.lower_
    if low in RELATIVE and head.head.dep_ == "relcl":
        antecedent = head.head.head
        entity = ctx.entity_at(ctx.name_range(antecedent))
    elif head.pos_ == "PRON" or low in PERSONAL:
        entity = ctx.entity_at((head.idx, head.idx + len(head)))
        if entity is not None and ctx.person_ids and low in PERSONAL and entity not in ctx.person_ids:
            entity = None
        if entity is None and low in PERSONAL | {"i"}:
            entity = _resolve_pronoun(ctx, head, history)
    else:
        entity = ctx.entity_at(ctx.name_range(head))
    sp = ctx.analysis.span(*span)
    return Speaker(start=sp.start, end=sp.end, text=sp.text, entity=ctx.fullest(entity))


def _resolve_pronoun(ctx: _Context, head: "Token", history: list[tuple[Raw, Optional[str]]]) -> Optional[str]:
    """he/she: the subject person of the closest earlier sentences, else the last speaker."""
    doc = ctx.doc
    sent = head.sent
    i = sent.start - 1
    steps = 0
    while i >= 0 and steps < 4:
        prev = doc[i].sent
        for tok in prev:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
                eid = ctx.entity_at(ctx.name_range(tok))
                if eid is not None and (not ctx.person_ids or eid in ctx.person_ids):
                    return eid
        i = prev.start - 1
        steps += 1
    for raw, eid in reversed(history):
        if eid is not None and raw.cue_head is not None and doc[raw.cue_head].i < head.i:
            return eid
    return ctx.last_person_before(head.idx)


def _continues(ctx: _Context, last: Raw, q: Quote, items: list[Raw]) -> bool:
    """``q`` follows ``last``'s content in the same paragraph with no other attribution
    between (merging the next paragraph's quote too scored lower on the dev slice)."""
    end = last.content[-1][1]
    if any(r is not last and r.content and end <= r.content[0][0] < q.start for r in items):
        return False
    return ctx.paragraph_of(q.start) == ctx.paragraph_of(end - 1)


SCOPES = ("statements", "attributions")


def _blank(text: str, start: int, end: int, ranges: list[Range]) -> str:
    """``text[start:end]`` with the given ranges blanked out (offsets kept)."""
    chars = list(text[start:end])
    for s, e in ranges:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    return "".join(chars)


def build(analysis: "Analysis", *, cues: str = "model", scope: str = "statements") -> list[Statement]:
    """The statements of one document.

    ``scope="statements"`` (the default) keeps what someone said, wrote or claimed: cues that
    are verbs of saying, quotes, "according to", and any cue whose content is a clause
    ("believes that ...").  ``scope="attributions"`` keeps everything PolNeAR annotates as
    an attribution, also attitudes towards a noun phrase ("endorsed Clinton", "supports the
    bill"); it scores higher on PolNeAR but those are not statements to most readers.
    """
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}")
    ctx = _Context(analysis)
    doc, text = ctx.doc, ctx.text
    if not len(doc):
        return []
    quotes = find_quotes(text, ctx.paragraphs)
    raws = rules.find(doc, cues=cues, text=text)
    # an attribution inside a quote ("We believe ...", someone quoted says) is part of the
    # quoted statement, not a statement of its own
    inner = [p for q in quotes for p in q.all_pieces]
    raws = [r for r in raws if not r.cue or not any(s < r.cue[0][0] and r.cue[0][1] < e for s, e in inner)]
    if scope == "statements":
        raws = [r for r in raws if r.speech or r.clausal]
    used = _attach_quotes(raws, quotes)
    _continue_quotes(ctx, raws, quotes, used)
    raws.extend(_colon_headlines(ctx, raws))
    raws.sort(key=lambda r: r.content[0][0])
    items: list[Raw] = list(raws)
    last: Optional[Raw] = None
    for n, q in enumerate(quotes):
        if n in used:
            continue
        prior = [r for r in items if r.content and r.content[-1][1] <= q.start and r.speech
                 and r.source_head is not None]
        last = max(prior, key=lambda r: r.content[-1][1]) if prior else None
        raw = _frame_raw(ctx, q, last)
        if raw is not None and not raw.cue and last is not None and _continues(ctx, last, q, items):
            # a quote paragraph that goes on with the speaker just quoted belongs to that
            # statement (PolNeAR marks it as one discontinuous content)
            last.quotes.append(n)
            last.content = _merge(last.content + list(q.all_pieces))
            continue
        if raw is not None:
            raw.quotes.append(n)
            items.append(raw)
    items.sort(key=lambda r: (r.content[0][0], r.cue[0][0] if r.cue else 0))
    out: list[Statement] = []
    history: list[tuple[Raw, Optional[str]]] = []
    seen: set[tuple] = set()
    for raw in items:
        key = (tuple(raw.content), tuple(raw.cue))
        if key in seen or not any(ch.isalpha() for s, e in raw.content for ch in text[s:e]):
            continue  # the same attribution twice, or a content with no word ("771321763896631296")
        seen.add(key)
        speaker = _speaker(ctx, raw, history)
        history.append((raw, speaker.entity if speaker else None))
        quoted = [quotes[n] for n in raw.quotes]
        if quoted and all(any(p[0] <= c[0] and c[1] <= p[1] + 1 for q in quoted for p in q.all_pieces)
                          for c in raw.content):
            kind = "direct"
        elif quoted:
            kind = "mixed"
        else:
            kind = "indirect"
        anchor = raw.cue[0][0] if raw.cue else raw.content[0][0]
        sent = _sentence_of(doc, anchor)
        venue = find_venue(_blank(text, sent.start_char, sent.end_char, raw.content))
        out.append(Statement(
            id=f"s{len(out) + 1}", kind=kind, speaker=speaker,
            cue=analysis.span(*raw.cue[0]) if raw.cue else None,
            content=[analysis.span(s, e) for s, e in raw.content],
            venue=venue, date=ctx.date_near(sent, raw.content, [raw.source] if raw.source else [], raw.cue_head)))
    return out
