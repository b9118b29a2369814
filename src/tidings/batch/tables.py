"""Flat tables from :class:`~tidings.document.Result` objects, with fixed Arrow schemas.

Every table carries ``document_id`` (the result id) and ``published`` (the article's
publication date, ``YYYY-MM-DD`` or null), so each can be joined back to ``documents`` and
partitioned by date.  Spans are flattened to ``*_start`` / ``*_end`` / ``*_text`` columns
(character offsets into the document text, as in tidings/1).  The schemas are fixed so that
part files written by different workers and runs always read back as one dataset.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import pyarrow as pa

from tidings.document import Result

TABLES = ("documents", "entities", "statements", "events", "times", "flags")
"""The per-document tables, partitioned by publication date."""

_str, _int, _f, _bool = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_strs = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("document_id", _str), ("content_hash", _str), ("source", _str), ("url", _str),
        ("headline", _str), ("published", _str), ("published_from", _str), ("outlet", _str),
        ("n_chars", _int), ("n_words", _int), ("n_entities", _int), ("n_statements", _int),
        ("n_events", _int), ("n_times", _int), ("n_flags", _int),
        ("warnings", _strs), ("minhash", pa.binary()),
    ]),
    "entities": pa.schema([
        ("document_id", _str), ("published", _str), ("entity_id", _str), ("name", _str),
        ("kind", _str), ("role", _str), ("country", _str), ("sector", _str),
        ("n_mentions", _int), ("first_start", _int), ("first_end", _int),
        ("mention_starts", pa.list_(_int)), ("mention_ends", pa.list_(_int)),
    ]),
    "statements": pa.schema([
        ("document_id", _str), ("published", _str), ("statement_id", _str), ("kind", _str),
        ("speaker_text", _str), ("speaker_start", _int), ("speaker_end", _int),
        ("speaker_entity", _str), ("speaker_name", _str), ("speaker_country", _str),
        ("cue_text", _str), ("cue_start", _int), ("cue_end", _int),
        ("content_text", _str), ("content_start", _int), ("content_end", _int),
        ("venue", _str), ("date_value", _str), ("date_granularity", _str),
    ]),
    "events": pa.schema([
        ("document_id", _str), ("published", _str), ("outlet", _str), ("url", _str),
        ("event_id", _str), ("type", _str), ("mode", _str), ("cameo", _str),
        ("source_ids", _strs), ("source_names", _strs), ("source_countries", _strs),
        ("source_sectors", _strs), ("source_starts", pa.list_(_int)),
        ("target_ids", _strs), ("target_names", _strs), ("target_countries", _strs),
        ("target_sectors", _strs), ("target_starts", pa.list_(_int)),
        ("date_value", _str), ("date_granularity", _str),
        ("location_name", _str), ("location_country", _str), ("lat", _f), ("lon", _f),
        ("evidence_text", _str), ("evidence_start", _int), ("evidence_end", _int),
        ("sentence_id", _int), ("sentence_start", _int), ("sentence_end", _int),
    ]),
    "times": pa.schema([
        ("document_id", _str), ("published", _str), ("start", _int), ("end", _int),
        ("text", _str), ("value", _str), ("granularity", _str),
    ]),
    "flags": pa.schema([
        ("document_id", _str), ("published", _str), ("kind", _str), ("message", _str),
        ("evidence_start", _int), ("evidence_end", _int), ("evidence_text", _str),
    ]),
    "errors": pa.schema([
        ("document_id", _str), ("content_hash", _str), ("source", _str), ("code", _str),
        ("message", _str),
    ]),
}


@dataclass
class DocumentRows:
    """The rows one result contributes to each table (``errors`` only when unreadable)."""
    published: Optional[str]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def is_unreadable(result: Result) -> bool:
    """A document that could not be read at all has no text; it goes to ``errors`` only."""
    return not result.text


def sentence_index(sentences: list[tuple[int, int]], offset: int) -> Optional[int]:
    """Index of the sentence (original-text offsets) that contains ``offset``."""
    for n, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return n
    return None


def article_url(result: Result) -> Optional[str]:
    """The article's own URL: its source when that is a URL, else the first URL the
    article carries."""
    if result.source and result.source.startswith(("http://", "https://")):
        return result.source
    return result.article.urls[0] if result.article.urls else None


def _first_mention_start(entity_mentions: list[tuple[int, int]], start: int, end: int
                         ) -> Optional[int]:
    """GDELT's actor char offset: the first mention inside the evidence [start, end), else
    the mention nearest to it."""
    if not entity_mentions:
        return None
    inside = [m for m in entity_mentions if start <= m[0] < end]
    if inside:
        return min(inside)[0]
    return min(entity_mentions, key=lambda m: min(abs(m[0] - start), abs(m[0] - end)))[0]


def rows_for(result: Result, *, content_hash: str, minhash: Optional[bytes] = None,
             sentences: Optional[list[tuple[int, int]]] = None,
             n_words: Optional[int] = None) -> DocumentRows:
    """Flatten one result into rows for every table."""
    doc_id = result.id or result.source or content_hash
    art = result.article
    published = art.published
    if is_unreadable(result):
        first = result.errors[0] if result.errors else None
        return DocumentRows(published, {"errors": [{
            "document_id": doc_id, "content_hash": content_hash, "source": result.source,
            "code": first.code if first else "unreadable",
            "message": "; ".join(e.message for e in result.errors) or "the document has no text",
        }]})
    sentences = sentences or []
    base = {"document_id": doc_id, "published": published}
    entities = {e.id: e for e in result.entities}
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    url = article_url(result)
    rows["documents"].append({
        "document_id": doc_id, "content_hash": content_hash, "source": result.source,
        "url": url, "headline": art.headline,
        "published": published, "published_from": art.published_from, "outlet": art.outlet,
        "n_chars": len(result.text), "n_words": n_words, "n_entities": len(result.entities),
        "n_statements": len(result.statements), "n_events": len(result.events),
        "n_times": len(result.times), "n_flags": len(result.flags),
        "warnings": [f"{e.code}: {e.message}" for e in result.errors], "minhash": minhash,
    })
    for ent in result.entities:
        rows["entities"].append({
            **base, "entity_id": ent.id, "name": ent.name, "kind": ent.kind, "role": ent.role,
            "country": ent.country, "sector": ent.sector, "n_mentions": len(ent.mentions),
            "first_start": ent.mentions[0].start if ent.mentions else None,
            "first_end": ent.mentions[0].end if ent.mentions else None,
            "mention_starts": [m.start for m in ent.mentions],
            "mention_ends": [m.end for m in ent.mentions],
        })
    for st in result.statements:
        speaker = st.speaker
        ent = entities.get(speaker.entity) if speaker is not None and speaker.entity else None
        rows["statements"].append({
            **base, "statement_id": st.id, "kind": st.kind,
            "speaker_text": speaker.text if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "speaker_entity": speaker.entity if speaker else None,
            "speaker_name": ent.name if ent else None,
            "speaker_country": ent.country if ent else None,
            "cue_text": st.cue.text if st.cue else None,
            "cue_start": st.cue.start if st.cue else None,
            "cue_end": st.cue.end if st.cue else None,
            "content_text": " … ".join(c.text for c in st.content) or None,
            "content_start": min((c.start for c in st.content), default=None),
            "content_end": max((c.end for c in st.content), default=None),
            "venue": st.venue, "date_value": st.date.value if st.date else None,
            "date_granularity": st.date.granularity if st.date else None,
        })
    for ev in result.events:
        rows["events"].append(_event_row(result, ev, {**base, "url": url}, entities, sentences))
    for t in result.times:
        rows["times"].append({**base, "start": t.start, "end": t.end, "text": t.text,
                              "value": t.value, "granularity": t.granularity})
    for fl in result.flags:
        ev0 = fl.evidence[0] if fl.evidence else None
        rows["flags"].append({**base, "kind": fl.kind, "message": fl.message,
                              "evidence_start": ev0.start if ev0 else None,
                              "evidence_end": ev0.end if ev0 else None,
                              "evidence_text": ev0.text if ev0 else None})
    return DocumentRows(published, rows)


def _event_row(result: Result, ev: Any, base: dict[str, Any], entities: dict[str, Any],
               sentences: list[tuple[int, int]]) -> dict[str, Any]:
    art = result.article
    anchor = ev.evidence.start if ev.evidence is not None else 0
    anchor_end = ev.evidence.end if ev.evidence is not None else 0
    sid = sentence_index(sentences, anchor) if ev.evidence is not None else None
    row: dict[str, Any] = {
        **base, "outlet": art.outlet,
        "event_id": ev.id, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo,
        "date_value": ev.date.value if ev.date else None,
        "date_granularity": ev.date.granularity if ev.date else None,
        "location_name": ev.location.name if ev.location else None,
        "location_country": ev.location.country if ev.location else None,
        "lat": ev.location.lat if ev.location else None,
        "lon": ev.location.lon if ev.location else None,
        "evidence_text": ev.evidence.text if ev.evidence else None,
        "evidence_start": ev.evidence.start if ev.evidence else None,
        "evidence_end": ev.evidence.end if ev.evidence else None,
        "sentence_id": sid,
        "sentence_start": sentences[sid][0] if sid is not None else None,
        "sentence_end": sentences[sid][1] if sid is not None else None,
    }
    for side, ids in (("source", ev.source), ("target", ev.target)):
        found = [entities[i] for i in ids if i in entities]
        row[f"{side}_ids"] = [e.id for e in found]
        row[f"{side}_names"] = [e.name for e in found]
        row[f"{side}_countries"] = [e.country or "" for e in found]
        row[f"{side}_sectors"] = [e.sector or "" for e in found]
        row[f"{side}_starts"] = [
            s for s in (_first_mention_start([(m.start, m.end) for m in e.mentions], anchor,
                                             anchor_end) for e in found) if s is not None]
    return row


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows → an Arrow table with the table's fixed schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
