"""Property: whatever a user types as a query, the store answers (maybe with nothing) and
never errors or changes the corpus; stored text of any kind comes back exactly."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.store.testing import hand_result

ARTICLE = ("Ministers agree on grain corridor\n\nTurkish and Ukrainian ministers agreed on "
           "Monday to reopen the grain corridor, the ministry said.")


@pytest.fixture
def small_store(store):
    store.upsert(hand_result(ARTICLE, id="grain", published="2026-01-05",
                             entities={"e1": ("Turkish", "country", "TUR")}))
    return store


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(min_size=0, max_size=40))
def test_any_query_is_answered(small_store, q):
    hits = small_store.search(q)
    assert hits.total in (0, 1)
    small_store.statements(q=q)
    small_store.actors(q)
    small_store.events(type=q or None, country=q or None, date_from=q or None, doc=q or None)
    small_store.timeline(type=q or None, country=q or None)
    assert small_store.document(q) is None
    assert small_store.counts().documents == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_any_text_comes_back_exactly(small_store, body):
    if "\x00" in body and small_store.dialect == "postgresql":
        with pytest.raises(ValueError, match="NUL"):
            small_store.upsert(hand_result(body, id="any"))
        return
    result = hand_result(body, id="any")
    doc_id = small_store.upsert(result)
    try:
        assert small_store.document(doc_id).text == body
    finally:
        small_store.delete(doc_id)
