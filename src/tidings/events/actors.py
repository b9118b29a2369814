"""Argument phrases -> entity ids, through the entities layer.

The entities layer is the authority on who an actor is.  A phrase is resolved to the
entity of its head word, else of a mention inside the phrase (``EntityLayer.entities_in``
when the layer has it).  A pronoun that the layer did not resolve falls back to the
speaker it was said by ("Syria says it will ...").  When the layer knows no entity in a
phrase but its pure coder ``code_actor(text)`` gives the phrase a country ("Burundian
militiamen"), the phrase is added to the layer as a ``group`` entity so the event can
point at it; that is the only thing this module adds to another layer.
"""
from __future__ import annotations

import bisect
import logging
from typing import TYPE_CHECKING, Any, Callable, Optional

from tidings.document import Entity, Span
from tidings.events.frames import Arg

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

PERSONAL = {"he", "his", "him", "she", "her", "hers"}
NEUTER = {"it", "its"}
PLURAL = {"they", "their", "them", "theirs"}
FIRST_PERSON = {"we", "i", "our", "us", "my", "me"}


class ActorResolver:
    """Resolves argument phrases against one document's entity layer.  Mentions and
    entities are indexed once, so lookups stay cheap on long articles."""

    MAX_MENTION = 300  # characters: how far before a range a mention overlapping it may start

    def __init__(self, layer: Any, span_of: Callable[[int, int], Span]) -> None:
        self.layer = layer
        self.span_of = span_of
        self._coder = _coder()
        self._coded: dict[str, Any] = {}
        self._reindex()

    def _reindex(self) -> None:
        mentions = sorted(getattr(self.layer, "view_mentions", None) or ())
        self._mentions: list[tuple[int, int, str]] = mentions
        self._starts = [m[0] for m in mentions]
        self._by_id = {e.id: e for e in (getattr(self.layer, "entities", None) or ())}

    # -- lookups -------------------------------------------------------------------
    def _mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Mentions overlapping the view range, in text order."""
        lo = bisect.bisect_left(self._starts, start - self.MAX_MENTION)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self._mentions[lo:hi] if m[1] > start]

    def ids_in(self, start: int, end: int) -> list[str]:
        return list(dict.fromkeys(str(m[2]) for m in self._mentions_in(start, end)))

    def has_actor(self, start: int, end: int) -> bool:
        """Whether the range names an actor with a known country."""
        if any(self._country(i) for i in self.ids_in(start, end)):
            return True
        return self._code(start, end) is not None

    def _code(self, start: int, end: int) -> Optional[tuple[Optional[str], Optional[str]]]:
        if self._coder is None or self.layer is None:
            return None
        text = self.layer_text(start, end)
        if text not in self._coded:
            self._coded[text] = self._coder(text) if text else None
        coded = self._coded[text]
        if coded and coded[0]:
            return coded
        return None

    def layer_text(self, start: int, end: int) -> str:
        return self._view_text[start:end] if hasattr(self, "_view_text") else ""

    def set_view(self, text: str) -> None:
        self._view_text = text

    # -- resolution ----------------------------------------------------------------
    def resolve(self, arg: Arg) -> Optional[str]:
        """The entity id for an argument phrase, or None."""
        found = self.resolve_all(arg)
        return found[0] if found else None

    def _country(self, eid: str) -> Optional[str]:
        ent = self._by_id.get(eid)
        return ent.country if ent is not None else None

    def resolve_all(self, arg: Arg) -> list[str]:
        """The entity ids an argument phrase stands for (see ``_resolve_all``); for an
        argument that stands for its actor's country, that country's entity, if the
        article names it."""
        found = self._resolve_all(arg)
        if not arg.country_of:
            return found
        countries = [c for c in (self._country(i) for i in found) if c]
        out = [e.id for c in countries for e in self._by_id.values()
               if e.kind == "country" and e.country == c]
        return list(dict.fromkeys(out))

    def _resolve_all(self, arg: Arg) -> list[str]:
        """The entity ids an argument phrase stands for: one, or several for coordinated
        modifiers ("US and British forces").  Preference: the head's own entity when it
        has a country, else the first entity with a country in the head's premodifiers,
        then in the whole phrase ("Rebels in the Ivory Coast"), then the phrase coded by
        the entities layer's coder, then an entity without a country."""
        head = arg.head
        if self.layer is None:
            return []
        word = head.lower_
        if head.pos_ == "PRON" and (word in PERSONAL or word in NEUTER or word in PLURAL or word in FIRST_PERSON):
            # "X said they ...": the speaker is stronger evidence than a coreference guess
            eid = self.resolve(arg.fallback) if arg.fallback is not None else None
            if eid is None:
                eid = self.layer.entity_at(head.idx, head.idx + len(head))
            if eid is None and word not in FIRST_PERSON:
                eid = self._antecedent(head)
            return [str(eid)] if eid is not None else []
        head_id = self.layer.entity_at(head.idx, head.idx + len(head))
        core = arg.core or (arg.start, arg.end)
        core_ids = [i for i in self.ids_in(*core) if self._country(i)]
        text = self.layer_text(*core)
        if len(core_ids) > 1 and (" and " in text or "," in text):
            return [str(i) for i in core_ids]
        if head_id is not None and self._country(head_id):
            return [str(head_id)]
        if core_ids:
            return [str(core_ids[0])]
        full = [(s, e, i) for s, e, i in self._mentions_in(arg.start, arg.end) if self._country(i)]
        if full:  # the mention nearest the head word
            return [str(min(full, key=lambda m: abs(m[0] - head.idx))[2])]
        for rng in (core, (arg.start, arg.end)):
            coded = self._code(*rng)
            if coded is not None:
                made = self._add_group(Arg(head, rng[0], rng[1]), coded)
                if made is not None:
                    return [made]
        if head_id is not None:
            return [str(head_id)]
        for poss in (c for c in head.children if c.dep_ == "poss"):
            # "his supporters": a group of the possessor's country
            owner = self.resolve(Arg(poss, poss.idx, poss.idx + len(poss)))
            country = self._country(owner) if owner is not None else None
            if country:
                made = self._add_group(arg, (country, None))
                return [made] if made is not None else []
        return []

    def _antecedent(self, pron: "Token") -> Optional[str]:
        """The nearest earlier mention a pronoun the entities layer left open can refer to:
        a person for he/his/she/her, anything else for it/its/they/their."""
        if self.layer is None:
            return None
        word = pron.lower_
        lo = bisect.bisect_left(self._starts, pron.idx - 600)
        hi = bisect.bisect_left(self._starts, pron.idx)
        for s, e, eid in reversed(self._mentions[lo:hi]):
            if e > pron.idx:
                continue
            ent = self._by_id.get(eid)
            if ent is None:
                continue
            is_person = ent.kind == "person"
            if (word in PERSONAL) == is_person:
                return str(eid)
        return None

    def add_group(self, arg: Arg, coded: tuple[Optional[str], Optional[str]]) -> Optional[str]:
        """Add the phrase as a ``group`` entity coded (country, sector); its id."""
        return self._add_group(arg, coded)

    def _add_group(self, arg: Arg, coded: tuple[Optional[str], Optional[str]]) -> Optional[str]:
        entities = getattr(self.layer, "entities", None)
        if entities is None:
            return None
        span = self.span_of(arg.start, arg.end)
        for ent in entities:  # the same phrase added earlier in this document
            if ent.kind == "group" and ent.name == span.text and ent.country == coded[0]:
                if all(m.start != span.start for m in ent.mentions):
                    ent.mentions.append(span)
                return ent.id
        taken = {e.id for e in entities}
        n = len(entities) + 1
        while f"e{n}" in taken:
            n += 1
        ent = Entity(id=f"e{n}", name=span.text, kind="group", country=coded[0],
                     sector=coded[1], mentions=[span])
        entities.append(ent)
        mentions = getattr(self.layer, "view_mentions", None)
        if isinstance(mentions, list):
            bisect.insort(mentions, (arg.start, arg.end, ent.id))
        self._reindex()
        return ent.id


def _coder() -> Optional[Callable[[str], Any]]:
    try:
        from tidings.entities import code_actor  # type: ignore[attr-defined]
    except ImportError:
        return None
    return code_actor  # type: ignore[no-any-return]
