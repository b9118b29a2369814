"""EntityLayer lookups on view offsets, as the statements and events stages use them."""
from __future__ import annotations

import pytest

from tidings.analysis import Analysis
from tidings.entities import EntityLayer, run

TEXT = (
    "Kremlin Rejects Call to Withdraw\n\n"
    "Foreign Ministry spokeswoman Maria Zakharova told reporters on Thursday that Russian "
    "military advisers would stay in Venezuela. She said Hungarian and Romanian officials "
    "had been informed.\n\n"
    "Viktor Bondarev, the head of the Federation Council's defense committee, said Moscow "
    "was ready to talk to Washington.\n")


@pytest.fixture(scope="module")
def analysis(pipeline):
    prep = pipeline._prepare({"id": "layer", "text": TEXT}, None)
    parsed = pipeline.nlp(prep.cleaned.view.text)
    a = Analysis(doc=prep.doc, cleaned=prep.cleaned, parsed=parsed)
    a.layers["entities"] = run(a)
    return a


def _vrange(analysis, phrase, nth=0):
    view = analysis.view.text
    start = -1
    for _ in range(nth + 1):
        start = view.index(phrase, start + 1)
    return start, start + len(phrase)


def test_entity_at_prefers_the_person_in_a_titled_name(analysis):
    layer: EntityLayer = analysis.layer("entities")
    eid = layer.entity_at(*_vrange(analysis, "Foreign Ministry spokeswoman Maria Zakharova"))
    assert layer.by_id(eid).name == "Maria Zakharova"
    eid = layer.entity_at(*_vrange(analysis,
                                   "Viktor Bondarev, the head of the Federation Council's defense committee"))
    assert layer.by_id(eid).name == "Viktor Bondarev"


def test_pronoun_resolves_through_entity_at(analysis):
    layer = analysis.layer("entities")
    eid = layer.entity_at(*_vrange(analysis, "She"))
    assert layer.by_id(eid).name == "Maria Zakharova"


def test_entities_in_gives_one_entity_per_country_of_a_coordinated_group(analysis):
    layer = analysis.layer("entities")
    ids = layer.entities_in(*_vrange(analysis, "Hungarian and Romanian officials"))
    countries = [layer.by_id(i).country for i in ids]
    assert countries == ["HUN", "ROU"]
    assert all(layer.by_id(i).sector == "GOV" for i in ids)


def test_metonyms_in_a_sentence(analysis):
    layer = analysis.layer("entities")
    ids = layer.entities_in(*_vrange(analysis, "said Moscow was ready to talk to Washington"))
    coded = {(layer.by_id(i).name, layer.by_id(i).country, layer.by_id(i).sector) for i in ids}
    assert ("Moscow", "RUS", "GOV") in coded and ("Washington", "USA", "GOV") in coded
    eid = layer.entity_at(*_vrange(analysis, "Kremlin"))
    assert (layer.by_id(eid).country, layer.by_id(eid).sector) == ("RUS", "GOV")


def test_mentions_are_original_spans_and_view_mentions_agree(analysis):
    layer = analysis.layer("entities")
    for ent in layer.entities:
        for m in ent.mentions:
            assert analysis.doc.text[m.start:m.end] == m.text
    assert layer.view_mentions == sorted(layer.view_mentions)
    for vs, ve, eid in layer.view_mentions:
        span = analysis.span(vs, ve)
        assert any(m.start == span.start and m.end == span.end for m in layer.by_id(eid).mentions)


def test_nothing_outside_any_mention(analysis):
    layer = analysis.layer("entities")
    assert layer.entity_at(*_vrange(analysis, "on Thursday")) is None
    assert layer.entities_in(*_vrange(analysis, "on Thursday")) == []


def test_empty_layer():
    layer = EntityLayer()
    assert layer.entity_at(0, 10) is None and layer.entities_in(0, 10) == []
