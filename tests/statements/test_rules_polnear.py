"""PolNeAR-style span rules on self-written sentences: promise infinitives, asides left
out of the content, a speaker parsed as the object of an inverted "added"."""
from __future__ import annotations


def test_a_vow_to_act_is_a_statement_with_the_infinitive_as_content(statement_of):
    st = statement_of("Governor Ruth Adeyemi vowed to repeal the fuel tax within a year.", "vowed")
    assert [c.text for c in st.content] == ["to repeal the fuel tax within a year"]
    assert st.speaker.text == "Governor Ruth Adeyemi"


def test_threatened_and_pledged_take_their_infinitive(statement_of):
    st = statement_of("The union pledged to strike if the hospital cuts night shifts.", "pledged")
    assert st.content[0].text.startswith("to strike")


def test_a_trailing_despite_phrase_is_the_writers_aside(statement_of):
    st = statement_of("The mayor said the bridge would reopen in May despite objections "
                              "from the city's engineers.", "said")
    assert [c.text for c in st.content] == ["the bridge would reopen in May"]


def test_a_trailing_while_clause_is_left_out(statement_of):
    st = statement_of("Finance officials insisted that the budget was balanced while "
                              "opposition lawmakers pointed to a hidden deficit.", "insisted")
    assert st.content[0].text == "that the budget was balanced"


def test_inverted_added_with_the_speaker_parsed_as_object(statement_of):
    text = ("Talks between the two sides broke down on Friday. “We will appeal the ruling as soon "
            "as the court reopens,” added a lawyer for the nurses' union.")
    st = statement_of(text, "added")
    assert st.speaker is not None and st.speaker.text == "a lawyer for the nurses' union"
    assert "We will appeal the ruling" in st.content[0].text


def test_scare_quotes_next_to_a_noun_of_saying_are_not_statements(pipeline):
    text = ("The memo lists the talking points on \"Benghazi\" and \"Libya\" that the committee "
            "staff prepared.")
    res = pipeline.extract(text)
    assert not any("Libya" in c.text for s in res.statements for c in s.content)


def test_a_later_quote_in_the_same_paragraph_goes_on_with_the_speaker(pipeline):
    text = ("“We have run out of classrooms,” said Principal Dana Whitfield. She walked past the "
            "portable units behind the gym. “Those were meant to last two years, and it has been ten.”")
    res = pipeline.extract(text)
    said = [s for s in res.statements if s.cue is not None and s.cue.text == "said"]
    assert len(said) == 1
    joined = " ".join(c.text for c in said[0].content)
    assert "run out of classrooms" in joined and "meant to last two years" in joined
    # the later quote is not a second statement with no cue
    assert not any(s.cue is None and "meant to last" in s.content[0].text for s in res.statements)


def test_a_quoted_number_is_not_a_statement(pipeline):
    text = "Senator Cole later posted the video on Twitter, tweet \"771321763896631296\"."
    res = pipeline.extract(text)
    assert not any("771321763896631296" in c.text for s in res.statements for c in s.content)


def test_a_trailing_participle_stays_in_the_content(statement_of):
    # PolNeAR keeps ", leaving ..." inside what the police said
    st = statement_of("Police said 40 homes were searched on Sunday, leaving dozens of "
                              "families without shelter.", "said")
    assert st.content[0].text == "40 homes were searched on Sunday, leaving dozens of families without shelter"


def test_adding_that_is_a_second_statement_not_part_of_the_first(pipeline):
    res = pipeline.extract("The minister said the hospital would stay open, adding that no jobs "
                           "would be lost.")
    by_cue = {s.cue.text: [c.text for c in s.content] for s in res.statements if s.cue is not None}
    assert by_cue.get("said") == ["the hospital would stay open"]
    assert by_cue.get("adding") == ["that no jobs would be lost"]


def test_a_claim_that_clause_is_a_statement_of_the_possessor(statement_of):
    text = "The senator repeated his claim that the budget office had hidden the deficit."
    st = statement_of(text, "claim")
    assert st.content[0].text == "that the budget office had hidden the deficit"
    assert st.speaker is not None and st.speaker.text == "his"


def test_a_vow_to_act_as_a_noun(statement_of):
    st = statement_of("Mayor Lin's vow to end homelessness by 2030 drew loud applause.", "vow")
    assert st.content[0].text == "to end homelessness by 2030"
    assert st.speaker.text.startswith("Mayor Lin")


def test_a_claim_with_a_relative_clause_is_not_a_statement(pipeline):
    res = pipeline.extract("Officials rejected the claim that he made in the interview.")
    assert not any(s.cue is not None and s.cue.text == "claim" for s in res.statements)


def test_a_colon_list_of_names_is_not_a_headline_statement(pipeline):
    text = ("Republican insiders in the early states were polled again this week.\n\n"
            "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell\n\n"
            "New Hampshire: Charlie Arlinghaus, Arnie Arnesen, Patrick Arnold\n")
    assert pipeline.extract(text).statements == []


def test_a_colon_headline_with_a_verb_is_a_statement(pipeline):
    res = pipeline.extract("Graham: Trump Rhetoric Is Destroying the Party\n\nSenator Lindsey "
                           "Graham spoke in Columbia on Sunday.\n")
    st = [s for s in res.statements if s.cue is not None and s.cue.text == ":"]
    assert st and st[0].speaker.text == "Graham"
    assert st[0].content[0].text == "Trump Rhetoric Is Destroying the Party"


def test_a_name_inside_another_quote_is_not_the_speaker_of_a_colon_quote(pipeline):
    text = ("CITY BEAT—\"Sam Mendes is withdrawing as the director of the Broadway-bound musical "
            "next month,\" by the Times’s Michael Paulson: \"The director had been attached to the "
            "show for years.\"\n")
    res = pipeline.extract(text)
    for st in res.statements:
        assert st.speaker is None or '"' not in st.speaker.text


def test_declining_to_comment_is_a_statement(statement_of):
    st = statement_of("A spokeswoman for the company declined to comment on the lawsuit.", "declined")
    assert st.content[0].text == "to comment on the lawsuit"
    assert st.speaker.text == "A spokeswoman for the company"


def test_wanting_to_is_not_a_statement(pipeline):
    res = pipeline.extract("The mayor wants to build a new stadium near the river.")
    assert not any(s.cue is not None and "want" in s.cue.text for s in res.statements)


def test_accused_of_keeps_the_charge_even_with_a_duration_inside(statement_of):
    # "decade-long" is a date entity, but "of ignoring ..." is not a time phrase
    st = statement_of("Councillor Diaz accused the mayor of ignoring warnings throughout "
                              "the decade-long dispute.", "accused")
    assert st.content[0].text == "the mayor of ignoring warnings throughout the decade-long dispute"


def test_called_her_with_a_quoted_title_in_two_apostrophes(statement_of):
    st = statement_of("The magazine called her ''the first lady of the conservative "
                              "movement.''", "called")
    assert st.content[0].text == "her ''the first lady of the conservative movement.''"


def test_referred_to_x_as_y(statement_of):
    st = statement_of("Governor Haley referred to Rubio as “a bright, charismatic leader.”",
                    "referred to")
    assert st.content[0].text.startswith("Rubio as “a bright, charismatic leader")


def test_the_setting_of_a_comment_is_not_its_content(pipeline, statement_of):
    # "in an email" is where she commented, not what she said
    assert pipeline.extract("Ms. Patel commented in an email late on Friday.").statements == []
    st = statement_of("Ms. Patel complained about the new parking fees.", "complained about")
    assert st.content[0].text == "the new parking fees"


def test_a_relative_clause_around_its_source_and_cue_is_split(statement_of):
    # the content runs on both sides of "the mayor says"; the source stays "the mayor"
    st = statement_of("The council approved a new levy, which the mayor says will fund "
                              "two libraries.", "says")
    assert [c.text for c in st.content] == ["which", "will fund two libraries"]
    assert st.speaker.text == "the mayor"


def test_a_question_quote_then_the_sentence_that_attributes_it(pipeline):
    text = ("The phone bank opened at nine.\n\n\"Are you registered to vote yet?\" Denise Miller, "
            "a retired nurse, asked the caller. \"Polls open at seven on Tuesday.\"\n\n"
            "\"Who wants to wait in line for two hours?\" Paulson said. \"Nobody does.\"\n")
    res = pipeline.extract(text)
    st = next(s for s in res.statements if "Who wants to wait" in s.content[0].text)
    assert st.cue is not None and st.cue.text == "said"
    assert st.speaker.text == "Paulson"


def test_told_reporters_about_keeps_the_topic_not_the_audience(statement_of):
    st = statement_of("The coach told reporters about the injury after the match.", "told")
    assert st.content[0].text.startswith("about the injury")
    st = statement_of("The city asked the Supreme Court for a quick ruling.", "asked")
    assert st.content[0].text == "for a quick ruling"


LETTERS = """Readers respond to the convention speech

"Great speech. She is tested. She is ready. She never quits."

-President Obama, tweeting after the speech

"Will he be the next attorney general?" a Democratic staffer in the room wondered. Perez has also been mentioned.
"""


def test_a_dash_glued_to_the_name_after_a_quote_paragraph(pipeline):
    res = pipeline.extract(LETTERS)
    st = next(s for s in res.statements if "Great speech" in s.content[0].text)
    assert st.cue is not None and st.cue.text == "-"
    assert st.speaker.text == "President Obama"


def test_a_short_sentence_after_a_question_quote_frames_it(pipeline):
    res = pipeline.extract(LETTERS)
    st = next(s for s in res.statements if "attorney general" in s.content[0].text)
    assert st.cue is not None and st.cue.text == "wondered"
    assert st.speaker.text == "a Democratic staffer in the room"


def test_an_attribution_inside_a_quote_is_part_of_the_quoted_statement(pipeline):
    from tidings.statements import rules

    text = ("The council met on Monday.\n\nRuiz read the letter aloud:\n\n“In the future, "
            "however, the Mayor said he would not go out of his way to do any business with the "
            "tenants. We believe that is shameful.”\n")
    inner = [text[r.cue[0][0]:r.cue[0][1]] for r in rules.find(pipeline.nlp(text)) if r.cue]
    assert "said" in inner  # the parse finds the attributions inside the quote ...
    res = pipeline.extract(text)
    # ... but the statement is the quote, by Ruiz, not "the Mayor said" inside it
    assert not any(s.cue is not None and s.cue.text in ("said", "believe") for s in res.statements)
    st = next(s for s in res.statements if "would not go out of his way" in s.content[0].text)
    assert st.speaker.text == "Ruiz"


def test_a_second_that_clause_joined_to_the_verb_goes_on_with_the_content(statement_of):
    st = statement_of("The former guard claims he was the only one punished for mishandling "
                              "evidence, and that his firing was improper.", "claims")
    assert st.content[0].text.endswith("and that his firing was improper")
    assert st.content[0].text.startswith("he was the only one punished")


def test_a_floating_quote_paragraph_points_at_the_same_speaker_mention(pipeline):
    text = ("Schools reopened on Monday.\n\n“We have run out of classrooms,” said Principal Dana "
            "Whitfield of Lakeview Elementary.\n\n“Those portable units were meant to last two "
            "years, and it has been ten.”\n")
    res = pipeline.extract(text)
    first = next(s for s in res.statements if "run out of classrooms" in s.content[0].text)
    later = next(s for s in res.statements if "portable units" in s.content[0].text)
    assert later.cue is None
    assert (later.speaker.start, later.speaker.end) == (first.speaker.start, first.speaker.end)
    assert later.speaker.entity == first.speaker.entity is not None


def test_speaking_to_a_crowd_is_not_a_statement_about_the_crowd(pipeline):
    res = pipeline.extract("Later that night the governor spoke to a crowd of about 500 supporters.")
    assert not any("crowd" in c.text for s in res.statements for c in s.content)
    res = pipeline.extract("“He is a fighter and a friend,” Rep. Ana Soto said of the senator.")
    assert [[c.text for c in s.content] for s in res.statements] == [["“He is a fighter and a friend,”"]]
