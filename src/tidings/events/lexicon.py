"""The event tables (``data/events_*.json``) loaded once and indexed for lookup.

``events_verbs.json`` holds verb classes, ``events_nouns.json`` event nouns carried by light
verbs, ``events_cues.json`` the words that shape events without being events (verbs of
saying, light and undo verbs, modes, intent, idioms).  Each table documents itself in its
``about`` field.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from tidings.data import load_json

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})

# CAMEO "express intent to ..." (03) and "threaten to ..." (13) codes by the intended action
INTENT_CAMEO = {"COOPERATE": "031", "SUPPORT": "032", "AID": "033", "CONCEDE": "035",
                "RETREAT": "035", "CONSULT": "036", "AGREE": "030"}
THREAT_CAMEO = {"SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138",
                "PROTEST": "133"}
# CAMEO "reject ..." (12) codes by the refused action
REFUSE_CAMEO = {"COOPERATE": "121", "AID": "122", "CONCEDE": "124", "RETREAT": "1246",
                "CONSULT": "125", "SUPPORT": "120", "AGREE": "120"}
# CAMEO "appeal for" (02) / "demand" (10) codes by the requested action
APPEAL_CAMEO = {"COOPERATE": "021", "SUPPORT": "022", "AID": "023", "CONCEDE": "025",
                "RETREAT": "0256", "CONSULT": "026"}
DEMAND_CAMEO = {"COOPERATE": "101", "SUPPORT": "102", "AID": "103", "CONCEDE": "105",
                "RETREAT": "105", "CONSULT": "106"}


@dataclass(frozen=True)
class VerbClass:
    id: str
    lemmas: frozenset[str]
    type: str
    cameo: str
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    control: bool = False
    target: tuple[str, ...] = ()
    needs_target: bool = False
    needs_complement: bool = False

    @property
    def conditional(self) -> bool:
        return bool(self.prt or self.prep or self.obj or self.subj)


@dataclass(frozen=True)
class NounClass:
    id: str
    lemmas: frozenset[str]
    type: str
    cameo: str
    undo: Optional[tuple[str, str]]
    joint: Optional[tuple[str, str]]
    target: tuple[str, ...]
    head: frozenset[str] = frozenset()
    requires_mod: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Idiom:
    id: str
    words: frozenset[str]
    with_any: frozenset[str]
    type: str
    cameo: str


@dataclass
class Lexicon:
    verbs: list[VerbClass]
    nouns: list[NounClass]
    speech: frozenset[str]
    light: frozenset[str]
    undo: frozenset[str]
    undo_needs_prt: dict[str, frozenset[str]]
    denied: frozenset[str]
    proposed: frozenset[str]
    future: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    proposed_modals: frozenset[str]
    intent: frozenset[str]
    intent_adjectives: frozenset[str]
    demand_modals: frozenset[str]
    role_nouns: dict[str, tuple[str, str]]  # noun -> (type, cameo)
    idioms: list[Idiom]
    quantity_heads: frozenset[str]
    occur: frozenset[str] = frozenset()
    by_lemma: dict[str, list[VerbClass]] = field(default_factory=dict)
    needs_target: set[str] = field(default_factory=set)
    noun_by_lemma: dict[str, list[NounClass]] = field(default_factory=dict)
    # the verbs that undo, carry (light verbs), propose or intend an event noun
    light_or_undo: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.needs_target = {vc.id for vc in self.verbs if vc.needs_target}
        self.light_or_undo = self.undo | self.light | self.proposed | self.intent
        for vc in self.verbs:
            for lemma in vc.lemmas:
                self.by_lemma.setdefault(lemma, []).append(vc)
        for nc in self.nouns:
            for lemma in nc.lemmas:
                self.noun_by_lemma.setdefault(lemma, []).append(nc)


def _fs(values: Any) -> frozenset[str]:
    return frozenset(v.lower() for v in (values or ()))


def _pair(value: Any) -> Optional[tuple[str, str]]:
    return (value["type"], value["cameo"]) if value else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs = [VerbClass(id=e["id"], lemmas=_fs(e["lemmas"]), type=e["type"], cameo=e["cameo"],
                       prt=_fs(e.get("prt")), prep=_fs(e.get("prep")), obj=_fs(e.get("obj")), subj=_fs(e.get("subj")),
                       control=bool(e.get("control")), target=tuple(e.get("target", ())),
                       needs_target=bool(e.get("needs_target")),
                       needs_complement=bool(e.get("needs_complement")))
             for e in load_json("events_verbs.json")["verbs"]]
    nouns = [NounClass(id=e["id"], lemmas=_fs(e["lemmas"]), type=e["type"], cameo=e["cameo"],
                       undo=_pair(e.get("undo")), joint=_pair(e.get("joint")),
                       target=tuple(e.get("target", ())), head=_fs(e.get("head")),
                       requires_mod={k: _fs(v) for k, v in (e.get("requires_mod") or {}).items()})
             for e in load_json("events_nouns.json")["nouns"]]
    cues = load_json("events_cues.json")
    modes = cues["modes"]
    role_nouns = {noun: (typ, spec["cameo"]) for typ, spec in cues["role_nouns"].items()
                  for noun in spec["nouns"]}
    idioms = [Idiom(id=i["id"], words=_fs(i["words"]), with_any=_fs(i["with_any"]),
                    type=i["type"], cameo=i["cameo"]) for i in cues["idioms"]]
    return Lexicon(
        verbs=verbs, nouns=nouns, speech=_fs(cues["speech"]), light=_fs(cues["light"]),
        undo=_fs(cues["undo"]),
        undo_needs_prt={k: _fs(v) for k, v in cues["undo_needs_prt"].items()},
        denied=_fs(modes["denied"]), proposed=_fs(modes["proposed"]),
        future=_fs(modes["future"]), hypothetical_marks=_fs(modes["hypothetical_marks"]),
        hypothetical_modals=_fs(modes["hypothetical_modals"]),
        future_modals=_fs(modes["future_modals"]), proposed_modals=_fs(modes["proposed_modals"]),
        intent=_fs(cues["intent"]), intent_adjectives=_fs(cues["intent_adjectives"]),
        demand_modals=_fs(cues["demand_modals"]), role_nouns=role_nouns, idioms=idioms,
        quantity_heads=_fs(cues["quantity_heads"]), occur=_fs(cues.get("occur")))
