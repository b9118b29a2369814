"""The tense of the verb that governs a time expression, read off the spaCy parse.

"will meet on Friday" → future; "met on Friday" → past; "to begin on April 6" → future
(an infinitive of plan or purpose points ahead of its governing verb); "would" and
nominal attachments ("the April 6 deadline") → unknown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ca"}
_IRREALIS = {"may", "might", "could", "can", "should", "must"}
_IMPLICATIVE = {"use", "seem", "appear", "happen", "manage", "fail", "force", "able", "unable", "first",
                "last", "only", "refuse", "decline", "prove", "tend", "compel", "oblige", "get", "dare",
                "choose", "opt", "hesitate", "bother", "remember", "forget", "neglect"}
# "attempted to revive his career in 2013", "tried to reach him on Monday": a past attempt's
# infinitive is as past as the attempt ("is trying to close the deal by Friday" still points ahead)
_ATTEMPT = {"try", "attempt", "struggle", "strive", "scramble", "rush", "hurry"}
_SCHEDULE = {"schedule", "slate", "reschedule", "expect", "due", "plan"}
_REPORTING = {"say", "tell", "report", "announce", "state", "claim", "add", "note", "confirm"}


def tokens_in(doc: "Doc", start: int, end: int) -> list["Token"]:
    """The tokens overlapping the character range (an indexed look-up, not a scan)."""
    if start >= end:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # the range lies in whitespace only
        return [t for t in doc if t.idx < end and t.idx + len(t) > start]
    return [t for t in span if t.idx < end and t.idx + len(t) > start]


def attached_directly(doc: "Doc", start: int, end: int, verb: Optional["Token"]) -> bool:
    """The expression is an argument of ``verb`` itself ("met on Friday", "met Friday"),
    not buried in a noun phrase or clause below it."""
    if verb is None:
        return False
    toks = tokens_in(doc, start, end)
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), None)
    if root is None:
        return False
    if root.head.i == verb.i:
        return True
    return root.head.dep_ in ("prep", "agent") and root.head.head.i == verb.i


def governing_verb(doc: "Doc", start: int, end: int) -> Optional["Token"]:
    """The verb (or auxiliary-bearing predicate) a time expression at ``[start, end)`` hangs off."""
    toks = tokens_in(doc, start, end)
    if not toks:
        return None
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])
    node = root
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i not in ids:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        # a time expression inside a noun phrase ("the April 6 deadline") keeps no verb
        if node.dep_ in ("compound", "nmod", "amod", "poss") and node.head.pos_ in ("NOUN", "PROPN") \
                and node.i in ids:
            node = node.head
            if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") and node.head.pos_ == "ADP":
                continue
            continue
        node = node.head
    return None


def tense_of(verb: Optional["Token"], *, headline: bool = False) -> Optional[str]:
    """"past", "future", "prospective" (an infinitive or modal: ahead of its governing
    verb, not necessarily of the writing), "present" or None for the verb ``verb``."""
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lower = {a.lower_.replace("\u2019", "'") for a in auxes}   # "he’ll", "it’s" as "he'll", "it's"
    if lower & _FUTURE_AUX:
        return "future"        # "whether he'll drop out before Tuesday's primary" too
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "once") for c in verb.children):
        return None            # "if he won the election on Nov. 8": a hypothesis, no tense
    if verb.lemma_.lower() in _SCHEDULE:
        return "future"        # "a June 3 hearing has been scheduled"
    if verb.lemma_.lower() == "set" and any(
            (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "xcomp" for c in verb.children):
        return "future"        # "the trial is set for November"
    if "would" in lower:
        return None
    if lower & _IRREALIS:
        return "prospective"
    if "to" in lower or (verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)):
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in _IMPLICATIVE:
            # "was forced to resign on Monday" happened; "seemed to ease" is no plan
            return "past" if head.tag_ in ("VBD", "VBN") else None
        if head.i != verb.i and head.lemma_.lower() in _ATTEMPT and head.tag_ == "VBD":
            return "past"
        return "prospective"
    tags = {a.tag_ for a in auxes}
    if verb.tag_ == "VBD" or "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN":
        if lower & {"has", "have", "'s", "'ve", "had"}:
            return "past"
        if lower & {"is", "are", "am", "'re"}:
            return "present"
        # a reduced relative ("the plan announced Monday") is mostly past, but too loosely
        # ("the deadline set at June 1") to be evidence of a conflict
        return "past_weak" if verb.dep_ in ("acl", "relcl") and not auxes else None
    if verb.tag_ == "VBG":
        if lower & {"is", "are", "am", "'re", "'m"}:
            return "future"    # "is meeting on Friday"
        if lower & {"was", "were"}:
            return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        if headline:
            return "past"      # headline present ("Apple unveils iPhone Monday")
        if verb.lemma_.lower() in _REPORTING:
            return "past"
        return "present"
    if verb.lemma_.lower() == "be" and verb.tag_ == "VBD":
        return "past"
    return None
