"""Contents that are not the cue verb's clause: its object, a prepositional phrase, a stance
noun's clause, or the paragraph after "he said:".

"called him a liar", "asked the court for a delay" (the object and its complement),
"complained to officials about the delays" (the topic after the one addressed), "expressed
concern that ..." (the noun joins the cue, its clause is the content), "referred to Rubio
as ..." and a block quote set as the next paragraph.  Pure functions over one parsed
sentence; :func:`tidings.statements.rules._verbal` calls them when the verb has no clausal
complement.  Rule choices were measured with ``bench/eval_statements.py --part dev``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from tidings.statements.asides import SETTING_PREPS, _addressee
from tidings.statements.clauses import ADDRESSEE_VERBS, AUDIENCES, SAY_VERBS
from tidings.statements.rules import Range, _clause_range, subtree_range, trim
from tidings.statements.sources import QUOTE_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Token


def _topic_after_addressee(verb: "Token", obj: "Token") -> Optional[Range]:
    """"told reporters about X", "asked the court for Y", "informed her of Z": the object
    is who was addressed; what was said is the prepositional phrase."""
    if verb.lemma_.lower() not in ADDRESSEE_VERBS:
        return None
    if not (obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or obj.lemma_.lower() in AUDIENCES):
        return None
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == obj.right_edge.i + 1
                 and c.lower_ in ("about", "of", "for", "on", "over")), None)
    if prep is None:
        return None
    return prep.idx, prep.right_edge.idx + len(prep.right_edge)


STANCE_VERBS = frozenset(("express", "voice", "stress", "raise", "emphasize", "signal", "reiterate",
                          "underscore"))
STANCE_NOUNS = frozenset(("concern", "hope", "support", "confidence", "doubt", "frustration", "optimism",
                          "skepticism", "opposition", "regret", "dismay", "surprise", "worry", "fear",
                          "need", "outrage", "anger", "disappointment", "sympathy", "reservation"))


def _stance_object(verb: "Token", obj: "Token") -> "Optional[tuple[list[Token], Token]]":
    """(cue tokens to add, head of the content) for "expressed concern about X" / "voiced
    hope that Y", or None."""
    if verb.lemma_.lower() not in STANCE_VERBS or obj.lemma_.lower() not in STANCE_NOUNS:
        return None
    if obj.i - verb.i > 3:
        return None
    for c in obj.rights:
        if c.dep_ == "prep" and c.i == obj.i + 1 and c.lower_ in ("about", "over", "for", "with", "to", "on", "in"):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return list(verb.doc[verb.i + 1:c.i + 1]), pobj
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return list(verb.doc[verb.i + 1:obj.i + 1]), c
    return None


def _time_phrase(prep: "Token") -> bool:
    """"on Monday", "in 2015": a prepositional phrase whose object is a date or time (not
    "of being inactive in the years-long effort")."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _colon_block(cue: "list[Token]", text: str) -> Optional[Range]:
    """The next paragraph, when the cue ends its paragraph with a colon ("he said:")."""
    j = cue[-1].idx + len(cue[-1])
    if cue[-1].text != ":":
        # "said:", "said in a statement on Monday:"
        m = _TO_COLON.match(text, j)
        if m is None:
            return None
        j = m.end()
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or text[j] != "\n":
        return None
    while j < len(text) and text[j].isspace():
        j += 1
    stop = text.find("\n", j)
    stop = len(text) if stop < 0 else stop
    return trim(text, (j, stop)) if stop - j >= MIN_BLOCK_CHARS else None


_TO_COLON = re.compile(r"[^:\n.!?;\"“”]{0,60}:")
MIN_BLOCK_CHARS = 12   # a paragraph after "said:" shorter than this is a label, not what was said


def object_content(tok: "Token", cue: "list[Token]", text: str, lemma: str
                   ) -> "tuple[Optional[Range], str, Optional[Range], list[Token]]":
    """(content, kind, extra content, cue) of a cue verb ``tok`` with no clausal complement:
    its direct object or the prepositional phrase after it; content None when it has neither.
    ``cue`` comes back longer when a stance noun or a preposition joins it."""
    content: Optional[Range] = None
    extra: Optional[Range] = None
    kind = ""
    obj = next((c for c in tok.children if c.dep_ in ("dobj",)), None)
    topic = _topic_after_addressee(tok, obj) if obj is not None else None
    stance = _stance_object(tok, obj) if obj is not None else None
    if topic is not None:
        content, kind = topic, "dobj"
    elif stance is not None:
        # "expressed concern that ...", "stressed the need for ...": the noun is part of
        # the cue, its clause or object is the content
        extra_cue, comp_tok = stance
        cue = cue + extra_cue
        content, kind = subtree_range(comp_tok), "dobj"
    elif obj is not None and not (lemma in ("tell", "ask") and obj.pos_ in ("PRON", "PROPN", "NOUN")
                                  and obj.i == tok.i + 1 and len(list(obj.subtree)) <= 2):
        content = _clause_range(obj)
        kind = "dobj"
        if obj.i < tok.i:
            # "whom he described as “volatile”", "which he claimed as the average": the
            # relative pronoun and the complement after the cue
            as_ = next((c for c in tok.rights if c.i == cue[-1].i + 1 and (
                c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))), None)
            if as_ is not None:
                extra = trim(text, (as_.left_edge.idx, as_.right_edge.idx + len(as_.right_edge)))
        # "called him a liar", "asked X to leave", "attacked X for Y": the object's
        # complement belongs to the content
        last = obj.right_edge.i
        for c in tok.rights:
            if c.i <= obj.i or content is None:
                continue
            if c.dep_ == "punct" and all(ch in QUOTE_CHARS for ch in c.text):
                last = c.i if c.i == last + 1 else last
                continue
            if c.dep_ in ("oprd", "xcomp", "ccomp") or (
                    c.left_edge.i == last + 1 and (
                        (c.dep_ == "prep" and not _time_phrase(c)) or (c.dep_ == "advcl" and any(
                            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)))):
                content = (content[0], c.right_edge.idx + len(c.right_edge))
                last = c.right_edge.i
            else:
                break
    else:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == cue[-1].i + 1
                     and c.lower_ not in SETTING_PREPS
                     and not (c.lower_ in ("to", "of") and lemma in SAY_VERBS)), None)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is not None and prep.lower_ == "to" and lemma not in ("refer", "point") and _addressee(pobj):
            # "apologized to his supporters for X", "complained to Sanders officials
            # about Y": the one addressed is not what was said; the topic after is
            topic = next((c for c in tok.children if c.dep_ == "prep" and c.i > pobj.right_edge.i
                          and c.lower_ in ("about", "for", "over", "on", "of") and not _time_phrase(c)), None)
            if topic is not None:
                content, kind = (topic.idx, topic.right_edge.idx + len(topic.right_edge)), "prep"
        elif pobj is not None:
            cue = cue + [prep]
            content = subtree_range(pobj)
            kind = "prep"
            inf = next((c for c in tok.children if c.i > pobj.i and (c.dep_ in ("xcomp", "advcl") or (
                c.dep_ == "prep" and c.lower_ == "as"))), None)  # "referred to Rubio as ..."
            if content is not None and inf is not None:
                content = (content[0], inf.right_edge.idx + len(inf.right_edge))
    return content, kind, extra, cue
