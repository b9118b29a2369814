"""Statements: quotes and reported speech, attributed to resolved speakers.

``run(analysis)`` returns ``list[Statement]``.  It combines

- :mod:`.rules`: attributions on the dependency parse (cue verb, its content clause, its
  subject as the source); :mod:`.nominal`: "according to X" and nouns of saying ("his
  claim that ...");
- :mod:`.quotes`: quote-mark pairing on the view text; quotes that the parse did not
  attach to a cue get a speaker from the frame around them (a dash attribution, "X:" before
  the quote, a verb of saying in the same sentence) or, for a floating quote paragraph,
  the speaker the article has been quoting (:mod:`.frames`);
- :mod:`.attribute`: the speaker's entity (entities layer, with pronouns resolved to the
  person the text last spoke of), the venue ("weekly briefing", "interview with ...",
  "cited by Interfax") and the date (time layer).

Cue verbs are picked by a small logistic-regression classifier over parse features
(:mod:`.cuemodel`, weights in ``model/cue_model.json``), trained on PolNeAR's train slice;
without the weights the lemma table ``data/statement_cues.json`` is used.  By default the
stage keeps statements (``attribute.build(..., scope="statements")``): what someone said,
wrote or claimed; ``scope="attributions"`` keeps every PolNeAR-style attribution, also
attitudes to a noun phrase ("endorsed Clinton"); a pipeline gets it with
``make_stage(scope="attributions")``.  It scores higher on PolNeAR but adds ~450
statements that a quote set does not hold (dev: PolNeAR 0.619 -> 0.642, quote proxy
F1@0.3 0.714 -> 0.732 with precision 0.843 -> 0.776, and the ``--speech`` quote proxy of
``bench/eval_quotes.py`` F1@0.3 0.814 -> 0.744), so it is not the default.

The default scope also leaves out, after ``build``, the attributions that a quote set does
not hold (:func:`keep`): beliefs and findings with no quoted words ("many Democrats believe
that ...", "strategists fear ...", "the poll found that ...", "data show ..."; the cue
words are ``not_statements`` in ``statement_cues.json``).  Measured on dev: the
``--speech`` quote proxy F1@0.3 0.8151 -> 0.8320 (precision 0.781 -> 0.813, recall
0.853 -> 0.852), at a cost on PolNeAR-style scores (PolNeAR 0.6204 -> 0.6061, the full
quote proxy 0.7148 -> 0.6986, whose gold holds the beliefs).  The held-out quote
measure is the one furthest from its target, so the default is set for it.  Three more
filters cost nothing on PolNeAR (dev 0.6061 -> 0.6059) and lift the ``--speech`` proxy
to 0.8373 (precision 0.823): the writer's own remarks with an expletive source ("it
seems that ...", "It is important to note that ..."), the reporter's question ("Asked
whether ..., he said") and a noun of saying that nobody is given as making ("the
suggestion that ...").  Last, one statement is kept where two paths found the same one
(:func:`_one_per_cue`; dev ``--speech`` 0.8383, PolNeAR 0.6062).  Together, on the
held-out slice (measured once): ``--speech`` proxy F1@0.3 0.8286 -> 0.8438 (precision
0.795 -> 0.824), PolNeAR 0.6306 -> 0.6224, full quote proxy 0.7080 -> 0.6973.
Then a quote that is a name or a label rather than said words: one short title-case quote
(:func:`_title`: "“Face the Nation,”", "“Never Trump”") or one or two quoted words with
no punctuation (:func:`_scare`: them "“rapists”", the "“Leave”" campaign); and a content
ends before a comma that opens another statement's participle cue
(:func:`_cut_at_nested`: "cautioned against X, saying Y").  Dev ``--speech`` 0.8383 ->
0.8417 (precision 0.825 -> 0.836, recall 0.852 -> 0.848), PolNeAR 0.6062 -> 0.6085, full
proxy 0.7020 -> 0.7032; held-out (measured once) ``--speech`` 0.8438 -> 0.8480 (precision
0.824 -> 0.836, recall 0.864 -> 0.861), PolNeAR 0.6224 -> 0.6233, full proxy 0.6973 ->
0.6995.
Then (issue 4, second round), on the parse side (:mod:`.rules`): "As The Post reported,
X" / "X, as Y suggested"; a cue the parser made a complement or conjunct of the clause
before its comma ("X thinks Y, Z said this week", "X, Kaine insisted Thursday"); two
clauses fronted before "he said"; a verb of saying with a that-clause is a cue even where
the classifier says no ("disingenuously claimed that ..."); a that-clause hung on the
setting noun ("stressing in his remarks that ..."); "apologized to X for Y" takes "for Y";
nested quotes of the other mark style (:mod:`.quotes`); and here, a statement that only
reports where a whole quoted statement was found ("“...,” X said, according to the
Tribune", :func:`_drop_reporting`), agentless passives ("was described as ...") and the
writer's imperatives and questions, and colon headlines of more than 30 words; then a
clause the parser split into two complements ("say they do | n't know ...") is one
content, a content ends before a participle cue after a quoted comma (:func:`_cut_at_nested`),
before "on condition of anonymity", and an "as"/"when" clause is not a content.  Dev
``--speech`` F1@0.3 0.8417 -> 0.8555 (P 0.836 -> 0.852, R 0.848 -> 0.859, lenient speaker
0.949 -> 0.944), full proxy 0.7032 -> 0.7139, PolNeAR 0.6087 -> 0.6123; held-out (measured
at the end) ``--speech`` 0.8480 -> 0.8539 (P 0.836 -> 0.843, R 0.861 -> 0.866, lenient
speaker 0.932 -> 0.931), full proxy 0.6995 -> 0.7036, PolNeAR 0.6234 -> 0.6247.
A quoted headline that a byline follows (:func:`_cited_headline`: a newsletter's “...,”
by Times' Michael Paulson) is a cited article, not a statement: dev ``--speech`` 0.8555 ->
0.8570 (6 statements fewer, all such headlines), PolNeAR 0.6123 -> 0.6127.
Tried and left out: refusals ("declined to comment", dev ``--speech`` +0.003, PolNeAR
-0.003; PolNeAR marks them and tests keep them) and every indirect statement with no
speaker (``--speech`` +0.0025, PolNeAR -0.0025); a content cut before a closing
", which ..." (dev ``--speech`` -1 match, PolNeAR -0.0006); the attributions scope for
cues of saying with a noun-phrase object (+29 matches for ~500 more statements); dropping
every statement whose content holds another (``--speech`` +0.004, PolNeAR -0.008); any
finite clause, not only a that-clause, overriding the classifier (``--speech`` -0.002);
dropping every indirect statement with a noun cue (+0.0002, PolNeAR -0.0005); with no
gain on dev, "X, CNN claimed, violates Y" parsed as a conjunct, a bare "X, he said." when
the parse hangs nothing on the cue, and cutting a trailing "even as ..." aside.

Evaluate (held-out/dev/train slices of PolNeAR by sha1 of the article)::

    .venv/bin/python bench/eval_statements.py --part heldout [--scope attributions] [--cues table]

Retrain: ``bench/eval_statements.py --part train`` (parses and caches the train slice),
then ``bench/learn_statement_cues.py`` (lemma table) and ``bench/train_statement_cues.py``
(classifier, about a minute of CPU).
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Optional

from tidings.analysis import Analysis
from tidings.data import load_json
from tidings.document import Statement
from tidings.stage import Stage
from tidings.statements.attribute import SCOPES, build

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.document import Span

log = logging.getLogger(__name__)

QUOTE_MARKS = "\"“”„«»"
_SKIP_DEPS = frozenset(("aux", "auxpass", "neg", "advmod", "det", "prep", "mark", "punct"))
_SKIP_LEMMAS = frozenset(("be", "have", "do", "will", "would", "can", "could", "may", "might", "should", "must"))


@lru_cache(maxsize=1)
def not_statement_lemmas() -> frozenset[str]:
    """Cue lemmas that make an attribution but not a statement (``statement_cues.json``,
    ``not_statements``): beliefs and findings, with their regular inflections."""
    table = load_json("statement_cues.json").get("not_statements", {})
    return frozenset(form for key, words in table.items() if not key.startswith("_") and key != "examples"
                     for w in words for form in _forms(w))


def _forms(lemma: str) -> set[str]:
    """A lemma and its regular inflections ("hope": hopes, hoped, hoping; "worry": worried)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


def _cue_span(analysis: Analysis, st: Statement) -> Optional[list["Token"]]:
    """The parsed tokens of a statement's cue, spaces left out (None for a cue-less quote)."""
    if st.cue is None:
        return None
    r = analysis.view.from_original_range(st.cue.start, st.cue.end)
    if r is None:
        return None
    span = analysis.parsed.char_span(r[0], r[1], alignment_mode="expand")
    return None if span is None else [tok for tok in span if not tok.is_space]


def _key_word(span: Optional[list["Token"]]) -> Optional["Token"]:
    if span is None:
        return None
    for tok in span:
        if tok.is_alpha and tok.dep_ not in _SKIP_DEPS and tok.lemma_.lower() not in _SKIP_LEMMAS:
            return tok
    return None


def cue_word(analysis: Analysis, st: Statement) -> Optional["Token"]:
    """The word that carries the cue's meaning: "refused" in "refused to concede", "think"
    in "don't think", "convinced" in "are convinced"."""
    return _key_word(_cue_span(analysis, st))


def _quoted(st: Statement) -> bool:
    return st.kind != "indirect" or any(ch in QUOTE_MARKS for c in st.content for ch in c.text)


def _belief(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """"many believe that ...", "the poll found that ...": a belief or a finding."""
    tok = _key_word(cue)
    if tok is None or _quoted(st):
        return False
    lemmas = not_statement_lemmas()
    return tok.lemma_.lower() in lemmas or tok.lower_ in lemmas


_EXPLETIVES = frozenset(("it", "that", "this"))
_NARRATOR_HEADS = frozenset(("be", "seem", "appear", "mean", "do"))


def _narrator(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """"it seems that ...", "It is important to note that ...", "it means admitting that
    ...": the writer's own remark, with an expletive for a source."""
    if cue is None or not len(cue) or st.kind != "indirect" or st.speaker is None:
        return False
    return st.speaker.text.lower() in _EXPLETIVES and cue[0].lemma_.lower() in _NARRATOR_HEADS


def _question(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """"Asked whether ..., he said", "When asked why ...": the participle's content is the
    reporter's question, not a statement."""
    if cue is None or not len(cue) or st.kind != "indirect":
        return False
    if len(cue) == 1 and cue[0].text == "Asked":
        return True
    first = st.content[0].text.split(maxsplit=1)[0].lower() if st.content and st.content[0].text.strip() else ""
    return st.speaker is None and cue[-1].lemma_.lower() == "ask" and cue[-1].tag_ == "VBN" \
        and first in _CLAUSE_WORDS and first != "that"


def _imperative(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """"Call it viral fundraising.", "Just ask Evan Bayh": the writer's imperative."""
    if cue is None or not len(cue) or st.kind != "indirect" or st.speaker is not None:
        return False
    tok = _key_word(cue)
    if tok is None or tok.tag_ != "VB":
        return False
    start = tok.sent.start
    return all(t.dep_ == "advmod" or t.is_space for t in tok.doc[start:tok.i])


def _unsourced(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """A reported statement that nobody made: no speaker in the text."""
    return st.kind == "indirect" and st.speaker is None


def _unsourced_noun(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """"the suggestion that ...", "complaints that ...": a noun of saying with nobody's
    claim attached."""
    tok = _key_word(cue)
    return _unsourced(st, cue) and tok is not None and tok.pos_ == "NOUN"


def _unsourced_passive(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """"was described as becoming newly serious", "were blamed for the riots", "is assured
    of winning": a passive cue with nobody given as saying it and no clause said."""
    if not _unsourced(st, cue) or cue is None or _quoted(st):
        return False
    if not any(tok.dep_ == "auxpass" for tok in cue):
        return False
    first = st.content[0].text.split(maxsplit=1)[0].lower() if st.content and st.content[0].text.strip() else ""
    return first not in _CLAUSE_WORDS


_TITLE_SMALL = frozenset(("a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by",
                          "from", "vs"))
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _title(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """“Hail, Caesar!”, “The Lead with Jake Tapper,”, “Never Trump”: a direct statement
    that is one short quote in title case is the name of a show, a book or a movement,
    not words someone said."""
    if st.kind != "direct" or len(st.content) != 1:
        return False
    words = _WORD.findall(st.content[0].text)
    if not words or len(words) > 6:
        return False
    return len(words) > 1 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def _scare(st: Statement, cue: Optional[list["Token"]]) -> bool:
    """called them “rapists”, the “Leave” campaign: a direct statement that is one or two
    quoted words with no punctuation is a scare quote or a label, not a statement
    ("“Absolutely,” she said", "“Never!”" stay)."""
    if st.kind != "direct" or len(st.content) != 1:
        return False
    body = st.content[0].text
    return len(_WORD.findall(body)) <= 2 and not any(ch in body for ch in ".!?,")


RULES = {"belief": _belief, "narrator": _narrator, "question": _question, "unsourced": _unsourced,
         "unsourced_noun": _unsourced_noun, "title": _title,
         "scare": _scare, "unsourced_passive": _unsourced_passive, "imperative": _imperative}
ENABLED = ("belief", "narrator", "question", "unsourced_noun", "title", "scare", "unsourced_passive", "imperative")


# after a quoted headline: ", by Times' Ben Sisario:", " by the New York Post's Amy Spencer"
_CITED_BY = re.compile(r"[\s,\"'”’]{0,4}by\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*(?:'s|’s|'|’)\s+[A-Z]"
                       r"|[\s,\"'”’]{0,4}by\s+[A-Z][\w-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+\s*(?::|http)")


def _cited_headline(analysis: Analysis, st: Statement) -> bool:
    """“Matthew Morrison is leaving ‘Neverland,’” by Times' Michael Paulson: a quote that
    a byline follows is the headline of a cited article (news roundups and newsletters
    list them), not words its subject said."""
    if st.kind != "direct" or len(st.content) != 1:
        return False
    return _CITED_BY.match(analysis.doc.text, st.content[0].end) is not None


def keep(analysis: Analysis, st: Statement) -> bool:
    """Whether a finished attribution is a statement a reader would call a quote: not a
    belief or a finding ("many believe that ...", "the poll found that ...") unless it
    quotes words, nor the writer's own remark ("it seems that ..."), nor a question put to
    the speaker ("Asked whether ..."), nor a passive that nobody is given as saying ("was
    described as ...").  ("declined to comment" stays: PolNeAR annotates it as an
    attribution.)"""
    cue = _cue_span(analysis, st)
    return not any(RULES[name](st, cue) for name in ENABLED) and not (CITED_HEADLINE and _cited_headline(analysis, st))


CITED_HEADLINE = True


_CLAUSE_WORDS = frozenset(("that", "whether", "if", "why", "what", "how", "who", "when", "where", "which"))


def _overlap(a: "Span", b: "Span") -> bool:
    return a.start < b.end and b.start < a.end


def _one_per_cue(statements: list[Statement]) -> list[Statement]:
    """One statement where two paths found the same one: cues that overlap and contents
    that overlap ("refusing | to concede that X" and "refusing to concede | that X").  The
    one whose content is a clause ("that X", "whether X") is kept, else the longer content
    ("declined | to comment on the lawsuit")."""
    def size(st: Statement) -> tuple[bool, int]:
        first = st.content[0].text.split(maxsplit=1)[0].lower() if st.content and st.content[0].text.strip() else ""
        return (first in _CLAUSE_WORDS, sum(c.end - c.start for c in st.content))

    drop: set[int] = set()
    for i, a in enumerate(statements):
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if i in drop or j in drop or a.cue is None or b.cue is None or not _overlap(a.cue, b.cue):
                continue
            if any(_overlap(x, y) for x in a.content for y in b.content):
                drop.add(j if size(a) >= size(b) else i)
    return [st for n, st in enumerate(statements) if n not in drop]


DEDUPE = True
CUT_NESTED = True
DROP_REPORTING = True


def _within(span: "Span", parts: "list[Span]") -> bool:
    return any(p.start <= span.start and span.end <= p.end for p in parts)


def _covers(b: Statement, a: Statement) -> bool:
    """Whether ``a``'s content opens with ``b`` (its words, speaker or cue, whichever comes
    first): "“...,” Bill Clinton said Monday in Cheyenne" as the content of "according to
    the Tribune"."""
    assert b.cue is not None and b.speaker is not None
    first = min([c.start for c in b.content] + [b.cue.start, b.speaker.start])
    gap = b.cue.start - b.speaker.end if b.speaker.end <= b.cue.start else b.speaker.start - b.cue.end
    # the speaker next to the cue ("Bill Clinton said", "said Kristen Day"): not a speaker
    # the parse got wrong somewhere inside the content
    return first - a.content[0].start <= LEAD and 0 <= gap <= LEAD + 1


LEAD = 2


def _drop_reporting(statements: list[Statement]) -> list[Statement]:
    """"“...,” said Kristen Day, reports USA Today", "“...,” Jamal Ware said in a
    statement, according to The Blaze": a statement whose content holds the whole of
    another one (its words, its cue and its speaker) only reports where that one was
    found; the quote is the speaker's, once."""
    quoted = [(b, min([c.start for c in b.content] + [b.cue.start, b.speaker.start]))
              for b in statements if b.cue is not None and b.speaker is not None and b.content
              and b.kind != "indirect"]
    if not quoted:
        return statements
    drop: set[int] = set()
    for n, a in enumerate(statements):
        if not a.content:
            continue
        start = a.content[0].start
        for b, first in quoted:
            # cheap bounds first: b opens where a's content opens
            if a is b or not 0 <= first - start <= LEAD:
                continue
            if _within(b.cue, a.content) and _within(b.speaker, a.content) \
                    and all(_within(c, a.content) for c in b.content) and _covers(b, a):
                drop.add(n)
                break
    return [st for n, st in enumerate(statements) if n not in drop]


_BREAKS = (",", "—", "--", ";", "–")


def _cut_at_nested(text: str, statements: list[Statement]) -> None:
    """"cautioned against drawing lessons from the vote, saying immigration was the
    problem", "that Trump represents “New York values,” stating during the debate that
    ...": where another statement's participle cue opens a clause right after a comma or a
    dash inside a content, that content ends before the break: what follows is the other
    statement, not part of this one.  (A nested attribution with no break, "said that Y
    told him Z", stays whole.)"""
    from tidings.document import Span

    for a in statements:
        for b in statements:
            if a is b or b.cue is None or not a.content:
                continue
            first = b.cue.text.split(maxsplit=1)[0] if b.cue.text.strip() else ""
            if not (first.endswith("ing") and first.islower()):
                continue
            cut = b.cue.start
            for n, c in enumerate(a.content):
                if not c.start < cut < c.end:
                    continue
                head = text[c.start:cut].rstrip()
                brk = next((p for p in _BREAKS if head.endswith(p)), None)
                if brk is None and head[-1:] in QUOTE_MARKS and head[:-1].rstrip().endswith(","):
                    # '... was "doing the right thing," suggesting ...': the comma inside the
                    # closing mark; the content keeps the quote whole
                    if len(head.split()) < 2:
                        break
                    a.content[n:] = [Span.of(text, c.start, c.start + len(head))]
                    break
                if brk is None or len(head[:-len(brk)].split()) < 2:
                    break
                end = c.start + len(head[:len(head) - len(brk)].rstrip())
                a.content[n:] = [Span.of(text, c.start, end)]
                break


def extract(analysis: Analysis, *, cues: str = "model", scope: str = "statements") -> list[Statement]:
    """The statements of one document (``attribute.build``, then, for the ``statements``
    scope, the precision filters of this module)."""
    out = build(analysis, cues=cues, scope=scope)
    if scope != "statements":
        return out
    kept = [st for st in out if keep(analysis, st)]
    if DEDUPE:
        kept = _one_per_cue(kept)
    if CUT_NESTED:
        _cut_at_nested(analysis.doc.text, kept)
    if DROP_REPORTING:
        kept = _drop_reporting(kept)
    for n, st in enumerate(kept, 1):
        st.id = f"s{n}"
    return kept


def run(analysis: Analysis) -> list[Statement]:
    return extract(analysis)


STAGE = Stage("statements", assigns="statements", requires=("entities", "times"), func=run)


def make_stage(*, scope: str = "statements") -> Stage:
    """The statements stage with another scope: ``make_stage(scope="attributions")`` also
    keeps attitudes towards a noun phrase (PolNeAR-style attributions).  Swap it into a
    pipeline's ``stages`` in place of :data:`STAGE`."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}")
    if scope == "statements":
        return STAGE
    return Stage("statements", assigns="statements", requires=STAGE.requires,
                 func=partial(build, scope=scope))
