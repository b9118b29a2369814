"""Reported speech that the parse hangs unusually: "as X reported, Y", a cue the parser made
a complement of the clause before it, and two clauses fronted before "he said"."""
from __future__ import annotations

import pytest

ARTICLE = (
    "Council Weighs Transit Levy\n\n"
    "As the Halifax Examiner reported, even if the council approved the levy, the buses would "
    "not run before 2028.\n\n"
    "The route is only a stopgap, as the mayor's chief of staff suggested after the vote.\n\n"
    "Mayor Olivia Chow thinks the city requires too many permits for food trucks, former Mayor "
    "John Tory said this week at an event in Scarborough.\n\n"
    "The amount of debt an average apprentice has is affordable -- but then there are the "
    "outliers, she said.\n\n"
    "As she spoke, the crowd in the gallery went quiet.\n"
)


@pytest.fixture(scope="module")
def result(pipeline):
    return next(iter(pipeline.extract_many([{"id": "levy", "text": ARTICLE}])))


def _by_cue(result, cue: str):
    found = [st for st in result.statements if st.cue is not None and st.cue.text == cue]
    assert found, f"no statement with cue {cue!r}: {[st.cue.text if st.cue else None for st in result.statements]}"
    return found[0]


def test_as_reported_fronted(result):
    st = _by_cue(result, "reported")
    assert st.speaker is not None and st.speaker.text == "the Halifax Examiner"
    text = " ".join(c.text for c in st.content)
    assert text.startswith("even if the council approved the levy")
    assert text.endswith("would not run before 2028")
    assert "As" not in text.split()


def test_as_suggested_trailing(result):
    st = _by_cue(result, "suggested")
    assert [c.text for c in st.content] == ["The route is only a stopgap"]
    assert st.speaker is not None and st.speaker.text.endswith("chief of staff")


def test_cue_hung_on_the_clause_before(result):
    st = _by_cue(result, "said")
    # the parser makes "said" a complement of "thinks": the belief is what Tory said
    assert [c.text for c in st.content] == ["Mayor Olivia Chow thinks the city requires too many permits for food trucks"]
    assert st.speaker is not None and "John Tory" in st.speaker.text


def test_two_fronted_clauses(result):
    contents = [" ".join(c.text for c in st.content) for st in result.statements]
    assert "The amount of debt an average apprentice has is affordable -- but then there are the outliers" in contents


def test_as_of_time_is_not_a_statement(result):
    contents = " || ".join(" ".join(c.text for c in st.content) for st in result.statements)
    assert "went quiet" not in contents


@pytest.mark.parametrize("text, speaker, content", [
    ("Years after Brian Mulroney disingenuously claimed that the era of big deficits was over, "
     "Jean Chrétien won his party's nomination.",
     "Brian Mulroney", "that the era of big deficits was over"),
    ("Years after the premier wrongly claimed that the era of big government was over, the "
     "Liberals won a majority.",
     "the premier", "that the era of big government was over"),
])
def test_that_clause_of_a_verb_of_saying_inside_a_subordinate_clause(pipeline, text, speaker, content):
    """The cue classifier rejects "claimed" in these parses; a verb of saying with a
    that-clause after it is a cue all the same."""
    res = pipeline.extract(text)
    found = [(st.speaker.text if st.speaker else None, st.content[0].text) for st in res.statements]
    assert (speaker, content) in found, found


def test_cue_the_parser_made_a_conjunct(pipeline):
    """"X, Y insisted Thursday": the parser makes the cue a conjunct of the clause before
    the comma (no "and"); the clause is what was said."""
    res = pipeline.extract("Whether they know it or not, Premier Doug Ford is very accessible to the media, "
                           "Ontario cabinet minister Jane Lee insisted Thursday.")
    found = [(st.speaker.text if st.speaker else None, [c.text for c in st.content]) for st in res.statements]
    assert ("Ontario cabinet minister Jane Lee",
            ["Whether they know it or not, Premier Doug Ford is very accessible to the media"]) in found, found


def test_conjunct_with_and_is_its_own_statement(pipeline):
    res = pipeline.extract("Police arrested two men on Tuesday, and officials said the investigation continues.")
    contents = [" ".join(c.text for c in st.content) for st in res.statements]
    assert contents == ["the investigation continues"]


def test_the_one_addressed_is_not_the_content(pipeline):
    """"apologized to X for Y": what the apology was for is the content, not X."""
    res = pipeline.extract("Premier Scott Moe apologized to his supporters and to Carla Beck "
                           "for his campaign’s use of the donor list. "
                           "The mayor apologized to residents for the delays in snow clearing.")
    found = [(st.cue.text if st.cue else None, [c.text for c in st.content]) for st in res.statements]
    assert ("apologized", ["for his campaign’s use of the donor list"]) in found, found
    assert ("apologized", ["for the delays in snow clearing"]) in found, found
    assert not any("his supporters" in " ".join(c) or "residents" in " ".join(c) for _, c in found)


def test_referred_to_keeps_its_object(pipeline):
    res = pipeline.extract("He referred to Poilievre as a lightweight.")
    assert [[c.text for c in st.content] for st in res.statements] == [["Poilievre as a lightweight"]]


@pytest.mark.parametrize("text, speaker", [
    ("“She thinks the tests are just too much,” Jean Charest said Monday in Sherbrooke, "
     "according to the Sherbrooke Record.", "Jean Charest"),
    ("“The committee disagrees strongly with the lawsuit,” spokesman Jamal Ware said in a "
     "statement, according to CBC News.", "spokesman Jamal Ware"),
])
def test_a_quote_reported_by_an_outlet_is_the_speakers_once(pipeline, text, speaker):
    """"“...,” X said, according to the Record": the outlet only reports where the quote
    was found; one statement, the speaker's."""
    res = pipeline.extract(text)
    assert [st.speaker.text if st.speaker else None for st in res.statements] == [speaker]


def _one_paragraph(text: str):
    from tidings.statements.quotes import find_quotes
    return [text[q.start:q.end] for q in find_quotes(text, [(0, len(text))])]


def test_curly_quote_inside_a_straight_one():
    text = 'Ward said: "Justice isn’t about “Equal Justice Under Law” anymore. It’s about overreach." Then he left.'
    assert _one_paragraph(text) == ['"Justice isn’t about “Equal Justice Under Law” anymore. It’s about overreach."']


def test_straight_quote_inside_a_curly_one():
    text = '“He told me "no way" and left,” she said.'
    assert _one_paragraph(text) == ['“He told me "no way" and left,”']


def test_two_quotes_of_different_styles_side_by_side():
    text = '"It was a fair deal," he said. “We won.”'
    assert _one_paragraph(text) == ['"It was a fair deal,"', "“We won.”"]


def test_agentless_passive_is_not_a_statement(pipeline):
    """"was described as ...", "were blamed for ...": nobody is given as saying anything."""
    res = pipeline.extract("The deal was already being criticized as a security threat to Europe. "
                           "In Cologne, migrants were blamed for a wave of robberies. "
                           "Amnesty International criticized the deal as a threat to refugees.")
    contents = [" ".join(c.text for c in st.content) for st in res.statements]
    assert not any("security threat" in c or "robberies" in c for c in contents), contents
    # with somebody saying it, it is a statement
    assert any("threat to refugees" in c for c in contents), contents


def test_imperative_and_reporters_question_are_not_statements(pipeline):
    res = pipeline.extract("Call it viral fundraising. Just ask former senator Evan Bayh of Indiana. "
                           "When asked why the party changed its leader, Tyler said, “We have three weeks to go.”")
    found = [(st.speaker.text if st.speaker else None, " ".join(c.text for c in st.content)) for st in res.statements]
    assert found == [("Tyler", "“We have three weeks to go.”")], found


def test_colon_headline_is_short(pipeline):
    """"Singh: Ottawa Must Fund Transit" is a headline statement; "Name: Topic" run into
    a long paragraph is a section heading."""
    text = ("Jagmeet Singh: Ottawa Is Failing Transit Riders\n\n"
            "The plans compared.\n\n"
            "Jagmeet Singh: Student loans Some big ideas do come to pass. Pharmacare did, after all. "
            "So let us assume for the moment that the New Democrats win the election and their college "
            "proposal becomes law. There will still be students from families with incomes too high to "
            "qualify who struggle to pay for school.\n")
    res = pipeline.extract(text)
    found = [(st.cue.text if st.cue else None, st.content[0].text) for st in res.statements]
    assert (":", "Ottawa Is Failing Transit Riders") in found, found
    assert not any(c.startswith("Student loans") for _, c in found), found


def test_transcript_line_is_a_direct_quote_of_the_named_speaker(pipeline):
    """A hearing transcript: "Name (affiliation): “...”", the space after the colon lost in
    extraction, the quote longer than any headline."""
    text = ("The committee pressed the former official on the numbers.\n\n"
            "Rep. Dana Whitfield (D-Ore.):\"Where did the figure of 90 percent come from? Nobody on this "
            "committee has seen a document that supports it, and the department itself has never "
            "published a count of the records it holds. Who told you that?\"\n\n"
            "Headlines: roads, rail and the port\n")
    res = pipeline.extract(text)
    found = [(st.kind, st.speaker.text if st.speaker else None, st.cue.text if st.cue else None,
              st.content[0].text) for st in res.statements]
    assert any(kind == "direct" and speaker == "Rep. Dana Whitfield (D-Ore.)" and cue == ":"
               and content.startswith('"Where did the figure') and content.endswith('Who told you that?"')
               for kind, speaker, cue, content in found), found
    # a topic line with a colon is no statement
    assert not any(c.startswith("roads") for *_, c in found), found


def test_that_clause_hung_on_the_setting_noun(pipeline):
    """"stressing in his remarks that X": the parser makes the clause one of "remarks"."""
    res = pipeline.extract("Mr. Blanchet offered a restrained embrace on Tuesday, stressing in his remarks "
                           "that Mr. Carney would sign laws passed by the House.")
    found = [(st.cue.text if st.cue else None, st.content[0].text) for st in res.statements]
    assert ("stressing", "that Mr. Carney would sign laws passed by the House") in found, found


def test_clause_split_into_two_complements(pipeline):
    """"say they don’t yet know ...": the parser makes "do" and "know" two complements of
    "say"; the content is the whole clause, not "they do"."""
    res = pipeline.extract("But 16 percent of registered voters in Alberta still say they don’t yet know "
                           "enough about Nenshi to form an opinion.")
    contents = [" ".join(c.text for c in st.content) for st in res.statements]
    assert "they don’t yet know enough about Nenshi to form an opinion" in contents, contents


def test_content_ends_before_a_participle_cue_after_a_quoted_comma(pipeline):
    """'was "doing the right thing," suggesting ...': the comma inside the closing mark
    ends the content as a bare comma does."""
    res = pipeline.extract('Ford welcomed the news that Crombie would quit, saying the Mississauga mayor was '
                           '"doing the right thing," suggesting he might consider her for a cabinet post.')
    contents = [" ".join(c.text for c in st.content) for st in res.statements]
    assert 'the Mississauga mayor was "doing the right thing,"' in contents, contents
    assert not any("doing the right thing" in c and "cabinet post" in c for c in contents), contents


@pytest.mark.parametrize("text, content", [
    ("A senior official confirmed the closure on the condition of anonymity because she was not "
     "authorized to discuss it.", "the closure"),
    ("A senior official said the plant would close, speaking on condition of anonymity.",
     "the plant would close"),
])
def test_condition_of_anonymity_is_not_said(pipeline, text, content):
    res = pipeline.extract(text)
    assert [" ".join(c.text for c in st.content) for st in res.statements] == [content]


def test_time_clause_after_the_cue_is_not_said(pipeline):
    res = pipeline.extract('"He did not pay the tax," she said as some wearing Ford shirts booed.')
    contents = [" ".join(c.text for c in st.content) for st in res.statements]
    assert contents == ['"He did not pay the tax,"'], contents


def test_said_colon_then_the_words_in_the_next_paragraph(pipeline):
    """"The ministry said in a statement:" and a block quote in the next paragraph, its
    quote marks lost to indentation; a colon after a complement is not such a cue."""
    text = ("The talks had stalled for a month.\n\n"
            "The ministry said in a statement:\n\n"
            "The talks will resume next week in Geneva, and both delegations will attend.\n\n"
            "The envoy said the plan had three parts:\n\n"
            "A ceasefire, an exchange of prisoners and a timetable.\n")
    res = pipeline.extract(text)
    found = [(st.speaker.text if st.speaker else None, st.cue.text if st.cue else None,
              " ".join(c.text for c in st.content)) for st in res.statements]
    assert ("The ministry", "said",
            "The talks will resume next week in Geneva, and both delegations will attend") in found, found
    assert ("The envoy", "said", "the plan had three parts") in found, found
    assert not any(c.startswith("A ceasefire") for *_, c in found), found
