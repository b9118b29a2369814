"""Mention finding over one parsed document (view offsets).

A :class:`Mention` is a candidate actor in the text: a named person, an organisation, a
country, a capital used as an actor, a group named by a role word ("officials", "Russian
military advisers"), a nominal ("the spokeswoman") or a pronoun.  Sources, in order of
trust: the gazetteer (:mod:`tidings.entities.gazetteer`), spaCy's named entities, noun
phrases headed by a role word, and personal pronouns.  Clustering is in
:mod:`tidings.entities.resolve`.
"""
from __future__ import annotations

import collections

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from tidings.entities import gazetteer as gz
from tidings.entities.names import (finite_verb_cut, in_body, known_name_cut, name_tokens,
                                     title_case_headline_end)
from tidings.entities.doccache import doc_sents, doc_text, tokens_with_pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

# titles that may stand inside a PERSON name span and are moved to the role
TITLES = frozenset("""mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof. president
premier minister senator sen. rep. gov. gen. general lt. col. colonel maj. capt. adm. sgt.
king queen prince princess emir sheikh sultan pope rev. father judge justice chancellor
ayatollah mayor governor ambassador secretary chairman leader commander marshal
""".split())

# heads of role phrases that name an organisation, not a person or a group of people
ORG_HEADS = frozenset({
    "ministry", "government", "company", "court", "army", "council", "committee", "agency",
    "party", "department", "administration", "parliament", "embassy", "cabinet", "military",
    "bank", "firm", "organization", "organisation", "alliance", "union", "regime", "police",
    "navy", "station", "newspaper", "network", "opposition", "legislature", "senate",
    "congress", "judiciary", "media", "authority", "authorities", "junta", "tribunal",
    "corporation", "business", "industry", "radio", "television", "tv", "broadcaster",
    "university", "school", "church", "mosque", "hospital", "militia", "force", "forces",
    "consulate", "delegation", "contingent", "battalion", "brigade", "airline", "daily",
    "news agency", "cabinet", "intelligence", "town", "village"})

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n",
            "who": "r"}
SPEECH = frozenset("""say tell add write claim note argue insist explain state announce warn
ask reply respond deny confirm acknowledge suggest recall tweet post declare predict
complain admit contend maintain assert""".split())

_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                   "her", "our", "some", "many", "several", "two", "three", "other", "both"})
_PREMOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "cc", "conj",
                          "punct", "npadvmod", "det", "quantmod", "appos"})


@dataclass
class Mention:
    start: int  # view offsets
    end: int
    kind: str  # person | organization | country | location | group | media | pronoun | nominal
    text: str
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    gender: Optional[str] = None  # m | f | p (plural) | n (neuter) | None
    name_tokens: tuple[str, ...] = ()
    head: Optional[str] = None  # lemma of the head role word of a nominal/group
    plural: bool = False
    definite: bool = False
    source: str = ""
    context: str = ""  # words around a person's name that code it ("U.S. President")
    sent: int = 0
    entity: Optional[int] = field(default=None, repr=False)

    def __eq__(self, other: object) -> bool:
        """The dataclass comparison of every field, stopping at the first that differs
        (mentions are compared on every list look-up: building two tuples of all the fields
        each time was slow)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        o: Mention = other  # type: ignore[assignment]
        return (self.start == o.start and self.end == o.end and self.kind == o.kind
                and self.text == o.text and self.country == o.country and self.sector == o.sector
                and self.role == o.role and self.gender == o.gender
                and self.name_tokens == o.name_tokens and self.head == o.head
                and self.plural == o.plural and self.definite == o.definite
                and self.source == o.source and self.context == o.context
                and self.sent == o.sent and self.entity == o.entity)


def _strip_possessive(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    """Token bounds without a trailing possessive 's and leading determiners."""
    while end > start and doc[end - 1].tag_ == "POS" or (end > start and doc[end - 1].text in ("'s", "’s", "'", "’")):
        end -= 1
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start, end


def _char_to_token(doc: "Doc", start: int, end: int) -> Optional["Span"]:
    return doc.char_span(start, end, alignment_mode="expand")


# role-table words for texts that speak for their authors ("the report said"): a statement's
# source, never a person
DOCUMENTS = frozenset({"statement", "report", "poll", "survey", "study", "email", "memo",
                       "document"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."})


def _person_name(doc: "Doc", span: "Span") -> tuple[int, int, list[str], Optional[str]]:
    """(start token, end token, title words, gender of an honorific) of a PERSON span
    without leading titles; an honorific just before the span counts too."""
    s, e = _strip_possessive(doc, span.start, span.end)
    titles: list[str] = []
    gender = None
    while s < e - 1 and (doc[s].lower_ in TITLES or doc[s].lower_ in HONORIFICS
                         or gz.role_word(doc[s].text) is not None
                         or any(m.start == 0 and m.name.category in (gz.DEMONYM, gz.COUNTRY)
                                for m in gz.find_names(doc[s].text))):
        if doc[s].lower_ in HONORIFICS:
            gender = gz.gender_of(doc[s].text)
        else:
            titles.append(doc[s].text)
        s += 1
    if s > 0 and doc[s - 1].lower_ in HONORIFICS:
        gender = gz.gender_of(doc[s - 1].text)
    return s, e, titles, gender


def find_mentions(doc: "Doc") -> list[Mention]:
    text = doc_text(doc)
    sent_of = _sentence_index(doc)
    out: list[Mention] = []
    taken = [False] * len(text)

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(m: Mention) -> None:
        for i in range(m.start, m.end):
            taken[i] = True
        m.sent = sent_of(m.start)
        out.append(m)

    # 1. PERSON entities (names), titles moved to the role; an ORG span that begins with
    #    a name spaCy tags PERSON elsewhere and runs on into a Title Case headline's verb
    #    ("Bernie Sanders Promises Action On Immigration In") is that person
    ents = doc.ents  # spaCy builds every entity's Span on each access: read them once
    person_texts = collections.Counter(ent.text for ent in ents if ent.label_ == "PERSON")
    for ent in ents:
        if ent.label_ == "ORG":
            cut = finite_verb_cut(doc, ent.start, ent.end)
            if cut == ent.end or doc[ent.start:cut].text not in person_texts:
                continue
            ent = doc[ent.start:cut]
        elif ent.label_ != "PERSON":
            continue
        inner = list(gz.find_names(ent.text))
        if inner and inner[0].start == 0 and inner[0].end >= len(ent.text.rstrip("’'s")) \
                and inner[0].name.category not in (gz.PERSON,):
            continue  # "Kremlin" tagged as a person: leave it to the gazetteer
        s, e, titles, honorific = _person_name(doc, ent)
        # a name holds no finite verb: Title Case headlines make spaCy run a name on into
        # the verb after it ("Mark-Viverito Backs", "Joe Biden Meets Xi Jinping")
        e = finite_verb_cut(doc, s, e)
        e = known_name_cut(doc, s, e, person_texts)
        if s >= e:
            continue
        span = doc[s:e]
        if not any(t.is_alpha and t.text[0].isupper() for t in span):
            continue
        take(Mention(span.start_char, span.end_char, "person", span.text,
                     role=" ".join(titles) or None,
                     gender=honorific or gz.gender_of(" ".join(titles)),
                     name_tokens=name_tokens(span),
                     source="ner"))

    # 2. gazetteer names (countries, capitals, institutions, media, leaders, demonyms)
    for m in gz.find_names(text):
        if m.name.category == gz.NONE or not free(m.start, m.end):
            continue
        if m.name.category == gz.PERSON:
            span = _char_to_token(doc, m.start, m.end)
            toks = tuple(t.text for t in span) if span is not None else (m.name.text,)
            take(Mention(m.start, m.end, "person", text[m.start:m.end], m.name.country,
                         m.name.sector, name_tokens=toks, source="gazetteer"))
            continue
        kind = m.name.kind
        if m.name.category == gz.DEMONYM:
            kind = "demonym"  # decided below: a group phrase, or dropped as a modifier
        take(Mention(m.start, m.end, kind, text[m.start:m.end], m.name.country,
                     m.name.sector, source=m.name.category))

    # 3. other named organisations and places spaCy found
    head_end = title_case_headline_end(text)
    for ent in ents:
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            continue
        s, e = _strip_possessive(doc, ent.start, ent.end)
        if s < e and doc[s:e].end_char <= head_end:
            e = finite_verb_cut(doc, s, e)  # "European Free Trade Association Offers To ..."
        if ent.label_ in ("ORG", "FAC") and s < e and doc[s:e].end_char <= head_end \
                and free(doc[s].idx, doc[e - 1].idx + 1) \
                and not in_body(doc[s:e], text, head_end):
            continue  # a Title Case headline makes any run of words look like a name
            # ("Iceland Will [Keep Coast Guard Ships] Near ..."): only names the body repeats
        # a name never ends in a finite verb: Title Case headlines make spaCy tag
        # "Reykjavik Says" as one organisation
        while e > s and (doc[e - 1].tag_ in ("VBZ", "VBD", "VBP") or doc[e - 1].is_space):
            e -= 1
        if s >= e:
            continue
        span = doc[s:e]
        cs, ce = span.start_char, span.end_char
        if not free(cs, ce):
            # a longer organisation name around a gazetteer name: "the Russian Foreign
            # Ministry", "the Federation Council's international affairs committee"
            inner = [m for m in out if cs <= m.start and m.end <= ce and m.kind != "person"]
            covered_by_person = any(m.start <= cs and ce <= m.end for m in out)
            if (ent.label_ == "ORG" and inner and not covered_by_person
                    and not any(m.kind == "person" and m.start < ce and cs < m.end for m in out)
                    and (ce - cs) > max(m.end - m.start for m in inner)):
                for m in inner:
                    out.remove(m)
                    for i in range(m.start, m.end):
                        taken[i] = False
                country, sector = gz.code_actor(span.text)
                kind = "media" if any(m.kind == "media" for m in inner) else "organization"
                take(Mention(cs, ce, kind, span.text, country, sector, source="ner+gazetteer"))
            continue
        if ent.label_ == "NORP":
            # an unknown group adjective ("Bolivarian") or a mis-tagged name: resolved later
            take(Mention(cs, ce, "norp", span.text, source="ner"))
            continue
        country, sector = gz.code_actor(span.text)
        kind = {"ORG": "organization", "GPE": "location", "FAC": "location",
                "LOC": "location"}[ent.label_]
        if country is None and ent.label_ == "GPE":
            country = gz.city_country(span.text)
        take(Mention(cs, ce, kind, span.text, country, sector if kind != "location" else None,
                     source="ner"))

    # 4. noun phrases headed by a role word: groups, nominals and demonym groups
    for tok in tokens_with_pos(doc, "NOUN", "PROPN"):
        if taken[tok.idx]:
            # a generic institution word ("parliament", "Foreign Ministry") heads a phrase
            # that may tell whose it is: "the Azerbaijani parliament"
            generic = next((m for m in out if m.start <= tok.idx < m.end), None)
            if generic is None or generic.country is not None or generic.source != gz.INSTITUTION \
                    or generic.end != tok.idx + len(tok):
                continue
            _remove(out, taken, generic)
        info = gz.role_word(tok.text)
        if info is None:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and gz.role_key(tok.text) in DOCUMENTS:
            continue  # "in a statement", "in a report": where it was said, not who said it
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
            continue  # a premodifier of a larger phrase ("opposition leader", "[military] base")
        if tok.dep_ in ("attr", "oprd", "acomp") or tok.pos_ == "ADJ":
            continue  # a predicate ("declared himself interim president"), not an actor
        if _is_person_premodifier(tok):
            continue
        start = _left_edge(tok)
        if start > 0 and doc[start - 1].lower_ in ("himself", "herself", "themselves", "itself", "as"):
            continue  # "declared himself interim president", "served as minister"
        s_char = doc[start].idx
        e_char = tok.idx + len(tok)
        inner = [m for m in out if s_char <= m.start and m.end <= e_char]
        if any(m.kind == "person" for m in inner):
            continue
        phrase = text[s_char:e_char]
        definite = start > 0 and doc[start - 1].lower_ in ("the", "this", "that") \
            or doc[start].lower_ in ("the", "this", "that")
        if doc[start].lower_ in _DETS:
            start += 1
            s_char = doc[start].idx
            phrase = text[s_char:e_char]
        pos = next((t.i for t in doc[start:tok.i] if t.tag_ == "POS"), None)
        if pos is not None and not any(m.country for m in inner if m.end <= doc[pos].idx):
            # "the Latin American country's legitimate government": the possessor tells
            # nothing, so the phrase starts after it
            start = pos + 1
            s_char = doc[start].idx
            phrase = text[s_char:e_char]
            inner = [m for m in inner if m.start >= s_char]
        if not phrase:
            continue
        # "president of Armenia", "the town of Gorazde": a country in an of-phrase
        of_end = _of_country(doc, tok, out)
        if of_end is not None:
            e_char = of_end
            phrase = text[s_char:e_char]
            inner = [m for m in out if s_char <= m.start and m.end <= e_char]
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("men")
        lemma = gz.role_key(tok.text) or tok.lemma_.lower()
        coded = [m for m in inner if m.country]
        countries = list(dict.fromkeys(m.country for m in coded))
        if len(countries) > 1 and _coordinated(doc, tok, coded):
            # "Hungarian and Romanian officials": one group per country
            for m in coded[:-1]:
                _remove(out, taken, m)
                _, sector = gz.code_actor(phrase)
                take(Mention(m.start, m.end, "group", m.text, m.country, sector, head=lemma,
                             plural=True, source="role"))
            last = coded[-1]
            for m in inner:
                if m in out:
                    _remove(out, taken, m)
            _, sector = gz.code_actor(phrase)
            take(Mention(last.start, e_char, "group", text[last.start:e_char], last.country,
                         sector, head=lemma, plural=True, source="role"))
            continue
        for m in inner:
            _remove(out, taken, m)
        if not free(s_char, e_char):
            continue
        country, sector = gz.code_actor(phrase)
        if doc[start].lower_ in ("ethnic", "ethnically"):
            country = None
        if lemma in ORG_HEADS or tok.lower_ in ORG_HEADS:
            kind = "orgnominal"
        else:
            kind = "group" if plural else "nominal"
        take(Mention(s_char, e_char, kind, phrase, country,
                     sector, role=phrase if kind == "nominal" else None,
                     gender=info[2] if kind == "nominal" else ("p" if plural else "n"), head=lemma,
                     plural=plural, definite=definite, source="role"))

    # 5. demonyms left over: an actor when used as a noun ("the Russians"), else dropped
    for m in list(out):
        if m.kind != "demonym":
            continue
        span = _char_to_token(doc, m.start, m.end)
        if span is None:
            _remove(out, taken, m)
            continue
        if _ethnic(doc, span.start):
            m.country = None  # "ethnic Albanians" in Macedonia are no Albanian actor
        if span.root.dep_ not in ("amod", "compound", "nmod", "conj") or span.root.head.i < span.root.i:
            m.kind, m.plural, m.gender = "group", m.text.endswith("s"), "p"
            continue
        # "Israeli air raids", "an Indian proposal": the phrase up to the noun it modifies
        head = span.root.head
        if head.pos_ not in ("NOUN", "PROPN") or head.i - span.end > 4:
            _remove(out, taken, m)
            continue
        end = head.idx + len(head)
        _remove(out, taken, m)
        for other in [o for o in out if o.kind == "norp" and m.start <= o.start and o.end <= end]:
            _remove(out, taken, other)  # "Iraqi Kurds": one group
        if not free(m.start, end):
            continue
        phrase = text[m.start:end]
        _, sector = gz.code_actor(phrase)
        hkey = gz.role_key(head.text) or head.lemma_.lower()
        take(Mention(m.start, end, "orgnominal" if hkey in ORG_HEADS else "group", phrase,
                     m.country, sector, head=hkey,
                     plural=head.tag_ in ("NNS", "NNPS"), gender="p", source="demonym"))

    # 5b. group names spaCy calls NORP used as nouns: "Republicans said", "Hispanics"
    for m in out:
        if m.kind != "norp":
            continue
        span = _char_to_token(doc, m.start, m.end)
        if span is not None and span.root.pos_ in ("PROPN", "NOUN") \
                and span.root.dep_ not in ("amod", "compound", "nmod") and m.text.endswith("s"):
            m.kind, m.plural, m.gender = "group", True, "p"
            m.head = gz.role_key(span.root.text) or span.root.lemma_.lower()

    # 6. a capitalised word that speaks is a person even when spaCy missed the name:
    #    "Chatwal said", "Pate told reporters"
    for tok in tokens_with_pos(doc, "PROPN"):
        if taken[tok.idx] or not tok.dep_.startswith("nsubj") \
                or tok.head.lemma_ not in SPEECH or not tok.text[:1].isupper() \
                or tok.ent_type_ in ("DATE", "TIME", "ORG", "GPE", "NORP", "LOC", "FAC"):
            continue
        left = tok.i
        while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ == "compound" \
                and not taken[doc[left - 1].idx]:
            left -= 1
        span = doc[left:tok.i + 1]
        take(Mention(span.start_char, span.end_char, "person", span.text,
                     name_tokens=tuple(t.text for t in span), source="speaker"))

    # 7. pronouns
    for tok in tokens_with_pos(doc, "PRON"):
        g = PRONOUNS.get(tok.lower_)
        if g is None or taken[tok.idx]:
            continue
        if tok.lower_ == "her" and tok.tag_ == "PRP$":
            continue
        if g == "r" and not (tok.head.dep_ == "relcl" and tok.head.head.i < tok.i):
            continue
        if g == "n" and not (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ != "be"
                             and tok.head.pos_ == "VERB" and not _quoted(doc, tok.idx)):
            continue
        take(Mention(tok.idx, tok.idx + len(tok), "pronoun", tok.text, gender=g,
                     plural=g == "p", source="pronoun"))

    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _ethnic(doc: "Doc", i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in ("ethnic", "ethnically")


def _quoted(doc: "Doc", char: int) -> bool:
    """Whether ``char`` sits inside a quotation in its paragraph (odd count of quotes)."""
    text = doc_text(doc)
    para = text.rfind("\n\n", 0, char) + 1
    before = text[para:char]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def _remove(out: list[Mention], taken: list[bool], m: Mention) -> None:
    if m in out:
        out.remove(m)
        for i in range(m.start, m.end):
            taken[i] = False


def _sentence_index(doc: "Doc"):
    starts = [s.start_char for s in doc_sents(doc)]
    import bisect

    def index(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)
    return index


def _is_person_premodifier(tok: "Token") -> bool:
    """A role word that is part of a person's title: "spokeswoman" in "Foreign Ministry
    spokeswoman Maria Zakharova"."""
    head = tok.head
    return tok.dep_ in ("compound", "amod", "nmod") and head.ent_type_ == "PERSON" \
        and head.i > tok.i


def _left_edge(tok: "Token") -> int:
    """The first token of the contiguous premodifiers of ``tok`` (determiner included)."""
    start = tok.i
    doc = tok.doc
    i = tok.i - 1
    while i >= 0:
        t = doc[i]
        # the token's syntactic path up to ``tok`` must stay left of it
        h, ok = t, False
        for _ in range(8):
            if h.i == tok.i:
                ok = True
                break
            if h.head.i == h.i or h.head.i > tok.i or h.head.i < tok.i - 10:
                break
            h = h.head
        if not ok or t.dep_ not in _PREMOD_DEPS or t.text in (",", ";", "(", ")", "—", "–"):
            break
        if t.dep_ == "punct" and t.text not in ("-",):
            break
        start = i
        i -= 1
    return start


def _of_country(doc: "Doc", tok: "Token", out: list[Mention]) -> Optional[int]:
    """End char of "of <country>" right after ``tok`` when it names a coded place."""
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
        return None
    nxt = doc[tok.i + 2]
    if nxt.lower_ == "the" and tok.i + 3 < len(doc):
        nxt = doc[tok.i + 3]
    for m in out:
        if m.start == nxt.idx and m.country and m.kind in ("country", "location", "organization"):
            return m.end
    return None


def _coordinated(doc: "Doc", head: "Token", coded: list[Mention]) -> bool:
    """Two coded modifiers joined by and/or/comma: "U.S. and Russian negotiators"."""
    for a, b in zip(coded, coded[1:]):
        between = doc_text(doc)[a.end:b.start].strip().lower()
        if between not in ("and", ",", "or", ", and", "-"):
            return False
    return True
