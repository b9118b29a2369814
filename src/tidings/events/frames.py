"""Event frames read off one parsed sentence: the pure core of the events stage.

:func:`sentence_frames` takes a spaCy sentence and returns :class:`Frame` objects — the
PLOVER type and CAMEO code, the mode, the trigger and the source/target argument phrases
(view character ranges) — without knowing anything about entities: a callback
``has_actor(start, end)`` says whether a phrase holds a known actor, which is how the
target is chosen among the candidate slots.  The stage wrapper turns frames into
:class:`tidings.document.Event` objects.

How a sentence is read:
- verbs of saying are not events; the clause they report is read like any other, and a
  pronoun subject there falls back to the speaker ("Syria says it will not accept ...");
- a verb class (``events_verbs.json``) or an event noun under a light verb
  (``events_nouns.json``: "imposed sanctions", "lifted the curfew") gives the type;
- control verbs ("threatened to cut", "refused to deploy", "called on X to withdraw")
  stand for the action they govern, which is not coded a second time;
- the mode comes from the verb and the words above it: denied ("denied reports that ..."),
  hypothetical ("if ...", "could"), negated ("did not"), proposed ("should consider"),
  future ("will", "plans to", "is ready to").  A future action is coded as the intent it
  expresses: AGREE (CAMEO 03) for cooperation, THREATEN (13) for hostility, with
  ``action`` naming what was intended; a refused cooperative action is a REJECT;
- "X said Y must ..." is X REQUEST Y;
- there is no fallback: a sentence with no matched trigger gives no frame, and relative
  clauses (background about an actor) are not read.
"""
from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from tidings.entities.doccache import token_strings
from tidings.events.lexicon import (APPEAL_CAMEO, COOPERATIVE, DEMAND_CAMEO, HOSTILE,
                                    INTENT_CAMEO, REFUSE_CAMEO, THREAT_CAMEO, Lexicon,
                                    NounClass, VerbClass, lexicon)
from tidings.events.syntax import (DEFAULT_TARGETS, EVENTIVE, SUBJ, WEAPON_NOUNS, Arg,
                                   HasActor, _args, _children, _is_pronoun, _choose_targets, _deep_candidates,
                                   _in_skipped_clause, _tree, _infinitive, _is_passive, _lower,
                                   _noun_words, _places, _pobjs, _right_candidates, _source_args,
                                   _speaker_subject, _subject, _verb_lemmas)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Arg", "Frame", "HasActor", "sentence_frames"]


@dataclass
class Frame:
    type: str
    cameo: str
    trigger: "Token"
    rule: str
    mode: Optional[str] = None
    action: Optional[str] = None
    sources: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    places: list["Token"] = field(default_factory=list)
    noun: Optional["Token"] = None
    inner: Optional["Token"] = None

    @property
    def span(self) -> tuple[int, int]:
        """View range from the first to the last of trigger and arguments."""
        heads = [self.trigger] + [t for t in (self.noun, self.inner) if t is not None]
        toks = heads + [c for h in heads for c in h.children if c.dep_ in ("dobj", "prt")]
        starts = [t.idx for t in toks] + [a.start for a in self.sources + self.targets]
        ends = [t.idx + len(t) for t in toks] + [a.end for a in self.sources + self.targets]
        return min(starts), max(ends)

    @property
    def clause(self) -> list[tuple[int, int]]:
        """View ranges of the trigger's clause without its subject's relative clauses and
        appositions (for finding the event's date): "Guaido, who declared himself president
        in January, has called ..." is not dated January."""
        verb = self.trigger
        drop: set[int] = set()
        for t in verb.subtree:
            if t.dep_ in ("relcl", "appos") or (t.dep_ in ("ccomp", "advcl") and t.head.i != verb.i) or (
                    t.dep_ == "conj" and t.head.i == verb.i):
                drop.update(x.i for x in t.subtree)
        runs: list[tuple[int, int]] = []
        for t in verb.subtree:
            if t.i in drop:
                continue
            if runs and runs[-1][1] >= t.idx - 1:
                runs[-1] = (runs[-1][0], t.idx + len(t))
            else:
                runs.append((t.idx, t.idx + len(t)))
        return runs


def _target_candidates(order: tuple[str, ...], verb: "Token", noun: Optional["Token"],
                       inner: Optional["Token"]) -> list["Token"]:
    holders = [t for t in (noun, verb, inner) if t is not None]
    dobjs = [c for c in _children(verb, "dobj", "dative") if noun is None or c.i != noun.i]
    out: list["Token"] = []
    for slot in order:
        if slot == "dobj":
            for d in dobjs:
                if _match_noun(d, lexicon()) is not None or _lower(d) in EVENTIVE:
                    # "demanded the withdrawal of Serbian forces", "rejected calls by Belarus"
                    for p in _children(d, "poss") + _pobjs(d, {"of", "by", "from"}):
                        out.append(p)
                    for acl in _children(d, "acl"):  # "the demonstration staged by students"
                        out.extend(_pobjs(acl, {"by"}))
                out.append(d)
        elif slot == "dative":
            out.extend(_children(verb, "dative"))
        elif slot == "ccomp":
            for c in ([inner] if inner is not None else []) + _children(verb, "ccomp", "xcomp"):
                out.extend(_children(c, "nsubj", "nsubjpass"))
        elif slot == "poss":
            for n in ([noun] if noun is not None else []) + _children(verb, "dobj"):
                out.extend(_children(n, "poss"))
                out.extend(c for c in n.children if c.dep_ in ("compound", "amod")
                           and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))
            for c in verb.children:  # "agreed to the protesters' demands"
                if c.dep_ == "prep":
                    out.extend(g for p in _children(c, "pobj") for g in _children(p, "poss"))
        else:
            # the slot's preposition on the trigger, its object, or a noun it governs
            # ("arrived in Baghdad for talks with Iraqi leaders")
            for h in holders + _children(verb, "dobj"):
                out.extend(_pobjs(h, {slot}))
    inner_nouns = [p for c in verb.children if c.dep_ == "prep" for p in _children(c, "pobj")]
    for slot in order:  # last: a noun the trigger governs ("for talks with Iraqi leaders")
        if slot not in ("dobj", "dative", "ccomp", "poss", "in"):
            for h in inner_nouns:
                out.extend(_pobjs(h, {slot}))
    seen, uniq = set(), []
    for t in out:
        if t.i not in seen:
            seen.add(t.i)
            uniq.append(t)
    return uniq


CONTENT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
CONTENT_PREPS = {"of", "for", "over", "about", "against"}
SELF_DIRECTED = {"RETREAT", "CONCEDE", "MOBILIZE"}
SOURCELESS = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE"}
INHERIT_TARGET = {"SANCTION", "THREATEN", "REQUEST", "ACCUSE", "REJECT"}
# PLOVER's cooperative types; the others but REQUEST are conflictual
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


def _opposed(a: str, b: str) -> bool:
    """One type cooperative and the other conflictual (REQUEST is neither)."""
    if "REQUEST" in (a, b):
        return False
    return (a in COOPERATIVE) != (b in COOPERATIVE)
DEEP_TYPES = {"PROTEST", "REQUEST", "ACCUSE", "REJECT"}


# -- coding -------------------------------------------------------------------------
def _match_noun(tok: "Token", lex: Lexicon) -> Optional[NounClass]:
    lem = _lower(tok)
    mods = [_lower(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    of = [_lower(p) for p in _pobjs(tok, {"of"})]
    for cand in mods + [lem] + of:
        for nc in lex.noun_by_lemma.get(cand, ()):
            if nc.head and lem not in nc.head:
                continue
            need = nc.requires_mod.get(cand)
            preps = {_lower(c) for c in tok.children if c.dep_ == "prep"}
            if cand == lem and need and not (set(mods) | set(of) | preps | {_lower(tok.head)}) & need:
                continue
            return nc
    return None


PARTICLES = {"up", "down", "out", "off", "back", "away", "over", "in"}


def _particles(tok: "Token") -> set[str]:
    """Verb particles, also where the parser called them adverbs ("stepped down")."""
    return {c.lower_ for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES)}


def _match_verb(tok: "Token", lex: Lexicon, conditional: bool) -> Optional[VerbClass]:
    lemma = next((w for w in _verb_lemmas(tok) if w in lex.by_lemma), "")
    classes = lex.by_lemma.get(lemma, ())
    if not classes:  # most words: no verb class, nothing more to read
        return None
    prts = _particles(tok)
    preps = {_lower(c) for c in tok.children if c.dep_ in ("prep", "agent", "dative")} | prts
    for vc in classes:
        if vc.conditional != conditional:
            continue
        if vc.type == "PROTEST" and any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "demonstrated that it helps" shows, it does not protest
        if vc.prt and not preps & vc.prt:
            continue
        if vc.prep and not preps & vc.prep:
            continue
        if vc.subj:
            subj = _subject(tok) if not _is_passive(tok) else next(iter(_children(tok, "nsubjpass")), None)
            words = _noun_words(subj) if subj is not None else set()
            if subj is not None:
                words |= {w for c in subj.children if c.dep_ == "prep" for p in _children(c, "pobj")
                          for w in _noun_words(p)}
            if not words & vc.subj:
                continue
        if vc.obj:
            holders = _pobjs(tok, vc.prep) if vc.prep else (
                _children(tok, "dobj", "nsubjpass", "attr", "dative") + _pobjs(tok, {"of", "out"}))
            if not any(_noun_words(h) & vc.obj for h in holders):
                continue
        return vc
    return None


def _light_noun(tok: "Token", lex: Lexicon) -> Optional[tuple["Token", NounClass, bool]]:
    """(noun, class, undone) when ``tok`` is a light/undo verb with an event-noun object."""
    known = lex.light_or_undo
    lemma = next((w for w in _verb_lemmas(tok) if w in known), _lower(tok))
    is_undo = lemma in lex.undo and (lemma not in lex.undo_needs_prt
                                     or _particles(tok) & lex.undo_needs_prt[lemma])
    is_light = lemma in lex.light or lemma in lex.proposed or lemma in lex.intent
    if not (is_undo or is_light):
        return None
    objs = _children(tok, "dobj", "nsubjpass") + _pobjs(tok, {"on", "under"})
    if lemma in ("withdraw", "pull"):
        objs += _pobjs(tok, {"from", "of", "out"}) if not objs else []
    for obj in objs:
        nc = _match_noun(obj, lex)
        if nc is None and obj.lemma_.lower() in lex.quantity_heads:
            inner = _pobjs(obj, {"of"})
            nc = _match_noun(inner[0], lex) if inner else None
            if nc is not None:
                obj = inner[0]
        if nc is not None:
            if is_undo and nc.undo is None:
                return None
            return obj, nc, is_undo
    return None


def _complement(tok: "Token") -> Optional["Token"]:
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            return c
    for c in tok.children:
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    for c in tok.children:  # "its demand that Israel ease restrictions"
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX"):
                    return g
    for c in tok.children:  # "called on Moscow to get out": the infinitive hangs off the object
        if c.dep_ in ("prep", "dobj"):
            for g in c.subtree:
                if g.dep_ in ("xcomp", "relcl", "acl") and g.pos_ == "VERB" and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in g.children):
                    return g
    return None


def _modes(tok: "Token", lex: Lexicon, *, nominal: bool, verbal: bool = False) -> set[str]:
    modes: set[str] = set()

    def own(t: "Token") -> None:
        for c in t.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass"):
                if low in lex.future_modals:
                    modes.add("future")
                elif low in lex.hypothetical_modals:
                    modes.add("hypothetical")
                elif low in lex.proposed_modals:
                    modes.add("proposed")
                elif low == "must":
                    modes.add("proposed")
            elif c.dep_ == "neg":
                modes.add("negated")
            elif c.dep_ == "mark" and low in lex.hypothetical_marks:
                modes.add("hypothetical")

    own(tok)
    if nominal:
        lemma = _lower(tok)
        if lemma in lex.proposed:
            modes.add("proposed")
        elif lemma in lex.denied:
            modes.add("denied")
        elif lemma in lex.future or lemma in lex.intent:
            modes.add("future")
    if any(w in lex.intent for w in _verb_lemmas(tok)) and not verbal:
        modes.add("future")  # "offered its troops", "pledged aid" (not "offered condolences")
    cur = tok
    while cur.head.i != cur.i:
        rel, head = cur.dep_, cur.head
        forms = _verb_lemmas(head)
        hl = next((w for w in forms if w in lex.denied or w in lex.proposed or w in lex.future
                   or w in lex.intent or w in lex.intent_adjectives), _lower(head))
        if rel == "advcl":
            own_marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
            if own_marks & lex.hypothetical_marks:
                modes.add("hypothetical")
        if hl in lex.denied and rel in ("ccomp", "dobj", "acl", "xcomp", "pobj", "prep"):
            modes.add("denied")
        elif hl in lex.proposed and rel in ("ccomp", "xcomp", "dobj"):
            modes.add("proposed")
        elif (hl in lex.future or hl in lex.intent or hl in lex.intent_adjectives) and (
                rel == "xcomp" or (rel == "advcl" and _infinitive(cur))):
            modes.add("future")
        if rel in ("xcomp", "acomp") or (rel == "conj" and not _children(cur, *SUBJ)):
            own(head)
        cur = head
    return modes


def _apply_mode(frame: Frame, modes: set[str]) -> Frame:
    typ = frame.type
    if "denied" in modes:
        frame.mode = "denied"
    elif "hypothetical" in modes:
        frame.mode = "hypothetical"
    elif "negated" in modes:
        if typ in COOPERATIVE and "future" in modes:  # "will not accept": a refusal
            frame.action, frame.type = typ, "REJECT"
            frame.cameo = REFUSE_CAMEO.get(typ, "120")
        else:
            frame.mode = "negated"
    elif "proposed" in modes:
        frame.mode = "proposed"
    elif "future" in modes:
        frame.mode = "future"
        if typ in COOPERATIVE and typ != "AGREE":
            frame.action, frame.type, frame.cameo = typ, "AGREE", INTENT_CAMEO.get(typ, "030")
        elif typ in HOSTILE:
            frame.action, frame.type, frame.cameo = typ, "THREATEN", THREAT_CAMEO.get(typ, "130")
    return frame


def _refine(frame: Frame, inner_type: Optional[str]) -> None:
    """A control verb's CAMEO code refined by the action it governs."""
    if inner_type is None:
        return
    frame.action = frame.action or inner_type
    table = {"REQUEST": APPEAL_CAMEO if frame.cameo.startswith("02") else DEMAND_CAMEO,
             "REJECT": REFUSE_CAMEO, "AGREE": INTENT_CAMEO, "THREATEN": THREAT_CAMEO}.get(frame.type)
    if table and inner_type in table:
        frame.cameo = table[inner_type]


def _code(tok: "Token", lex: Lexicon) -> Optional[tuple[str, str, str, Optional["Token"], tuple[str, ...], bool]]:
    """(type, cameo, rule, noun, target order, control) for a trigger verb, or None."""
    vc = _match_verb(tok, lex, conditional=True)
    if vc is not None and (not vc.needs_complement or _complement(tok) is not None):
        return vc.type, vc.cameo, vc.id, None, vc.target or DEFAULT_TARGETS, vc.control
    light = _light_noun(tok, lex)
    if light is not None:
        noun, nc, undone = light
        typ, cameo = nc.undo if undone and nc.undo else (nc.type, nc.cameo)
        order = nc.target or DEFAULT_TARGETS
        if undone:  # "withdrew its troops from Lebanon", "lifted the embargo on Libya"
            order = ("from",) + order
        if nc.joint and not undone:
            subj = _subject(tok)
            joint = any(_lower(c) in ("joint", "combined") for c in noun.children) or (
                subj is not None and (bool(subj.conjuncts) or any(
                    c.conjuncts for c in subj.children if c.dep_ in ("amod", "compound"))))
            if joint:
                typ, cameo = nc.joint
        return typ, cameo, f"noun:{nc.id}", noun, order, typ == "REQUEST"
    vc = _match_verb(tok, lex, conditional=False)
    if vc is not None and (not vc.needs_complement or _complement(tok) is not None):
        return vc.type, vc.cameo, vc.id, None, vc.target or DEFAULT_TARGETS, vc.control
    return None


def _demand_frame(tok: "Token", lex: Lexicon) -> Optional[Frame]:
    """'X said Y must ...' -> X REQUEST Y."""
    modal = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "must"]
    clause = tok
    if not modal and tok.dep_ == "xcomp" and _lower(tok.head) in ("have", "need") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        modal, clause = [tok.head], tok.head
    if not modal:
        return None
    if clause.dep_ != "ccomp" or _lower(clause.head) not in lex.speech | {"demand", "insist"}:
        return None
    speaker = _children(clause.head, *SUBJ)
    inner_subj = _children(tok, "nsubj", "nsubjpass") or _children(clause, "nsubj", "nsubjpass")
    if not speaker or not inner_subj:
        return None
    sources = _args(speaker[0], lex)
    targets = [a for a in _args(inner_subj[0], lex) if a.head.i not in {s.head.i for s in sources}]
    if not targets or _is_pronoun(targets[0].head):
        return None
    frame = Frame("REQUEST", "100", clause.head, "must", sources=sources, targets=targets, inner=tok)
    inner = _code(tok, lex)
    _refine(frame, inner[0] if inner else None)
    return frame


def _idiom_frames(sent: "SpacySpan", lex: Lexicon) -> list[Frame]:
    out = []
    doc = sent.doc
    lemmas = token_strings(doc, "LEMMA_LOWER")
    for idiom in lex.idioms:
        for i in range(sent.start, sent.end):
            if lemmas[i] not in idiom.words:
                continue
            tok = doc[i]
            verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok
            if {_lower(t) for t in verb.subtree} & idiom.with_any:  # in the same clause
                speaker = _speaker_subject(tok, lex)
                sources = _args(speaker, lex) if speaker is not None else []
                out.append(Frame(idiom.type, idiom.cameo, verb, f"idiom:{idiom.id}", sources=sources))
                break
    return out


def _occurrence_frames(sent: "SpacySpan", lex: Lexicon, consumed: set[int]) -> list[Frame]:
    """'Clashes broke out between X and Y', 'protests erupted against Z': an event noun as
    the subject of a verb of happening; the actors hang off the noun or the verb."""
    out = []
    doc = sent.doc
    deps = token_strings(doc, "DEP")
    for i in range(sent.start, sent.end):
        if deps[i] != "nsubj":
            continue
        tok = doc[i]
        if tok.head.i in consumed or _in_skipped_clause(tok.head):
            continue
        verb = tok.head
        if not any(w in lex.occur for w in _verb_lemmas(verb)):
            continue
        nc = _match_noun(tok, lex)
        if nc is None or nc.type not in ("ASSAULT", "PROTEST"):
            continue
        frame = Frame(nc.type, nc.cameo, verb, f"occur:{nc.id}", noun=tok)
        between = _pobjs(tok, {"between"}) or _pobjs(verb, {"between"})
        if between:
            sides = _args(between[0], lex)
            if len(sides) == 1:  # "between Armenian and Azerbaijani troops"
                mods = [c for c in between[0].children if c.dep_ in ("amod", "compound") and c.conjuncts]
                if mods:
                    sides = [Arg(m, m.idx, m.idx + len(m), core=(m.idx, m.idx + len(m)))
                             for m in [mods[0]] + list(mods[0].conjuncts)]
            frame.sources, frame.targets = sides[:1], sides[1:]
        else:
            frame.sources = _args(next(iter(_pobjs(tok, {"by"})), None), lex)
            frame.targets = _args(next(iter(_pobjs(tok, {"against", "on"}) + _pobjs(verb, {"against"})), None), lex)
        frame.places = _places([verb, tok])
        _apply_mode(frame, _modes(verb, lex, nominal=False))
        out.append(frame)
    return out


def _role_frames(sent: "SpacySpan", lex: Lexicon) -> list[Frame]:
    """'Russia has emerged as a staunch backer of Maduro' -> Russia SUPPORT Maduro."""
    out = []
    doc = sent.doc
    lemmas, deps = token_strings(doc, "LEMMA_LOWER"), token_strings(doc, "DEP")
    for i in range(sent.start, sent.end):
        coded = lex.role_nouns.get(lemmas[i])
        if coded is None or deps[i] not in ("pobj", "attr"):
            continue
        tok = doc[i]
        verb = tok.head.head if tok.dep_ == "pobj" and _lower(tok.head) == "as" else tok.head
        if tok.dep_ == "pobj" and _lower(tok.head) != "as":
            continue
        of = _pobjs(tok, {"of"})
        if not of:
            continue
        sources = _args(_subject(verb), lex)
        frame = Frame(coded[0], coded[1], verb, "role", sources=sources, targets=_args(of[0], lex),
                      noun=tok)
        _apply_mode(frame, _modes(verb, lex, nominal=False))
        out.append(frame)
    return out


def _build(tok: "Token", lex: Lexicon, has_actor: HasActor, *, depth: int = 0) -> Optional[Frame]:
    """The frame of one trigger verb, before its mode is applied."""
    coded = _code(tok, lex)
    if coded is None:
        return None
    typ, cameo, rule, noun, order, control = coded
    frame = Frame(typ, cameo, tok, rule, noun=noun)
    inner = _complement(tok) if control else None
    inner_frame = None
    if inner is not None:
        frame.inner = inner
        inner_frame = _build(inner, lex, has_actor, depth=depth + 1) if depth < 2 else None
        _refine(frame, inner_frame.type if inner_frame else None)
    if _is_passive(tok) and noun is None:
        frame.sources = _args(next(iter(_pobjs(tok, {"by"})), None), lex)
        frame.targets = _args(next(iter(_children(tok, "nsubjpass")), None), lex)
        if not frame.sources and typ in SELF_DIRECTED:
            # "guerrillas have been demobilized": those who withdraw are the actors
            frame.sources, frame.targets = frame.targets, []
        elif not frame.sources and typ == "ASSAULT":
            # "killed in a car bomb explosion": the weapon stands in for the unnamed attacker
            weapons = [p for p in _pobjs(tok, {"in", "with", "during"}) if _lower(p) in WEAPON_NOUNS]
            frame.sources = _args(weapons[0], lex) if weapons else []
    else:
        frame.sources = _source_args(tok, lex)
    if not frame.targets:
        cands = _target_candidates(order, tok, noun, None)
        frame.targets, resolved = _choose_targets(cands, frame.sources, lex, has_actor)
        if not resolved and inner is not None:
            # "refused to deploy peacekeepers in Iraq": the target of the governed action
            src = {a.head.i for a in frame.sources}
            if inner_frame is not None:
                inner_targets = [a for a in inner_frame.targets if a.head.i not in src]
            elif typ in ("THREATEN", "REQUEST", "REJECT"):
                inner_targets, _ = _choose_targets(_target_candidates(
                    ("to", "on", "against", "with", "dobj", "in"), inner, None, None), frame.sources, lex, has_actor)
            else:
                inner_targets = []
            if inner_targets and (not frame.targets or any(has_actor(a.start, a.end) for a in inner_targets)):
                frame.targets = inner_targets
    if not frame.targets and typ in DEEP_TYPES:
        frame.targets, _ = _choose_targets(_deep_candidates(tok, frame.sources), frame.sources,
                                           lex, has_actor)
    reciprocal = len(frame.sources) > 1  # "Israel and Hamas exchanged fire": each is the other's target
    if not frame.targets and typ not in ("AGREE", "RETREAT", "CONCEDE") and rule not in lex.needs_target \
            and not reciprocal:
        near, resolved = _choose_targets(_right_candidates(noun or tok, frame.sources), frame.sources,
                                         lex, has_actor)
        if resolved:
            frame.targets = near
    return frame


def _prepared(tok: "Token") -> bool:
    """Whether the action is what forces "prepared to" do ("prepared to resume shelling")."""
    cur = tok
    while cur.dep_ in ("xcomp", "advcl") and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ == "VERB" and "prepare" in _verb_lemmas(cur):
            return True
    return False


def sentence_frames(sent: "SpacySpan", *, has_actor: Optional[HasActor] = None,
                    lex: Optional[Lexicon] = None) -> list[Frame]:
    """Every event frame of one sentence, main-clause events first."""
    lex = lex or lexicon()
    has_actor = has_actor or (lambda s, e: False)
    frames: list[Frame] = []
    consumed: set[int] = set()
    # the verbs of the sentence, shallowest first; auxiliaries, relative clauses and
    # adjectives or nouns not tagged as verbs are never triggers
    doc = sent.doc
    pos, tags, deps = (token_strings(doc, a) for a in ("POS", "TAG", "DEP"))
    depth, skipped = _tree(doc)
    verbs = [doc[i] for i in sorted(
        (i for i in range(sent.start, sent.end)
         if (pos[i] in ("VERB", "AUX") or tags[i].startswith("VB"))
         and deps[i] not in ("aux", "auxpass") and not skipped[i]),
        key=lambda i: (depth[i], i))]
    for tok in verbs:
        if tok.i in consumed:
            continue
        demand = _demand_frame(tok, lex)
        if demand is not None:
            consumed.add(tok.i)
            frames.append(demand)
            continue
        frame = _build(tok, lex, has_actor)
        if frame is None:
            continue
        if frame.inner is not None:
            consumed.update(t.i for t in [frame.inner] + list(frame.inner.conjuncts))
        if frame.type in CONTENT_TYPES:
            # "accused the army of killing civilians": the killing is what is alleged,
            # demanded or refused, not an event the sentence reports
            for c in tok.children:
                if c.dep_ in ("prep", "dobj") and (c.dep_ == "dobj" or _lower(c) in CONTENT_PREPS):
                    consumed.update(t.i for t in c.subtree if t.i != c.i)
        typ, noun, inner = frame.type, frame.noun, frame.inner
        holders = [t for t in (tok, noun, inner) if t is not None] + _children(tok, "dobj")
        frame.places = _places(holders) + _places([a.head for a in frame.sources + frame.targets])
        verbal = frame.rule in ("noun:apology", "noun:support")
        _apply_mode(frame, _modes(tok, lex, nominal=noun is not None, verbal=verbal))
        if frame.action == "ASSAULT" and _prepared(tok):
            # forces preparing to attack change their posture (CAMEO 15), they do not threaten
            frame.type, frame.cameo, frame.mode = "MOBILIZE", "154", None
        frames.append(frame)
    frames.extend(_occurrence_frames(sent, lex, consumed))
    frames.extend(_role_frames(sent, lex))
    idioms = _idiom_frames(sent, lex)
    for f in idioms:  # a threat inherits the target of its speaker's other action
        for g in frames:
            if f.sources and g.sources and g.sources[0].head.i == f.sources[0].head.i and g.targets:
                f.targets = list(g.targets)
                break
    frames.extend(idioms)
    for f in frames:  # "condemned the raid and threatened Baghdad": the shared target
        if not f.targets and f.type in INHERIT_TARGET and f.sources:
            for g in frames:
                if g is not f and g.targets and g.sources and g.sources[0].head.i == f.sources[0].head.i:
                    if _opposed(f.type, g.type):
                        # "backs the country's opposition and has imposed sanctions": one does
                        # not sanction whom one backs, but the country they belong to
                        f.targets = [dataclasses.replace(a, country_of=True) for a in g.targets]
                    else:
                        f.targets = list(g.targets)
                    break
    # an action with no actor is background ("its actions there were agreed"); only
    # attacks and repression are kept with an unknown source ("three soldiers were killed")
    return [f for f in frames if f.sources or (f.targets and f.type in SOURCELESS)]
