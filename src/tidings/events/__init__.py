"""Events: who did what to whom, coded in PLOVER and CAMEO, with date and place.

The stage reads each sentence of the parsed view with :func:`frames.sentence_frames`
(the pure core; see its docstring for how a sentence is read), resolves the source and
target phrases to entities of the entities layer, dates the event with the time layer and
places it with the offline gazetteer.

Fields beyond the contract's, on each event:
- ``mode``: null for an action that happened; ``future`` (announced, promised, intended:
  coded as the intent, AGREE or THREATEN), ``proposed``, ``hypothetical``, ``negated`` or
  ``denied`` otherwise.  Such actions are never plain events.
- ``action``: the PLOVER type of the action an intent, refusal or request is about
  ("threatened to cut electricity" is THREATEN with action SANCTION).
- ``trigger``: the span of the word that carries the event.
- ``also``: the evidence of later sentences that report the same event again (same type,
  mode, actors and CAMEO root; dates that agree): each event is listed once.
- ``date.basis``: ``text`` when the event's own clause names the date, ``sentence`` when
  another part of its sentence does ("..., officials said on Monday"), ``published`` when
  the event is dated by the article's publication date (granularity ``day``).
"""
from __future__ import annotations

import logging
from typing import Any, Optional

from tidings.analysis import Analysis
from tidings.document import DateValue, Event, Location
from tidings.entities.doccache import doc_sents, doc_text
from tidings.events.actors import ActorResolver
from tidings.events.frames import Frame, sentence_frames
from tidings.events.lexicon import lexicon
from tidings.events.place import resolve_place
from tidings.events.syntax import WEAPON_NOUNS
from tidings.stage import Stage

log = logging.getLogger(__name__)

# unnamed victims, coded by where they were hit
VICTIMS = {"people", "person", "civilian", "resident", "villager", "passenger", "worshipper",
           "child", "woman", "man", "pilgrim", "shopper", "bystander", "pedestrian", "other"}
# groups that act where they are, coded by the event's place when the text gives them no
# country (PLOVER's convention)
LOCAL_GROUPS = {"prisoner", "inmate", "student", "worker", "demonstrator", "protester", "villager",
                "resident", "farmer", "teacher", "crowd", "mob", "police", "policeman", "citizen",
                "activist", "striker", "miner", "trader", "shopkeeper", "youth", "rioter"}
# accidents and disasters: "killed in a car accident", "injured by the earthquake"
MISHAPS = {"accident", "crash", "collision", "fire", "blaze", "flood", "flooding", "earthquake",
           "quake", "storm", "hurricane", "typhoon", "cyclone", "landslide", "avalanche", "stampede",
           "disaster", "tornado", "tsunami", "lightning", "heatwave", "disease", "illness", "outbreak"}
# violence and repression need a known actor on one side at least
PHYSICAL = {"ASSAULT", "COERCE", "MOBILIZE"}
# types kept when only the target is known ("three soldiers were killed")
SOURCELESS = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE"}
# types whose target, when it is a place, is where the action happened
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "AID", "PROTEST", "RETREAT"}

__all__ = ["run", "STAGE", "sentence_frames"]


def _date(analysis: Analysis, frame: Frame) -> Optional[DateValue]:
    times = analysis.layers.get("times")
    if times is not None:
        ranges = [(r, "text") for r in frame.clause] + [(r, "sentence") for r in _main_clauses(frame)]
        for (start, end), basis in ranges:
            value = times.date_in(start, end)
            if value is not None:
                return DateValue(value=value.value, granularity=value.granularity, basis=basis)
    if analysis.published is not None:
        return DateValue(value=analysis.published.isoformat(), granularity="day", basis="published")
    return None


def _runs(tokens: list[Any]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and runs[-1][1] >= t.idx - 1:
            runs[-1] = (runs[-1][0], t.idx + len(t))
        else:
            runs.append((t.idx, t.idx + len(t)))
    return runs


def _main_clauses(frame: Frame) -> list[tuple[int, int]]:
    """View ranges of the clauses above the trigger's, each without its other subordinate
    clauses, conjuncts and background ("..., officials said on Monday" dates the attack;
    "Guaido, who declared himself president in January, ..." and "announced actions to
    begin on April 6" do not date the call)."""
    out: list[tuple[int, int]] = []
    cur = frame.trigger
    while cur.head.i != cur.i:
        child, cur = cur, cur.head
        toks = [cur]
        for c in cur.children:
            if c.i == child.i or c.dep_ in ("relcl", "appos", "conj", "ccomp", "advcl", "xcomp", "acl"):
                continue
            toks.extend(c.subtree)
        out.extend(_runs(toks))
    return out


def _location(frame: Frame) -> Optional[Location]:
    candidates = list(frame.places)
    if frame.type in PLACE_TARGET_TYPES:  # "shelled Juba", "sent advisers to Venezuela"
        candidates += [a.head for a in frame.targets if a.head.ent_type_ in ("GPE", "LOC", "FAC")]
    for tok in candidates:
        doc = tok.doc
        name = tok.text
        if not tok.ent_type_:  # an untagged proper noun: with its compound words ("Gaza Strip")
            name = tok.doc[min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound"]):tok.i + 1].text
        else:
            start, end = tok.i, tok.i + 1
            while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start].ent_iob_ == "I":
                start -= 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            name = doc[start:end].text
        loc = resolve_place(name)
        if loc is not None:
            return loc
    return None


def _mishap(frame: Frame) -> bool:
    """Deaths and injuries from accidents and nature are no attack."""
    trig = frame.trigger
    for c in trig.children:
        if c.dep_ in ("prep", "agent"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in MISHAPS:
                    return True
    return any(a.head.lemma_.lower() in MISHAPS for a in frame.sources)


def _is_weapon(arg: Any) -> bool:
    words = {t.lemma_.lower() for t in arg.head.subtree} | {arg.head.lemma_.lower()}
    return arg.head.lemma_.lower() in WEAPON_NOUNS or (arg.head.pos_ == "NOUN" and bool(words & WEAPON_NOUNS)
                                                      and arg.head.ent_type_ == "")


def _in_headline(analysis: Analysis, start: int) -> bool:
    head = getattr(analysis.cleaned, "view_headline", None)
    return bool(head) and head[0] <= start < head[1]


def run(analysis: Analysis) -> list[Event]:
    parsed = analysis.parsed
    if parsed is None:
        return []
    layer: Any = analysis.layers.get("entities")
    resolver = ActorResolver(layer, analysis.span)
    resolver.set_view(analysis.view.text)
    events: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    text = doc_text(parsed)  # a sentence's text is its slice of it
    for sent in doc_sents(parsed):
        if _in_headline(analysis, sent.start_char) or not text[sent.start_char:sent.end_char].strip():
            continue  # a headline repeats the body's events
        try:
            frames = sentence_frames(sent, has_actor=resolver.has_actor)
        except (ValueError, IndexError, KeyError):  # a parse the rules cannot read
            log.exception("event rules failed on a sentence of %s", analysis.doc.id)
            continue
        for frame in frames:
            source = list(dict.fromkeys(i for a in frame.sources for i in resolver.resolve_all(a)))
            target = [t for t in dict.fromkeys(i for a in frame.targets for i in resolver.resolve_all(a))
                      if t not in source]
            location = _location(frame)
            if not source and frame.type == "ASSAULT" and location is not None and location.country \
                    and frame.sources and _is_weapon(frame.sources[0]):
                # PLOVER codes an unattributed bomb by the country where it went off
                made = resolver.add_group(frame.sources[0], (location.country, None))
                source = [made] if made else []
            if not target and frame.type in ("ASSAULT", "COERCE") and location is not None \
                    and location.country and frame.targets and frame.targets[0].head.lemma_.lower() in VICTIMS:
                # "killed 23 people ... in Tel Aviv": unnamed victims belong to the place
                made = resolver.add_group(frame.targets[0], (location.country, "CVL"))
                target = [made] if made and made not in source else []
            if not source and location is not None and location.country and frame.sources \
                    and frame.sources[0].head.lemma_.lower() in LOCAL_GROUPS:
                # "prisoners rioted at a jail in Dili": a local group of no stated country
                made = resolver.add_group(frame.sources[0], (location.country, None))
                source = [made] if made and made not in target else []
            named = any(a.head.pos_ in ("NOUN", "PROPN") for a in frame.sources)
            if not source and not named and (not target or frame.type not in SOURCELESS):
                continue  # nobody named did it ("it helps", "you resign")
            if frame.type in PHYSICAL and not source and not target:
                continue  # "oil prices hit a record high": violence needs someone involved
            if frame.type == "ASSAULT" and _mishap(frame):
                continue  # "killed in a car accident"
            if not target and frame.rule in lexicon().needs_target and len(source) < 2 and frame.inner is None:
                continue  # "receive 911 calls" is no visit
            key = (sent.start, frame.type, frame.mode, tuple(source), tuple(target))
            if key in seen:
                continue
            seen.add(key)
            start, end = frame.span
            trig = frame.trigger
            extra: dict[str, Any] = {"trigger": analysis.span(trig.idx, trig.idx + len(trig))}
            if frame.action and frame.action != frame.type:
                extra["action"] = frame.action
            event = Event(
                id=f"v{len(events) + 1}", type=frame.type, mode=frame.mode, cameo=frame.cameo,
                source=source, target=target, date=_date(analysis, frame),
                location=location, evidence=analysis.span(start, end), **extra)
            if not _merge(events, event, layer):
                events.append(event)
    return events


def _actors_key(layer: Any, ids: list[str]) -> tuple[str, ...]:
    """Entity ids, or their countries when every one has a country ("Moscow" and
    "Russia" are separate entities of one state)."""
    ents = [layer.by_id(i) if layer is not None else None for i in ids]
    if ents and all(e is not None and e.country for e in ents):
        return tuple(sorted({e.country for e in ents}))
    return tuple(ids)


def _merge(events: list[Event], event: Event, layer: Any) -> bool:
    """Fold a repeated report of an event already found ("Trump called on Moscow to get
    out" ... "Trump on Wednesday called on Russia to withdraw") into the first one: same
    type, mode, actors (or their countries) and CAMEO root, and dates that agree or come
    only from the publication date.  The repeat's evidence is kept in ``also``; a date the repeat names
    replaces one taken from the publication date."""
    if not event.source or not event.target:
        return False
    for first in events:
        same = (first.type == event.type and first.mode == event.mode
                and (first.cameo or "")[:2] == (event.cameo or "")[:2]
                and _actors_key(layer, first.source) == _actors_key(layer, event.source)
                and _actors_key(layer, first.target) == _actors_key(layer, event.target))
        if not same:
            continue
        a, b = first.date, event.date
        undated = lambda d: d is None or getattr(d, "basis", None) != "text"  # noqa: E731
        if not (undated(a) or undated(b) or (a is not None and b is not None and a.value == b.value)):
            continue
        if undated(a) and not undated(b):
            first.date = b
        if first.location is None and event.location is not None:
            first.location = event.location
        also = list(getattr(first, "also", None) or [])
        also.append(event.evidence)
        first.also = also  # type: ignore[attr-defined]
        return True
    return False


STAGE = Stage("events", assigns="events", requires=("entities", "times"), func=run)
