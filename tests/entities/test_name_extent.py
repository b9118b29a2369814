"""Name extent: double-barrelled names keep their hyphen, and Title Case headlines do not
run a name on into the verb after it.  Articles written for these tests."""
from __future__ import annotations

import pytest

HYPHEN = (
    "Council Speaker Backs Clinton\n\n"
    "City Council Speaker Melissa Mark-Viverito said on Tuesday that she would vote for "
    "Hillary Clinton in the primary.\n\n"
    "\"She has fought for our neighbourhoods,\" Mark-Viverito told reporters. Her colleague "
    "Carol Shea-Porter agreed.\n")

HEADLINE_VERB = (
    "Joe Biden Meets Xi Jinping In Beijing\n\n"
    "Vice President Joe Biden met Chinese President Xi Jinping on Friday for five hours of "
    "talks. Biden said the meeting had been useful.\n")

HEADLINE_KNOWN = (
    "Hillary Clinton Slams Trump Over Tax Returns\n\n"
    "Hillary Clinton criticised Donald Trump on Sunday for refusing to publish his tax "
    "returns. \"What is he hiding?\" Clinton asked at a rally in Ohio.\n")

MARRIED = (
    "Candidate Faces Questions Over Her Marriage\n\n"
    "Rep. Alan Grayson married Dena Minning Grayson in May. Before the wedding, Dena "
    "Minning worked as a lobbyist in Washington.\n\n"
    "Dena Grayson said on Monday that her record spoke for itself.\n")


@pytest.fixture(scope="module")
def results(pipeline):
    arts = {"hyphen": HYPHEN, "verb": HEADLINE_VERB, "known": HEADLINE_KNOWN, "married": MARRIED}
    return {k: pipeline.extract({"id": k, "text": t}) for k, t in arts.items()}


def names(result) -> set[str]:
    return {e.name for e in result.entities if e.kind == "person"}


def test_double_barrelled_names_keep_their_hyphen(results):
    got = names(results["hyphen"])
    assert "Melissa Mark-Viverito" in got
    assert "Carol Shea-Porter" in got
    assert not any(n in got for n in ("Melissa Mark Viverito", "Mark Viverito"))


def test_surname_with_hyphen_joins_the_full_name(results):
    res = results["hyphen"]
    ent = next(e for e in res.entities if e.name == "Melissa Mark-Viverito")
    assert "Mark-Viverito" in [m.text for m in ent.mentions]
    quote = next(s for s in res.statements if "neighbourhoods" in s.content[0].text)
    assert quote.speaker is not None and quote.speaker.entity == ent.id


def test_headline_name_stops_before_its_verb(results):
    got = names(results["verb"])
    assert {"Joe Biden", "Xi Jinping"} <= got
    assert not any("Meets" in n for n in got)


def test_headline_name_cut_to_the_name_the_body_gives(results):
    got = names(results["known"])
    assert "Hillary Clinton" in got
    assert not any("Slams" in n for n in got)
    clinton = next(e for e in results["known"].entities if e.name == "Hillary Clinton")
    headline_mention = min(clinton.mentions, key=lambda m: m.start)
    assert headline_mention.start == 0 and headline_mention.text == "Hillary Clinton"


def test_a_longer_name_whose_extra_word_is_a_name_is_kept(results):
    # "Grayson" is a name elsewhere in the article, so "Dena Minning Grayson" is not cut
    # back to "Dena Minning"
    assert "Dena Minning Grayson" in names(results["married"])


HEADLINE_RUN = (
    "Iceland Will Keep Coast Guard Ships Near Disputed Fishing Grounds\n\n"
    "Iceland will keep two coast guard vessels near the disputed mackerel grounds until "
    "talks resume, the Icelandic Foreign Ministry said on Tuesday. The European Free Trade "
    "Association offered to mediate.\n")

HEADLINE_ORG = (
    "European Free Trade Association Offers To Mediate Fishing Row\n\n"
    "The European Free Trade Association said on Tuesday that it would mediate between "
    "Iceland and Norway.\n")


def test_headline_word_runs_are_no_organisations(pipeline):
    res = pipeline.extract({"id": "run", "text": HEADLINE_RUN})
    assert not any("Keep" in m.text or "Ships" in m.text for e in res.entities for m in e.mentions)


def test_headline_organisation_the_body_names_is_kept(pipeline):
    res = pipeline.extract({"id": "org", "text": HEADLINE_ORG})
    ent = next(e for e in res.entities if e.name == "European Free Trade Association")
    assert min(m.start for m in ent.mentions) == 0
