"""Structure analysis and repairs on texts written for these tests."""
from __future__ import annotations

from tidings.clean import clean
from tidings.clean.repair import mend_hyphen, repair_line
from tidings.clean.structure import analyse, is_insert
from tidings.data import load_json
from tidings.document import Document

PASTED = """ Port Strike Spreads to Three More
Cities as Talks Stall
 Dock workers in Rotterdam, Antwerp and Hamburg walked out on Monday, joining a strike that
began last week in Le Havre, union leaders said. The walkout has left more than forty con-
tainer ships waiting at anchor.

Page 2 of 3

The employers' federation said it was ready to meet the unions but would not raise its
offer. \u201cWe have gone as far as we can,\u201d its chairman, Henk de Vries, told reporters in

Rotterdam.

Read more: Shipping rates climb as strike bites
http://www.example-news.com/2026/05/04/port-
strike-spreads-to-three-more-cities
"""


def test_headline_lines_are_joined_and_body_starts_after():
    st = analyse(PASTED)
    assert " ".join(ln.text for ln in st.headline) == "Port Strike Spreads to Three More Cities as Talks Stall"
    assert st.paragraphs[0][0].text.startswith("Dock workers")


def test_page_number_insert_and_url_are_non_body():
    st = analyse(PASTED)
    kinds = {ln.text: ln.kind for ln in st.non_body}
    assert kinds["Page 2 of 3"] == "insert"
    assert kinds["Read more: Shipping rates climb as strike bites"] == "insert"
    assert [u for u, _ in st.urls] == ["http://www.example-news.com/2026/05/04/port-strike-spreads-to-three-more-cities"]


def test_paragraph_broken_by_blank_line_mid_sentence_is_rejoined():
    st = analyse(PASTED)
    texts = [" ".join(ln.text for ln in p) for p in st.paragraphs]
    assert len(texts) == 2
    assert texts[1].endswith("told reporters in Rotterdam.")


def test_view_mends_hyphenation_and_drops_non_body():
    cleaned = clean(Document(text=PASTED))
    view = cleaned.view.text
    assert "container ships" in view      # "con-\ntainer" is one word
    assert "Page 2" not in view and "http" not in view and "Read more" not in view
    assert cleaned.meta.published == "2026-05-04" and cleaned.meta.published_from == "url"


def test_hyphen_mending_uses_word_frequency():
    assert mend_hyphen("the emer-", "gency services") == "join"
    assert mend_hyphen("the state-", "designated terrorist group") == "compound"
    assert mend_hyphen("a long-", "term plan") == "compound"
    assert mend_hyphen("no hyphen", "here") == "none"


def test_repairs_mojibake_and_doubled_apostrophes():
    assert repair_line("the EUâ€™s commissioner") == "the EU’s commissioner"
    assert repair_line("I’'m here, it'’s fine") == "I’m here, it’s fine"
    assert repair_line("plain ascii stays") == "plain ascii stays"


def test_every_non_body_example_matches_a_pattern():
    table = load_json("non_body.json")
    for example in table["examples"]:
        assert is_insert(example), example


def test_body_sentences_are_not_inserts():
    for line in ["Moscow sent military advisers to Venezuela over the weekend.",
                 "Share prices fell 3% on Monday.", "Photography is his passion, he said."]:
        assert not is_insert(line), line


def test_crlf_text_keeps_offsets():
    text = "Talks Resume in Geneva\r\n\r\nDiplomats met on Monday.\r\nThey agreed to meet again.\r\n"
    cleaned = clean(Document(text=text))
    for s, e in cleaned.paragraphs:
        assert "\r" not in text[s:e][-1:]
    assert cleaned.headline == "Talks Resume in Geneva"
    assert "Monday. They agreed" in cleaned.view.text


PAGED = """Grain Corridor Deal Extended for Another Four Months
Ankara brokered the talks after a week of missed deadlines
By Selin Kaya and Tom Harwood | March 14, 2026

ANKARA — Ukraine and Russia agreed on Friday to extend the Black Sea grain corridor by four
months, Turkish officials said, after talks that ran late into the night in the capital.

THE EASTERN LEDGER 3
\f
THE EASTERN LEDGER 4
Shipping insurers welcomed the extension but said premiums would stay high while mines
drift in the western Black Sea.
"""


def test_deck_byline_and_page_furniture_are_non_body():
    st = analyse(PAGED)
    kinds = {ln.text: ln.kind for ln in st.non_body}
    assert " ".join(ln.text for ln in st.headline) == "Grain Corridor Deal Extended for Another Four Months"
    assert kinds["Ankara brokered the talks after a week of missed deadlines"] == "deck"
    assert kinds["By Selin Kaya and Tom Harwood | March 14, 2026"] == "byline"
    assert kinds["THE EASTERN LEDGER 3"] == "furniture" and kinds["THE EASTERN LEDGER 4"] == "furniture"
    body = [" ".join(ln.text for ln in p) for p in st.paragraphs]
    assert len(body) == 2
    assert body[0].startswith("ANKARA — Ukraine and Russia") and body[1].startswith("Shipping insurers")


def test_date_in_a_byline_is_the_dateline_date():
    cleaned = clean(Document(text=PAGED))
    assert (cleaned.meta.published, cleaned.meta.published_from) == ("2026-03-14", "dateline")


def test_byline_with_a_comma_date_is_non_body_and_dates_the_article():
    text = ("Ceasefire Holds in Northern Town\nBy Tom Ellery, March 14, 2025\n\n"
            "The ceasefire held for a second day on Friday, residents said.\n\n"
            "Aid convoys reached the town centre for the first time in a month.\n")
    cleaned = clean(Document(text=text))
    assert [(k, text[s:e]) for k, s, e in cleaned.non_body] == [("byline", "By Tom Ellery, March 14, 2025")]
    assert (cleaned.meta.published, cleaned.meta.published_from) == ("2025-03-14", "dateline")


def test_wire_date_lines_with_seconds_or_two_digit_years_date_the_article():
    # wire archives put a bare date-time line, or a US date with a two-digit year, on top
    stamped = ("Airline Orders Ten Jets\n1998-02-13 13:41:24\n\n"
               "The airline said on Friday that it had ordered ten jets.\n")
    cleaned = clean(Document(text=stamped))
    assert [(k, stamped[s:e]) for k, s, e in cleaned.non_body] == [("dateline", "1998-02-13 13:41:24")]
    assert (cleaned.meta.published, cleaned.meta.published_from) == ("1998-02-13", "dateline")
    short = ("Savings Bank Merger Approved\n\n11/02/89\n\n"
             "Shareholders approved the merger on Wednesday, the bank said.\n")
    cleaned = clean(Document(text=short))
    assert (cleaned.meta.published, cleaned.meta.published_from) == ("1989-11-02", "dateline")


# Text copied out of a PDF viewer: no blank lines, the paper's name on top, a Sentence case
# headline wrapped over two lines, a byline, and narrow newspaper columns.
COPIED = """THE VALLEY COURIER
Regional airline orders six turboprops to
replace its ageing fleet
By Anna Berg
Northern Air said on Tuesday that it had
ordered six turboprop aircraft from a Dutch
maker, the first new planes the regional
carrier has bought since early 2009.
It did not say what it would pay.
Its chief executive, Lars Holm, said the new
aircraft would burn a fifth less fuel than
the planes they replace, which first flew
in the 1990s.
Deliveries are due to start next spring. The
older aircraft will be sold to a leasing
company, the airline said on Tuesday.
Page 1 of 1
"""


def test_copied_pdf_text_masthead_headline_and_byline():
    st = analyse(COPIED)
    assert " ".join(ln.text for ln in st.headline) == \
        "Regional airline orders six turboprops to replace its ageing fleet"
    kinds = {ln.text: ln.kind for ln in st.non_body}
    assert kinds["THE VALLEY COURIER"] == "furniture"
    assert kinds["By Anna Berg"] == "byline"


def test_copied_pdf_text_narrow_columns_keep_their_paragraphs():
    st = analyse(COPIED)
    body = [" ".join(ln.text for ln in p) for p in st.paragraphs]
    # "... since early 2009." has room for "It": the paragraph ended there, although
    # the line is longer than a short last line
    assert [p.split()[:2] for p in body] == [["Northern", "Air"], ["It", "did"],
                                             ["Its", "chief"], ["Deliveries", "are"]]


def test_title_case_headline_wrapped_onto_a_lowercase_line():
    text = ("Automobile Sales in the United States Fall\nsharply\nBy Tom Ellery\n"
            "Sales of new cars in the United States fell by a third in January, the\n"
            "industry's trade group said on Tuesday, the steepest fall in forty years.\n")
    st = analyse(text)
    assert " ".join(ln.text for ln in st.headline) == \
        "Automobile Sales in the United States Fall sharply"
