"""Hand-built results on the written wire stories, as the entities and events layers should
report them: Kenya (KEN) accuses Uganda (UGA), an ACCUSE event, in each of three versions."""
from __future__ import annotations

from pathlib import Path

from tidings.batch.tables import rows_for
from tidings.document import Article, DateValue, Entity, Event, Result, Span

WIRE = Path(__file__).parent / "fixtures" / "wire"
VERSIONS = {  # file -> (outlet, url, published)
    "reuters-kenya-uganda": ("Reuters", "https://www.reuters.com/world/africa/kenya-uganda-migingo", "2026-03-10"),
    "standard-kenya-uganda": ("The Standard", "https://www.standardmedia.co.ke/news/migingo", "2026-03-10"),
    "monitor-kenya-uganda": ("Daily Monitor", "https://www.monitor.co.ug/news/migingo-police", "2026-03-11"),
}


def text_of(name: str) -> str:
    return (WIRE / f"{name}.txt").read_text(encoding="utf-8")


def mention(text: str, needle: str, *, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span.of(text, start, start + len(needle))


def hand_result(name: str) -> Result:
    """The result the layers should give: Kenya (KEN) accuses Uganda (UGA) -- ACCUSE."""
    outlet, url, published = VERSIONS[name]
    text = text_of(name)
    lead = text.index("Kenya on Tuesday accused")
    sentence_end = text.index(".", text.index("demanded", lead)) + 1
    kenya = Entity(id="e1", name="Kenya", kind="country", country="KEN", sector="GOV",
                   mentions=[mention(text, "Kenya", after=lead)])
    uganda = Entity(id="e2", name="Uganda", kind="country", country="UGA", sector="GOV",
                    mentions=[mention(text, "Uganda", after=lead)])
    ev = Event(id="v1", type="ACCUSE", cameo="112", source=["e1"], target=["e2"],
               date=DateValue(value="2026-03-10", granularity="day"),
               evidence=Span.of(text, lead, sentence_end))
    return Result(id=name, source=url, text=text, entities=[kenya, uganda], events=[ev],
                  article=Article(headline=text.splitlines()[0], published=published, outlet=outlet))


def event_rows(result: Result) -> list[dict]:
    text = result.text
    sentences, start = [], 0
    for n, ch in enumerate(text):  # a plain sentence splitter is enough for these texts
        if ch == "." and (n + 1 == len(text) or text[n + 1] in " \n"):
            sentences.append((start, n + 1))
            start = n + 2
    return rows_for(result, content_hash=f"hash-{result.id}", sentences=sentences).rows["events"]
