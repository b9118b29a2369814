"""A small hand-coded corpus for the browser tests: three articles written for these tests,
with their facts coded by hand (offsets found by searching the text), so the pages are
tested on known data whatever the extraction stages currently find.  The third article
carries HTML and a script in its text, as hostile input would."""
from __future__ import annotations

from typing import Optional

from tidings.document import (Article, DateValue, Entity, Event, Flag, Result, Span, Speaker,
                              Statement, Time)

PAYLOAD = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span(text: str, needle: str, nth: int = 0) -> Span:
    return Span.of(text, *_at(text, needle, nth))


def speaker(text: str, needle: str, entity: str) -> Speaker:
    s, e = _at(text, needle)
    return Speaker(start=s, end=e, text=text[s:e], entity=entity)


def entity(text: str, eid: str, name: str, kind: str, *mentions: str, country: Optional[str] = None,
           sector: Optional[str] = None, role: Optional[str] = None) -> Entity:
    return Entity(id=eid, name=name, kind=kind, country=country, sector=sector, role=role,
                  mentions=[span(text, m) for m in mentions])


def pact() -> Result:
    text = ("Russia and Venezuela sign defence pact\n\n"
            "CARACAS, June 18 — Russia and Venezuela signed a defence cooperation agreement on "
            "Thursday, and Moscow pledged to send military advisers to Caracas.\n\n"
            "\"Our advisers will stay as long as the Venezuelan government needs them,\" "
            "Foreign Ministry spokeswoman Maria Zakharova told reporters at a weekly briefing.\n\n"
            "Venezuelan President Nicolás Maduro said the agreement would protect the country "
            "from foreign aggression.\n")
    ents = [entity(text, "e1", "Russia", "country", "Russia", country="RUS", sector="GOV"),
            entity(text, "e2", "Venezuela", "country", "Venezuela", country="VEN", sector="GOV"),
            entity(text, "e3", "Maria Zakharova", "person", "Maria Zakharova", country="RUS",
                   sector="GOV", role="Foreign Ministry spokeswoman"),
            entity(text, "e4", "Nicolás Maduro", "person", "Nicolás Maduro", country="VEN",
                   sector="GOV", role="President")]
    sts = [Statement(id="s1", kind="direct", speaker=speaker(text, "Maria Zakharova", "e3"),
                     cue=span(text, "told"),
                     content=[span(text, "Our advisers will stay as long as the Venezuelan "
                                         "government needs them,")],
                     venue="weekly briefing", date=DateValue(value="2026-06-18", granularity="day")),
           Statement(id="s2", kind="indirect", speaker=speaker(text, "Nicolás Maduro", "e4"),
                     cue=span(text, "said"),
                     content=[span(text, "the agreement would protect the country from foreign "
                                         "aggression")])]
    evs = [Event(id="v1", type="AGREE", cameo="057", source=["e1"], target=["e2"],
                 date=DateValue(value="2026-06-18", granularity="day"),
                 evidence=span(text, "Russia and Venezuela signed a defence cooperation agreement")),
           Event(id="v2", type="AID", cameo="074", source=["e1"], target=["e2"],
                 date=DateValue(value="2026-06-18", granularity="day"),
                 evidence=span(text, "Moscow pledged to send military advisers to Caracas"))]
    times = [Time(**span(text, "June 18").model_dump(), value="2026-06-18", granularity="day"),
             Time(**span(text, "on Thursday").model_dump(), value="2026-06-18", granularity="day")]
    return Result(id="pact", source="tests/browser/pact.txt", text=text,
                  article=Article(headline="Russia and Venezuela sign defence pact",
                                  published="2026-06-19", published_from="given",
                                  outlet="Test Wire"),
                  entities=ents, statements=sts, events=evs, times=times)


def sanctions() -> Result:
    text = ("United States sanctions Venezuelan officials\n\n"
            "WASHINGTON — The United States imposed sanctions on Venezuela's defence minister "
            "on Monday, a week after the defence pact with Russia.\n\n"
            "Venezuela accused the United States of economic warfare, and Nicolás Maduro said "
            "the measures were illegal.\n")
    ents = [entity(text, "e1", "United States", "country", "United States", country="USA",
                   sector="GOV"),
            entity(text, "e2", "Venezuela", "country", "Venezuela", country="VEN", sector="GOV"),
            entity(text, "e3", "Nicolás Maduro", "person", "Nicolás Maduro", country="VEN",
                   sector="GOV", role="President"),
            entity(text, "e4", "Russia", "country", "Russia", country="RUS", sector="GOV")]
    sts = [Statement(id="s1", kind="indirect", speaker=speaker(text, "Nicolás Maduro", "e3"),
                     cue=span(text, "said"), content=[span(text, "the measures were illegal")])]
    evs = [Event(id="v1", type="SANCTION", cameo="163", source=["e1"], target=["e2"],
                 date=DateValue(value="2026-06-22", granularity="day"),
                 evidence=span(text, "The United States imposed sanctions on Venezuela's defence minister")),
           Event(id="v2", type="ACCUSE", cameo="112", source=["e2"], target=["e1"],
                 date=DateValue(value="2026-06-23", granularity="day"),
                 evidence=span(text, "Venezuela accused the United States of economic warfare"))]
    times = [Time(**span(text, "on Monday").model_dump(), value="2026-06-22", granularity="day")]
    return Result(id="sanctions", source="tests/browser/sanctions.txt", text=text,
                  article=Article(headline="United States sanctions Venezuelan officials",
                                  published="2026-07-24", published_from="given", outlet="Test Wire"),
                  entities=ents, statements=sts, events=evs, times=times,
                  flags=[Flag(kind="date_conflict",
                              message="the text dates the sanctions to June 2026 but the article "
                                      "is dated 2026-07-24",
                              evidence=[span(text, "a week after the defence pact")])])


def hostile() -> Result:
    """An article whose text carries markup and a script, coded like any other."""
    text = ("Hackers deface ministry website\n\n"
            f"The defaced page showed {PAYLOAD} and a <b>bold</b> banner, "
            "the ministry of communication said on Friday.\n")
    ents = [entity(text, "e1", "Ministry of Communication", "organization",
                   "ministry of communication", country="VEN", sector="GOV")]
    sts = [Statement(id="s1", kind="indirect", speaker=speaker(text, "ministry of communication", "e1"),
                     cue=span(text, "said"),
                     content=[span(text, f"The defaced page showed {PAYLOAD} and a <b>bold</b> banner")])]
    times = [Time(**span(text, "on Friday").model_dump(), value="2026-06-26", granularity="day")]
    return Result(id="hostile", source="tests/browser/hostile.txt", text=text,
                  article=Article(headline="Hackers deface ministry <em>website</em>",
                                  published="2026-06-27", published_from="given", outlet="Test Wire"),
                  entities=ents, statements=sts, times=times)


def corpus() -> list[Result]:
    results = [pact(), sanctions(), hostile()]
    for r in results:
        r.check_spans()
    return results
