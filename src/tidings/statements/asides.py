"""Reported speech that the parser hangs in unusual ways, found from one cue verb.

"As The Post reported, X" and "X, as Y suggested"; a cue set off by a comma that the parser
made a complement or a conjunct of the clause before it ("X thinks Y, Z said this week",
"X is accessible, Kaine insisted Thursday"); a verb of saying whose that-clause the
classifier or the parser lost ("disingenuously claimed that ...", "stressing in his remarks
that ..."); and the one addressed after "to" ("apologized to his supporters for X").  Pure
functions over spaCy tokens, used by :func:`tidings.statements.rules._verbal` and
:func:`tidings.statements.rules.find`; each flag turns one rule off for measurement.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from tidings.statements.clauses import AUDIENCES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "said in a statement", "spoke with reporters", "wrote upon ...": the setting, not what was said
SETTING_PREPS = frozenset(("in", "with", "by", "after", "before", "under", "during", "upon", "at",
                           "from", "into", "through"))


SAID_THAT = True
# verbs whose that-clause is always something said ("claimed that ...", "stressing in his
# remarks that ..."), whatever the classifier makes of the parse around them
THAT_VERBS = frozenset(("say", "tell", "claim", "state", "insist", "argue", "assert", "stress", "explain",
                        "note", "warn", "confirm", "acknowledge", "admit", "deny", "suggest", "report",
                        "write", "announce", "add", "reply", "respond", "maintain", "contend", "concede",
                        "reveal", "allege", "predict", "declare", "tweet", "complain", "emphasize",
                        "emphasise", "testify", "disclose", "reiterate", "remark", "recall", "assure"))


def _said_that(doc: "Doc", i: int, lemma: str) -> bool:
    """A verb of saying with a that-clause after it: a cue even where the classifier,
    thrown by an odd parse of the sentence around it, says no."""
    if not SAID_THAT or lemma not in THAT_VERBS:
        return False
    tok = doc[i]
    if _aside_ccomp(tok):
        return True
    return any(c.dep_ == "ccomp" and c.i > i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in tok.children)


TO_ADDRESSEE = True


def _addressee(tok: "Token") -> bool:
    """A person, group or audience spoken to ("to his supporters", "to Clinton")."""
    return TO_ADDRESSEE and (tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                             or tok.lemma_.lower() in AUDIENCES)


MULTI_FRONTED = True
ASIDE_CCOMP = True
AS_SAID = True
# verbs of reporting in "as X said, ..." (not "as he spoke", "as she asked", which tell when)
AS_VERBS = frozenset(("say", "report", "note", "point", "write", "explain", "argue", "observe", "suggest",
                      "claim", "predict", "warn", "mention", "acknowledge", "admit", "confirm", "reveal",
                      "state", "remark", "recall", "concede", "insist", "tweet", "put", "describe",
                      "indicate", "testify", "reiterate", "stress", "emphasize", "emphasise"))


def _aside_ccomp(tok: "Token") -> bool:
    """"X requires too many tests, former President Bill Clinton said this week", "X is
    accessible to the media, Tim Kaine insisted Thursday", "If she wins, Clinton suggested
    in a tweet, women won't be punished": a cue set off by a comma with nothing said after
    it, that the parser made a complement (or a conjunct, with no "and") of the clause."""
    if not ASIDE_CCOMP or tok.dep_ not in ("ccomp", "conj") or tok.head.i == tok.i:
        return False
    head = tok.head
    if tok.dep_ == "conj" and (head.i > tok.i or any(
            c.dep_ in ("cc", "preconj") and head.i < c.i < tok.i for c in head.children)
            or any(c.dep_ == "cc" for c in tok.children)):
        return False
    left = tok.left_edge.i
    doc = tok.doc
    comma = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    if not comma or not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    if head.i > tok.i:
        right = tok.right_edge.i
        if tok.dep_ != "ccomp" or right + 1 >= len(doc) or doc[right + 1].text != ",":
            return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in tok.children)


SETTING_THAT = True


def _that_on_setting(tok: "Token") -> "Optional[Token]":
    """The clause of "in his remarks that ..." when the parser made it a clause of the noun."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for c in pobj.rights:
                if c.dep_ in ("acl", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) \
                        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    return c
    return None


def _as_said(tok: "Token") -> bool:
    """"As The Post reported, ...", "..., as Menendez pointed out": an "as" clause of
    reporting with nothing said in it (not "as he described it")."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i:
        return False
    mark = tok.doc[tok.left_edge.i]
    if mark.lower_ != "as" or mark.head.i != tok.i or mark.dep_ != "mark":
        return False
    if tok.lemma_.lower() == "put" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" for c in tok.children)


SPLIT_CLAUSE = True


def split_clause(comp: "Token", comps: "list[Token]", content: tuple[int, int]) -> tuple[int, int]:
    """"say they do n't yet know enough ...", "said they 're fine with however it plays out":
    the parser split one clause into two complements of the cue, the second starting right
    where the first ends; the content runs over both."""
    doc = comp.doc
    last = comp.right_edge.i
    for c in comps:
        if c.i <= comp.i:
            continue
        if c.left_edge.i != last + 1 or doc[last + 1].is_punct or doc[last].is_punct or c.tag_ == "VBG":
            break
        last = c.right_edge.i
    if last == comp.right_edge.i:
        return content
    end = doc[last]
    while end.i > comp.i and (end.is_punct or end.is_space):
        end = doc[end.i - 1]
    return content[0], end.idx + len(end)


TIME_CLAUSE = True
ADVERBIAL_MARKS = frozenset(("as", "when", "while", "after", "before", "because", "since", "until", "once"))


def adverbial(comp: "Token") -> bool:
    """"he said as some in the crowd booed", "said when the vote ended": a clause the parser
    made a complement that its conjunction shows is an adverbial of time or reason."""
    return any(g.dep_ == "mark" and g.lower_ in ADVERBIAL_MARKS and g.i == comp.left_edge.i for g in comp.children)
