"""Product generations and launched services as anachronism clues (data/timex_products.json,
read by conflicts_world.term_clues): a phone, console, operating system or streaming service
cannot be named before it was announced, so a tech or business article naming one and claimed
a year earlier is misdated.  Texts written for the tests; dates checked against the table's
world knowledge, not against the program's output."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.timex.helpers import conflicts


def _products() -> list[dict]:
    from tidings.data import load_json

    return load_json("timex_products.json")["terms"]


def _offices(text: str) -> list[str]:
    """The products table's rows that ``text`` names (the terms table's rows left out)."""
    from tidings.timex.conflicts_world import term_clues

    mine = {row["term"] for row in _products()}
    return [c.office for c in term_clues(text) if c.office in mine]


def test_every_row_parses_and_has_a_cheap_prefilter_literal():
    """Every row has a term, patterns that compile, a first date within the table's span (with
    the launch on or after it where given), and every pattern holds a plain literal of three
    characters or more: a pattern without one would run its regex over every article."""
    from tidings.timex.conflicts_world import _literal

    rows = _products()
    assert len(rows) >= 100
    names = [row["term"] for row in rows]
    assert len(set(names)) == len(names)
    for row in rows:
        first = dt.date.fromisoformat(row["first"])
        assert dt.date(2006, 1, 1) <= first <= dt.date(2025, 12, 31), row["term"]   # 'Windows 7' was a 2006 code name
        if "announced" in row:
            assert dt.date.fromisoformat(row["announced"]) >= first, row["term"]
        assert row["patterns"], row["term"]
        for p in row["patterns"]:
            re.compile(p)
            assert _literal(p) is not None, (row["term"], p)


def test_rows_cover_the_years_and_do_not_repeat_the_terms_table():
    from tidings.data import load_json

    years = {int(row["first"][:4]) for row in _products()}
    assert set(range(2007, 2024)) <= years
    # a name in both tables would count twice in the fit
    terms = {row["term"] for row in load_json("timex_terms.json")["terms"]}
    assert not terms & {row["term"] for row in _products()}


def test_the_tables_example():
    """The 'about' of timex_products.json: 'the iPhone XR' cannot be named before 2018-08-30."""
    from tidings.timex.conflicts_world import loglik, term_clues

    text = "Reviewers liked the battery of the iPhone XR more than that of the iPhone XS."
    clues = {c.office: c for c in term_clues(text)}
    c = clues["the iPhone XR or XS Max"]
    assert text[c.vstart:c.vend] == "iPhone XR"
    assert c.terms[0][0] == dt.date(2018, 8, 30)
    assert loglik(c, dt.date(2017, 9, 15)) < -3 and loglik(c, dt.date(2018, 10, 15)) == 0.0


REVIEW = ("Reviewers liked the battery of the iPhone XR, which costs less than the iPhone XS Max "
          "and comes in six colours.")


def test_a_product_named_a_year_before_its_announcement_is_flagged(time_layer):
    flags = conflicts(time_layer(REVIEW, "2017-09-15"))
    assert len(flags) == 1
    assert "named from 30 August 2018 on" in flags[0].message
    assert any(e.text == "iPhone XR" for e in flags[0].evidence)


def test_a_product_named_after_its_announcement_is_fine(time_layer):
    assert conflicts(time_layer(REVIEW, "2018-10-15")) == []


def test_a_streaming_service_before_its_name_was_given_is_flagged(time_layer):
    text = ("The company said it would raise the price of Disney+ and bundle it with its sports "
            "streaming service for subscribers in the United States.")
    flags = conflicts(time_layer(text, "2017-11-20"))
    assert len(flags) == 1 and "Disney+" in flags[0].message
    assert conflicts(time_layer(text, "2019-11-20")) == []


@pytest.mark.parametrize("text, expected", [
    ("Apple sold more iPhone X handsets than analysts had expected.", ["the iPhone X, XS or XR"]),
    ("The iPhone XR and the iPhone XS Max went on sale on Friday.", ["the iPhone X, XS or XR", "the iPhone XR or XS Max"]),
    ("Gamers lined up for the Nintendo Switch in Tokyo.", ["the Nintendo Switch"]),
    ("Developers can test iOS 12.1 now.", ["iOS and FaceTime", "the iOS versions 10-12"]),
    ("Microsoft said Windows 10 now runs on 400 million devices.", ["Windows 10"]),
    ("Google's Pixel 3a costs half as much as the Pixel 3 XL.", ["the Google Pixel phones"]),
    ("Samsung recalled the Galaxy Note 7 after batteries caught fire.", ["the Galaxy Note 7"]),
    ("Shares of Google parent Alphabet rose after the report.", ["Alphabet, Google's parent"]),
    ("The Galaxy S10e is smaller than the Galaxy S9.", ["the Samsung Galaxy S8-S10"]),
    ("Phones that run Android 10 get the update first.", ["Android 10-16"]),
    ("Starlink satellites crossed the sky.", ["Starlink"]),
])
def test_names_read_as_the_product(text, expected):
    assert _offices(text) == expected


@pytest.mark.parametrize("text", [
    # 'iPhone X' alone is not the later XR or XS Max
    "Apple sold more iPhone X handsets than analysts had expected.",
    "The iPhone XS was the only new model.",
])
def test_the_x_is_not_the_xr(text):
    assert "the iPhone XR or XS Max" not in _offices(text)


@pytest.mark.parametrize("text", [
    "Some voters may switch sides; others switch off the news.",      # 'Switch' alone is a verb
    "Other iPhone 4s were sold on the street within hours.",          # a plural of the iPhone 4, not the 4S
    "Windows 1000 test builds were counted.",                          # a number inside a longer one
    "The iPhone 12345 is not a phone.",
    "Her 12-megapixel camera and the Pixel C tablet were on the desk.",
    "Alexa Chung wore a coat; Amazon's Alexa Internet ranked the site.",
    "The report is an alphabet soup of agencies; Alphabet Soup is a cafe.",
    "Apple Pay Gap: workers in the stores earn less.",
    "The M1 Garand was the rifle of the Second World War.",
    "A meta debate about Meta-analysis.",
    "Dick Costolo, formerly Twitter's chief executive, spoke.",       # not 'X, formerly Twitter'
    "Farmers recalled Starlink corn in 2000.",                        # the StarLink maize, not SpaceX's network
    "The first Android 1.0 phone and Android 100 apps.",              # not Android 10
    "The Galaxy S100 is a toy.",
    "The Galaxy Note 10.1 tablet went on sale in 2012.",               # Samsung's 2012 tablet, not the Note 10 phone
    "Samsung's Galaxy Note 8.0 is a small tablet of 2013.",
    "The Danish defender Kasper Juul scored twice.",                   # a surname, not the e-cigarette
])
def test_near_misses_give_no_clue(text):
    assert _offices(text) == []


def test_the_model_s_is_not_the_model_3():
    # the 2009 sedan, older than the Model 3 and Model Y
    assert _offices("The Tesla Model S sedan went on sale in 2012.") == ["the Tesla Model S"]


def test_the_chromebook_pixel_is_not_a_pixel_phone():
    # Google's 2013 and 2015 laptops, not the phones of 2016 on
    assert _offices("The Chromebook Pixel 2 has a sharp screen.") == ["the Chromebook"]


def test_a_version_number_is_read_whole():
    # 'iOS 1' names iOS (2010 on) but none of the numbered versions 10-18
    assert _offices("The update came with iOS 1 in a museum display.") == ["iOS and FaceTime"]
    assert _offices("The update came with iOS 13 and iOS 12.4.") == ["iOS and FaceTime", "the iOS versions 10-12", "the iOS versions 13-18"]
