"""Mentions → entities: names clustered, roles read from premodifiers and appositions,
nominals and pronouns resolved to the nearest compatible entity, and every entity coded
with a country and a sector.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.data import load_json
from tidings.entities import gazetteer as gz
from tidings.entities.coding import code_cluster, dominant_country
from tidings.entities.doccache import doc_sents, doc_text, tokens_where
from tidings.entities.mentions import DOCUMENTS, HONORIFICS, TITLES, Mention, find_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

_ORG_HEADS = frozenset({"ministry", "government", "company", "court", "army", "council",
                        "committee", "agency", "party", "department", "administration",
                        "parliament", "embassy", "cabinet", "military", "bank", "firm",
                        "group", "organization", "organisation", "alliance", "union",
                        "regime", "police", "navy", "station", "newspaper", "network"})
# entity kinds a pronoun may point to
_PERSONAL = ("person",)
_GROUPISH = ("group", "organization", "country", "location", "media")


@dataclass
class Cluster:
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    name_tokens: tuple[str, ...] = ()
    role: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    gender: Optional[str] = None
    key: Optional[tuple] = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def last(self) -> int:
        return max(m.start for m in self.mentions)

    def name(self) -> str:
        if self.name_tokens:
            return _join_name(self.name_tokens)
        best = max((m for m in self.mentions if m.kind not in ("pronoun",)),
                   key=lambda m: (m.country is not None, len(_clean_name(m.text)), -m.start),
                   default=None)
        return _clean_name(best.text) if best else self.mentions[0].text


def _join_name(tokens: tuple[str, ...]) -> str:
    out = ""
    for t in tokens:
        if out and not (t in ("-", "'") or out.endswith(("-", "'"))):
            out += " "
        out += t
    return out


def _clean_name(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    for det in ("the ", "The "):
        if text.startswith(det):
            text = text[len(det):]
    return text


@lru_cache(maxsize=16384)
def _norm(tok: str) -> str:
    """A name word for comparison (the same words are compared again and again)."""
    return tok.lower().replace(".", "").replace("’", "'")


def resolve(doc: "Doc") -> list[Cluster]:
    mentions = find_mentions(doc)
    persons = _person_clusters(doc, mentions)
    clusters: list[Cluster] = list(persons)
    _read_roles(doc, persons, mentions)
    # mis-tagged or untagged surnames and first names of known persons ("Zakharova" as NORP)
    _attach_name_tokens(doc, mentions, persons)
    dominant = dominant_country(mentions)
    others: dict[tuple, Cluster] = {}
    for m in mentions:
        if m.entity is not None or m.kind in ("pronoun", "person"):
            continue
        if m.kind == "norp":
            continue  # an unknown group adjective: no actor
        if m.kind in ("nominal", "orgnominal") and m.definite:
            target = _nominal_antecedent(m, clusters)
            if target is not None:
                _add(target, m)
                continue
        key = _key(m)
        cl = others.get(key)
        if cl is None and m.kind == "group" and m.country is None and m.sector is not None \
                and (gz.role_word(m.head or "") or (None, 0))[1] >= 1:
            cl = next((c for c in reversed(list(others.values()))
                       if c.kind == "group" and c.key and c.key[2] == m.head), None)
        if cl is None:
            kind = {"nominal": "person", "orgnominal": "organization"}.get(m.kind, m.kind)
            if m.kind in ("nominal", "group") and m.head in DOCUMENTS:
                kind = "document"
            cl = Cluster(kind=kind, country=m.country, sector=m.sector, key=key,
                         role=m.role if kind == "person" else None, gender=m.gender)
            others[key] = cl
            clusters.append(cl)
        _add(cl, m)
    _merge_nominals(doc, clusters)
    clusters = [c for c in clusters if c.mentions]
    _resolve_pronouns(doc, mentions, clusters)
    for cl in clusters:
        code_cluster(cl, dominant, clusters)
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: c.first)
    return clusters


def _merge_nominals(doc: "Doc", clusters: list[Cluster]) -> None:
    """A role described without a name is the named person who holds it: "Iceland's
    fisheries minister, Gunnar Jonsson," (apposition), or "Norway's fisheries minister"
    and, later, "Fisheries Minister Ingrid Solheim" (the only person given that title).
    The named person takes the nominal's mentions, and so its country."""
    named = [c for c in clusters if c.kind == "person" and c.name_tokens]
    if not named:
        return
    for cl in [c for c in clusters if c.kind == "person" and not c.name_tokens and c.key
               and c.key[0] == "nominal"]:
        target = _apposed_person(doc, cl, named)
        if target is None:
            phrases = {" ".join(_clean_name(m.text).lower().split()) for m in cl.mentions}
            holders = [p for p in named if p.role and len(p.role.split()) >= 2
                       and any(_holds_title(ph, p.role.lower()) for ph in phrases)]
            target = holders[0] if len(holders) == 1 else None
        if target is None:
            continue
        for m in cl.mentions:
            _add(target, m)  # the country it fills in is recomputed by code_cluster
        target.mentions.sort(key=lambda m: m.start)
        if not target.role and cl.role:
            target.role = _trim_role(cl.role, None)
        log.debug("%d nominal mentions join %s", len(cl.mentions), target.name())
        cl.mentions = []


def _holds_title(phrase: str, role: str) -> bool:
    """ "norway's fisheries minister" names the title "fisheries minister"."""
    return phrase == role or phrase.endswith(" " + role)


def _apposed_person(doc: "Doc", cl: Cluster, named: list[Cluster]) -> Optional[Cluster]:
    """The named person in apposition to one of the nominal's mentions."""
    for m in cl.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for p in named:
            for pm in p.mentions:
                if pm.kind != "person" or abs(pm.start - m.end) > 4 and abs(m.start - pm.end) > 4:
                    continue
                pspan = doc.char_span(pm.start, pm.end, alignment_mode="expand")
                if pspan is None:
                    continue
                if (pspan.root.dep_ == "appos" and span.start <= pspan.root.head.i < span.end) \
                        or (span.root.dep_ == "appos" and pspan.start <= span.root.head.i < pspan.end):
                    return p
    return None


def _add(cl: Cluster, m: Mention) -> None:
    cl.mentions.append(m)
    m.entity = id(cl)
    if cl.country is None and m.country:
        cl.country = m.country
    if cl.sector is None and m.sector:
        cl.sector = m.sector


def _key(m: Mention) -> tuple:
    if m.kind == "country":
        return ("country", m.country)
    if m.kind == "orgnominal":
        return (m.kind, m.country, _clean_name(m.text).lower())
    if m.kind in ("group", "nominal"):
        return (m.kind, m.country, m.head)
    return (m.kind, _clean_name(m.text).lower())


# -- persons -----------------------------------------------------------------------

def _person_clusters(doc: "Doc", mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    # full names first, so a surname alone meets the full name it abbreviates even when
    # it comes first (a headline)
    people = [m for m in mentions if m.kind == "person"]
    for m in sorted(people, key=lambda m: (-len(m.name_tokens), m.start)):
        toks = tuple(t for t in m.name_tokens if _norm(t) not in TITLES) or m.name_tokens
        m.name_tokens = toks
        if len(toks) >= 2:
            cl = _match_full(toks, clusters, m.start)
            if cl is None:
                cl = Cluster(kind="person", name_tokens=toks)
                clusters.append(cl)
            elif len(toks) > len(cl.name_tokens):
                cl.name_tokens = toks
            _add_person(cl, m)
    for m in sorted(people, key=lambda m: m.start):
        if m.entity is not None:
            continue
        compatible = [c for c in clusters
                      if not (m.gender and (c.gender or _first_name_gender(c.name_tokens))
                              and (c.gender or _first_name_gender(c.name_tokens)) != m.gender)]
        cl = _match_short(m.name_tokens, compatible, m.start)
        if cl is None:
            cl = Cluster(kind="person", name_tokens=m.name_tokens)
            clusters.append(cl)
        _add_person(cl, m)
    return clusters


def _first_name_gender(tokens: tuple[str, ...]) -> Optional[str]:
    if len(tokens) < 2:
        return None
    return load_json("actors_firstnames.json").get(tokens[0])


def _add_person(cl: Cluster, m: Mention) -> None:
    _add(cl, m)
    if not cl.gender:
        cl.gender = _first_name_gender(cl.name_tokens)
    if m.role and not cl.role:
        cl.role = m.role
    if m.gender and not cl.gender:
        cl.gender = m.gender


def _match_full(toks: tuple[str, ...], clusters: list[Cluster], at: int) -> Optional[Cluster]:
    n = [_norm(t) for t in toks]
    best = None
    for cl in clusters:
        c = [_norm(t) for t in cl.name_tokens]
        if c == n:
            return cl
        # "Donald J. Trump" ~ "Donald Trump": same first and last, one holds the other
        if len(c) >= 2 and c[0] == n[0] and c[-1] == n[-1] and (set(c) <= set(n) or set(n) <= set(c)):
            best = cl
    return best


def _match_short(toks: tuple[str, ...], clusters: list[Cluster], at: int) -> Optional[Cluster]:
    """The person a partial name ("Zakharova", "Mr. Trump", "Maria") refers to: the most
    recently mentioned one whose name ends with it, else one that contains it."""
    n = [_norm(t) for t in toks]
    if not n:
        return None

    def recency(cl: Cluster) -> int:
        before = [m.start for m in cl.mentions if m.start <= at]
        return max(before) if before else -cl.first

    for test in (lambda c: c[-len(n):] == n, lambda c: all(t in c for t in n)):
        cands = [cl for cl in clusters if test([_norm(t) for t in cl.name_tokens])]
        if cands:
            return max(cands, key=recency)
    return None


def _attach_name_tokens(doc: "Doc", mentions: list[Mention], persons: list[Cluster]) -> None:
    """Surnames spaCy tagged as something else, or not at all, become person mentions."""
    if not persons:
        return
    last_names = {_norm(cl.name_tokens[-1]): cl for cl in persons if len(cl.name_tokens) >= 2}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for tok in tokens_where(doc, lambda word: word[:1].isupper() and _norm(word) in last_names):
        existing = next((m for m in mentions if m.start <= tok.idx < m.end), None)
        if existing is not None and not (existing.kind in ("norp", "organization", "location")
                                         and existing.end - existing.start <= len(tok.text) + 2):
            continue
        if existing is not None:
            mentions.remove(existing)
        elif tok.idx in taken:
            continue
        cands = [cl for cl in persons if _norm(cl.name_tokens[-1]) == _norm(tok.text)]
        cl = _match_short((tok.text,), cands, tok.idx)
        m = Mention(tok.idx, tok.idx + len(tok), "person", tok.text, name_tokens=(tok.text,),
                    source="surname")
        mentions.append(m)
        _add(cl, m)
    mentions.sort(key=lambda m: (m.start, -m.end))


def _read_roles(doc: "Doc", persons: list[Cluster], mentions: list[Mention]) -> None:
    """Roles from premodifiers ("Foreign Ministry spokeswoman Maria Zakharova") and
    appositions ("Viktor Bondarev, the head of ..."); coded parts of a premodifier are
    no actors of their own."""
    for cl in persons:
        for m in list(cl.mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            pre = _premodifier(doc, span.start)
            if pre is not None:
                s_char = doc[pre].idx
                role_text = doc_text(doc)[s_char:m.start].strip()
                for other in [o for o in mentions if s_char <= o.start and o.end <= m.start
                              and o.kind != "person"]:
                    mentions.remove(other)
                m.context = role_text
                m.role = _trim_role(role_text, m.role)
            app = _apposition(doc, span)
            if app:
                a_start = doc_text(doc).find(app, m.end)
                if a_start >= 0:
                    a_end = a_start + len(app)
                    for other in [o for o in mentions if a_start <= o.start and o.end <= a_end
                                  and o.kind != "person"]:
                        mentions.remove(other)
                    appm = Mention(a_start, a_end, "apposition", app, role=app, source="appos",
                                   sent=m.sent)
                    mentions.append(appm)
                    _add(cl, appm)
                m.role = m.role or app
                if not cl.role or cl.role == m.role:
                    cl.role = app if not cl.role else cl.role
            if m.role and (not cl.role or len(m.role) > len(cl.role)):
                cl.role = m.role
            g = gz.gender_of(m.role or "")
            if g and not cl.gender:
                cl.gender = g


def _premodifier(doc: "Doc", start: int) -> Optional[int]:
    """First token of the title words before a name, if any."""
    i = start - 1
    first = None
    while i >= 0:
        t = doc[i]
        if t.is_punct and t.text not in (".", "-", "'s", "’s") or t.lower_ in ("the", "a", "an", "and", "by", "of", "to", "with", "for", "from", "that", "said", "says", "told"):
            break
        if t.pos_ not in ("PROPN", "NOUN", "ADJ", "PART", "PUNCT") and t.tag_ != "POS":
            break
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON"):
            break
        first = i
        i -= 1
    if first is None:
        return None
    # must contain a role word or a title to be a title
    words = doc[first:start].text
    if not (any(gz.role_word(t.text) for t in doc[first:start])
            or any(t.lower_ in TITLES and t.lower_ not in HONORIFICS for t in doc[first:start])):
        return None
    return first


def _trim_role(role_text: str, titles: Optional[str]) -> Optional[str]:
    """The role without a leading country or demonym: "U.S. President" → "President"."""
    text = role_text
    for m in gz.find_names(role_text):
        if m.start == 0 and m.name.category in (gz.COUNTRY, gz.DEMONYM, gz.CAPITAL):
            text = role_text[m.end:].lstrip(" '’s").strip()
            if text.startswith("s "):
                text = text[2:]
        break
    text = text.lstrip(" ,.;:!?—–-").rstrip(" ,")  # never the end of the sentence before
    if titles:
        text = f"{text} {titles}".strip() if text else titles
    return text or None


def _apposition(doc: "Doc", span) -> Optional[str]:
    """ "X, the head of ...," → "head of ..." """
    end = span.end
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1
    if doc[j].lower_ not in ("the", "a", "an") and gz.role_word(doc[j].text) is None \
            and not any(m.start == 0 for m in gz.find_names(doc[j].text)):
        return None
    k = j
    depth = 0
    while k < len(doc) and k - j < 40:
        t = doc[k]
        if t.text in (",", ";", "(", ")", "—", "–", "\n") or t.is_sent_end and k > j:
            if t.is_sent_end and t.text not in (",", ";"):
                k += 1 if not t.is_punct else 0
            break
        k += 1
    words = doc[j:k]
    if not any(gz.role_word(t.text) for t in words):
        return None
    s = j + (1 if doc[j].lower_ in ("the", "a", "an") else 0)
    return doc[s:k].text.strip() or None


# -- nominals and pronouns ---------------------------------------------------------

def _nominal_antecedent(m: Mention, clusters: list[Cluster]) -> Optional[Cluster]:
    """ "the spokeswoman" → the latest person whose role has that word; "the ministry" →
    the latest organisation whose name has it."""
    head = (m.head or "").lower()
    best = None
    for cl in clusters:
        before = [x.start for x in cl.mentions if x.start < m.start]
        if not before:
            continue
        if cl.kind == "person" and cl.role and m.kind == "nominal" and not m.plural:
            words = {w.lower().strip(",.") for w in cl.role.split()}
            words |= {(gz.role_word(w) and w.lower()) or "" for w in cl.role.split()}
            if head in words or head + "s" in words:
                if m.country and cl.country and m.country != cl.country:
                    continue
                if best is None or max(before) > best[0]:
                    best = (max(before), cl)
        elif cl.kind in ("organization",) and m.kind == "orgnominal" and head in cl.name().lower():
            if best is None or max(before) > best[0]:
                best = (max(before), cl)
    if best is None and cl_fallback_ok(m):
        # "the former Maryland governor" for the person just written about, who has no role
        recent = [(max(x.start for x in cl.mentions if x.start < m.start), cl) for cl in clusters
                  if cl.kind == "person" and not cl.role and cl.name_tokens
                  and any(x.start < m.start and m.sent - x.sent <= 2 for x in cl.mentions)]
        if recent:
            best = max(recent, key=lambda pair: pair[0])
    return best[1] if best else None


def cl_fallback_ok(m: Mention) -> bool:
    return m.kind == "nominal" and not m.plural and m.definite


def _resolve_pronouns(doc: "Doc", mentions: list[Mention], clusters: list[Cluster]) -> None:
    by_id = {id(c): c for c in clusters}
    sents = list(doc_sents(doc))
    for p in [m for m in mentions if m.kind == "pronoun"]:
        target = None
        if p.gender == "r":
            # "Trump, who said ...": the noun the relative clause hangs on
            tok = doc.char_span(p.start, p.end, alignment_mode="expand")
            noun = tok.root.head.head if tok is not None else None
            if noun is not None:
                owner = next((m for m in mentions if m.entity is not None
                              and m.start <= noun.idx < m.end), None)
                if owner is not None and owner.entity in by_id:
                    _add(by_id[owner.entity], p)
            continue
        for m in reversed([x for x in mentions if x.end <= p.start and x.entity is not None]):
            cl = by_id.get(m.entity)
            if cl is None:
                continue
            if p.sent - m.sent > 6:
                break
            if p.gender in ("m", "f") and not _same_clause(doc, m, p):
                if cl.kind == "person" and not m.plural and cl.gender in (None, p.gender):
                    target = cl
                    break
            if _same_clause(doc, m, p):
                continue
            elif p.gender == "p":
                if cl.kind == "group" or (cl.kind in ("organization",) and m.sent == p.sent):
                    target = cl
                    break
            elif p.gender == "n":
                if cl.kind in ("country", "organization", "location", "media") and p.sent - m.sent <= 1:
                    target = cl
                    break
        if target is None and p.gender in ("m", "f"):
            # no compatible person nearby: the latest compatible person before it at all
            for m in reversed([x for x in mentions if x.end <= p.start and x.entity is not None]):
                cl = by_id.get(m.entity)
                if cl is not None and cl.kind == "person" and cl.name_tokens \
                        and cl.gender in (None, p.gender):
                    target = cl
                    break
        if target is not None:
            _add(target, p)
            if p.gender in ("m", "f") and not target.gender:
                target.gender = p.gender
    _ = sents


def _same_clause(doc: "Doc", m: Mention, p: Mention) -> bool:
    """A non-reflexive pronoun does not refer to the subject of its own verb
    ("the government needs them")."""
    a = doc.char_span(m.start, m.end, alignment_mode="expand")
    b = doc.char_span(p.start, p.end, alignment_mode="expand")
    if a is None or b is None:
        return False
    return a.root.head.i == b.root.head.i and a.root.dep_.startswith("nsubj") \
        and b.root.dep_ in ("dobj", "obj", "pobj", "iobj")
