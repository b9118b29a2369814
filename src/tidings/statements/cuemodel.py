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
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import doc_sents

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "cue_model.json"
QUOTES = "“”\"„«»"


def _subj_kind(tok: "Token") -> str:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if c.pos_ == "PRON":
                return c.dep_ + ":PRON:" + c.lower_
            return c.dep_ + ":" + (c.ent_type_ or c.pos_)
    return "none"


class DocInfo:
    """Per-document lookups the features need, computed once (sentence bounds, quotes)."""

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        n = len(doc)
        self.sent_start = [0] * n
        self.sent_end = [0] * n
        for sent in doc_sents(doc):
            for i in range(sent.start, sent.end):
                self.sent_start[i], self.sent_end[i] = sent.start, sent.end
        self.quotes = [t.i for t in doc if t.text in QUOTES]

    def any_quote(self, start: int, end: int) -> bool:
        from bisect import bisect_left

        k = bisect_left(self.quotes, start)
        return k < len(self.quotes) and self.quotes[k] < end


def features(tok: "Token", info: "Optional[DocInfo]" = None) -> list[str]:
    if info is None:
        info = DocInfo(tok.doc)
    lemma = tok.lemma_.lower()
    deps = sorted({c.dep_ for c in tok.children})
    preps = sorted({c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "prt")})
    subj = _subj_kind(tok)
    ss, se = info.sent_start[tok.i], info.sent_end[tok.i]
    quote_in_sent = info.any_quote(ss, se)
    quote_near = info.any_quote(max(ss, tok.i - 4), min(se, tok.i + 5))
    f = ["b", "l=" + lemma, "t=" + tok.tag_, "d=" + tok.dep_, "l|d=" + lemma + "|" + tok.dep_,
         "l|t=" + lemma + "|" + tok.tag_, "s=" + subj, "l|s=" + lemma + "|" + subj.split(":")[0],
         "h=" + tok.head.lemma_.lower() if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp") else "h=-",
         "q=" + str(quote_in_sent) + str(quote_near), "l|q=" + lemma + "|" + str(quote_near)]
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PRON"):
            f.append("sl=" + c.lemma_.lower())
        elif c.dep_ == "dobj":
            f.append("l|o=" + lemma + "|" + c.lemma_.lower())
        elif c.dep_ == "ccomp":
            mark = next((g.lower_ for g in c.children if g.dep_ == "mark"), "-")
            f.append("cm=" + mark)
    inside = sum(1 for q in info.quotes if ss <= q < tok.i) % 2
    f.append("inq=" + str(inside))
    for d in deps:
        f.append("c=" + d)
        f.append("l|c=" + lemma + "|" + d)
    for p in preps:
        f.append("p=" + p)
        f.append("l|p=" + lemma + "|" + p)
    if tok.i > 0:
        f.append("w-1=" + tok.doc[tok.i - 1].lower_)
    if tok.i + 1 < len(tok.doc):
        f.append("w+1=" + tok.doc[tok.i + 1].lower_)
        f.append("l|w+1=" + lemma + "|" + tok.doc[tok.i + 1].lower_)
    return f


class CueModel:
    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold

    def prob(self, tok: "Token", info: "Optional[DocInfo]" = None) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features(tok, info))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, tok: "Token", info: "Optional[DocInfo]" = None) -> bool:
        return self.prob(tok, info) >= self.threshold


@lru_cache(maxsize=1)
def load() -> Optional[CueModel]:
    if not MODEL_PATH.exists():
        log.info("no cue model at %s: using the lemma table", MODEL_PATH)
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return CueModel(data["weights"], float(data["threshold"]))
