"""Merged events and their mentions as tables, and their GDELT 2.0-style projection.

``merged_tables`` turns :class:`~tidings.batch.dedup.MergedEvent` objects into two tables:
``events_merged`` (one row per real-world event, with NumMentions / NumSources /
NumArticles) and ``mentions`` (one row per report of it: article, sentence, offsets).
``gdelt_events`` / ``gdelt_mentions`` rename and recode them to the GDELT 2.0 Events and
Mentions column names so existing GDELT analyses read tidings output unchanged.  Codes come
from ``data/gdelt_cameo.json`` (CAMEO root → QuadClass, Goldstein; PLOVER type → root).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

import pyarrow as pa

from tidings.batch.dedup import MergedEvent, source_name
from tidings.data import load_json

_str, _int, _f = pa.string(), pa.int64(), pa.float64()

MERGED_SCHEMA = pa.schema([
    ("event_id", _str), ("global_event_id", _int), ("type", _str), ("cameo", _str),
    ("root_code", _str), ("quad_class", _int), ("goldstein", _f),
    ("actor1_name", _str), ("actor1_country", _str), ("actor1_sector", _str),
    ("actor2_name", _str), ("actor2_country", _str), ("actor2_sector", _str),
    ("date", _str), ("location_name", _str), ("location_country", _str),
    ("lat", _f), ("lon", _f), ("source_url", _str), ("first_document_id", _str),
    ("num_mentions", _int), ("num_sources", _int), ("num_articles", _int),
    ("document_ids", pa.list_(_str)),
])
MENTIONS_SCHEMA = pa.schema([
    ("event_id", _str), ("global_event_id", _int), ("document_id", _str),
    ("local_event_id", _str), ("published", _str), ("outlet", _str), ("url", _str),
    ("sentence_id", _int), ("sentence_start", _int), ("sentence_end", _int),
    ("evidence_start", _int), ("evidence_end", _int), ("evidence_text", _str),
    ("actor1_start", _int), ("actor2_start", _int), ("article_group", _str),
])


def cameo_codes(event_type: str, cameo: Optional[str]) -> tuple[Optional[str], Optional[str],
                                                                 Optional[int], Optional[float]]:
    """(EventCode, EventRootCode, QuadClass, GoldsteinScale) for a PLOVER type and an
    optional CAMEO code; the Goldstein value is the root code's (finer codes are not in
    the table), ``None`` when neither the code nor the type gives a root."""
    table = load_json("gdelt_cameo.json")
    code = (cameo or "").strip() or table["plover"].get(event_type)
    if not code:
        return None, None, None, None
    root = code[:2]
    info = table["roots"].get(root)
    if info is None:
        return code, None, None, None
    return code, root, int(info["quad_class"]), float(info["goldstein"])


def _first(values: Any) -> Optional[str]:
    values = list(values or [])
    return str(values[0]) if values and values[0] else None


def _first_int(values: Any) -> Optional[int]:
    values = list(values or [])
    return int(values[0]) if values else None


def merged_tables(merged: list[MergedEvent], *, article_groups: Optional[dict[str, str]] = None
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``events_merged`` and ``mentions`` for merged events.  ``article_groups``
    maps a document id to its near-duplicate group, recorded on each mention."""
    groups = article_groups or {}
    events, mentions = [], []
    for ev in merged:
        ms = ev.mentions
        head = ms[0]
        cameo = next((m.get("cameo") for m in ms if m.get("cameo")), None)
        code, root, quad, goldstein = cameo_codes(str(head["type"]), cameo)
        located = next((m for m in ms if m.get("location_name") or m.get("location_country")), {})
        events.append({
            "event_id": ev.event_id, "global_event_id": ev.global_event_id,
            "type": head["type"], "cameo": code, "root_code": root, "quad_class": quad,
            "goldstein": goldstein,
            "actor1_name": _first(head.get("source_names")),
            "actor1_country": _first(head.get("source_countries")),
            "actor1_sector": _first(head.get("source_sectors")),
            "actor2_name": _first(head.get("target_names")),
            "actor2_country": _first(head.get("target_countries")),
            "actor2_sector": _first(head.get("target_sectors")),
            "date": ev.date.isoformat() if ev.date else None,
            "location_name": located.get("location_name"),
            "location_country": located.get("location_country"),
            "lat": located.get("lat"), "lon": located.get("lon"),
            "source_url": head.get("url"), "first_document_id": head.get("document_id"),
            "num_mentions": len(ms), "num_sources": ev.num_sources,
            "num_articles": ev.num_articles,
            "document_ids": sorted({str(m["document_id"]) for m in ms}),
        })
        for m in ms:
            mentions.append({
                "event_id": ev.event_id, "global_event_id": ev.global_event_id,
                "document_id": m.get("document_id"), "local_event_id": m.get("event_id"),
                "published": m.get("published"), "outlet": source_name(m), "url": m.get("url"),
                "sentence_id": m.get("sentence_id"), "sentence_start": m.get("sentence_start"),
                "sentence_end": m.get("sentence_end"), "evidence_start": m.get("evidence_start"),
                "evidence_end": m.get("evidence_end"), "evidence_text": m.get("evidence_text"),
                "actor1_start": _first_int(m.get("source_starts")),
                "actor2_start": _first_int(m.get("target_starts")),
                "article_group": groups.get(str(m.get("document_id"))),
            })
    return events, mentions


def _sqldate(value: Optional[str]) -> Optional[int]:
    return int(value.replace("-", "")[:8]) if value else None


def _actor_code(country: Optional[str], sector: Optional[str]) -> Optional[str]:
    code = (country or "") + (sector or "")
    return code or None


def gdelt_events(rows: list[dict[str, Any]], *, added: Optional[dt.date] = None) -> list[dict[str, Any]]:
    """``events_merged`` rows in GDELT 2.0 Events column names (fields tidings cannot
    derive, such as AvgTone or the actor geographies, are left empty)."""
    added = added or dt.date.today()
    out = []
    for r in rows:
        day = r.get("date")
        date = dt.date.fromisoformat(day) if day else None
        code = r.get("cameo")
        out.append({
            "GlobalEventID": r["global_event_id"], "SQLDATE": _sqldate(day),
            "MonthYear": int(date.strftime("%Y%m")) if date else None,
            "Year": date.year if date else None,
            "FractionDate": round(date.year + (date.timetuple().tm_yday - 1) / 365, 4) if date else None,
            "Actor1Code": _actor_code(r.get("actor1_country"), r.get("actor1_sector")),
            "Actor1Name": (r.get("actor1_name") or "").upper() or None,
            "Actor1CountryCode": r.get("actor1_country") or None,
            "Actor1Type1Code": r.get("actor1_sector") or None,
            "Actor2Code": _actor_code(r.get("actor2_country"), r.get("actor2_sector")),
            "Actor2Name": (r.get("actor2_name") or "").upper() or None,
            "Actor2CountryCode": r.get("actor2_country") or None,
            "Actor2Type1Code": r.get("actor2_sector") or None,
            "IsRootEvent": 1, "EventCode": code,
            "EventBaseCode": code[:3] if code and len(code) >= 3 else code,
            "EventRootCode": r.get("root_code"), "QuadClass": r.get("quad_class"),
            "GoldsteinScale": r.get("goldstein"), "NumMentions": r["num_mentions"],
            "NumSources": r["num_sources"], "NumArticles": r["num_articles"], "AvgTone": None,
            "ActionGeo_Type": (1 if r.get("location_country") and not r.get("lat") else
                               4 if r.get("lat") is not None else 0),
            "ActionGeo_FullName": r.get("location_name"),
            "ActionGeo_CountryCode": r.get("location_country"),
            "ActionGeo_Lat": r.get("lat"), "ActionGeo_Long": r.get("lon"),
            "DATEADDED": int(added.strftime("%Y%m%d")), "SOURCEURL": r.get("source_url"),
            "PLOVERType": r.get("type"),
        })
    return out


def gdelt_mentions(rows: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``mentions`` rows in GDELT 2.0 Mentions column names; MentionType 1 (web)."""
    dates = {e["event_id"]: e.get("date") for e in events}
    out = []
    for r in rows:
        out.append({
            "GlobalEventID": r["global_event_id"],
            "EventTimeDate": _sqldate(dates.get(r["event_id"])),
            "MentionTimeDate": _sqldate(r.get("published")), "MentionType": 1,
            "MentionSourceName": r.get("outlet"),
            "MentionIdentifier": r.get("url") or r.get("document_id"),
            "SentenceID": None if r.get("sentence_id") is None else int(r["sentence_id"]) + 1,
            "Actor1CharOffset": r.get("actor1_start") if r.get("actor1_start") is not None else -1,
            "Actor2CharOffset": r.get("actor2_start") if r.get("actor2_start") is not None else -1,
            "ActionCharOffset": r.get("evidence_start") if r.get("evidence_start") is not None else -1,
            "InRawText": 1, "Confidence": None, "MentionDocLen": None, "MentionDocTone": None,
            "DocumentID": r.get("document_id"), "ArticleGroup": r.get("article_group"),
        })
    return out
