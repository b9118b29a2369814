"""Quote-mark pairing on self-written text (no model needed)."""
from __future__ import annotations

import re

from tidings.statements.quotes import find_quotes


def _paras(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.all_pieces] for q in find_quotes(text, _paras(text))]


def test_curly_and_straight_marks():
    text = "“We will win,” she said. He replied: \"Not this year.\""
    assert _texts(text) == [["“We will win,”"], ['"Not this year."']]


def test_apostrophes_are_not_quotes():
    text = "The mayor's office said it wasn't the councillors' decision."
    assert _texts(text) == []


def test_doubled_apostrophes_as_double_marks():
    text = "Ms. Friedan called Mrs. Schlafly an ''Aunt Tom.'' She said ''we are done,'' later."
    assert _texts(text) == [["''Aunt Tom.''"], ["''we are done,''"]]


def test_multi_paragraph_quote_reopens_without_closing():
    text = ("The governor said: “The levees held for three days.\n"
            "“Then the river rose again and we had to evacuate the whole valley.\n"
            "“Nobody died, and that is what matters.”\n"
            "Officials are still counting the damage.")
    quotes = find_quotes(text, _paras(text))
    assert len(quotes) == 1
    pieces = [text[s:e] for s, e in quotes[0].all_pieces]
    assert pieces[0] == "“The levees held for three days."
    assert pieces[-1] == "“Nobody died, and that is what matters.”"
    assert len(pieces) == 3


def test_unclosed_quote_ends_at_its_sentence_or_a_stray_single_mark():
    text = 'Trump said "all options\' were open. The Kremlin disagreed.'
    assert _texts(text) == [['"all options\'']]
    text2 = "He shouted “stop the count. Nobody listened."
    assert _texts(text2) == [["“stop the count."]]


def test_single_marks_in_a_headline():
    text = "Advisers Will Stay ‘as Long as Necessary,' Moscow Vows"
    assert _texts(text) == [["‘as Long as Necessary,'"]]


def test_decades_and_plural_possessives_are_not_single_quotes():
    text = "In the ‘90s the party leaders’ view was that the ‘new deal’ had failed."
    assert _texts(text) == [["‘new deal’"]]
