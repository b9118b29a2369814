"""Identities: content hash for documents, normalised name + country (or alias) for actors."""
from __future__ import annotations

import pytest

from tidings.data import load_json
from tidings.store.identity import actor_key, content_hash, doc_id_of, normalise


def test_document_identity_is_the_text():
    a = content_hash("Troops crossed the border on Monday.")
    assert a == content_hash("Troops crossed the border on Monday.")
    assert a != content_hash("Troops crossed the border on Monday. ")  # the text, exactly
    assert len(a) == 64 and doc_id_of(a) == a[:16]


@pytest.mark.parametrize("variant", ["NICOLAS MADURO", "Nicolás Maduro", "Nicolas Maduro’s",
                                     "Nicolas Maduro's", "nicolas  maduro."])
def test_names_normalise_case_accents_possessives(variant):
    assert normalise(variant) == "nicolas maduro"


def test_middle_initials_do_not_split_people():
    assert (actor_key("Donald J. Trump", kind="person", country="USA")
            == actor_key("Donald Trump", kind="person", country="USA"))
    # ... but only for people: an organisation's letters are part of its name
    assert (actor_key("Bank J Safra", kind="organization", country="CHE")
            != actor_key("Bank Safra", kind="organization", country="CHE"))


def test_country_entities_are_one_actor_per_code():
    assert (actor_key("US", kind="country", country="USA")
            == actor_key("the United States", kind="country", country="USA"))
    assert actor_key("Georgia", kind="country", country="GEO") != actor_key(
        "Georgia", kind="location", country="USA")


def test_every_alias_in_the_table_resolves_to_its_canonical_name():
    table = {k: v for k, v in load_json("actor_aliases.json").items() if not k.startswith("_")}
    assert table
    for canonical, aliases in table.items():
        for alias in aliases:
            assert (actor_key(alias, kind="organization", country="IGO")
                    == actor_key(canonical, kind="organization", country="IGO")), alias
