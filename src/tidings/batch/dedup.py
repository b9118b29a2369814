"""Duplicate articles and duplicate events.

*Articles*: wire copy republished by many outlets, lightly edited (a new headline, a trimmed
last paragraph, a changed word), is found with MinHash signatures of word 5-gram shingles and
locality-sensitive hashing (datasketch).  Candidate pairs from the LSH index are confirmed
with the estimated Jaccard similarity and joined into groups (union-find); each group has
one canonical article (the earliest published, then the smallest id).

*Events*: the same real-world event reported by several articles (or twice in one) becomes
one event with a list of mentions -- GDELT's Events/Mentions split, but keyed on who did
what to whom rather than on the article: the same PLOVER type, the same actors on each side
(resolved entity name + country) and dates within a window.  Events with an actor on one
side only merge only on the same day; events without any actor are never merged across
articles: "a protest" on the same day is not evidence of the same one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

log = logging.getLogger(__name__)

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2.x hashing scheme; signatures keep it explicit
SHINGLE = 5
DEFAULT_THRESHOLD = 0.5
DEFAULT_WINDOW_DAYS = 2

_WORD = re.compile(r"\w+", re.UNICODE)


# -- article signatures -----------------------------------------------------------------
def shingles(text: str, *, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word ``k``-grams of ``text`` (one shingle of all words if shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (``NUM_PERM`` little-endian uint64)."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return np.asarray(mh.hashvalues, dtype="<u8").tobytes()


def _lean(sig: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, scheme=SCHEME,
                       hashvalues=np.frombuffer(sig, dtype="<u8").astype(np.uint64))


@dataclass(frozen=True)
class ArticleGroup:
    group_id: str
    canonical: str
    members: tuple[str, ...]
    similarity: dict[str, float]  # member -> estimated Jaccard with the canonical article


def group_articles(docs: Iterable[tuple[str, Optional[str], Optional[bytes]]], *,
                   threshold: float = DEFAULT_THRESHOLD) -> list[ArticleGroup]:
    """Group near-duplicate articles.

    ``docs`` yields ``(document_id, published, signature)``; returns every group of two or
    more articles whose estimated Jaccard similarity reaches ``threshold``, each with its
    canonical (earliest published) article.  Single articles are not listed.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, LeanMinHash] = {}
    published: dict[str, str] = {}
    for doc_id, pub, sig in docs:
        if not sig or doc_id in sigs:
            continue
        sigs[doc_id] = _lean(sig)
        published[doc_id] = pub or "9999-99-99"
        lsh.insert(doc_id, sigs[doc_id])
    parent = {d: d for d in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, mh in sigs.items():
        for other in lsh.query(mh):
            if other != doc_id and mh.jaccard(sigs[other]) >= threshold:
                parent[find(other)] = find(doc_id)
    clusters: dict[str, list[str]] = {}
    for d in sigs:
        clusters.setdefault(find(d), []).append(d)
    groups = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda d: (published[d], d))
        canonical = members[0]
        gid = "g-" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:12]
        sim = {m: round(float(sigs[m].jaccard(sigs[canonical])), 3) for m in members}
        groups.append(ArticleGroup(gid, canonical, tuple(members), sim))
    groups.sort(key=lambda g: g.canonical)
    return groups


# -- events -----------------------------------------------------------------------------
def normal_name(name: str) -> str:
    """An actor name for matching: case-folded, accents and punctuation removed."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text.casefold())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def actor_key(names: list[str], countries: list[str]) -> tuple[tuple[str, str], ...]:
    """The set of actors on one side of an event, as sorted (name, country) pairs."""
    pairs = {(normal_name(n), (c or "").upper()) for n, c in zip(names, countries) if n}
    return tuple(sorted(p for p in pairs if p[0]))


def _as_date(value: Any) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def event_date(row: dict[str, Any]) -> Optional[dt.date]:
    """The event's own date when it names a day, else the article's publication date."""
    if row.get("date_value") and row.get("date_granularity") in ("day", None):
        found = _as_date(row["date_value"])
        if found:
            return found
    return _as_date(row.get("published"))


@dataclass
class MergedEvent:
    event_id: str
    global_event_id: int
    key: tuple[Any, ...]
    date: Optional[dt.date]
    mentions: list[dict[str, Any]]

    @property
    def num_articles(self) -> int:
        return len({m["document_id"] for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({source_name(m) for m in self.mentions})


def source_name(mention: dict[str, Any]) -> str:
    """The outlet of a mention (GDELT's MentionSourceName): outlet, URL domain, or id."""
    if mention.get("outlet"):
        return str(mention["outlet"])
    url = mention.get("url") or ""
    match = re.match(r"[a-z]+://(?:www\.)?([^/]+)", url)
    return match.group(1) if match else str(mention.get("document_id"))


def _merged_id(key: tuple[Any, ...], first: dict[str, Any]) -> tuple[str, int]:
    raw = repr((key, first.get("document_id"), first.get("event_id"))).encode("utf-8")
    digest = hashlib.sha1(raw).hexdigest()
    return "ev-" + digest[:12], int(digest[:15], 16)


def merge_events(rows: Iterable[dict[str, Any]], *, window_days: int = DEFAULT_WINDOW_DAYS,
                 article_groups: Optional[dict[str, str]] = None) -> list[MergedEvent]:
    """Merge event rows (one per event per article, the ``events`` table) into real-world
    events.  Rows with the same type and actors whose dates lie within ``window_days`` of
    the cluster's first date become one event; its mentions are the rows, in date order.
    Events with actors on one side only merge on the same date; with none, only between
    copies of one article (``article_groups``: document id → near-duplicate group) whose
    evidence reads the same and whose own dates agree -- a wire story's copies never add
    events."""
    groups = article_groups or {}
    buckets: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    solo: list[dict[str, Any]] = []
    for row in rows:
        src = actor_key(list(row.get("source_names") or []), list(row.get("source_countries") or []))
        tgt = actor_key(list(row.get("target_names") or []), list(row.get("target_countries") or []))
        if not src and not tgt:
            solo.append(row)
            continue
        buckets.setdefault((row["type"], src, tgt), []).append(row)
    out: list[MergedEvent] = []
    for key, members in buckets.items():
        # with an actor missing on one side ("Sanders demanded ..."), two reports days apart
        # are as likely two demands as one: those merge only on the same day
        window = dt.timedelta(days=window_days if key[1] and key[2] else 0)
        # by date, then the earliest report first (its URL becomes the event's SOURCEURL)
        members.sort(key=lambda r: (event_date(r) or dt.date.max, str(r.get("published") or "~"),
                                    str(r.get("document_id")), r.get("evidence_start") or 0))
        current: list[dict[str, Any]] = []
        start: Optional[dt.date] = None
        for row in members:
            day = event_date(row)
            fits = current and (day == start if start is None or day is None
                                else day - start <= window)
            if not fits:
                if current:
                    out.append(_make(key, start, current))
                current, start = [], day
            current.append(row)
        if current:
            out.append(_make(key, start, current))
    copies: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in solo:
        group = groups.get(str(row.get("document_id")))
        if group is not None:
            own = row.get("date_value") if row.get("date_granularity") in ("day", None) else None
            key = (row["type"], (), (), group, normal_name(row.get("evidence_text") or ""), own)
        else:
            key = (row["type"], (), (), row.get("document_id"), row.get("event_id"))
        copies.setdefault(key, []).append(row)
    for key, members in copies.items():
        members.sort(key=lambda r: (str(r.get("published") or "~"), str(r.get("document_id"))))
        out.append(_make(key, event_date(members[0]), members))
    out.sort(key=lambda e: (e.date or dt.date.max, e.event_id))
    return out


def _make(key: tuple[Any, ...], day: Optional[dt.date], mentions: list[dict[str, Any]]) -> MergedEvent:
    event_id, gid = _merged_id(key, mentions[0])
    return MergedEvent(event_id, gid, key, day, mentions)
