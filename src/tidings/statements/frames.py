"""Speakers for quotes that the parse did not attach to a cue: the frame around them.

A dash attribution right after the quote ("“...” – Commissioner X"), a verb of saying in
the quote's sentence or opening the next one ("“Why not?” Miller asked."), "X:" before
the quote, or, for a floating quote paragraph, the speaker the article has been quoting;
and headline-style "Graham: Trump's Rhetoric Is Destroying the Party".  Pure functions
over the parse; :mod:`tidings.statements.attribute` calls them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import doc_sents, sent_starts, token_starts
from tidings.statements import rules
from tidings.statements.quotes import Quote
from tidings.statements.rules import Range, Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from tidings.statements.attribute import _Context

PERSONAL = {"he", "she", "him", "her", "his"}
MIN_QUOTE_WORDS = 4  # shorter quotes without a cue are scare quotes, not statements


def merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# (a transcript's 'Rep. Trey Gowdy (R-S.C.):"I have not ..."' may lose the space before the quote)
_COLON_HEAD = re.compile(r"([^:\n]{2,40}?):(?:\s+|(?=[\"“‘]))(\S[^\n]*)")


# a headline is short: "Jeb Bush: Student loans Some big ideas do come to pass. ..." is a
# section heading run into its paragraph
HEADLINE_WORDS = 30
TRANSCRIPT_WORDS = 150


def colon_headlines(ctx: "_Context", raws: list[Raw]) -> list[Raw]:
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
        head = doc[token_at(doc, colon - 1)]
        while head.is_punct and head.i > 0:
            head = doc[head.i - 1]
        if head.pos_ != "PROPN" or head.idx < ps:
            continue
        content = rules.trim(text, (ps + m.start(2), ps + m.end(2)))
        src = rules.trim(text, (ps, colon))
        words = re.findall(r"[^\W\d_]+", m.group(2))
        said = doc.char_span(*content, alignment_mode="expand") if content else None
        # a transcript's line ('Rep. Trey Gowdy (R-S.C.): "I have not heard ..."') is a whole
        # quote and may run long; a headline is short
        limit = TRANSCRIPT_WORDS if m.group(2)[0] in "\"“" else HEADLINE_WORDS
        if content and src and 3 <= len(words) <= limit and head.ent_type_ not in ("GPE", "LOC", "DATE") \
                and said is not None and any(t.pos_ in ("VERB", "AUX") for t in said) \
                and "http" not in m.group(2):  # not "Clinton: 2,316", "Iowa: Tim Albrecht, Brad ..."
            out.append(Raw(cue=[(colon, colon + 1)], content=[content], source=src,
                           source_head=head.i))
    return out


def sentence_of(doc: "Doc", pos: int) -> "SpacySpan":
    """The sentence of the token at character ``pos`` (see :func:`token_at`)."""
    i = max(0, min(len(doc) - 1, token_at(doc, pos)))
    sents = doc_sents(doc)
    if not sents:
        return doc[i].sent
    return sents[bisect_right(sent_starts(doc), i) - 1]


def token_at(doc: "Doc", pos: int) -> int:
    """The index of the last token that starts at or before character ``pos`` (0 when
    none does)."""
    return max(0, bisect_right(token_starts(doc), pos) - 1)


def frame_raw(ctx: "_Context", q: Quote, last: Optional[Raw]) -> Optional[Raw]:
    """A speaker for a quote the parse did not attach to a cue."""
    doc, text = ctx.doc, ctx.text
    qr = (q.start, q.last_end)
    content = list(q.all_pieces)
    _, speech = rules.tables()
    # 1. a dash attribution right after the quote: “...” – Commissioner X
    m = re.match(r"\s*[—–-]{1,2}\s*", text[q.last_end:q.last_end + 5])
    if m:
        start = q.last_end + m.end()
        i = token_at(doc, start)
        toks = []
        if doc[i].idx < start < doc[i].idx + len(doc[i]):  # "-President" as one token
            toks.append(doc[i])
            i += 1
        while i < len(doc) and doc[i].idx >= start and not (doc[i].is_punct and doc[i].text not in ".") \
                and not (doc[i].is_space and "\n" in doc[i].text):
            if doc[i].text == "." and (i + 1 >= len(doc) or doc[i + 1].is_sent_start or doc[i + 1].is_space):
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
    sents = {sentence_of(doc, q.start).start: sentence_of(doc, q.start),
             sentence_of(doc, max(q.start, q.last_end - 1)).start: sentence_of(doc, max(q.start, q.last_end - 1))}
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
        if best.i < token_at(doc, q.start):
            # a partial quote inside reported speech: the content is the "that" clause
            mark = next((t for t in doc[best.i + 1:token_at(doc, q.start)]
                         if t.lower_ == "that" and t.dep_ == "mark"), None)
            between = list(doc[rules.cue_tokens(best)[-1].i + 1:token_at(doc, q.start)])
            if mark is not None:
                clause = mark.head
                end = max(q.last_end, clause.right_edge.idx + len(clause.right_edge))
                r = rules.trim(text, (mark.idx, end))
                if r is not None:
                    content = merge(content + [r])
            elif between and len(between) <= 3 and between[0].pos_ == "PRON" and between[0].head.i == best.i \
                    and all(t.pos_ in ("DET", "ADJ") for t in between[1:]):
                # "calling it “the least bad option”": the pronoun it names belongs with the quote
                content = merge(content + [(between[0].idx, q.start)])
        elif best.i > token_at(doc, q.last_end - 1) and subj.idx >= q.last_end \
                and not text[q.last_end:min(subj.idx, best.idx)].strip():
            content = _lead_of_partial(ctx, q, content)
        return Raw(cue=[rules._range(rules.cue_tokens(best))], content=content,  # type: ignore[list-item]
                   source=rules.source_range(subj, cue=best if best.i > subj.i else None),
                   source_head=subj.i, cue_head=best.i)
    # 3. introduced by a colon: "X said:" handled by the parse; "Trump:" / "X added:"
    before = text[max(0, q.start - 3):q.start].rstrip()
    if before.endswith(":"):
        tok = doc[token_at(doc, q.start - 1)]
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
    prev_sent = sentence_of(doc, q.start)
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


def _lead_of_partial(ctx: "_Context", q: Quote, content: list[Range]) -> list[Range]:
    """Advisers Will Stay ‘as Long as Necessary,' Moscow Vows: a quote that ends a clause
    begun before it, with the speaker after it -- the content is the whole clause."""
    text = ctx.text
    sent = sentence_of(ctx.doc, q.start)
    lead = text[sent.start_char:q.start]
    if not lead.strip() or any(ch in lead for ch in "“”\"‘’") or "''" in lead or "\n" in lead.strip():
        return content
    if text[:q.last_end].rstrip("”\"'’ ")[-1:] != "," or sent[0].pos_ in ("SCONJ", "ADP", "ADV"):
        return content  # not “..., X said” closing a clause; "While ...", "In ..." lead in
    if len(text[q.start:q.last_end].split()) < MIN_QUOTE_WORDS or any(ch in lead for ch in "-—–(:;.") \
            or lead.rstrip()[-1:] == ",":
        return content  # a scare quote, or a lead that is a sentence or aside of its own
    r = rules.trim(text, (sent.start_char, q.last_end))
    return merge(content + [r]) if r is not None else content


def _verb_after(ctx: "_Context", q: Quote, speech: frozenset[str]) -> "Optional[Token]":
    """“Why not?” Miller said pleasantly.  -- a quote that ends its sentence (the parser
    splits after "?” / !”") and the sentence right after it, "X said ...", a verb of saying
    with no content of its own."""
    doc, text = ctx.doc, ctx.text
    if q.last_end >= len(text) or text[q.last_end:q.last_end + 1] not in (" ",):
        return None
    i = token_at(doc, q.last_end)
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
