"""People in articles written for these tests: same surnames kept apart, pronouns,
nominals, collective sources, and the layer's lookups."""
from __future__ import annotations

import re

import pytest

BUSHES = (
    "Bush Family Gathers in Maine\n\n"
    "Former President George H.W. Bush welcomed his son, President George W. Bush, to the "
    "family home in Kennebunkport on Saturday.\n\n"
    "George W. Bush told reporters that the visit was private. \"We talked about fishing,\" "
    "he said.\n\n"
    "George H.W. Bush, who is 82, did not speak to the press. A family spokesman said the "
    "former president was in good health.\n")

KIMS = (
    "North Korean leader Kim Jong Un watched a missile test on Friday, state media said.\n\n"
    "His sister Kim Yo Jong warned South Korea against sending leaflets across the border. "
    "\"Seoul will pay a price,\" Kim Yo Jong said in a statement carried by KCNA.\n\n"
    "Kim Jong Un did not comment on the leaflets.\n")

CLINTONS = (
    "Hillary Clinton, the former secretary of state, appeared with Bill Clinton at a "
    "fundraiser in New York on Tuesday.\n\n"
    "Mrs. Clinton said the campaign had raised more than expected. She thanked donors. "
    "Mr. Clinton spoke after her, and he praised the volunteers.\n")

SMITHS = (
    "Two officials named Smith clashed at the council meeting on Monday.\n\n"
    "Mayor John Smith said the budget was balanced. Councilwoman Sarah Smith disagreed, "
    "saying the city had hidden its debts.\n\n"
    "\"The numbers do not add up,\" Sarah Smith said. John Smith called her claims "
    "reckless, and officials said the vote would go ahead.\n")

ARTICLES = {"bushes": BUSHES, "kims": KIMS, "clintons": CLINTONS, "smiths": SMITHS}


@pytest.fixture(scope="module")
def results(pipeline):
    return {key: pipeline.extract({"id": key, "text": text}) for key, text in ARTICLES.items()}


def _people(result):
    return {e.name: e for e in result.entities if e.kind == "person"}


def _full_names(result):
    """Every multi-word capitalised name in a person entity's mentions."""
    return [(e.name, m.text) for e in result.entities if e.kind == "person"
            for m in e.mentions if len(m.text.split()) >= 2 and m.text[0].isupper()
            and all(w[0].isupper() for w in m.text.replace(".", " ").split())]


@pytest.mark.parametrize("key,names", [
    ("bushes", ["George H.W. Bush", "George W. Bush"]),
    ("kims", ["Kim Jong Un", "Kim Yo Jong"]),
    ("clintons", ["Hillary Clinton", "Bill Clinton"]),
    ("smiths", ["John Smith", "Sarah Smith"]),
])
def test_same_surname_people_stay_apart(results, key, names):
    people = _people(results[key])
    for name in names:
        assert name in people, (name, list(people))
    text = ARTICLES[key]
    for name in names:
        # every occurrence of the full name is a mention of that person and no other
        for occ in re.finditer(re.escape(name), text):
            owners = [e.name for e in results[key].entities
                      if any(m.start == occ.start() and m.end == occ.end() for m in e.mentions)]
            assert owners == [name], (name, occ.start(), owners)


@pytest.mark.parametrize("key", list(ARTICLES))
def test_no_entity_carries_another_persons_name(results, key):
    for ent_name, mention in _full_names(results[key]):
        mention_words = set(mention.replace(".", " ").split())
        assert mention_words <= set(ent_name.replace(".", " ").split()), (ent_name, mention)


def test_honorifics_and_pronouns_pick_the_right_clinton(results):
    res = results["clintons"]
    people = _people(res)
    hillary, bill = people["Hillary Clinton"], people["Bill Clinton"]
    text = ARTICLES["clintons"]
    mrs = text.index("Mrs. Clinton") + len("Mrs. ")
    mr = text.index("Mr. Clinton") + len("Mr. ")
    assert any(m.start == mrs for m in hillary.mentions)
    assert any(m.start == mr for m in bill.mentions)
    she = text.index("She thanked")
    he = text.index("he praised")
    assert any(m.start == she for m in hillary.mentions)
    assert any(m.start == he for m in bill.mentions)


def test_roles_and_countries(results):
    kims = _people(results["kims"])
    assert kims["Kim Jong Un"].country == "PRK"
    assert kims["Kim Jong Un"].role == "leader"
    smiths = _people(results["smiths"])
    assert smiths["John Smith"].role == "Mayor"
    assert smiths["Sarah Smith"].role == "Councilwoman"


def test_pronoun_in_a_quote_attribution(results):
    res = results["bushes"]
    text = ARTICLES["bushes"]
    he = text.index("he said")
    w = _people(res)["George W. Bush"]
    assert any(m.start == he for m in w.mentions)


def test_collective_sources_are_entities(results):
    res = results["smiths"]
    officials = [e for e in res.entities if any(m.text == "officials" for m in e.mentions)]
    assert officials and officials[0].kind == "group"


NOMINALS = (
    "Senator Maria Lopez criticised the plan on Monday. The senator said the cuts would hurt "
    "rural hospitals.\n\n"
    "A spokesman for the Health Ministry said the ministry would review the plan.\n")


def test_nominals_resolve_to_the_bearer_of_the_role(pipeline):
    res = pipeline.extract({"id": "nominals", "text": NOMINALS})
    lopez = next(e for e in res.entities if e.name == "Maria Lopez")
    assert (lopez.sector, lopez.role) == ("LEG", "Senator")
    senator = NOMINALS.index("senator said")
    assert any(m.start <= senator < m.end for m in lopez.mentions)
    ministry = next(e for e in res.entities if e.name == "Health Ministry")
    again = NOMINALS.index("ministry would")
    assert any(m.start <= again < m.end for m in ministry.mentions)
    spokesman = next(e for e in res.entities if any(m.text == "spokesman" for m in e.mentions))
    assert spokesman.kind == "person"


SOURCES = (
    "Senator Tom Harlan, who chairs the budget committee, rejected the proposal on "
    "Wednesday.\n\n"
    "Republicans said the plan would raise taxes. Chatwal said the numbers were wrong, and "
    "a Treasury official said the department had not seen the final text.\n")


def test_relative_who_collective_and_unnamed_speakers(pipeline):
    res = pipeline.extract({"id": "sources", "text": SOURCES})
    harlan = next(e for e in res.entities if e.name == "Tom Harlan")
    who = SOURCES.index("who chairs")
    assert any(m.start == who and m.text == "who" for m in harlan.mentions)
    assert harlan.sector == "LEG"
    republicans = next(e for e in res.entities if any(m.text == "Republicans" for m in e.mentions))
    assert republicans.kind == "group"
    chatwal = next(e for e in res.entities if e.name == "Chatwal")
    assert chatwal.kind == "person"
    official = next(e for e in res.entities if any("official" in m.text for m in e.mentions))
    assert official.sector == "GOV"
