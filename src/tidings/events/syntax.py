"""Reading actors off the dependency parse: subjects (through control, conjunction,
participles and passives), argument phrases and their heads, target candidates and place
words.  Pure functions over spaCy tokens, used by :mod:`tidings.events.frames`."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Optional

from tidings.entities.doccache import doc_text, token_heads, token_strings
from tidings.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HasActor = Callable[[int, int], bool]
SUBJ = ("nsubj", "csubj")
BREAKS = {"(", ")", "-", "--", "—", "–", ":", ";", "[", "]"}
# an attack with no named perpetrator: "a roadside bombing killed ...", "killed by an IED"
WEAPON_NOUNS = {"bomb", "bombing", "explosion", "blast", "device", "ied", "mine", "minefield", "rocket",
                "missile", "shell", "grenade", "mortar", "attack", "car", "bomber", "landmine",
                "explosive", "shelling", "airstrike", "strike", "ambush", "suicide"}
OBJ = ("dobj", "attr", "oprd")
PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "them", "him",
            "us", "my", "me"}
FIRST_PERSON = {"we", "i", "our", "us", "my", "me"}


def _is_pronoun(tok: "Token") -> bool:
    """A personal pronoun ("US" the country is a proper noun, not "us")."""
    return tok.lower_ in PRONOUNS and tok.pos_ == "PRON"
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "around",
               "along", "over"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# nouns of action whose 'of'/'by' object is an actor ("the suppression of", "calls by")
EVENTIVE = {"withdrawal", "suppression", "call", "appeal", "offer", "proposal", "demand",
            "request", "invitation", "plan", "initiative", "decision", "resignation", "release",
            "arrest", "ban", "policy", "action", "attack", "refusal", "support", "deployment"}
STATEMENT_NOUNS = {"declaration", "statement", "letter", "resolution", "communique", "report",
                   "message", "note", "decree", "order", "ultimatum", "appeal", "call", "petition",
                   "speech", "interview", "proposal", "plan", "motion", "bill", "memo", "notice"}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
DEFAULT_TARGETS = ("dobj", "to", "on", "against", "with", "in")
# clause edges below which an action is not a plain event of the sentence
SKIP_DEPS = {"relcl"}
_TREE = "tidings.events.tree"


@dataclass
class Arg:
    """An actor phrase: its head token and view character range."""
    head: "Token"
    start: int
    end: int
    fallback: Optional["Arg"] = None  # for a pronoun: the speaker it most likely refers to
    core: Optional[tuple[int, int]] = None  # the head with its premodifiers
    country_of: bool = False  # stands for the country of the actor it names, not the actor

    @property
    def text(self) -> str:
        return doc_text(self.head.doc)[self.start:self.end]


# -- small helpers over the parse ---------------------------------------------------
def _lower(tok: "Token") -> str:
    return tok.lemma_.lower()


def _verb_lemmas(tok: "Token") -> list[str]:
    """The lemma, then forms made by stripping inflections off the word (the small
    model's lemmatizer errs: "staged" -> "stag")."""
    return list(_word_lemmas(tok.lower_, tok.lemma_))


@lru_cache(maxsize=8192)
def _word_lemmas(word: str, lemma: str) -> tuple[str, ...]:
    """:func:`_verb_lemmas` of a word and its lemma (the same words recur: computed once)."""
    out = [lemma.lower()]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    if len(word) > 4 and word[-3] == word[-4] and word.endswith(("ed", "ing")):
        out.append(word[: -3] if word.endswith("ed") else word[: -4])  # "stopped" -> "stop"
    return tuple(dict.fromkeys(out))


def _children(tok: "Token", *deps: str) -> list["Token"]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: "Token", preps: "set[str] | frozenset[str] | tuple[str, ...]") -> list["Token"]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative", "prt") and _lower(c) in preps:
            out.extend(_children(c, "pobj", "pcomp"))
        elif c.dep_ in ("prep", "prt", "advmod"):  # "pulled out of Georgia"
            for g in c.children:
                if g.dep_ == "prep" and _lower(g) in preps:
                    out.extend(_children(g, "pobj"))
        elif c.dep_ == "dative" and "to" in preps and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(c)
    return out


def _noun_words(tok: "Token") -> set[str]:
    words = {_lower(tok), tok.text.lower()}
    for p in _pobjs(tok, {"of"}):  # "thousands of refugees"
        words.add(_lower(p))
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            words.add(_lower(c))
            words.add(c.text.lower())
    return words


def _is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _in_skipped_clause(tok: "Token") -> bool:
    """Whether a token on the way from ``tok`` up to (not including) its root hangs by a
    dependency of SKIP_DEPS."""
    return _tree(tok.doc)[1][tok.i]


def _infinitive(tok: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _depth(tok: "Token") -> int:
    """The number of steps from ``tok`` up to its root."""
    return _tree(tok.doc)[0][tok.i]


def _tree(doc: "Doc") -> tuple[list[int], list[bool]]:
    """(depth, in a skipped clause) of every token, worked out once per document."""
    cached = doc.user_data.get(_TREE)
    if cached is not None:
        return cached
    heads = token_heads(doc)
    deps = token_strings(doc, "DEP")
    depth: list[int] = [-1] * len(heads)
    skipped: list[bool] = [False] * len(heads)
    for i in range(len(heads)):
        path = []
        cur = i
        while depth[cur] < 0 and heads[cur] != cur:
            path.append(cur)
            cur = heads[cur]
        if depth[cur] < 0:  # a root
            depth[cur], skipped[cur] = 0, False
        for j in reversed(path):  # from the known end back down to i
            h = heads[j]
            depth[j] = depth[h] + 1
            skipped[j] = deps[j] in SKIP_DEPS or skipped[h]
    doc.user_data[_TREE] = (depth, skipped)
    return depth, skipped


# -- arguments ----------------------------------------------------------------------
def _phrase_range(head: "Token") -> tuple[int, int]:
    """The head's subtree without relative clauses, conjuncts and trailing punctuation."""
    drop = set()
    for c in head.children:
        if c.dep_ in ("relcl", "conj", "cc", "advcl"):
            drop.update(t.i for t in c.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    # keep a contiguous run around the head
    lo = hi = head.i
    idx = {t.i for t in toks}
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = head.doc
    while hi > head.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _core_range(head: "Token") -> tuple[int, int]:
    """The head with its premodifiers ("US and British forces", "Lebanon's new President")."""
    lo = head.i
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod", "cc", "conj", "case", "punct"):
            lo = min(lo, c.left_edge.i)
    doc = head.doc
    # never across brackets, dashes or a dateline ("KYIV, March 3 (Reuters) - Russian drones")
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].text in BREAKS or doc[i].ent_type_ in ("DATE", "TIME"):
            lo = i + 1
            break
    return doc[lo].idx, head.idx + len(head)


def _redirect(h: "Token", lex: Lexicon) -> "Token":
    """"thousands of Kurds", "leaders of the coalition": the actor is the 'of' object."""
    for _ in range(2):
        of = _pobjs(h, {"of"})
        if (_lower(h) in lex.quantity_heads or h.lower_ in lex.quantity_heads) and of and \
                of[0].pos_ in ("PROPN", "NOUN"):
            h = of[0]
        else:
            break
    return h


def _args(head: Optional["Token"], lex: Lexicon) -> list[Arg]:
    if head is None:
        return []
    first = _redirect(head, lex)
    heads = [first] + [c for c in first.conjuncts if c.i > first.i and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ")]
    if first.i != head.i:
        heads += [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("PROPN", "NOUN", "PRON")]
    out = []
    for h in heads:
        h = _redirect(h, lex)
        if h.ent_type_ in NON_ACTOR_ENTS:
            continue
        s, e = _phrase_range(h)
        cs, ce = _core_range(h)
        out.append(Arg(h, s, e, core=(cs, ce)))
    return out


def _speaker_subject(tok: "Token", lex: Lexicon) -> Optional["Token"]:
    """Subject of the nearest verb of saying above ``tok``."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if _lower(cur) in lex.speech or _lower(cur) in lex.denied:
            subj = _children(cur, *SUBJ) or ([_subject(cur)] if _subject(cur) is not None else [])
            if subj:
                return subj[0]
            agent = _pobjs(cur, {"by"})
            if agent:
                return agent[0]
    return None


def _subject(tok: "Token") -> Optional["Token"]:
    """The (logical) subject of a verb, inherited through control, conjunction and
    adjectival complements."""
    cur = tok
    for _ in range(6):
        subj = _children(cur, *SUBJ)
        if subj:  # the one nearest the verb ("KYIV (Reuters) - Russian drones struck")
            before = [t for t in subj if t.i < cur.i]
            return before[-1] if before else subj[0]
        if _is_passive(cur):
            if cur.i != tok.i and tok.dep_ == "conj":
                subj = _children(cur, "nsubjpass")
                return subj[0] if subj else None
            agent = _pobjs(cur, {"by"})
            return agent[0] if agent else None
        if cur.dep_ == "acl" and _lower(cur.head) in STATEMENT_NOUNS and cur.head.head.i != cur.head.i:
            # "issued a declaration demanding ...": the issuer demands
            cur = cur.head.head
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            # "groups donated ...", "troops guarding the border": the modified noun acts;
            # "the demonstration staged by students": the agent does
            agent = _pobjs(cur, {"by"})
            if cur.tag_ == "VBN":
                return agent[0] if agent else None
            return cur.head
        if cur.dep_ in ("xcomp", "conj", "acomp", "advcl", "ccomp") and cur.head.i != cur.i:
            if cur.dep_ == "xcomp":
                objs = _children(cur.head, "dobj")
                if objs and objs[0].i < cur.i:
                    return objs[0]
            if cur.dep_ in ("advcl", "ccomp") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                return None
            cur = cur.head
            continue
        return None
    return None


def _source_args(verb: "Token", lex: Lexicon) -> list[Arg]:
    subj = _subject(verb)
    args = _args(subj, lex)
    for arg in args:
        if _is_pronoun(arg.head):
            speaker = _antecedent_subject(arg.head, verb)
            if speaker is not None and speaker.i != arg.head.i:
                fb = _args(speaker, lex)
                arg.fallback = fb[0] if fb else None
    return args


def _antecedent_subject(pron: "Token", verb: "Token") -> Optional["Token"]:
    """The nearest nominal subject of a clause above the pronoun's: the speaker in "Syria
    says it will ...", the bombers in "bombers killed 23 people when they blew ..."."""
    cur = verb
    while cur.head.i != cur.i:
        cur = cur.head
        subj = _subject(cur)
        if subj is None or subj.i == pron.i:
            continue
        if not _is_pronoun(subj) or pron.lower_ in FIRST_PERSON:
            # '"We will respond," he said': first person is the speaker, whoever "he" is
            return subj
    return None


def _choose_targets(cands: list["Token"], sources: list[Arg], lex: Lexicon,
                    has_actor: HasActor) -> tuple[list[Arg], bool]:
    """The first candidate phrase that holds a known actor (True), else the first
    candidate phrase (False)."""
    src = {a.head.i for a in sources}
    fallback: list[Arg] = []
    for tok in cands:
        if tok.i in src:
            continue
        args = [a for a in _args(tok, lex) if a.head.i not in src]
        if not args:
            continue
        good = [a for a in args if has_actor(a.start, a.end)]
        if good:
            return good, True
        if not fallback:
            fallback = args
    return fallback, False


DEEP_PREPS = {"against", "from", "by", "on", "with"}


def _deep_candidates(tok: "Token", sources: list[Arg]) -> list["Token"]:
    """Targets named further down the clause: "demonstrated ... calling for independence
    from Iraq", "staged demonstrations to demand reforms by Suharto's government"."""
    taken = {t.i for a in sources for t in a.head.subtree}
    cands = [t for t in tok.subtree if t.i not in taken and t.ent_type_ not in NON_ACTOR_ENTS and (
        (t.dep_ == "pobj" and _lower(t.head) in DEEP_PREPS) or (t.dep_ == "dobj" and t.head.i != tok.i))]
    return sorted(cands, key=lambda t: (_depth(t), t.i))


def _right_candidates(tok: "Token", sources: list[Arg]) -> list["Token"]:
    """Nouns after the trigger in its own clause, for a parse that hid the object
    ("kidnapped up to 16 Russian advisers", "granted asylum to five Panamanian officers
    holed up ...")."""
    taken = {t.i for a in sources for t in a.head.subtree}
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    blocked: set[int] = set()
    for t in verb.subtree:
        if t.dep_ in ("relcl", "ccomp", "parataxis") and t.i != verb.i:
            blocked.update(x.i for x in t.subtree)
    return [t for t in verb.subtree if tok.i < t.i <= tok.i + 12 and t.i not in taken and t.i not in blocked
            and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in NON_ACTOR_ENTS
            and t.dep_ not in ("compound", "amod", "npadvmod")]


PLACE_NOUNS = {"town", "city", "village", "region", "province", "capital", "district", "area",
               "sector", "neighborhood", "neighbourhood", "quarter", "part", "suburb",
               "state", "port", "camp", "suburb", "outskirts", "county", "island", "border"}


def _place_word(p: "Token") -> Optional["Token"]:
    if p.ent_type_ in PLACE_ENTS or (p.pos_ == "PROPN" and p.ent_type_ not in ("PERSON", "NORP")):
        return p
    if _lower(p) in PLACE_NOUNS:  # "near the town of Samarra", "the Iraqi city of Basra"
        named = [c for c in p.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named:  # "in Helmand province"
            return named[-1]
        of = _pobjs(p, {"of"})
        if of and of[0].pos_ == "PROPN":
            return of[0]
        if of:  # "a sector of mostly Christian eastern Beirut"
            return _place_word(of[0])
    return None


def _places(holders: list["Token"]) -> list["Token"]:
    out = []
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and _lower(c) in PLACE_PREPS:
                pobjs = _children(c, "pobj") + [g for x in c.children if x.dep_ == "prep"
                                                for g in _children(x, "pobj")]  # "outside of"
                out.extend(w for w in map(_place_word, pobjs) if w is not None)
    return out
