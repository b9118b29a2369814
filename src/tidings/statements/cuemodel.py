"""A small logistic-regression classifier: is this verb the head of an attribution cue?

It reads only what the parse already holds (lemma, tag, dependency label, the labels of
the verb's children, the kind of its subject, its head's lemma, nearby quote marks), so it
adds no second model pass.  The weights are ``model/cue_model.json`` (sparse, a few
hundred KB), trained on PolNeAR's TRAIN slice by ``bench/train_statement_cues.py``;
retrain with::

    .venv/bin/python bench/train_statement_cues.py

If the weights file is missing the stage falls back to the lemma table
(``statement_cues.json``).
"""
from __future__ import annotations

import json
import logging
import math
from bisect import bisect_left
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import doc_sents, token_heads, token_strings, tokens_where

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "cue_model.json"
QUOTES = "“”\"„«»"


class DocInfo:
    """Per-document lookups the features need, read from the parse's arrays once (lemmas,
    tags, dependency labels, heads, children, sentence bounds, quote marks), so that the
    features of a verb build no spaCy ``Token``."""

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        n = len(doc)
        self.n = n
        self.lemma = token_strings(doc, "LEMMA_LOWER")
        self.tag = token_strings(doc, "TAG")
        self.dep = token_strings(doc, "DEP")
        self.pos = token_strings(doc, "POS")
        self.lower = token_strings(doc, "LOWER")
        self.ent_type = _ent_types(doc)
        self.heads = heads = token_heads(doc)
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)  # in word order, as ``Token.children``
        self.children = children
        self.sent_start = [0] * n
        self.sent_end = [0] * n
        for sent in doc_sents(doc):
            s, e = sent.start, sent.end
            self.sent_start[s:e] = [s] * (e - s)
            self.sent_end[s:e] = [e] * (e - s)
        self.quotes = [t.i for t in tokens_where(doc, lambda w: w in QUOTES)]

    def any_quote(self, start: int, end: int) -> bool:
        k = bisect_left(self.quotes, start)
        return k < len(self.quotes) and self.quotes[k] < end

    def quotes_between(self, start: int, end: int) -> int:
        """How many quote marks are at token indexes ``start <= i < end``."""
        if end <= start:
            return 0
        return bisect_left(self.quotes, end) - bisect_left(self.quotes, start)


def _ent_types(doc) -> list[str]:  # type: ignore[no-untyped-def]
    from spacy.attrs import ENT_TYPE

    ids = doc.to_array(ENT_TYPE).tolist()
    strings = doc.vocab.strings
    names = {i: strings[i] for i in set(ids)}
    return [names[i] for i in ids]


def _subj_kind(i: int, info: DocInfo) -> str:
    for c in info.children[i]:
        dep = info.dep[c]
        if dep in ("nsubj", "nsubjpass", "csubj"):
            if info.pos[c] == "PRON":
                return dep + ":PRON:" + info.lower[c]
            return dep + ":" + (info.ent_type[c] or info.pos[c])
    return "none"


def features(tok: "Token", info: "Optional[DocInfo]" = None) -> list[str]:
    if info is None:
        info = DocInfo(tok.doc)
    return features_at(tok.i, info)


def features_at(i: int, info: DocInfo) -> list[str]:
    """The features of the word at token index ``i``."""
    lemma, tag, dep, lower = info.lemma[i], info.tag[i], info.dep[i], info.lower
    kids = info.children[i]
    deps = sorted({info.dep[c] for c in kids})
    preps = sorted({lower[c] for c in kids if info.dep[c] in ("prep", "agent", "prt")})
    subj = _subj_kind(i, info)
    ss, se = info.sent_start[i], info.sent_end[i]
    quote_in_sent = info.any_quote(ss, se)
    quote_near = info.any_quote(max(ss, i - 4), min(se, i + 5))
    f = ["b", "l=" + lemma, "t=" + tag, "d=" + dep, "l|d=" + lemma + "|" + dep,
         "l|t=" + lemma + "|" + tag, "s=" + subj, "l|s=" + lemma + "|" + subj.split(":")[0],
         "h=" + info.lemma[info.heads[i]] if dep in ("xcomp", "advcl", "conj", "pcomp") else "h=-",
         "q=" + str(quote_in_sent) + str(quote_near), "l|q=" + lemma + "|" + str(quote_near)]
    for c in kids:
        cdep = info.dep[c]
        if cdep in ("nsubj", "nsubjpass") and info.pos[c] in ("NOUN", "PRON"):
            f.append("sl=" + info.lemma[c])
        elif cdep == "dobj":
            f.append("l|o=" + lemma + "|" + info.lemma[c])
        elif cdep == "ccomp":
            mark = next((lower[g] for g in info.children[c] if info.dep[g] == "mark"), "-")
            f.append("cm=" + mark)
    inside = info.quotes_between(ss, i) % 2
    f.append("inq=" + str(inside))
    for d in deps:
        f.append("c=" + d)
        f.append("l|c=" + lemma + "|" + d)
    for p in preps:
        f.append("p=" + p)
        f.append("l|p=" + lemma + "|" + p)
    if i > 0:
        f.append("w-1=" + lower[i - 1])
    if i + 1 < info.n:
        f.append("w+1=" + lower[i + 1])
        f.append("l|w+1=" + lemma + "|" + lower[i + 1])
    return f


class CueModel:
    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold

    def prob(self, tok: "Token", info: "Optional[DocInfo]" = None) -> float:
        if info is None:
            info = DocInfo(tok.doc)
        return self.prob_at(tok.i, info)

    def prob_at(self, i: int, info: DocInfo) -> float:
        """:meth:`prob` of the word at token index ``i``."""
        feats = features_at(i, info)
        z = sum(map(self.weights.get, feats, repeat(0.0, len(feats))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, tok: "Token", info: "Optional[DocInfo]" = None) -> bool:
        return self.prob(tok, info) >= self.threshold

    def is_cue_at(self, i: int, info: DocInfo) -> bool:
        return self.prob_at(i, info) >= self.threshold


@lru_cache(maxsize=1)
def load() -> Optional[CueModel]:
    if not MODEL_PATH.exists():
        log.info("no cue model at %s: using the lemma table", MODEL_PATH)
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return CueModel(data["weights"], float(data["threshold"]))
