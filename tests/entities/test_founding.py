"""Acceptance on the founding article (../shared/corpus/moscow-times-venezuela-advisers.txt)."""
from __future__ import annotations

import re

import pytest


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _person(result, name: str):
    found = [e for e in result.entities if e.kind == "person" and e.name == name]
    assert len(found) == 1, f"{name}: {[(e.name, e.kind) for e in result.entities]}"
    return found[0]


@pytest.mark.parametrize("name,country,sector,role", [
    ("Maria Zakharova", "RUS", "GOV", "foreign ministry spokeswoman"),
    ("Viktor Bondarev", "RUS", "LEG", "head of the federation council's defense and security committee"),
    ("Vladimir Dzhabarov", "RUS", "LEG",
     "first deputy chairman of the federation council's international affairs committee"),
    ("Donald Trump", "USA", "GOV", "president"),
    ("Nicolas Maduro", "VEN", "GOV", "president"),
    ("Juan Guaido", "VEN", "OPP", "opposition leader"),
])
def test_people_are_coded_with_their_roles(founding, name, country, sector, role):
    person = _person(founding, name)
    assert (person.country, person.sector) == (country, sector)
    assert _norm(person.role or "") == role


def test_zakharova_is_one_entity_with_every_mention(founding):
    z = _person(founding, "Maria Zakharova")
    texts = [m.text for m in z.mentions]
    assert texts.count("Zakharova") == 2 and "Maria Zakharova" in texts
    for m in z.mentions:
        assert founding.text[m.start:m.end] == m.text


@pytest.mark.parametrize("surname,context", [
    ("Bondarev", "“Just like the United States of America"),
    ("Dzhabarov", "told media that he was against"),
    ("Dzhabarov", "“First the situation in the country"),
])
def test_he_after_an_introduction_resolves_to_that_person(founding, surname, context):
    text = founding.text
    he = re.compile(r"\bhe\b").search(text, text.index(context)).start()
    owner = [e for e in founding.entities if any(m.start == he and m.text == "he" for m in e.mentions)]
    assert len(owner) == 1 and owner[0].name.endswith(surname)


@pytest.mark.parametrize("mention", ["Kremlin", "Moscow", "Russian Foreign\nMinistry"])
def test_russian_state_metonyms_are_rus_gov(founding, mention):
    ents = [e for e in founding.entities if any(m.text == mention for m in e.mentions)]
    assert ents, mention
    assert all((e.country, e.sector) == ("RUS", "GOV") for e in ents)


@pytest.mark.parametrize("name", ["Ekho Moskvy", "Interfax"])
def test_russian_media_are_rus_med(founding, name):
    ent = next(e for e in founding.entities if e.name == name)
    assert (ent.kind, ent.country, ent.sector) == ("media", "RUS", "MED")


def test_entity_ids_follow_first_mention_and_spans_hold(founding):
    firsts = [min(m.start for m in e.mentions) for e in founding.entities]
    assert firsts == sorted(firsts)
    assert [e.id for e in founding.entities] == [f"e{i}" for i in range(1, len(founding.entities) + 1)]
    founding.check_spans()


def test_capital_and_country_actors(founding):
    caracas = next(e for e in founding.entities if e.name == "Caracas")
    assert (caracas.country, caracas.sector) == ("VEN", "GOV")
    russia = next(e for e in founding.entities if e.name == "Russia")
    assert (russia.kind, russia.country) == ("country", "RUS")
    advisers = next(e for e in founding.entities if e.name == "Russian military advisers")
    assert (advisers.country, advisers.sector) == ("RUS", "MIL")
