"""The source of an attribution on the parse: the cue verb's subject (or the ``by`` agent
of a passive, or the speaker after an inverted "added"), and the span of it that PolNeAR
marks (:func:`source_range`).  Pure functions over parsed tokens; :mod:`.rules`,
:mod:`.frames` and :mod:`.nominal` call them (through ``rules``, which re-exports them).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

Range = tuple[int, int]
QUOTE_CHARS = "“”„«»\"‘’'"


def _range(tokens: "list[Token]") -> Optional[Range]:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _cue_lemmas() -> "dict[str, float]":
    from tidings.statements.rules import tables  # the cue table lives with the rules

    return tables()[0]


def _same_form(a: "Token", b: "Token") -> bool:
    """The two verbs have the same inflection (base and present count as one)."""
    present = ("VB", "VBP")
    return a.tag_ == b.tag_ or (a.tag_ in present and b.tag_ in present)


def _subject(verb: "Token") -> "Optional[Token]":
    seen = 0
    v = verb
    while v is not None and seen < 4:
        seen += 1
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "nsubjpass":
                agent = _agent(v)
                if agent is None and v.lemma_.lower() in ("cite", "quote"):
                    return c
                return agent
        agent = _agent(v)
        if agent is not None:
            return agent
        if v.dep_ == "advcl" and v.tag_ == "VBN":
            return None  # "Asked whether she would return, Gomez said": the asker is not Gomez
        if v.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "acomp") and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return v.head
            if v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.head.i != v.head.i \
                    and v.lemma_.lower() in _cue_lemmas() and _same_form(v, v.head.head) \
                    and not _same_form(v, v.head) \
                    and any(g.dep_ == "ccomp" for g in v.children):
                # "strategists fear that she missed a chance and warn that ...": the parser
                # hung the second cue on the first one's clause; its subject is the first's
                v = v.head.head
                continue
            v = v.head
            if v.dep_ == "prep":
                v = v.head
            continue
        break
    return None


def _inverted_subject(verb: "Token", after_quote: bool = False) -> "Optional[Token]":
    """“...,” added another Democrat: a quote before the verb and the speaker after it,
    parsed as the verb's object (``after_quote``: the quote is there though the parser
    did not attach it)."""
    if not after_quote and not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")
                 and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == verb.i + 1), None)


def _fronted_appos(verb: "Token", cue_start: int) -> "Optional[Token]":
    """"As a part of his plea, Marcel Lazar, 44, said ...", "Speaking in Harlem, Clinton also
    accused ...": a finite cue with no subject, right after a name that the parser made an
    apposition of the fronted phrase -- that name."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    doc = verb.doc
    j = cue_start - 1
    while j >= 0 and (doc[j].text in (",", "—", "–") or doc[j].is_space):
        j -= 1
    if j < 0 or doc[j].is_punct:
        return None
    a = doc[j]
    for _ in range(4):
        if a.dep_ == "appos" and a.pos_ in ("PROPN", "PRON") and a.right_edge.i >= j - 3:
            return a
        if a.head.i == a.i or a.head.i >= verb.i:
            return None
        a = a.head
    return None


def _agent(verb: "Token") -> "Optional[Token]":
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def source_range(subj: "Token", *, cue: "Optional[Token]" = None) -> Optional[Range]:
    """The source as PolNeAR marks it: the subject's phrase with its appositions and
    relative clauses (and the comma or dash that closes an apposition), less time phrases,
    the cue itself when it modifies the source ("pastors supporting Mr. Cruz") and a
    dateline ("WASHINGTON —").  Leaving non-restrictive relative clauses out matches some
    annotators and not others: it scored lower on the dev slice."""
    doc = subj.doc
    skip: set[int] = set()
    if cue is not None and cue.i > subj.i and subj.left_edge.i <= cue.i <= subj.right_edge.i:
        # the cue inside the subject's phrase ("signs calling Christie ...", a misparse):
        # the source stops where the cue's phrase begins
        skip.update(range(max(cue.left_edge.i, subj.i + 1), subj.right_edge.i + 1))
    for t in subj.subtree:
        if t.dep_ == "relcl" and t.i > subj.i and t.pos_ == "VERB" and t.lemma_.lower() in _cue_lemmas() \
                and any(g.dep_ in ("ccomp", "parataxis") for g in t.children):
            # "Barkley, who said he usually votes Democratic, said ...": an attribution of
            # its own, not part of the source
            skip.update(x.i for x in t.subtree)
    for c in subj.rights:
        if c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            skip.update(t.i for t in c.subtree)
        elif c.dep_ in ("relcl", "acl") and cue is not None and c.i == cue.i:
            skip.update(t.i for t in c.subtree)

        elif c.dep_ == "prep" and cue is not None and cue.i < subj.i and c.left_edge.i > 0 \
                and doc[c.left_edge.i - 1].text == ",":
            # '..., said Bonnie Lysyk, the auditor general, at a news conference'
            skip.update(t.i for t in c.subtree)
    # "In a statement on Wednesday, the EU's commissioner ...": a phrase that opens the
    # sentence, hung on the subject by the parser
    lead = {t.i for c in subj.lefts if c.dep_ == "prep" for t in c.subtree}
    toks = []
    cut = False
    for t in subj.subtree:
        if t.i in lead:
            continue
        if t.i in skip:
            cut = True
            break
        toks.append(t)
    if cut:
        while toks and (toks[-1].is_punct and toks[-1].text not in QUOTE_CHARS or (
                toks[-1].pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PART") and toks[-1].i > subj.i)):
            toks.pop()
        if len(toks) > 2 and toks[-1].like_num and toks[-2].text == ",":
            toks = toks[:-2]  # "Mona Lamberson, 59, of North Philadelphia": the age goes with the place
    # a dateline before the subject: "WASHINGTON — Sen. Bernie Sanders"
    for k, t in enumerate(toks[:6]):
        if t.text in ("—", "–", "-", "--", ",") and k > 0 and all(
                x.is_upper or x.is_punct or x.is_space for x in toks[:k]) and k + 1 < len(toks):
            toks = toks[k + 1:]
            break
    while toks and (toks[0].is_punct or toks[0].is_space) and (
            toks[0].text not in QUOTE_CHARS or toks[0].whitespace_ or toks[0].i + 1 >= len(doc)):
        toks.pop(0)  # a closing quote mark before the name is not part of it
    if len(toks) > 1 and toks[0].lower_ == "even" and toks[0].dep_ == "advmod":
        toks.pop(0)  # "even some admirers": the writer's emphasis
    if len(toks) > 2 and toks[-1].lower_ in ("both", "all") and toks[-1].i > subj.i:
        toks.pop()  # "X and Y both condemned"
    while len(toks) > 1 and toks[-1].text == "." and (toks[-1].i + 1 >= len(doc) or doc[toks[-1].i + 1].is_sent_start
                                                      or doc[toks[-1].i + 1].is_space):
        toks.pop()  # "- Bernie Sanders." at the end of its sentence
    if not cut and toks:
        inner = {t.text for t in toks[1:-1]} & {",", "—", "–"}
        nxt = toks[-1].i + 1
        if inner and nxt < len(doc) and doc[nxt].text in inner:
            toks.append(doc[nxt])  # "Stephanie Formas, Clinton's director," said
    r = _range(toks)
    if r is not None and r[1] - r[0] > 2 and doc_text(doc)[r[1] - 1] == "." and toks[-1].i + 1 < len(doc) \
            and (doc[toks[-1].i + 1].is_sent_start or doc[toks[-1].i + 1].is_space):
        r = (r[0], r[1] - 1)  # "in Alexandria, Va." ending the sentence: the period is the sentence's
    return r
