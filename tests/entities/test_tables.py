"""Every code in the actor tables is valid, and every entry is its own example."""
from __future__ import annotations

import pycountry
import pytest

from tidings.data import load_json
from tidings.entities import code_actor
from tidings.entities.gazetteer import INTERNATIONAL, SECTORS, city_country, role_word

TABLES = ["actors_countries.json", "actors_demonyms.json", "actors_capitals.json",
          "actors_institutions.json", "actors_media.json", "actors_people.json",
          "actors_roles.json", "actors_firstnames.json", "actors_regions.json"]


def _entries(name):
    return [(k, v) for k, v in load_json(name).items() if not k.startswith("_")]


def _valid_country(code):
    return code in INTERNATIONAL or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("table", TABLES)
def test_every_table_documents_itself(table):
    assert "Example" in load_json(table)["_doc"] or "example" in load_json(table)["_doc"]
    assert _entries(table)


@pytest.mark.parametrize("table", ["actors_countries.json", "actors_demonyms.json",
                                   "actors_capitals.json", "actors_media.json",
                                   "actors_regions.json"])
def test_country_codes_are_iso_alpha3(table):
    bad = [(k, v) for k, v in _entries(table) if not _valid_country(v)]
    assert not bad


@pytest.mark.parametrize("table", ["actors_institutions.json", "actors_people.json"])
def test_institution_and_people_codes_are_valid(table):
    for key, value in _entries(table):
        country, sector = value[0], value[1]
        assert country is None or _valid_country(country), key
        assert sector is None or sector in SECTORS, key


def test_role_sectors_are_allowed():
    for key, (sector, strength, gender) in _entries("actors_roles.json"):
        assert sector is None or sector in SECTORS, key
        assert strength in (0, 1, 2, 3) and gender in (None, "m", "f"), key


def test_first_names_have_a_gender():
    assert all(v in ("m", "f") for _, v in _entries("actors_firstnames.json"))


@pytest.mark.parametrize("table", ["actors_countries.json", "actors_demonyms.json",
                                   "actors_capitals.json", "actors_regions.json"])
def test_each_place_entry_codes_its_own_country(table):
    wrong = [(k, v, code_actor(k)) for k, v in _entries(table) if code_actor(k)[0] != v]
    assert not wrong


def test_each_capital_stands_for_its_government():
    assert all(code_actor(k)[1] == "GOV" for k, _ in _entries("actors_capitals.json"))


def test_each_institution_entry_codes_itself():
    wrong = [(k, v, code_actor(k)) for k, v in _entries("actors_institutions.json")
             if code_actor(k) != (v[0], v[1])]
    assert not wrong


def test_each_media_entry_codes_itself():
    wrong = [(k, v) for k, v in _entries("actors_media.json") if code_actor(k) != (v, "MED")]
    assert not wrong


def test_each_person_entry_codes_itself():
    wrong = [(k, v) for k, v in _entries("actors_people.json")
             if code_actor(k) != (v[0], v[1])]
    assert not wrong


def test_each_role_word_is_found_singular_and_plural():
    for key, value in _entries("actors_roles.json"):
        assert role_word(key) == tuple(value), key
        if " " not in key and not key.endswith((".", "s", "men")):
            assert role_word(key + "s") == tuple(value), key


def test_cities_come_from_geonames():
    assert city_country("Kirkuk") == "IRQ"
    assert city_country("Geneva") == "CHE"
    assert city_country("Nowhereville") is None
