"""Statements from parse attributions and quotes: speakers, entities, venues, dates."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.data import load_json
from tidings.document import DateValue, Speaker, Statement
from tidings.statements import rules
from tidings.statements.frames import MIN_QUOTE_WORDS, PERSONAL, colon_headlines, frame_raw, merge as _merge
from tidings.statements.frames import sentence_of as _sentence_of, token_at as _token_at
from tidings.statements.quotes import Quote, find_quotes
from tidings.statements.rules import Range, Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from tidings.analysis import Analysis

log = logging.getLogger(__name__)

RELATIVE = {"who", "which", "that", "whom"}
DASHES = "—–-"


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
        self._entity_at: dict[Range, Optional[str]] = {}
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
        r = (r[0], r[1])
        if r in self._entity_at:  # pronouns look up the same subjects again and again
            return self._entity_at[r]
        try:
            eid = self.entities.entity_at(r[0], r[1])
        except Exception:  # a half-built entities layer never loses the statements
            log.debug("entity_at failed", exc_info=True)
            return None
        self._entity_at[r] = eid
        return eid

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
        # the next quote after the sentence (a quote inside it that another attribution
        # took, "..., who noted that prices had ''cratered''", does not stop the search)
        n = next((m for m in range(n + 1, len(quotes)) if m not in used or quotes[m].start >= end),
                 len(quotes)) - 1
        while n + 1 < len(quotes) and (n + 1) not in used:
            nxt = quotes[n + 1]
            if ctx.paragraph_of(nxt.start) != para or text[end:nxt.start].strip():
                break
            raw.quotes.append(n + 1)
            used.add(n + 1)
            raw.content = _merge(raw.content + nxt.all_pieces)
            n, end = n + 1, nxt.last_end


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


TOPIC_PREPS = frozenset(("over", "about", "with"))
# verbs whose "over/about/with X" is only what the talk was about ("complained about the
# fees" and "warned against it" stay statements)
TOPIC_VERBS = frozenset(("argue", "talk", "speak", "say", "ask", "write", "chat", "debate", "disagree",
                         "clash", "quarrel", "bicker", "spar", "feud", "fight", "negotiate", "meet",
                         "confer", "wrangle", "squabble"))


def _topic_only(raw: Raw, doc: "Doc", text: str) -> bool:
    """"The two countries have argued over mackerel quotas", "talked about the economy": the
    content is only what the talk was about, not something said (``scope="attributions"``
    keeps these, as PolNeAR does)."""
    if raw.kind != "prep" or not raw.cue or raw.quotes or raw.cue_head is None:
        return False
    words = text[raw.cue[0][0]:raw.cue[0][1]].split()
    return bool(words) and words[-1].lower() in TOPIC_PREPS \
        and doc[raw.cue_head].lemma_.lower() in TOPIC_VERBS


def _one_per_cue(items: list[Raw], text: str) -> list[Raw]:
    """Two contents for one cue, the parse's clause before the cue and the frame's quote:
    "Asked if ..., Trump replied, “...”" -- the quote is what was said; "Ships Will Stay
    ‘Until Talks Resume,' Reykjavik Says" -- the clause goes on with the quote."""
    by_cue: dict[tuple, list[Raw]] = {}
    for r in items:
        if r.cue:
            by_cue.setdefault(tuple(r.cue), []).append(r)
    drop: set[int] = set()
    for group in by_cue.values():
        quoted = [g for g in group if g.quotes]
        if len(group) < 2 or not quoted:
            continue
        for r in group:
            if r.quotes or r.content[-1][1] > r.cue[0][0]:
                continue
            q = next((g for g in quoted if not text[r.content[-1][1]:g.content[0][0]].strip()), None)
            if q is not None:
                r.content = _merge(r.content[:-1] + [(r.content[-1][0], q.content[0][1])] + q.content)
                r.quotes = list(q.quotes)
                drop.add(id(q))
            else:
                drop.add(id(r))
    return [r for r in items if id(r) not in drop]


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
        raws = [r for r in raws if (r.speech or r.clausal) and not _topic_only(r, doc, text)]
    used = _attach_quotes(raws, quotes)
    _continue_quotes(ctx, raws, quotes, used)
    heads = colon_headlines(ctx, raws)
    used |= _attach_quotes(heads, quotes)    # "Rep. Trey Gowdy (R-S.C.): “...”" is a direct quote
    raws.extend(heads)
    raws.sort(key=lambda r: r.content[0][0])
    items: list[Raw] = list(raws)
    last: Optional[Raw] = None
    for n, q in enumerate(quotes):
        if n in used:
            continue
        prior = [r for r in items if r.content and r.content[-1][1] <= q.start and r.speech
                 and r.source_head is not None]
        last = max(prior, key=lambda r: r.content[-1][1]) if prior else None
        raw = frame_raw(ctx, q, last)
        if raw is not None and not raw.cue and last is not None and _continues(ctx, last, q, items):
            # a quote paragraph that goes on with the speaker just quoted belongs to that
            # statement (PolNeAR marks it as one discontinuous content)
            last.quotes.append(n)
            last.content = _merge(last.content + list(q.all_pieces))
            continue
        if raw is not None:
            raw.quotes.append(n)
            items.append(raw)
    items = _one_per_cue(items, text)
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
