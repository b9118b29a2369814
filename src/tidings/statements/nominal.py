"""Cues that are not verbs: "according to X" and nouns of saying with their clause.

"his claim that the office hid the deficit" (source "his", cue "claim", content the
that-clause), "Mayor Lin's vow to end homelessness", "according to the Met Office, ...".
Pure functions over one parsed sentence; :func:`tidings.statements.rules.find` calls them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import subtree_indices
from tidings.statements.rules import Range, Raw, _clause_range, _range, index_range, source_range, trim

if TYPE_CHECKING:
    from spacy.tokens import Token


# nouns of saying whose that-clause or infinitive is what was said: "his claim that ...",
# "Trump's vow to build a wall", "the demand that HB2 not be implemented"
NOUN_CUES = frozenset((
    "claim", "argument", "promise", "pledge", "vow", "complaint", "allegation", "accusation",
    "assertion", "warning", "suggestion", "insistence", "denial", "contention",
))


OBJECT_DEPS = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass", "expl", "dative")


def noun_cue(tok: "Token", text: str) -> Optional[Raw]:
    """A noun of saying with its clause: the content is the clause, the source the
    possessive ("his", "Trump's") or the "by" phrase, the cue the noun."""
    comp = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl") and (
        any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))), None)
    if comp is None:
        return None
    if comp.dep_ == "relcl" or any(g.dep_ in ("nsubj", "dobj") and g.lower_ in ("that", "which")
                                   for g in comp.children):
        return None  # "the claim which he made": a relative clause, not the content
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in comp.children) and not any(
            g.dep_ in OBJECT_DEPS for g in comp.children):
        return None  # "the claim that he made in May", parsed as a that-clause
    content = trim(text, _clause_range(comp) or (comp.idx, comp.idx + len(comp)))
    if content is None:
        return None
    src = None
    head = None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        head = poss
        src = _range(list(poss.subtree))
    else:
        by = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "by" and c.i < comp.i), None)
        pobj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None:
            head = pobj
            src = source_range(pobj)
    return Raw(cue=[(tok.idx, tok.idx + len(tok))], content=[content], source=src,
               source_head=head.i if head is not None else None, cue_head=tok.i,
               speech=True, clausal=True, kind="noun")


def according_to(tok: "Token", text: str) -> Optional[Raw]:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = tok.head
    if head.i == tok.i:
        return None
    skip = set(subtree_indices(tok))
    rest = [j for j in subtree_indices(head) if j not in skip]
    parts: list[Range] = []
    if rest:
        # the clause minus the "according to X" phrase: up to two pieces
        doc = tok.doc
        left = [j for j in rest if j < tok.i]
        right = [j for j in rest if j > tok.i]
        for piece in (index_range(doc, left), index_range(doc, right)):
            if piece:
                p = trim(text, piece)
                if p:
                    parts.append(p)
    if not parts:
        return None
    src = source_range(pobj)
    return Raw(cue=[(tok.idx, to.idx + len(to))], content=parts, source=src,
               source_head=pobj.i, cue_head=tok.i, kind="according")
