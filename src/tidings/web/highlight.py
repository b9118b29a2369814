"""Cut an article's text into highlight segments for the article page.

Every fact in a :class:`~tidings.document.Result` is a span of ``result.text``.  Spans
overlap (a speaker sits inside an event's evidence, a date inside a quote), so the text is
cut at every span boundary into flat segments, each carrying the set of facts that cover
it.  The template renders one ``<span>`` per segment with CSS classes for the kinds of fact
and a ``data-ann`` list of annotation keys; the page script looks the keys up in the
annotation table (embedded as JSON) to show the coding on hover.

Nothing here produces markup: segment text is plain text that the template escapes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from tidings.document import Result
from tidings.web.tone import colour, tone

# The order in which kinds are listed in a segment's classes (and in the tooltip).
KINDS = ("flag", "statement", "speaker", "cue", "event", "time", "entity")


@dataclass
class Segment:
    text: str
    start: int
    end: int
    keys: list[str] = field(default_factory=list)   # annotation keys covering the segment
    kinds: list[str] = field(default_factory=list)  # their kinds, in KINDS order, unique
    anchors: list[str] = field(default_factory=list)  # element ids that start here
    colour: Optional[str] = None  # the tone colour of the first event over the segment
    shown: str = ""  # the text as displayed: line breaks inside a paragraph become spaces

    @property
    def css(self) -> str:
        return " ".join(f"h-{k}" for k in self.kinds)


@dataclass
class Highlighted:
    segments: list[Segment]
    annotations: dict[str, dict[str, Any]]  # key -> {"kind", "title", "lines": [...]}


def _date(value: Any) -> Optional[str]:
    if value is None:
        return None
    text = value.value
    if value.granularity and value.granularity != "day":
        text += f" ({value.granularity})"
    return text


def entity_label(entity: Any) -> str:
    bits = [entity.name]
    extra = [x for x in (entity.role, entity.country, entity.sector) if x]
    if extra:
        bits.append("(" + ", ".join(extra) + ")")
    return " ".join(bits)


def annotate(result: Result) -> dict[str, tuple[str, list[tuple[int, int]], dict[str, Any]]]:
    """Every annotation of a result: key -> (kind, spans, info for the tooltip)."""
    ents = {e.id: e for e in result.entities}

    def names(ids: list[str]) -> str:
        return ", ".join(entity_label(ents[i]) if i in ents else i for i in ids) or "—"

    out: dict[str, tuple[str, list[tuple[int, int]], dict[str, Any]]] = {}
    for entity in result.entities:
        lines = [f"kind: {entity.kind}"]
        if entity.role:
            lines.append(f"role: {entity.role}")
        if entity.country or entity.sector:
            lines.append(f"country/sector: {entity.country or '—'} / {entity.sector or '—'}")
        out[f"en:{entity.id}"] = ("entity", [(m.start, m.end) for m in entity.mentions],
                                  {"title": f"Entity: {entity.name}", "lines": lines})
    for st in result.statements:
        speaker = "no source in the text"
        if st.speaker is not None:
            speaker = (entity_label(ents[st.speaker.entity]) if st.speaker.entity in ents
                       else st.speaker.text)
            if st.speaker.entity in ents and st.speaker.text != ents[st.speaker.entity].name:
                speaker += f" — as “{st.speaker.text}”"
        lines = [f"speaker: {speaker}", f"cue: {st.cue.text if st.cue else '—'}", f"kind: {st.kind}"]
        if st.venue:
            lines.append(f"venue: {st.venue}")
        if st.date:
            lines.append(f"date: {_date(st.date)}")
        info = {"title": f"Statement {st.id}", "lines": lines}
        out[f"st:{st.id}"] = ("statement", [(c.start, c.end) for c in st.content], info)
        if st.speaker is not None:
            out[f"sp:{st.id}"] = ("speaker", [(st.speaker.start, st.speaker.end)],
                                  {"title": f"Speaker of statement {st.id}", "lines": lines})
        if st.cue is not None:
            out[f"cu:{st.id}"] = ("cue", [(st.cue.start, st.cue.end)],
                                  {"title": f"Cue of statement {st.id}", "lines": lines})
    for ev in result.events:
        lines = [f"type: {ev.type}" + (f" / {ev.mode}" if ev.mode else ""),
                 f"CAMEO: {ev.cameo or '—'}",
                 f"source: {names(ev.source)}", f"target: {names(ev.target)}"]
        if ev.date:
            lines.append(f"date: {_date(ev.date)}")
        if ev.location and (ev.location.name or ev.location.country):
            lines.append(f"where: {ev.location.name or ''} {ev.location.country or ''}".strip())
        spans = [(ev.evidence.start, ev.evidence.end)] if ev.evidence else []
        out[f"ev:{ev.id}"] = ("event", spans, {"title": f"Event {ev.id}: {ev.type}", "lines": lines,
                                               "colour": colour(tone(ev.type))})
    for i, t in enumerate(result.times):
        lines = [f"resolved: {t.value or 'unresolved'}"
                 + (f" ({t.granularity})" if t.granularity else "")]
        out[f"tm:{i}"] = ("time", [(t.start, t.end)], {"title": f"Time: {t.text}", "lines": lines})
    for i, flag in enumerate(result.flags):
        out[f"fl:{i}"] = ("flag", [(s.start, s.end) for s in flag.evidence],
                          {"title": f"Flag: {flag.kind}", "lines": [flag.message]})
    return out


def _display_text(result: Result) -> str:
    """``result.text`` with the line breaks inside each paragraph shown as spaces (text
    pasted from PDFs is hard-wrapped), one character for one, so offsets still hold."""
    text = result.text
    chars = list(text)
    for p in result.article.paragraphs:
        for i in range(max(0, p.start), min(len(text), p.end)):
            if chars[i] in "\r\n":
                chars[i] = " "
    return "".join(chars)


def highlight(result: Result) -> Highlighted:
    """Flat segments of ``result.text`` with the annotations covering each."""
    text = result.text
    anns = annotate(result)
    n = len(text)
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    bounds = {0, n}
    anchor_at: dict[int, list[str]] = {}
    for key, (kind, spans, _info) in anns.items():
        valid = [(s, e) for s, e in spans if 0 <= s < e <= n]
        for s, e in valid:
            starts.setdefault(s, []).append(key)
            ends.setdefault(e, []).append(key)
            bounds.update((s, e))
        if valid and kind in ("statement", "event", "flag"):
            first = min(s for s, _ in valid)
            anchor_at.setdefault(first, []).append(key.replace(":", "-", 1))
    shown = _display_text(result)
    order = sorted(bounds)
    active: dict[str, int] = {}
    segments: list[Segment] = []
    for a, b in zip(order, order[1:]):
        for key in ends.get(a, []):
            active[key] -= 1
            if not active[key]:
                del active[key]
        for key in starts.get(a, []):
            active[key] = active.get(key, 0) + 1
        keys = sorted(active, key=lambda k: (KINDS.index(anns[k][0]), k))
        kinds: list[str] = []
        for k in keys:
            if anns[k][0] not in kinds:
                kinds.append(anns[k][0])
        event_keys = [k for k in keys if anns[k][0] == "event"]
        seg = Segment(text=text[a:b], start=a, end=b, keys=keys, kinds=kinds,
                      anchors=anchor_at.pop(a, []),
                      colour=anns[event_keys[0]][2].get("colour") if event_keys else None,
                      shown=shown[a:b])
        segments.append(seg)
    annotations = {k: {"kind": kind, **info} for k, (kind, _spans, info) in anns.items()}
    return Highlighted(segments=segments, annotations=annotations)
