"""A role described without a name joins the named person who holds it.  Articles
written for these tests."""
from __future__ import annotations

import pytest

TITLE = (
    "Fishing Talks Stall\n\n"
    "Norway's fisheries minister said on Monday that talks with Iceland over mackerel "
    "quotas had stalled. Fisheries Minister Ingrid Solheim told reporters in Oslo that "
    "Iceland had rejected the offer.\n\n"
    "The minister said Norway would not raise its offer.\n")

APPOSITION = (
    "Fisheries Minister Ingrid Solheim of Norway said on Monday that talks with Iceland had "
    "stalled. Iceland's fisheries minister, Gunnar Jonsson, rejected the offer. The "
    "Icelandic minister said Norway was asking for too much.\n")

TWO_HOLDERS = (
    "Norway's fisheries minister said on Monday that talks had stalled. Fisheries Minister "
    "Ingrid Solheim and Fisheries Minister Gunnar Jonsson met in Oslo on Tuesday.\n")


@pytest.fixture(scope="module")
def results(pipeline):
    arts = {"title": TITLE, "appos": APPOSITION, "two": TWO_HOLDERS}
    return {k: pipeline.extract({"id": k, "text": t}) for k, t in arts.items()}


def entity_of(result, text: str):
    return next(e for e in result.entities if any(m.text == text for m in e.mentions))


def test_nominal_joins_the_only_person_with_that_title(results):
    res = results["title"]
    solheim = entity_of(res, "Ingrid Solheim")
    assert entity_of(res, "Norway's fisheries minister").id == solheim.id
    assert solheim.country == "NOR"  # not Iceland, the country the article mentions most
    first = next(s for s in res.statements if s.speaker and s.speaker.text == "Norway's fisheries minister")
    assert first.speaker.entity == solheim.id


def test_nominal_in_apposition_joins_the_name(results):
    res = results["appos"]
    jonsson = entity_of(res, "Gunnar Jonsson")
    assert entity_of(res, "Iceland's fisheries minister").id == jonsson.id
    assert jonsson.country == "ISL"
    assert jonsson.role and "fisheries minister" in jonsson.role.lower()
    solheim = entity_of(res, "Ingrid Solheim")
    assert solheim.country == "NOR" and solheim.id != jonsson.id


def test_two_holders_of_the_title_leave_the_nominal_alone(results):
    res = results["two"]
    nominal = entity_of(res, "Norway's fisheries minister")
    assert not any(m.text in ("Ingrid Solheim", "Gunnar Jonsson") for m in nominal.mentions)


COMMISSIONER = (
    "Iceland and Norway argued over mackerel on Monday. The European Union urged both "
    "countries to show restraint. In a statement on Wednesday, the EU's fisheries "
    "commissioner, Marta Kowalczyk, called on Oslo and Reykjavik to resume talks.\n\n"
    "A report by the Nordic Council said the stocks had moved north. The Norwegian "
    "ministry denied reports that it had sent a warship.\n")


def test_statement_venue_is_no_actor_and_report_is_no_person(pipeline):
    res = pipeline.extract({"id": "eu", "text": COMMISSIONER})
    assert not any(m.text == "statement" for e in res.entities for m in e.mentions)
    kowalczyk = entity_of(res, "Marta Kowalczyk")
    assert kowalczyk.country == "IGO"  # the EU's commissioner, not Icelandic
    report = next(e for e in res.entities if any(m.text.endswith("report") for m in e.mentions))
    assert report.kind == "document"
    reports = next(e for e in res.entities if any(m.text == "reports" for m in e.mentions))
    assert reports.kind == "document"
