"""A small logistic-regression classifier: is this verb the head of an attribution cue?

It reads only what the parse already holds (lemma, tag, dependency label, the labels of
the verb's children, the kind of its subject, its head's lemma, nearby quote marks, and the
shape of what it governs: the complementizer and tense of its clause, the infinitive it
takes -- "declined to comment" --, its modal, where it hangs, its ending as a back-off for
rare lemmas), so it adds no second model pass.  The weights are ``model/cue_model.json`` (sparse, a few
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
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import doc_sents, doc_text, token_ends, token_heads, token_starts, token_strings

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
        from spacy.attrs import ENT_TYPE, LOWER

        # lower-cased words and entity labels are read for a few words round each verb:
        # their strings are looked up when asked for
        self._strings = doc.vocab.strings
        self._lower_ids = doc.to_array(LOWER).tolist()
        self._ent_ids = doc.to_array(ENT_TYPE).tolist()
        self._names: dict[int, str] = {}
        self.heads = heads = token_heads(doc)
        # the token indexes sorted by their head (stable: in word order under each head),
        # so that a word's children are one slice; no list per word for the collector
        self._by_head = sorted(range(n), key=heads.__getitem__)
        self._sorted_heads = [heads[j] for j in self._by_head]
        self.sent_start = [0] * n
        self.sent_end = [0] * n
        for sent in doc_sents(doc):
            s, e = sent.start, sent.end
            self.sent_start[s:e] = [s] * (e - s)
            self.sent_end[s:e] = [e] * (e - s)
        self.quotes = _quote_tokens(doc)

    def children(self, i: int) -> list[int]:
        """The indexes of ``doc[i].children``, in word order."""
        lo = bisect_left(self._sorted_heads, i)
        hi = bisect_right(self._sorted_heads, i, lo)
        return [j for j in self._by_head[lo:hi] if j != i]

    def lower(self, i: int) -> str:
        """``doc[i].lower_``."""
        return self._name(self._lower_ids[i])

    def ent_type(self, i: int) -> str:
        """``doc[i].ent_type_``."""
        return self._name(self._ent_ids[i])

    def _name(self, sid: int) -> str:
        name = self._names.get(sid)
        if name is None:
            name = self._names[sid] = self._strings[sid]
        return name

    def any_quote(self, start: int, end: int) -> bool:
        k = bisect_left(self.quotes, start)
        return k < len(self.quotes) and self.quotes[k] < end

    def quotes_between(self, start: int, end: int) -> int:
        """How many quote marks are at token indexes ``start <= i < end``."""
        if end <= start:
            return 0
        return bisect_left(self.quotes, end) - bisect_left(self.quotes, start)


_QUOTE_CHAR = re.compile("[" + re.escape(QUOTES) + "]")


def _quote_tokens(doc) -> list[int]:  # type: ignore[no-untyped-def]
    """The indexes of the tokens whose text is one of ``QUOTES`` (or a run of them, as
    ``t.text in QUOTES``), found from the quote characters of the text."""
    text = doc_text(doc)
    starts, ends = token_starts(doc), token_ends(doc)
    out: list[int] = []
    for m in _QUOTE_CHAR.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or (out and out[-1] == i) or m.start() >= ends[i]:
            continue
        if text[starts[i]:ends[i]] in QUOTES:
            out.append(i)
    return out


def _subj_kind(i: int, info: DocInfo) -> str:
    for c in info.children(i):
        dep = info.dep[c]
        if dep in ("nsubj", "nsubjpass", "csubj"):
            if info.pos[c] == "PRON":
                return dep + ":PRON:" + info.lower(c)
            return dep + ":" + (info.ent_type(c) or info.pos[c])
    return "none"


def features(tok: "Token", info: "Optional[DocInfo]" = None) -> list[str]:
    if info is None:
        info = DocInfo(tok.doc)
    return features_at(tok.i, info)


def features_at(i: int, info: DocInfo) -> list[str]:
    """The features of the word at token index ``i``."""
    return [f for group in feature_groups(i, info) for f in group[0](*group[1:])]


def _one(tpl: str, value: str) -> tuple[str, ...]:
    return (tpl + value,)


def _with_lemma(tpl: str, lemma: str, value: str) -> tuple[str, ...]:
    return (tpl + lemma + "|" + value,)


def _both(tpl: str, ltpl: str, lemma: str, value: str) -> tuple[str, ...]:
    return (tpl + value, ltpl + lemma + "|" + value)


def _base(lemma: str, tag: str, dep: str) -> tuple[str, ...]:
    return ("b", "l=" + lemma, "t=" + tag, "d=" + dep, "l|d=" + lemma + "|" + dep,
            "l|t=" + lemma + "|" + tag)


def _subject(lemma: str, subj: str) -> tuple[str, ...]:
    return ("s=" + subj, "l|s=" + lemma + "|" + subj.split(":")[0])


def _quote_flags(lemma: str, in_sent: bool, near: bool) -> tuple[str, ...]:
    return ("q=" + str(in_sent) + str(near), "l|q=" + lemma + "|" + str(near))


Group = tuple  # (function, *its arguments): the function returns feature names


def feature_groups(i: int, info: DocInfo) -> list[Group]:
    """The features of the word at token index ``i`` as groups of (a function that names
    them, its arguments), in feature order.  Words with the same group arguments share the
    group's feature names, so :class:`CueModel` looks their weights up once."""
    lemma, tag, dep, lower = info.lemma[i], info.tag[i], info.dep[i], info.lower
    kids = info.children(i)
    deps = sorted({info.dep[c] for c in kids})
    preps = sorted({lower(c) for c in kids if info.dep[c] in ("prep", "agent", "prt")})
    subj = _subj_kind(i, info)
    ss, se = info.sent_start[i], info.sent_end[i]
    quote_in_sent = info.any_quote(ss, se)
    quote_near = info.any_quote(max(ss, i - 4), min(se, i + 5))
    groups: list[Group] = [
        (_base, lemma, tag, dep), (_subject, lemma, subj),
        (_one, "h=", info.lemma[info.heads[i]] if dep in ("xcomp", "advcl", "conj", "pcomp") else "-"),
        (_quote_flags, lemma, quote_in_sent, quote_near)]
    for c in kids:
        cdep = info.dep[c]
        if cdep in ("nsubj", "nsubjpass") and info.pos[c] in ("NOUN", "PRON"):
            groups.append((_one, "sl=", info.lemma[c]))
        elif cdep == "dobj":
            groups.append((_with_lemma, "l|o=", lemma, info.lemma[c]))
        elif cdep == "ccomp":
            mark = next((lower(g) for g in info.children(c) if info.dep[g] == "mark"), "-")
            groups.append((_one, "cm=", mark))
            # the clause's shape: "said that ...", "thinks he is", "asked whether"
            groups.append((_with_lemma, "l|cm=", lemma, mark))
            groups.append((_one, "ct=", info.tag[c]))
        elif cdep == "xcomp":  # "refused to answer", "declined to comment", "vowed to repeal"
            groups.append((_both, "xc=", "l|xc=", lemma, info.lemma[c]))
        elif cdep in ("aux", "auxpass") and info.tag[c] == "MD":  # "would argue", "could say"
            groups.append((_one, "md=", lower(c)))
    inside = info.quotes_between(ss, i) % 2
    groups.append((_one, "inq=", str(inside)))
    for d in deps:
        groups.append((_both, "c=", "l|c=", lemma, d))
    for p in preps:
        groups.append((_both, "p=", "l|p=", lemma, p))
    # where the verb hangs (a main verb, a relative clause, a conjunct) and, for lemmas
    # too rare to have a weight of their own, their ending ("-ize", "-ate")
    head = info.heads[i]
    groups.append((_one, "hd=", info.dep[head] + ":" + info.pos[head] if head != i else "root"))
    groups.append((_one, "suf=", lemma[-3:]))
    if i > 0:
        groups.append((_one, "w-1=", lower(i - 1)))
    if i + 1 < info.n:
        groups.append((_both, "w+1=", "l|w+1=", lemma, lower(i + 1)))
    return groups


MAX_REMEMBERED = 100_000  # feature groups whose weights a model keeps


class CueModel:
    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold
        self._group_weights: dict[Group, tuple[float, ...]] = {}

    def prob(self, tok: "Token", info: "Optional[DocInfo]" = None) -> float:
        if info is None:
            info = DocInfo(tok.doc)
        return self.prob_at(tok.i, info)

    def prob_at(self, i: int, info: DocInfo) -> float:
        """:meth:`prob` of the word at token index ``i``."""
        remembered = self._group_weights
        if len(remembered) > MAX_REMEMBERED:
            remembered.clear()
        get = self.weights.get
        ws: list[float] = []
        for group in feature_groups(i, info):
            w = remembered.get(group)
            if w is None:
                w = remembered[group] = tuple(get(f, 0.0) for f in group[0](*group[1:]))
            ws.extend(w)
        # the weights in feature order, summed as ``sum(weights of features_at(...))``
        z = sum(ws)
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
