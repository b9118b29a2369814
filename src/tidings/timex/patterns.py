"""The time-expression tagger: regular expressions over running text.

:func:`find_mentions` returns every time expression in a string as a :class:`Mention`
(offsets into that string, the name of the pattern that found it, and its named groups).
Overlapping matches are settled longest first.  The spans follow the TimeML habit of
leaving out a governing preposition ("on Thursday" is tagged "Thursday").
Resolution to dates is :mod:`tidings.timex.resolve`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from re import _constants as sre  # the parse-tree opcodes, for the first-character sets
from re import _parser as sre_parse
from typing import Iterator, Optional

from tidings.data import load_json

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a couple of": 2, "couple of": 2, "a couple": 2,
}
VAGUE = ("several", "a few", "few", "many", "some", "recent", "the last few", "a number of")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4}

_MON_FULL = (r"(?-i:January|February|March|April|May|June|July|August|September|October"
             r"|November|December)")
_MON_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?P<mon>{_MON_FULL}|{_MON_ABBR})(?![a-z])"
MON_FULL = rf"(?P<mon>{_MON_FULL})(?![a-z])"
_WD_FULL = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WD_ANY = rf"(?P<wd>{_WD_FULL}|(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
WD_FULL = rf"(?P<wd>{_WD_FULL})(?![a-z])"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d)(?!\s*(?:%|percent|per\b))"
YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d%])"
YEAR_BARE = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
_NUMW = "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
NUM = rf"(?P<num>\d+(?:\.\d+)?|(?:{_TENS})-(?:{_UNITS})|{_NUMW}|{'|'.join(VAGUE)})"
UNIT = r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
PART = r"(?P<part>morning|afternoon|evening|night|overnight)"
MOD = r"(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle|turn)\s+of)"
_TZ = r"(?:\s+(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MSK|ET|PT|local\s+time)" \
      r"(?:\s*\(?\s*(?:GMT|UTC)?\s*[+-]\s*\d{1,2}\s*\)?)?)?"

# (name, pattern); the name tells the resolver what the groups mean.
_PATTERNS: list[tuple[str, str]] = [
    ("mdy", rf"(?:{WD_ANY},?\s+)?(?:the\s+)?{MON}\s+{DAY},?\s+{YEAR}"),
    ("dmy", rf"(?:{WD_ANY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}"),
    ("iso", r"(?P<year>(?:19|20)\d\d)-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"),
    # numeric dates with a four-digit year: month first as in US news ("on 2/26/2012"), day
    # first when the first number cannot be a month ("26/2/2012")
    ("iso", r"(?<![\d/.,])(?P<mnum>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d)(?![\d/])"),
    ("iso", r"(?<![\d/.,])(?P<day>3[01]|2\d|1[3-9])/(?P<mnum>1[0-2]|0?[1-9])/(?P<year>(?:19|20)\d\d)(?![\d/])"),
    ("md", rf"(?:{WD_ANY},?\s+)?{MON}\s+{DAY}"),
    ("dm", rf"(?:{WD_ANY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MON}"),
    ("my", rf"(?:{MOD}[\s-]*)?{MON_FULL},?\s+(?:of\s+)?{YEAR}"),
    ("my", rf"(?:{MOD}[\s-]*)?(?P<mon>{_MON_ABBR})\s+{YEAR}"),
    ("mthis", rf"(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+{MON_FULL}"),
    ("mrel", rf"(?:{MOD}[\s-]*)?{MON_FULL}(?=\s+(?:of\s+)?(?P<rel>this|last|next)\s+year)"),
    ("m", rf"(?:{MOD}[\s-]*)?{MON_FULL}"),
    ("y", rf"{MOD}[\s-]*{YEAR}"),
    ("y", rf"(?:fiscal(?:\s+year)?|FY)\s*'?{YEAR}"),
    ("y", rf"(?<![\d$€£¥#.,:/-]){YEAR_BARE}(?![.,]\d|-\d|:\d|/\d)"),
    ("decade", r"(?:the\s+)?(?:(?P<cent>1[0-9]|20)|')(?P<dec>\d)0s\b"),
    ("decade", r"(?<=\bthe\s)(?P<dec>[1-9])0s\b"),
    ("decade", r"(?<=\band\s)(?P<dec>[1-9])0s\b"),
    # "compared with the same period last year": the period the text just named, a year back
    ("sameago", r"the\s+same\s+(?P<unit>period|month|quarter|week|day|time|season|months|weeks|quarters)\s+"
                r"(?:of\s+|in\s+)?(?:a\s+year\s+(?:ago|earlier|before|prior)|last\s+year|the\s+year\s+(?:before|earlier)|"
                r"(?:the\s+)?(?:previous|prior|preceding)\s+year)\b"),
    ("quarter", r"(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final|previous|"
                r"current|latest|same|past)[\s-]+quarter(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?"
                r"(?P<year>(?:19|20)\d\d)|(?P<rel>this|last|next|the\s+previous|the\s+current)\s+year))?"),
    ("quarter", r"(?-i:Q)(?P<ord>[1-4])(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
    ("half", r"(?:the\s+)?(?P<ord>first|second|latter|1st|2nd)\s+half\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?"
             r"(?:year\s+)?(?P<year>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year)"),
    ("season", r"(?:(?P<rel>this|last|next|the\s+coming|the\s+past)\s+)?(?P<season>spring|summer|autumn|(?<=\bthis\s)fall|(?<=\blast\s)fall|(?<=\bnext\s)fall|(?<=\bthe\s)fall(?!\s+(?:of|in)\b)|(?<=\bin\s)fall|(?<=\bthe\s)fall|(?-i:Fall)(?=\s+\d{4})|winter)"
               r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?(?!\s+(?:break|school|olympics|games|session|collection))"),
    ("weekday", rf"(?:(?P<rel>last|next|this|this\s+coming|coming|past|previous)\s+)?{WD_FULL}"
                rf"(?:\s+{PART})?"),
    ("weekday", rf"{WD_FULL}(?:'s)?\s+(?P<part2>morning|afternoon|evening|night)"),
    ("rday", r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rd>today|tonight|yesterday|tomorrow|"
             r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+" + PART + ")?"),
    ("rpart", r"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)"),
    ("rperiod", r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|next|the\s+previous|"
                r"the\s+coming|the\s+following|the\s+current|the\s+same|the\s+prior|current|previous|coming|"
                r"following|prior)\s+(?P<unit>week|month|year|quarter|decade|century)"),
    ("rperiod", r"(?P<mod>the\s+(?:end|beginning|start|middle|turn)\s+of)\s+(?P<rel>this|last|next|the)\s+"
                r"(?P<unit>week|month|year|quarter|decade|century)"),
    ("weekend", r"(?P<rel>this|last|next|past|coming|the)\s+weekend"),
    ("ago", rf"{NUM}[\s-]+{UNIT}s?\s+(?P<dir>ago|from\s+now|hence)"),
    ("ago", rf"{NUM}[\s-]+{UNIT}s?\s+(?P<dir>earlier|later)(?!\s+than)"),
    ("yearago", r"(?P<unit>year|quarter|month|week)[\s-](?:ago|earlier)(?=\s+(?:period|quarter|month|level|figure|results?))"),
    # "the following day" is a date (the day after the last one named), "over the next day or
    # two" a stretch: listed before the durations, which would win on equal length
    ("narr", r"(?<!\bover\s)(?<!\bfor\s)(?<!\bwithin\s)(?<!\bduring\s)(?<!\bin\s)"
             r"(?P<narr>the\s+(?:following|next|previous|prior)\s+day)\b(?!\s+or\b)"),
    ("duration", rf"(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|final|following)|"
                 r"(?:the\s+)?(?:past|last|next))\s+)?" + NUM + r"(?:[\s-]+(?:trading|business|working|calendar))?"
                 r"[\s-]+" + UNIT + r"s?(?![\s-]+old\b|-\w)"),
    ("duration", r"(?P<pre>the\s+(?:past|last|next|previous|coming|following))\s+" + UNIT + r"(?!s)\b"),
    ("duration", r"(?P<pre>(?:the\s+)?(?:past|last|next|previous|coming|following|recent))\s+"
                 r"(?P<unit>day|week|month|year|decade)s\b"),
    # "Minutes later, the campaign issued a statement": a vague stretch, not a date
    ("duration", r"(?<![\w-])(?P<vague>minutes|hours|days|weeks|months|years)(?=\s+(?:later|earlier)\b)"),
    ("duration", r"(?<=\bfor\s)(?P<vague>days|weeks|months|years|decades)\b(?!\s+(?:of|to|and|or|before|after|ago|earlier|later)\b)"),
    ("set", r"(?-i:(?P<adv>weekly|daily|monthly|annually|annual|yearly|quarterly|biweekly|hourly|nightly))\b"),
    ("set", r"(?:every|each)\s+(?:other\s+)?(?P<unit>day|week|month|year|morning|night|evening|weekend)\b"),
    ("set", r"(?P<freq>once|twice|three\s+times)\s+(?:a|per|every)\s+(?P<unit>day|week|month|year)\b"),
    ("ref", r"(?P<ref>now|currently|recently|nowadays|presently|at\s+present|long\s+ago|"
            r"the\s+(?:days|weeks|months|years)(?:\s+and\s+(?:days|weeks|months|years))?\s+ahead|"
            r"(?<=\bin\s)the\s+(?:near\s+|distant\s+)?future|(?<=\bin\s)the\s+past|"
            r"(?<=\bin\s)the\s+(?:long|short|near|medium)\s+term|(?<=\bthe\s)(?:long|short|near)\s+term)\b(?!-)"),
    ("clock", r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ampm>[ap]\.m\.|[ap]m\b))?" + _TZ
              + rf"(?:\s+(?:on\s+)?{WD_FULL})?"),
    ("clock", r"(?<![\d.:,$])(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>[ap]\.m\.|[ap]m\b)" + _TZ),
    ("clock", r"(?P<named>noon|midnight|midday)\b"),
    ("narr", r"(?P<narr>(?:late|early)\s+in\s+the\s+day|the\s+(?:same|very)\s+day|that\s+(?:same\s+)?(?:day|night|evening|morning|afternoon)\b|the\s+(?:following|next|previous|prior)\s+day|"
             r"the\s+day\s+(?:before|after)(?=\s*[,.;:)]|$)|(?:(?<=\bfor\s)|(?<=\bon\s)|(?<=\bduring\s)|(?<=\bin\s)|"
             r"(?<=\bend\s)|(?<=\bending\s)|(?<=\bended\s)|(?<=\bends\s))the\s+day(?!\s+\w+ing\b)(?!\s+(?:before|after)))"),
]


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    groups: dict[str, Optional[str]] = field(default_factory=dict)
    text: str = ""

    def g(self, name: str) -> Optional[str]:
        value = self.groups.get(name)
        return value.strip() if isinstance(value, str) else None


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    out = [(name, re.compile(rf"(?<![\w-]){rx}(?![\w])", re.I)) for name, rx in _PATTERNS]
    holidays = load_json("timex_holidays.json")["holidays"]
    names = sorted((h["name"] for h in holidays), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    out.append(("holiday", re.compile(
        rf"(?<![\w-])(?P<hol>{alt})(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w])")))
    return out


# -- one scan for all patterns ---------------------------------------------------------
# Scanning the text once per pattern costs a regex attempt at every character for each of
# the ~40 patterns.  Instead, one scanner finds every position where at least one pattern
# matches (a lookahead over all of them, each guarded by the set of characters it can start
# with), and each pattern is then tried only at those positions.  This returns exactly what
# ``rx.finditer(text)`` returns: a pattern's leftmost match at or after the end of its
# previous match starts at one of those positions, and ``rx.match(text, pos)`` sees the text
# before ``pos`` for its lookbehinds.

_BOUNDARY = r"(?<![\w-])"
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w",
               sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_NOT_SPACE: r"\S",
               sre.CATEGORY_NOT_WORD: r"\W"}


class _Unknown(Exception):
    """A construct whose first characters are not worked out: that pattern is unguarded."""


def _first_of_item(op: object, av: object, out: list[str]) -> bool:
    """Add the characters item ``(op, av)`` can start with to ``out``; True if it can match
    the empty string (so the characters of what follows can come first too)."""
    if op is sre.LITERAL:
        out.append(re.escape(chr(av)))  # type: ignore[arg-type]
        return False
    if op is sre.IN:
        for o, a in av:  # type: ignore[attr-defined]
            if o is sre.LITERAL:
                out.append(re.escape(chr(a)))
            elif o is sre.RANGE:
                out.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is sre.CATEGORY and a in _CATEGORIES:
                out.append(_CATEGORIES[a])
            else:  # a negated set and the like
                raise _Unknown(o)
        return False
    if op is sre.BRANCH:
        empty = False
        for alternative in av[1]:  # type: ignore[index]
            empty = _first_of_seq(alternative, out) or empty
        return empty
    if op is sre.SUBPATTERN:
        return _first_of_seq(av[3], out)  # type: ignore[index]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av  # type: ignore[misc]
        return _first_of_seq(sub, out) or low == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return True  # zero-width: it only narrows what may follow
    raise _Unknown(op)


def _first_of_seq(seq: object, out: list[str]) -> bool:
    for op, av in seq:  # type: ignore[attr-defined]
        if not _first_of_item(op, av, out):
            return False
    return True


def first_chars(pattern: str, flags: int = 0) -> Optional[str]:
    """A character class holding every character a match of ``pattern`` can start with
    (to be used under the same flags), or None when that is not worked out."""
    out: list[str] = []
    try:
        if _first_of_seq(sre_parse.parse(pattern, flags).data, out):
            return None  # the pattern can match the empty string
    except _Unknown:
        return None
    return "[" + "".join(dict.fromkeys(out)) + "]"


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """Zero-width matches at every position where at least one pattern can match."""
    bodies = []
    for _, rx in _compiled():
        assert rx.pattern.startswith(_BOUNDARY), rx.pattern
        assert sre_parse.parse(rx.pattern, rx.flags).getwidth()[0] > 0, rx.pattern
        body = re.sub(r"\(\?P<\w+>", "(?:", rx.pattern[len(_BOUNDARY):])  # no duplicate names
        first = first_chars(body, rx.flags)
        if first is not None:
            body = f"(?={first}){body}"
        bodies.append(f"(?i:{body})" if rx.flags & re.I else f"(?:{body})")
    return re.compile(rf"{_BOUNDARY}(?={'|'.join(bodies)})")


def _matches(text: str) -> Iterator[tuple[int, str, re.Match[str]]]:
    """(pattern number, name, match) for every pattern's ``finditer`` over ``text``."""
    starts = [m.start() for m in _scanner().finditer(text)]
    if not starts:
        return
    for prio, (name, rx) in enumerate(_compiled()):
        after = 0  # where the pattern's previous match ended
        for pos in starts:
            if pos < after:
                continue
            m = rx.match(text, pos)
            if m is not None:
                after = m.end()
                yield prio, name, m


_MAY_MARCH_OK = re.compile(
    r"(?:\b(?:in|since|by|until|till|last|next|this|of|from|to|through|early|late|mid|during|before|after|"
    r"between|and|or|on|throughout|end|beginning|start|month|Since|In|By|Until|From|Through|During)\s*-?\s*)$")
_YEAR_PREV_OK = {"in", "by", "since", "until", "from", "through", "during", "before", "after", "of",
                 "early", "late", "mid", "fiscal", "spring", "summer", "autumn", "fall", "winter", "fy",
                 "and", "or", "to", "between", "the", "for", "around", "circa", "until", "till", "as"}
_YEAR_NOUNS_BAD = re.compile(
    r"^\s+(?:people|persons|votes|voters|troops|soldiers|units|cars|vehicles|jobs|workers|employees|"
    r"members|delegates|acres|miles|kilometers|km|feet|meters|tons|tonnes|students|dollars|euros|"
    r"pounds|shares|points|copies|cases|deaths|homes|households|flights|aircraft|planes|seats|"
    r"signatures|stores|dealers|dealerships|positions|barrels|square|residents|refugees|migrants|"
    r"calories|words|pages|rounds)\b", re.I)


def _plausible(name: str, m: re.Match[str], text: str) -> bool:
    """Reject matches that are not time expressions."""
    s = m.start()
    gd = m.groupdict()
    before = text[max(0, s - 24):s]
    if name == "m" and gd.get("mon") in ("May", "March") and not gd.get("mod"):
        if not _MAY_MARCH_OK.search(before):
            return False
    if name == "y" and not gd.get("mod") and "fiscal" not in m.group(0).lower() \
            and "FY" not in m.group(0):
        after = text[m.end():m.end() + 24]
        if _YEAR_NOUNS_BAD.match(after) or re.match(r"\s*(?:%|percent|per\s+cent)", after):
            return False
        if re.search(r"(?:No\.|number|Number|Flight|flight|Route|route|Boeing|Airbus|model|Model|"
                     r"Article|article|Section|section|Rule|rule|Room|room|Highway|highway|"
                     r"Resolution|resolution|Act|Bill|bill|H\.R\.|S\.|about|nearly|almost|over|than|"
                     r"some|around|roughly|top)\s*$", before):
            return False
    if name == "rday" and re.search(r"\bUSA\s*$", before):
        return False        # the newspaper USA TODAY
    if name in ("rday", "rperiod") and m.group(0).istitle() and " " in m.group(0) \
            and before[-1:] in ("\"", "'", "\u201c", "\u2018"):
        return False        # a programme's title in quotes: ABC's "This Week", ''Good Morning America
    num = (gd.get("num") or "").lower()
    if name == "duration" and num in ("a", "an") and not gd.get("pre") \
            and not re.match(r"\s+(?:after|before|later|earlier|following|prior\s+to)\b", text[m.end():m.end() + 14]):
        if (gd.get("unit") or "").lower() == "second" or not re.search(
                r"\b(?:for|over|in|within|after|about|nearly|almost|than|only|just|least|under|by|"
                r"past|last|next|first|whole|full|entire|half|once|twice|than)\s*$", before, re.I):
            return False
    if name == "season" and not gd.get("rel") and not gd.get("year") and not re.search(
            r"\b(?:in|during|by|until|since|of|early|late|mid|the|this|last|next|over|through|throughout|"
            r"its|their|his|her|our|annual)\s*-?\s*$", before, re.I):
        return False        # "the Arab Spring", "new firms spring up"
    if name == "y" and not gd.get("mod"):
        prev = re.search(r"([A-Za-z]+)\s+$", before)
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in _YEAR_PREV_OK \
                and prev.group(1).lower() not in MONTHS:
            return False
    if name in ("md", "dm") and not gd.get("wd"):
        after = text[m.end():m.end() + 12]
        if re.match(r"\s*(?:-|–)\s*\d", after) and name == "dm":
            return False
    return True


def find_mentions(text: str) -> list[Mention]:
    """Every time expression in ``text``, left to right, without overlaps."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for prio, name, m in _matches(text):
        if m.end() <= m.start() or not _plausible(name, m, text):
            continue
        found.append((m.start(), m.end(), prio, name, m))
    # longest first; on equal length the earlier pattern in the list wins
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Mention] = []
    for s, e, _, name, m in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        chosen.append(Mention(start=s, end=e, kind=name, groups=groups, text=text[s:e]))
    chosen.sort(key=lambda x: x.start)
    return chosen


def month_number(name: Optional[str]) -> Optional[int]:
    if not name:
        return None
    return MONTHS.get(name.lower().rstrip("."))


def weekday_number(name: Optional[str]) -> Optional[int]:
    if not name:
        return None
    return WEEKDAYS.get(name.lower().rstrip("."))


def number_value(word: Optional[str]) -> Optional[float]:
    """3 for "three" or "3"; None for a vague amount ("several")."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    if w in NUMBERS:
        return float(NUMBERS[w])
    if "-" in w and all(p in NUMBERS for p in w.split("-")):
        return float(sum(NUMBERS[p] for p in w.split("-")))
    try:
        return float(w)
    except ValueError:
        return None
