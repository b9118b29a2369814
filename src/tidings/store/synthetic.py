"""Generated results, without the NLP model: for benchmarks, store tests and UI tests.

``synthetic_result(n)`` writes a short news-like article (headline, a quote, a reported
statement, two or three events between actors, a time expression) and builds the tidings/1
result that a perfect extractor would give for it — every span made with ``Span.of`` on
the generated text, so offsets are right by construction.  Actors are drawn from a fixed
cast with a skewed frequency (a few appear in many articles, most in few), like real news.
The same ``n`` and ``seed`` always give the same document.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Iterator, Optional

from tidings.document import (Article, DateValue, Entity, Event, Location, Paragraph, Result,
                              Span, Speaker, Statement, Time)

FIRST = ["Maria", "Sergei", "Ana", "Li", "Ahmed", "Olena", "James", "Fatima", "Carlos", "Yuki",
         "Amina", "Pierre", "Ivan", "Sofia", "Kwame", "Elena", "Omar", "Hannah", "Raj", "Lucia"]
LAST = ["Zakharova", "Lavrov", "Gomez", "Wei", "Hassan", "Kovalenko", "Carter", "Diallo",
        "Mendes", "Tanaka", "Okafor", "Dubois", "Petrov", "Rossi", "Mensah", "Novak", "Haddad",
        "Schmidt", "Patel", "Fernandez"]
COUNTRIES = [("Russia", "RUS"), ("Venezuela", "VEN"), ("United States", "USA"),
             ("China", "CHN"), ("Ukraine", "UKR"), ("France", "FRA"), ("Brazil", "BRA"),
             ("Nigeria", "NGA"), ("India", "IND"), ("Japan", "JPN"), ("Egypt", "EGY"),
             ("Germany", "DEU"), ("Mexico", "MEX"), ("Turkey", "TUR"), ("Iran", "IRN")]
ROLES = [("foreign minister", "GOV"), ("defence minister", "GOV"), ("opposition leader", "OPP"),
         ("army general", "MIL"), ("central bank governor", "GOV"), ("rebel commander", "REB"),
         ("spokeswoman", "GOV"), ("spokesman", "GOV")]
ORGS = [("United Nations", "IGO"), ("NATO", "IGO"), ("European Union", "IGO"),
        ("Red Cross", "NGO"), ("World Bank", "IGO")]
# (PLOVER type, CAMEO root, past-tense phrase with {s} source and {t} target)
ACTIONS = [
    ("AGREE", "05", "{s} signed an agreement with {t}"),
    ("CONSULT", "04", "{s} held talks with {t}"),
    ("SUPPORT", "05", "{s} voiced support for {t}"),
    ("COOPERATE", "06", "{s} agreed to share intelligence with {t}"),
    ("AID", "07", "{s} sent humanitarian aid to {t}"),
    ("REQUEST", "10", "{s} asked {t} for a ceasefire"),
    ("ACCUSE", "11", "{s} accused {t} of violating the truce"),
    ("REJECT", "12", "{s} rejected the proposal made by {t}"),
    ("THREATEN", "13", "{s} threatened {t} with retaliation"),
    ("PROTEST", "14", "{s} protested against {t}"),
    ("SANCTION", "16", "{s} imposed sanctions on {t}"),
    ("MOBILIZE", "15", "{s} moved troops towards the border with {t}"),
    ("COERCE", "17", "{s} detained officials of {t}"),
    ("ASSAULT", "19", "{s} shelled positions held by {t}"),
]
TOPICS = ["oil exports", "the ceasefire", "grain shipments", "military advisers", "the election",
          "debt talks", "border security", "refugees", "gas prices", "nuclear inspections"]
QUOTES = ["We will not accept any pressure on {topic}",
          "The talks on {topic} were constructive and we expect progress",
          "Our position on {topic} has not changed",
          "There can be no solution on {topic} without dialogue",
          "We will stay as long as necessary to resolve {topic}"]
OUTLETS = ["The Moscow Times", "Reuters", "Al Jazeera", "The Guardian", "Caracas Chronicle"]


class _Writer:
    """Appends text and returns the spans of what it wrote."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _cast(rng: random.Random) -> list[tuple[str, str, Optional[str], Optional[str], Optional[str]]]:
    """(name, kind, country, role, sector) for the whole cast, most prominent first."""
    people = []
    for i, last in enumerate(LAST):
        for j, first in enumerate(FIRST):
            country = COUNTRIES[(i * 7 + j) % len(COUNTRIES)]
            role, sector = ROLES[(i + j) % len(ROLES)]
            people.append((f"{first} {last}", "person", country[1], role, sector))
    rng.shuffle(people)
    return people


_CAST = _cast(random.Random(7))
# Zipf-like weights: the most prominent person is in ~8% of articles, most in a handful
_WEIGHTS = [1 / (i + 1) ** 0.8 for i in range(len(_CAST))]


def _pick_person(rng: random.Random) -> tuple[str, str, Optional[str], Optional[str], Optional[str]]:
    return rng.choices(_CAST, weights=_WEIGHTS)[0]


def _local_person(rng: random.Random) -> tuple[str, str, Optional[str], Optional[str], Optional[str]]:
    """Someone from the long tail: a local official quoted once or twice in the corpus."""
    name = f"{rng.choice(FIRST)} {rng.choice('ABCDEFGHIJKLMNOPRSTVW')}. {rng.choice(LAST)}"
    role, sector = rng.choice(ROLES)
    return (name, "person", rng.choice(COUNTRIES)[1], role, sector)


def synthetic_result(n: int, *, seed: int = 0, start: dt.date = dt.date(2025, 1, 1)) -> Result:
    rng = random.Random(seed * 1_000_003 + n)
    published = start + dt.timedelta(days=rng.randrange(540))
    w = _Writer()
    entities: list[Entity] = []
    by_name: dict[str, Entity] = {}

    def mention(name: str, kind: str, country: Optional[str], role: Optional[str] = None,
                sector: Optional[str] = None) -> tuple[Entity, Span]:
        s, e = w.add(name)
        if name not in by_name:
            by_name[name] = Entity(id=f"e{len(entities) + 1}", name=name, kind=kind,
                                   country=country, role=role, sector=sector)
            entities.append(by_name[name])
        return by_name[name], Span(start=s, end=e, text=name)

    speaker = _pick_person(rng)
    other = _pick_person(rng) if rng.random() < 0.5 else _local_person(rng)
    country_a = rng.choice(COUNTRIES)
    country_b = rng.choice([c for c in COUNTRIES if c != country_a])
    topic = rng.choice(TOPICS)
    paragraphs = []

    headline_start = w.length
    w.add(f"{country_a[0]} and {country_b[0]} at odds over {topic}")
    paragraphs.append((headline_start, w.length))
    w.add("\n\n")
    p_start = w.length
    quote = rng.choice(QUOTES).format(topic=topic)
    w.add('"')
    q_span = w.add(quote)
    w.add(',"  ')
    ent, sp = mention(speaker[0], *speaker[1:])
    w.add(", the ")
    w.add(f"{speaker[3]} of {country_a[0]}, ")
    cue = w.add("told")
    w.add(" reporters ")
    day = published - dt.timedelta(days=rng.randrange(1, 6))
    time_text = f"on {day.strftime('%A')}"
    time_span = w.add(time_text)
    w.add(".")
    statements = [Statement(
        id="s1", kind="direct",
        speaker=Speaker(start=sp.start, end=sp.end, text=sp.text, entity=ent.id),
        cue=Span(start=cue[0], end=cue[1], text="told"),
        content=[Span(start=q_span[0], end=q_span[1], text=quote)], venue="briefing",
        date=DateValue(value=day.isoformat(), granularity="day"))]
    times = [Time(start=time_span[0], end=time_span[1], text=time_text, value=day.isoformat(),
                  granularity="day")]
    events: list[Event] = []
    w.add(" ")
    for k in range(rng.randint(2, 3)):
        type_, cameo, phrase = rng.choice(ACTIONS)
        src_name = rng.choice([country_a, (speaker[0],)])[0] if k else country_a[0]
        tgt = country_b if k != 1 else rng.choice([country_b, ORGS[rng.randrange(len(ORGS))]])
        ev_start = w.length
        before, after = phrase.split("{s}")
        w.add(before)
        if src_name == speaker[0]:
            src, _ = mention(speaker[0], *speaker[1:])
        else:
            src, _ = mention(country_a[0], "country", country_a[1])
        middle, tail = after.split("{t}")
        w.add(middle)
        if tgt[0] in dict(ORGS):
            target, _ = mention(tgt[0], "organization", tgt[1])
        else:
            target, _ = mention(tgt[0], "country", tgt[1])
        w.add(tail)
        ev_end = w.length
        w.add(". ")
        events.append(Event(
            id=f"v{k + 1}", type=type_, cameo=cameo, source=[src.id], target=[target.id],
            date=DateValue(value=day.isoformat(), granularity="day"),
            location=Location(name=country_b[0], country=country_b[1]),
            evidence=Span(start=ev_start, end=ev_end, text=w.text[ev_start:ev_end])))
    w.add("\n\n")
    s2 = w.length
    ent2, sp2 = mention(other[0], *other[1:])
    w.add(" ")
    cue2 = w.add("said")
    w.add(" that ")
    content2 = f"{country_b[0]} would respond to any move on {topic}"
    c2 = w.add(content2)
    w.add(f". Analysts expect more talks on {topic} {rng.choice(['next week', 'soon', 'this month'])}.")
    statements.append(Statement(
        id="s2", kind="indirect",
        speaker=Speaker(start=sp2.start, end=sp2.end, text=sp2.text, entity=ent2.id),
        cue=Span(start=cue2[0], end=cue2[1], text="said"),
        content=[Span(start=c2[0], end=c2[1], text=content2)]))
    paragraphs.append((p_start, s2 - 2))
    paragraphs.append((s2, w.length))
    w.add(f"\n\n(Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; story {seed}-{n})")
    text = w.text
    for entity in entities:  # every mention of the entity's name in the text
        entity.mentions = [Span.of(text, i, i + len(entity.name))
                           for i in _find_all(text, entity.name)]
    result = Result(
        id=f"synthetic-{seed}-{n}", source=f"synthetic:{seed}:{n}", text=text,
        article=Article(headline=text[paragraphs[0][0]:paragraphs[0][1]],
                        published=published.isoformat(), published_from="given",
                        outlet=rng.choice(OUTLETS),
                        paragraphs=[Paragraph(start=s, end=e) for s, e in paragraphs]),
        entities=entities, statements=statements, events=events, times=times)
    result.check_spans()
    return result


def _find_all(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + len(needle))


def synthetic_results(count: int, *, seed: int = 0) -> Iterator[Result]:
    for n in range(count):
        yield synthetic_result(n, seed=seed)
