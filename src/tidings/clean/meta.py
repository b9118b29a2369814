"""Publication date and outlet of an article, with where each came from.

Precedence for the date: a date given with the document (a ``published`` field in a
``.jsonl`` record) > the source's own metadata (HTML, PDF) > a dateline in the text > a
date in the article's own URL > a fallback date given on the command line.  Every
candidate is kept, so the time layer can flag the ones that disagree.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlparse

from tidings.clean.structure import Structure
from tidings.data import load_json
from tidings.document import Document

_URL_DATE_RES = [
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_])"),
    re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:/|$|[-_])"),
    re.compile(r"[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
]
# "MOSCOW, June 24 (Reuters) -", "WASHINGTON, March 3, 2019 —"
_DATELINE_IN_TEXT = re.compile(
    r"^[A-Z][A-Z .'\-]{2,40},\s*(?:[A-Z][a-z]+\s+)?"
    r"((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))")


@dataclass
class ArticleMeta:
    published: Optional[str] = None
    published_from: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None                       # the article's own URL, if known
    candidates: dict[str, str] = field(default_factory=dict)  # from -> YYYY-MM-DD
    url_date_spans: list[str] = field(default_factory=list)    # the URLs dates came from


def url_date(url: str) -> Optional[str]:
    path = urlparse(url).path if "://" in url else url
    for rx in _URL_DATE_RES:
        m = rx.search(path)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return None


def _domain(url: str) -> str:
    host = urlparse(url if "://" in url else "http://" + url).hostname or ""
    return host.lower().removeprefix("www.")


def outlet_for(url: str) -> Optional[str]:
    host = _domain(url)
    if not host:
        return None
    table = load_json("outlets.json")
    parts = host.split(".")
    for k in range(len(parts) - 1):
        name = table.get(".".join(parts[k:]))
        if name:
            return str(name)
    return None


def _fallback_outlet(url: str) -> Optional[str]:
    """An outlet we have no name for is named by its registered domain ("example-news.com"):
    a made-up capitalisation of the domain would look like a name the site never used."""
    host = _domain(url)
    parts = [p for p in host.split(".") if p]
    if len(parts) < 2:
        return None
    keep = 3 if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gov") else 2
    return ".".join(parts[-keep:])


def _is_social(url: str) -> bool:
    host = _domain(url)
    domains = load_json("social_domains.json")["domains"]
    return any(host == d or host.endswith("." + d) for d in domains)


def parse_date(text: str) -> Optional[str]:
    import dateparser  # slow to import: only when a dateline needs it

    parsed = dateparser.parse(text, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                        "PREFER_DATES_FROM": "past"})
    return parsed.date().isoformat() if parsed else None


def _byline_date(text: str) -> str:
    """The date part of a byline ("By X | March 14, 2026", "By X, March 14, 2026"), or ''."""
    if "|" in text:
        return text.rpartition("|")[2]
    m = re.search(r"((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})", text)
    return m.group(1) if m else ""


def article_meta(doc: Document, structure: Structure, urls: list[str]) -> ArticleMeta:
    meta = ArticleMeta()
    cands = meta.candidates
    if doc.published and doc.published_from == "given":
        cands["given"] = doc.published
    elif doc.published and doc.published_from != "fallback":
        cands["metadata"] = doc.published

    for ln in structure.non_body:
        if ln.kind in ("dateline", "byline"):
            d = parse_date(_byline_date(ln.text)) if ln.kind == "byline" else parse_date(ln.text)
            if d:
                cands.setdefault("dateline", d)
                break
    if "dateline" not in cands and structure.paragraphs:
        m = _DATELINE_IN_TEXT.match(structure.paragraphs[0][0].text)
        if m:
            d = parse_date(m.group(1))
            if d:
                cands["dateline"] = d

    # the article's own URL: given, else the first dated non-social URL in the text
    own = doc.url
    if own is None:
        dated = [u for u in urls if not _is_social(u) and url_date(u)]
        own = dated[0] if dated else None
    meta.url = own
    if own:
        d = url_date(own)
        if d:
            cands["url"] = d
            meta.url_date_spans.append(own)

    for key in ("given", "metadata", "dateline", "url"):
        if key in cands:
            meta.published, meta.published_from = cands[key], key
            break
    if meta.published is None and doc.published_from == "fallback" and doc.published:
        meta.published, meta.published_from = doc.published, "given"
        cands["given"] = doc.published

    outlet = doc.outlet
    if not outlet:
        for u in ([own] if own else []) + [u for u in urls if not _is_social(u)]:
            outlet = outlet_for(u)
            if outlet:
                break
        if not outlet and own:
            outlet = _fallback_outlet(own)
    meta.outlet = outlet
    return meta
