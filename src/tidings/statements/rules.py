"""Attributions found on the dependency parse: cue, source and content, in view offsets.

A cue is a verb whose lemma the cue table (``statement_cues.json``) lists: the verbs that
PolNeAR's annotators marked as attribution cues often enough, plus the hand-listed verbs
of saying.  The content is the verb's clausal complement (``that``-clause, quote,
infinitive or object); the source is its subject (or the ``by`` agent of a passive, or the
subject of the verb it hangs off for "..., adding that ...").  A verb with no clausal
complement takes its object or prepositional phrase (:mod:`tidings.statements.objects`).
"according to X" and nouns of saying with their clause ("his claim that ...", "Lin's vow
to ...") are cues too (:mod:`tidings.statements.nominal`).  Everything here is a pure
function over one spaCy ``Doc``; :mod:`tidings.statements` attaches quotes, speakers,
venues and dates.  Rule choices were measured with ``bench/eval_statements.py --part dev``
(and confirmed on ``--part train``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.data import load_json
from tidings.entities.doccache import subtree_indices, token_ends, token_starts
from tidings.statements.clauses import _aside, _goes_on, _lost_subject, _quote_before, _swapped_subjects
from tidings.statements import asides
from tidings.statements.asides import (  # noqa: F401  (SETTING_PREPS, THAT_VERBS: re-exported)
    AS_VERBS, SETTING_PREPS, THAT_VERBS, _as_said, _aside_ccomp, _said_that, _that_on_setting)
from tidings.statements.sources import (  # noqa: F401  (re-exported: frames, nominal)
    QUOTE_CHARS, _agent, _fronted_appos, _inverted_subject, _range, _subject, source_range)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Range = tuple[int, int]

SUBJ = ("nsubj", "nsubjpass", "csubj")
EDGE_PUNCT = ".,;:!?—–-"


@dataclass
class Raw:
    """One attribution found in the parse (view offsets)."""
    cue: list[Range]
    content: list[Range]
    source: Optional[Range] = None
    source_head: Optional[int] = None  # token index of the source's head word
    cue_head: Optional[int] = None  # token index of the cue word
    speech: bool = True  # the cue is a verb of saying (not of thinking, wanting ...)
    quotes: list[int] = field(default_factory=list)  # indexes of quotes in the content
    clausal: bool = False  # the content is a clause (not a noun phrase or infinitive)
    kind: str = ""  # what the content is: ccomp, xcomp, parataxis, dobj, prep, according


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, float], frozenset[str]]:
    """(cue lemma -> rate, verbs of saying)."""
    data = load_json("statement_cues.json")
    rates = {lemma: float(v["rate"]) for lemma, v in data["learned"].items()
             if v["rate"] >= data["threshold"] and v["cue"] >= data["min_count"]}
    speech = frozenset(data["speech"])
    for lemma in speech:
        rates.setdefault(lemma, 1.0)
    for lemma in data.get("exclude", []):
        rates.pop(lemma, None)
    return rates, speech


_ABBREV_END = re.compile(
    r"(?:\b(?:[A-Z]\.)+[A-Z]|\b(?:Calif|Nev|Mass|Ariz|Ala|Ark|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|"
    r"Mich|Minn|Miss|Mo|Mont|Neb|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|Jr|Sr|Inc|Corp|Co|Ltd|Bros))$")


def trim(text: str, r: Range, *, keep_quotes: bool = True) -> Optional[Range]:
    """Strip whitespace and edge punctuation (closing quote marks are kept)."""
    s, e = r
    while s < e and (text[s].isspace() or text[s] in EDGE_PUNCT):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in EDGE_PUNCT):
        e -= 1
    if e < r[1] and text[e:e + 1] == "." and _ABBREV_END.search(text, max(s, e - 12), e):
        e += 1  # "in Everett, Mass.", "to the U.S.": the period is the abbreviation's
    if not keep_quotes:
        while s < e and text[s] in QUOTE_CHARS:
            s += 1
    return (s, e) if e > s else None


def index_range(doc: "Doc", idx: "list[int]") -> Optional[Range]:
    """``_range`` of the tokens at the (sorted) indexes ``idx``: from the first to the last."""
    if not idx:
        return None
    last = doc[idx[-1]]
    return doc[idx[0]].idx, last.idx + len(last)


def subtree_range(tok: "Token", *, skip: "set[int] | None" = None) -> Optional[Range]:
    """From the first to the last word of ``tok.subtree`` (less ``skip``), in word order."""
    return index_range(tok.doc, [j for j in subtree_indices(tok) if not skip or j not in skip])


WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
OBJ_PREPS = ("for", "of", "as", "over", "about")


ANONYMITY = True


def _clause_range(comp: "Token") -> Optional[Range]:
    """A content phrase less a trailing ", adding that ..." (a second attribution hung on
    the wrong verb by the parser) or a writer's aside ("despite ...", "while ...").
    PolNeAR keeps other trailing phrases: cutting ", putting them ..." participles,
    relative clauses, appositions or prepositional phrases scored lower on the dev slice."""
    doc = comp.doc
    end = comp.right_edge.i
    for c in reversed(list(comp.rights)):
        if c.right_edge.i != end or c.left_edge.i <= comp.i:
            break
        before = doc[c.left_edge.i - 1].text
        if before == "," and c.left_edge.i > comp.i + 1 and c.dep_ == "advcl" and c.tag_ == "VBG" \
                and (c.lemma_.lower() in tables()[1] or (ANONYMITY and c.lemma_.lower() in ("speak", "talk"))):
            end = c.left_edge.i - 2
        elif _aside(c, before) or (ANONYMITY and c.dep_ == "prep" and c.lower_ == "on" and any(
                g.dep_ == "pobj" and g.lower_ == "condition" for g in c.children)):
            # "... on condition of anonymity": how it was said, not what
            end = c.left_edge.i - (2 if before in ",—–--" else 1)
        elif c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in tables()[1] \
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                and not (any(g.dep_ == "dobj" for g in c.children)
                         and any(g.dep_ in ("xcomp", "advcl") for g in c.children)):
            # "fear that she missed a chance and warn that ...": the source's second
            # attribution, hung on the content's verb by the parser (not "... and asked
            # him to condemn violence", a reported request that is part of the content)
            end = c.left_edge.i - 1
            while end > comp.i and (doc[end].dep_ == "cc" or doc[end].is_punct or doc[end].is_space):
                end -= 1
        else:
            break
    return _subtree_upto(comp, end)


def _subtree_upto(comp: "Token", end: int) -> Optional[Range]:
    """``_range([t for t in comp.subtree if t.i <= end])``, in word order, from the head
    indexes (no spaCy Token built for the words in between)."""
    return index_range(comp.doc, [j for j in subtree_indices(comp) if j <= end])


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
# verbs of saying whose infinitive is what was said ("vowed to repeal the law"), and
# speech acts whose infinitive makes them statements ("declined to comment", "refused to
# apologise", "offered to resign")
XCOMP_SPEECH = frozenset(("promise", "pledge", "vow", "threaten", "propose", "agree", "demand",
                          "plead", "claim", "decline", "refuse", "offer"))


def _finite_clause(comp: "Token") -> bool:
    """A that-clause or a finite clause ("he is wrong"), not "a commission to examine"."""
    if comp.dep_ != "ccomp":
        return False
    return comp.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass", "mark") and (c.tag_ in FINITE_TAGS or c.lower_ in ("that", "whether", "if"))
        for c in comp.children)


def cue_tokens(verb: "Token") -> "list[Token]":
    """The verb group: auxiliaries, negation and adverbs right before it, particles after."""
    doc = verb.doc
    toks = [verb]
    i = verb.i - 1
    while i >= 0:
        t = doc[i]
        if t.head.i == verb.i and (t.dep_ in ("aux", "auxpass", "neg") or (
                t.dep_ == "advmod" and t.pos_ == "ADV" and not t.lower_.startswith("wh"))):
            toks.insert(0, t)
            i -= 1
            continue
        break
    for c in verb.rights:
        if c.dep_ == "prt" and c.i == toks[-1].i + 1:
            toks.append(c)
        elif c.dep_ == "prep" and c.lower_ == "as" and c.i == toks[-1].i + 1:
            pc = next((g for g in c.children if g.dep_ == "pcomp" and g.lower_ == "saying"), None)
            if pc is not None and pc.i == c.i + 1:
                toks.extend([c, pc])
    # PolNeAR's cue takes a weekday and a colon that follow the verb: "said Tuesday:"
    i = toks[-1].i + 1
    if i < len(doc) and doc[i].text in WEEKDAYS:
        toks.append(doc[i])
        i += 1
    if i < len(doc) and doc[i].text == ":":
        toks.append(doc[i])
    return toks


def _raise_cue(cue: "list[Token]", tok: "Token") -> "list[Token]":
    """"continued to portray", "are more likely to say": the verbs governing an
    infinitive cue belong to the cue (PolNeAR marks the whole verb group)."""
    doc = tok.doc
    top = tok
    while top.dep_ == "xcomp" and top.head.i < top.i and top.head.pos_ in ("VERB", "AUX", "ADJ"):
        top = top.head
    if top.dep_ == "acomp" and top.head.i < top.i:
        top = top.head
    if top.i == tok.i:
        return cue
    start = cue_tokens(top)[0].i if top.pos_ in ("VERB", "AUX") else top.i
    if any(t.dep_ in ("nsubj", "nsubjpass") or t.is_punct for t in doc[start:tok.i]):
        return cue
    return list(doc[start:cue[-1].i + 1])


def find(doc: "Doc", *, cues: str = "model", text: Optional[str] = None) -> list[Raw]:
    """Attributions in one parsed document.  ``cues`` = "model" (the trained classifier,
    when its weights are there) or "table" (the lemma table alone)."""
    from tidings.statements import cuemodel, nominal

    rates, speech = tables()
    model = cuemodel.load() if cues == "model" else None
    excluded = frozenset(load_json("statement_cues.json").get("exclude", []))
    # every word's attributes come from the parse's arrays; a spaCy Token is built only
    # for the candidate cues
    info = cuemodel.DocInfo(doc)
    text = doc.text if text is None else text  # doc.text is rebuilt on every access
    pos, lemma = info.pos, info.lemma
    according = _according(doc, text)
    out: list[Raw] = []
    for i in range(info.n):
        if i in according:
            tok = doc[i]
            if any(c.lower_ == "to" for c in tok.children):
                raw = nominal.according_to(tok, text)
                if raw:
                    out.append(raw)
                continue
        p = pos[i]
        if p == "NOUN" and lemma[i] in nominal.NOUN_CUES:
            raw = nominal.noun_cue(doc[i], text)
            if raw:
                out.append(raw)
            continue
        if p != "VERB":
            continue
        if model is not None:
            if lemma[i] in excluded or not (model.is_cue_at(i, info) or _said_that(doc, i, lemma[i])):
                continue
        elif lemma[i] not in rates:
            continue
        raw = _verbal(doc[i], text, speech)
        if raw:
            out.append(raw)
    return out


def _according(doc: "Doc", text: str) -> "set[int]":
    """The indexes of the tokens "according" (any case)."""
    starts, ends = token_starts(doc), token_ends(doc)
    out = set()
    for m in _ACCORDING.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and starts[i] == m.start() and text[starts[i]:ends[i]].lower() == "according":
            out.add(i)
    return out


_ACCORDING = re.compile("according", re.IGNORECASE)


def _lead_trim(doc: "Doc", text: str, content: Optional[Range], cue: "list[Token]") -> Optional[Range]:
    """A content does not start with its own cue ("Asked if ...") or with a bare day
    ("Monday to begin ...")."""
    if content is None:
        return None
    s, e = content
    cue_end = cue[-1].idx + len(cue[-1])
    if cue[0].idx <= s < cue_end:
        s = cue_end
    i = doc[_first_token(doc, s)].i if s < e else None
    while i is not None and i < len(doc) and doc[i].idx < e and (
            doc[i].ent_type_ in ("DATE", "TIME") and doc[i].dep_ in ("npadvmod", "compound")
            or doc[i].is_space or doc[i].text == ","):
        i += 1
        s = doc[i].idx if i < len(doc) else e
    return trim(text, (s, e))


def _first_token(doc: "Doc", pos: int) -> int:
    """The index of the first token that ends after character ``pos`` (the last token
    when none does)."""
    return min(max(len(doc) - 1, 0), bisect_right(token_ends(doc), pos))


def _with_conj(verb: "Token", comp: "Token", content: Range, speech: frozenset[str]) -> Range:
    """"claims he was punished, and that his firing was improper": a second that-clause the
    parser hung on the cue verb goes on with the content (taking any conjoined clause with
    or without its own subject scored the same on the dev and train slices)."""
    for c in verb.rights:
        if c.dep_ != "conj" or c.i <= comp.right_edge.i or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.lemma_.lower() in speech:
            break
        if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return content[0], c.right_edge.idx + len(c.right_edge)
        break
    return content


def _verbal(tok: "Token", text: str, speech: frozenset[str]) -> Optional[Raw]:
    from tidings.statements import objects  # it imports this module

    lemma = tok.lemma_.lower()
    content: Optional[Range] = None
    extra: Optional[Range] = None
    cue = cue_tokens(tok)
    comps = [c for c in tok.children if c.dep_ == "ccomp" and not (asides.TIME_CLAUSE and asides.adverbial(c))]
    # "A did X; by comparison, B have argued that Y": of two clauses, the one after the cue
    comp = next((c for c in comps if c.i > tok.i), None) if len(comps) > 1 else (comps[0] if comps else None)
    fronted = comps if asides.MULTI_FRONTED and len(comps) > 1 and comp is None else None
    if comp is None:
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and (lemma not in speech or lemma in XCOMP_SPEECH)), None)
    kind = comp.dep_ if comp is not None else ""
    swapped = _swapped_subjects(tok, comp, cue) if comp is not None else None
    if swapped is not None:
        # the parse swapped the subjects: the content runs on both sides of "said Doyle,"
        real, speaker_tok, resume = swapped
        content = _range(list(real.subtree))
        extra = _range([t for t in comp.subtree if t.i > resume])
    elif fronted is not None:
        # "The debt is affordable -- but then there are the outliers, he said": two clauses
        # before the cue, the parser making each a complement of it
        subj = _subject(tok)
        stop = min(subj.left_edge.i, cue[0].i) if subj is not None else cue[0].i
        content = _range([t for c in fronted for t in c.subtree if t.i < stop])
        kind = "ccomp"
    elif comp is not None:
        content = _clause_range(comp)
        # a clause before the verb ("The plan failed, he said") stops at the subject
        subj = _subject(tok)
        if comp.i < tok.i and subj is not None and subj.i > comp.i:
            content = _range([t for t in comp.subtree if t.i < min(subj.left_edge.i, cue[0].i)])
        elif comp.i > tok.i and content is not None:
            if asides.SPLIT_CLAUSE:
                content = asides.split_clause(comp, comps, content)
            content = _with_conj(tok, comp, content, speech)
            lead = _lost_subject(tok, comp, cue)
            if lead is not None:
                content = (lead.idx, content[1])
    elif lemma in speech and (block := objects._colon_block(cue, text)) is not None:
        # "In a speech last July, he said:" and the words in the next paragraph (a block
        # quote whose marks the page set as indentation)
        content, kind = block, "colon"
    elif lemma in speech and (tok.dep_ == "parataxis" or _aside_ccomp(tok)):
        # "The plan failed, he said." / "This campaign, he says, is different."
        head = tok.head
        skip = {t.i for t in tok.subtree}
        before = _range([t for t in head.subtree if t.i not in skip and t.i < tok.i])
        after = _range([t for t in head.subtree if t.i not in skip and t.i > tok.i])
        kind = "parataxis"
        if head.i < tok.i and before is not None and after is not None and _goes_on(tok, head):
            # "Nor does she have any plans, advisers say, to take cues from ...": the
            # clause goes on after the parenthetical attribution
            content = before
            extra = trim(text, after)
        elif head.i < tok.i or before is None:
            content = before if head.i < tok.i else after
        else:
            content = before
            extra = trim(text, after) if after else None
    elif asides.AS_SAID and lemma in AS_VERBS and _as_said(tok):
        # "As The Washington Post reported, X" / "X, as Sanders' campaign manager
        # suggested": the clause the "as" phrase hangs on is what was said
        head = tok.head
        lo, hi = tok.left_edge.i, tok.right_edge.i
        side = [t for t in head.subtree if (t.i > hi if head.i > tok.i else t.i < lo)]
        content, kind = _range(side), "as"
    elif lemma in speech and _quote_before(tok, cue, text) is not None:
        # “...,” tweeted a user / “...?” Trump told the station: the quote the parser left
        # unattached is the content (attribute widens this closing mark to the quote)
        mark = _quote_before(tok, cue, text)
        assert mark is not None
        content, kind = (mark, mark + 1), "quote"
    elif lemma in speech and any(c.lower_ == "so" and c.i == tok.i + 1 for c in tok.children):
        so = tok.doc[tok.i + 1]
        content = (so.idx, so.idx + 2)  # "55 percent said so"
        kind = "so"
    else:
        content, kind, extra, cue = objects.object_content(tok, cue, text, lemma)
    if content is None and asides.SETTING_THAT and lemma in speech:
        # "stressing in his remarks that X", "said in a statement that Y": the parser hung
        # the that-clause on the noun of the setting
        comp = _that_on_setting(tok)
        if comp is not None:
            content, kind = subtree_range(comp), "ccomp"
    if content is None:
        return None
    content = _lead_trim(tok.doc, text, trim(text, content), cue)
    if content is None:
        return None
    cue = _raise_cue(cue, tok)
    subj = swapped[1] if swapped is not None else (
        _subject(tok) or _inverted_subject(tok, kind == "quote") or _fronted_appos(tok, cue[0].i))
    src = source_range(subj, cue=tok) if subj is not None else None
    cue_range = _range(cue)
    assert cue_range is not None
    parts = [content] + ([extra] if extra else [])
    if content[0] < cue_range[0] and cue_range[1] < content[1] and extra is None:
        # "which he believes will make ...", "what Mr. Hedge called ''...''": the source and
        # cue sit inside the clause, which runs on both sides of them
        cut = min(cue_range[0], src[0]) if src is not None and src[0] > content[0] else cue_range[0]
        left, right = trim(text, (content[0], cut)), trim(text, (cue_range[1], content[1]))
        if left and right:
            parts = [left, right]
            content = left
    if src is not None and any(p[0] <= src[0] < p[1] for p in parts):
        src = None
        subj = None
    return Raw(cue=[cue_range], content=parts, source=src,
               source_head=subj.i if subj is not None else None, cue_head=tok.i,
               speech=(lemma in speech or (kind == "xcomp" and lemma in XCOMP_SPEECH))
               and not (tok.dep_ == "advcl" and tok.tag_ == "VBN"),
               clausal=comp is not None and _finite_clause(comp), kind=kind)
