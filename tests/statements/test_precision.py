"""Precision of the statements scope: beliefs and findings are attributions but not
statements (a quote set does not hold them); what was said stays."""
from __future__ import annotations

import copy

import pytest

from tidings.data import load_json
from tidings.statements import make_stage, not_statement_lemmas

ARTICLE = (
    "Senators Split on Budget Deal\n\n"
    "The finance minister, Anna Berg, said on Monday that the budget would be balanced by 2027.\n\n"
    "Many economists believe that the deficit will keep growing for years.\n\n"
    "A poll by the Nordic Institute found that 60 percent of voters oppose the cuts.\n\n"
    "Berg told reporters she was confident the plan would pass.\n\n"
    "“I believe this is the only responsible budget,” Berg said.\n"
)


def _contents(result) -> list[str]:
    return [" ".join(c.text for c in st.content) for st in result.statements]


@pytest.fixture(scope="module")
def result(pipeline):
    return next(iter(pipeline.extract_many([{"id": "budget", "text": ARTICLE}])))


def test_speech_is_kept(result):
    contents = _contents(result)
    assert any("budget would be balanced by 2027" in c for c in contents)
    assert any("she was confident the plan would pass" in c for c in contents)


def test_belief_and_finding_are_dropped(result):
    contents = " || ".join(_contents(result))
    assert "deficit will keep growing" not in contents
    assert "60 percent of voters" not in contents


def test_a_quoted_belief_stays(result):
    assert any("only responsible budget" in c for c in _contents(result))


def test_ids_stay_consecutive(result):
    assert [st.id for st in result.statements] == [f"s{n}" for n in range(1, len(result.statements) + 1)]


def test_attributions_scope_keeps_beliefs(pipeline):
    pipe = copy.copy(pipeline)
    pipe.stages = [make_stage(scope="attributions") if st.name == "statements" else st for st in pipeline.stages]
    res = next(iter(pipe.extract_many([{"id": "budget", "text": ARTICLE}])))
    assert any("deficit will keep growing" in c for c in _contents(res))


def test_table_examples_and_inflections():
    table = load_json("statement_cues.json")["not_statements"]
    words = not_statement_lemmas()
    for ex in table["examples"]:
        verb = next(w for w in ex["text"].lower().replace(".", "").split() if w in words or w in {"said"})
        assert (verb in words) is (not ex["statement"]), ex
    assert {"hoping", "worried", "thinks", "found", "knew"} <= words
    assert not {"said", "told", "claimed", "warned"} & words


REMARKS = (
    "Council Weighs Library Closure\n\n"
    "It seems that the council has already made up its mind about the library.\n\n"
    "Asked whether the branch would reopen, the mayor said the decision was final.\n\n"
    "The suggestion that the building could be sold angered residents.\n\n"
    "It is important to note that the library has lost half its visitors since 2019.\n\n"
    "Her spokesman said the mayor regretted the closure.\n"
)


@pytest.fixture(scope="module")
def remarks(pipeline):
    return next(iter(pipeline.extract_many([{"id": "remarks", "text": REMARKS}])))


def test_the_writers_remarks_and_the_reporters_question_are_not_statements(remarks):
    contents = " || ".join(_contents(remarks))
    assert "made up its mind" not in contents  # it seems that ...
    assert "lost half its visitors" not in contents  # It is important to note that ...
    assert "whether the branch would reopen" not in contents  # Asked whether ...
    assert "could be sold" not in contents  # a suggestion nobody made


def test_what_the_mayor_and_the_spokesman_said_stays(remarks):
    said = {(st.speaker.text if st.speaker else None, " ".join(c.text for c in st.content))
            for st in remarks.statements}
    assert ("the mayor", "the decision was final") in said
    assert ("Her spokesman", "the mayor regretted the closure") in said


@pytest.mark.parametrize("text, cue, content", [
    ("The governor spent the week refusing to concede that the strike had hurt the economy.",
     "refusing to concede", "that the strike had hurt the economy"),
    ("His lawyers declined to comment on whether the senator would resign.",
     "declined to comment on", "whether the senator would resign"),
])
def test_one_statement_where_two_paths_found_it(pipeline, text, cue, content):
    # the cue verb with its infinitive as content, and the verb chain with the clause:
    # one statement, the fuller cue
    res = next(iter(pipeline.extract_many([{"id": "t", "text": text}])))
    assert len(res.statements) == 1, [(s.cue and s.cue.text) for s in res.statements]
    st = res.statements[0]
    assert st.cue.text.endswith(cue)
    assert [c.text for c in st.content] == [content]


TITLES = (
    "Her husband, who hosted “The Lead with Jake Tapper,” for a year, stayed home.",
    "Fans of ''Hail, Caesar!'' lined up outside the cinema on Friday.",
    "The “Never Trump” movement met in Cleveland.",
)


@pytest.mark.parametrize("text", TITLES)
def test_a_title_in_quote_marks_is_not_a_statement(text):
    from tidings.document import Span, Statement
    from tidings.statements import _title

    start = min(i for i in (text.find("“"), text.find("''")) if i >= 0)
    end = max(text.rfind("”"), text.rfind("''")) + (1 if text.rfind("”") > text.rfind("''") else 2)
    st = Statement(id="s1", kind="direct", content=[Span.of(text, start, end)])
    assert _title(st, None)


@pytest.mark.parametrize("quote", ["“We will not back down,”", "“Nusra is Al Qaeda,”", "“Absolutely.”"])
def test_said_words_are_not_titles(quote):
    from tidings.document import Span, Statement
    from tidings.statements import _title

    text = f"{quote} the minister said."
    st = Statement(id="s1", kind="direct", content=[Span.of(text, 0, len(quote))])
    assert not _title(st, None)


def test_a_title_in_an_article_gives_no_statement(pipeline):
    text = ("The senator appeared on “Face the Nation,” on Sunday.\n\n"
            "“We will not back down,” the senator said.\n")
    res = next(iter(pipeline.extract_many([{"id": "title", "text": text}])))
    contents = _contents(res)
    assert not any("Face the Nation" in c for c in contents)
    assert any("We will not back down" in c for c in contents)


def test_cut_at_a_participle_statement_after_a_comma():
    from tidings.document import Span, Statement
    from tidings.statements import _cut_at_nested

    text = ("The governor cautioned against reading too much into the vote, saying turnout "
            "was the real problem.")
    content = "reading too much into the vote, saying turnout was the real problem"
    c0 = text.index(content)
    outer = Statement(id="s1", kind="indirect", cue=Span.of(text, text.index("cautioned"), text.index(" reading")),
                      content=[Span.of(text, c0, c0 + len(content))])
    s = text.index("saying")
    inner = Statement(id="s2", kind="indirect", cue=Span.of(text, s, s + len("saying")),
                      content=[Span.of(text, s + 7, len(text) - 1)])
    _cut_at_nested(text, [outer, inner])
    assert [c.text for c in outer.content] == ["reading too much into the vote"]
    assert inner.content[0].text == "turnout was the real problem"


def test_a_nested_attribution_without_a_break_stays_whole():
    from tidings.document import Span, Statement
    from tidings.statements import _cut_at_nested

    text = "The mayor said that aides were telling him the budget was safe."
    c0 = text.index("that")
    outer = Statement(id="s1", kind="indirect", cue=Span.of(text, text.index("said"), text.index("said") + 4),
                      content=[Span.of(text, c0, len(text) - 1)])
    t = text.index("telling")
    inner = Statement(id="s2", kind="indirect", cue=Span.of(text, t, t + len("telling")),
                      content=[Span.of(text, text.index("the budget"), len(text) - 1)])
    _cut_at_nested(text, [outer, inner])
    assert outer.content[0].text == "that aides were telling him the budget was safe"


@pytest.mark.parametrize("quote, scare", [("“rapists”", True), ("“religious liberty”", True),
                                          ("“Absolutely,”", False), ("“Never!”", False),
                                          ("“It’s unanimous,”", False), ("“We will win this”", False)])
def test_a_scare_quote_is_not_a_statement(quote, scare):
    from tidings.document import Span, Statement
    from tidings.statements import _scare

    text = f"He called it {quote} again."
    start = text.index(quote)
    st = Statement(id="s1", kind="direct", content=[Span.of(text, start, start + len(quote))])
    assert _scare(st, None) is scare


def test_scare_quotes_in_an_article_give_no_statement(pipeline):
    text = ("The mayor called the protesters “vandals” and said the “reforms” would wait.\n\n"
            "“We will not give in,” the mayor said on Tuesday.\n")
    res = next(iter(pipeline.extract_many([{"id": "scare", "text": text}])))
    contents = _contents(res)
    assert not any(c in ("“vandals”", "“reforms”") for c in contents)
    assert any("We will not give in" in c for c in contents)


def test_a_quoted_headline_with_a_byline_is_a_cited_article_not_a_statement(pipeline):
    # a newsletter's reading list: each quote is the headline of an article, then its byline
    text = ("Morning Roundup\n\n"
            "“We are running out of time,” the mayor, Rosa Delgado, told reporters on Monday.\n\n"
            "—“City council weighs a ban on leaf blowers,” by the Daily Ledger’s Ana Ruiz: "
            "http://example.com/a.\n\n"
            "—“Museum names a new director after a long search,” by Times' Paul Okafor: http://example.com/b.\n\n"
            "“The ban would cost landscapers their livelihoods,” said Mark Ellis, who runs a lawn service, "
            "by phone on Tuesday.\n")
    res = next(iter(pipeline.extract_many([{"id": "roundup", "text": text}])))
    contents = _contents(res)
    assert not any("leaf blowers" in c or "new director" in c for c in contents)
    # a quote followed by "by" that is no byline stays
    assert any("cost landscapers their livelihoods" in c for c in contents)
