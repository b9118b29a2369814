"""Identities in the corpus: a document is its text's SHA-256; an actor is a normalised
name plus a country (or a known alias of it, ``data/actor_aliases.json``); a country entity
is one actor per ISO code whatever the document calls it."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Optional

from tidings.data import load_json

_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"['\u2018\u2019`\u00b4]s\b", re.IGNORECASE)


def content_hash(text: str) -> str:
    """The document's identity: SHA-256 of its text (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id_of(hash_hex: str) -> str:
    """The short document id used in URLs: the first 16 hex digits of the content hash."""
    return hash_hex[:16]


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name: "Nicolás Maduro",
    "NICOLAS MADURO." and "Nicolas Maduro’s" all give "nicolas maduro"; a leading "the" is
    dropped."""
    decomposed = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", plain.casefold().replace(".", "")).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)[:200]


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table = load_json("actor_aliases.json")
    out: dict[str, str] = {}
    for canonical, others in table.items():
        if canonical.startswith("_"):
            continue
        for name in [canonical, *others]:
            out[normalise(name)] = normalise(canonical)
    return out


def canonical_norm(name: str) -> str:
    norm = normalise(name)
    return _aliases().get(norm, norm)


def is_generic(name: str) -> bool:
    """A name with no capital letter ("officials", "police", "the ministry") names some
    group of the article, not one identity across the corpus."""
    return not any(ch.isupper() for ch in name) and any(ch.isalpha() for ch in name)


def actor_key(name: str, *, kind: Optional[str], country: Optional[str],
              document: Optional[str] = None) -> str:
    """The key that makes entities of different documents one actor.  For people, middle
    initials are left out ("Donald J. Trump" is "Donald Trump"; the price: the two
    George Bushes are one actor unless an alias entry tells them apart).  A generic name
    (see :func:`is_generic`) stays an actor of its ``document`` only: the "officials" of
    one article are not those of the next."""
    country = (country or "")[:60]  # keys stay within their 300 characters
    if kind == "country" and country:
        return f"country:{country}"
    if document is not None and is_generic(name):
        return f"{canonical_norm(name)}|{country}|doc:{document}"
    norm = canonical_norm(name)
    if kind == "person":
        words = norm.split()
        if len(words) > 2:
            norm = " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])
    return f"{norm}|{country}"
