"""code_actor on actor noun phrases as news writes them."""
from __future__ import annotations

import pytest

from tidings.entities import code_actor


@pytest.mark.parametrize("phrase,expected", [
    ("Russian military advisers", ("RUS", "MIL")),
    ("the Russian Foreign Ministry", ("RUS", "GOV")),
    ("the Kremlin", ("RUS", "GOV")),
    ("the White House", ("USA", "GOV")),
    ("Washington", ("USA", "GOV")),
    ("Caracas", ("VEN", "GOV")),
    ("U.S. President", ("USA", "GOV")),
    ("Foreign Ministry spokeswoman", (None, "GOV")),
    ("the head of the Federation Council's defense and security committee", ("RUS", "LEG")),
    ("Venezuelan opposition leader", ("VEN", "OPP")),
    ("the Ekho Moskvy radio station", ("RUS", "MED")),
    ("NATO peacekeeping troops", ("IGO", "MIL")),
    ("Afghan rebel leaders", ("AFG", "REB")),
    ("president of Armenia", ("ARM", "GOV")),
    ("the Israeli prime minister", ("ISR", "GOV")),
    ("Sudan's government", ("SDN", "GOV")),
    ("US Congress", ("USA", "LEG")),
    ("Chilean government officials", ("CHL", "GOV")),
    ("Israelis", ("ISR", None)),
    ("a senior Turkish police officer", ("TUR", "COP")),
    ("the South American country", (None, None)),
    ("an ambassador", (None, "GOV")),
    ("sources familiar with the matter", (None, None)),
    ("the U.N. Security Council", ("IGO", "IGO")),
])
def test_code_actor(phrase, expected):
    assert code_actor(phrase) == expected


def test_currency_is_no_country():
    assert code_actor("up to US $50 million")[0] is None


def test_the_first_country_wins():
    assert code_actor("the U.S. ambassador to the United Nations")[0] == "USA"
    assert code_actor("the UN envoy to Syria")[0] == "IGO"
