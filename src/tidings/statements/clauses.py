"""Clause shapes around a cue that the parser gets wrong, and the word lists they use.

A parenthetical ", they say," inside the clause (:func:`_goes_on`), a quote the parser
left unattached before the cue (:func:`_quote_before`), a clause whose subject became the
cue's object (:func:`_lost_subject`), subjects swapped around an inverted "said"
(:func:`_swapped_subjects`), and the writer's asides ("despite ...", :func:`_aside`).
Pure functions over parsed tokens; :mod:`.rules` calls them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from spacy.tokens import Token

ASIDE_PREPS = frozenset(("despite", "amid"))
ASIDE_MARKS = frozenset(("while", "though", "although", "whereas"))


def _aside(c: "Token", before: str) -> bool:
    """A trailing "despite ..." / "while ..." phrase: the writer's aside, not what the
    source said (PolNeAR leaves it out of the content; cutting at a dash scored lower)."""
    if c.dep_ == "prep" and c.lower_ in ASIDE_PREPS:
        return True
    if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ASIDE_MARKS for g in c.children):
        return True
    return False


ADDRESSEE_VERBS = frozenset(("tell", "ask", "inform", "remind", "warn", "assure", "brief", "notify",
                             "question", "press", "petition", "lobby", "urge"))
AUDIENCES = frozenset(("people", "reporter", "journalist", "voter", "supporter", "audience", "crowd",
                       "court", "judge", "official", "lawmaker", "member", "resident", "worker",
                       "listener", "viewer", "reader", "student", "colleague", "party"))


# "said to a crowd of 500", "“...,” he said of Mr. Cruz": after these verbs "to"/"of" name
# the addressee or the person spoken about, not what was said
SAY_VERBS = frozenset(("say", "speak", "talk", "write", "explain", "announce", "declare", "add",
                       "tweet", "post", "comment", "remark", "state", "tell"))


def _goes_on(tok: "Token", head: "Token") -> bool:
    """After a parenthetical ", they say," the clause of ``head`` goes on with what was said
    ("..., imposing new import restrictions"), not a time phrase or the writer's aside
    ("..., a day after Trump called on Moscow to leave")."""
    doc = tok.doc
    if "," not in (tok.right_edge.text, doc[min(tok.right_edge.i + 1, len(doc) - 1)].text):
        return False
    nxt = next((c for c in head.rights if c.i > tok.right_edge.i and c.dep_ != "punct"), None)
    if nxt is None or nxt.dep_ == "npadvmod":
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in list(nxt.subtree)[:3]):
        return False
    return not any(g.dep_ == "mark" and g.lower_ in TIME_MARKS for g in nxt.children) and not _aside(nxt, ",")


TIME_MARKS = frozenset(("after", "before", "when", "since", "until", "as", "once", "while"))


def _quote_before(tok: "Token", cue: "list[Token]", text: str) -> Optional[int]:
    """The offset of the closing quote mark right before the cue (or before its subject:
    “...?” Trump told ...), when a quote ends a clause there; else None."""
    doc = tok.doc
    start = cue[0].i
    subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    if subj is not None and subj.right_edge.i == start - 1:
        start = subj.left_edge.i
    for c in tok.rights:
        # the verb has a content of its own ("urged voters to ...", "accused it of ...");
        # an object is only the addressee ("told ABC News") or the inverted speaker
        if c.dep_ in ("xcomp", "ccomp", "oprd") or (c.dep_ == "prep" and c.lower_ in ("of", "for", "about")):
            return None
        if c.dep_ == "dobj" and subj is not None and tok.lemma_.lower() not in ADDRESSEE_VERBS:
            return None
    pos = doc[start].idx
    before = text[max(0, pos - 4):pos].rstrip()
    if len(before) < 2 or before[-1] not in "”\"'" or before[-2] not in ",?!'":
        return None
    if before[-1] == "'" and before[-2] == "'":
        if len(before) < 3 or before[-3] not in ",?!":
            return None
    mark = pos - (len(text[max(0, pos - 4):pos]) - len(before)) - 1
    # a quote of a few words ("“reporter,” saying ...") is a scare quote, not the content
    para_start = text.rfind("\n", 0, mark) + 1
    close = text[mark]
    if close == "'":
        opener = "''" if text[mark - 1] == "'" else "‘"
    else:
        opener = {"”": "“", '"': '"', "’": "‘"}.get(close, "“")
    opening = text.rfind(opener, para_start, mark - len(opener) - 1)
    if opening < 0 or len(text[opening:mark].split()) < 4:
        return None
    # the quote opens its sentence; a partial quote that ends a longer clause ("Ships Will
    # Stay ‘Until Talks Resume,' Reykjavik Says") is not the whole of what was said
    lead = text[para_start:opening].rstrip()
    if lead and lead[-1] not in ".!?:”\"'":
        return None
    return mark


def _lost_subject(tok: "Token", comp: "Token", cue: "list[Token]") -> "Optional[Token]":
    """"voters said life for the next generation would be worse": a clause after the cue
    with no subject of its own, whose subject the parser made the cue's object; the first
    word after the cue, or None."""
    doc = tok.doc
    if any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for g in comp.children):
        return None
    start = cue[-1].i + 1
    if start >= comp.left_edge.i or not any(
            g.dep_ == "dobj" and start <= g.i < comp.left_edge.i for g in tok.children):
        return None
    if any(t.is_punct for t in doc[start:comp.left_edge.i]):
        return None
    return doc[start]


def _swapped_subjects(tok: "Token", comp: "Token", cue: "list[Token]") -> "Optional[tuple[Token, Token, int]]":
    """“The contrast with Trump, said Doyle and others, would be clear”, parsed with the
    clause's subject as the cue's and the speaker as the clause's: (the clause's real
    subject, the speaker, the index of the comma after the speaker), or None."""
    doc = tok.doc
    if comp.dep_ != "ccomp" or comp.i < tok.i or tok.lemma_.lower() not in SAY_VERBS:
        return None
    first = cue[0].i
    if first == 0 or doc[first - 1].text != ",":
        return None
    real = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < first), None)
    speaker = next((c for c in comp.children if c.dep_ == "nsubj" and c.left_edge.i == cue[-1].i + 1), None)
    if real is None or speaker is None or real.pos_ == "PRON":
        return None
    end = speaker.right_edge.i
    if doc[end].text != ",":
        end += 1
    if end >= comp.i or doc[end].text != ",":
        return None
    return real, speaker, end
