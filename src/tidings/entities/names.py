"""Where a name begins and ends: the small model's NER runs names on into the words
after them in Title Case headlines ("Bernie Sanders Promises Action On Immigration In",
"Hillary Clinton Slams"), and a name's words keep the hyphen of a double-barrelled name."""
from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def title_case_headline_end(text: str) -> int:
    """The end of the first paragraph when it is a Title Case headline, else 0."""
    end = text.find("\n\n")
    if end <= 0:
        return 0
    words = [w for w in text[:end].split() if len(w) >= 4 and w[0].isalpha()]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return 0
    return end


def in_body(span: "Span", text: str, head_end: int) -> bool:
    """Whether the body below a headline gives this headline name, whole or word by word
    with capitals ("Republican Party" over "... the Republican ... the Party ...")."""
    body = text[head_end:]
    if span.text in body:
        return True
    words = [t.text for t in span if t.is_alpha and len(t.text) > 3]
    return bool(words) and all(re.search(r"\b" + re.escape(w) + r"\b", body) for w in words)


def finite_verb_cut(doc: "Doc", start: int, end: int) -> int:
    """The end of a name span cut before its first finite verb after the first word."""
    for i in range(start + 1, end):
        if doc[i].tag_ in ("VBZ", "VBD", "VBP", "MD"):
            return i
    return end


SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def known_name_cut(doc: "Doc", start: int, end: int, person_texts: "collections.Counter[str]") -> int:
    """The end of a name span seen once that runs past a name spaCy finds elsewhere in
    the article ("Hillary Clinton Slams" in a headline over "Hillary Clinton said")."""
    if end - start < 3 or person_texts[doc[start:end].text] > 1:
        return end
    for k in range(end - 1, start + 1, -1):
        if person_texts[doc[start:k].text] and doc[k].is_alpha and doc[k].lower_ not in SUFFIXES \
                and not any(doc[k].text in name.split() for name in person_texts
                            if name != doc[start:end].text):
            return k  # the word cut off is no part of any other name ("Dena Minning Grayson")
    return end


def name_tokens(span: "Span") -> tuple[str, ...]:
    """The words of a name, with its initials' dots, a double-barrelled name one word
    ("Mark-Viverito", "Stanley-Becker"), and no other punctuation."""
    doc = span.doc
    out: list[str] = []
    glue = False
    for t in span:
        if t.text == "-" and out and not t.whitespace_ and not doc[t.i - 1].whitespace_ \
                and t.i + 1 < span.end:
            out[-1] += "-"
            glue = True
        elif glue:
            out[-1] += t.text
            glue = False
        elif not t.is_punct or t.text == ".":
            out.append(t.text)
    return tuple(out)
