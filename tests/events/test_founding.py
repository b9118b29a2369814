"""The founding article (../shared/corpus/moscow-times-venezuela-advisers.txt): the events
an analyst must get out of it, checked on the real file."""
from __future__ import annotations

import pytest


def _country(result, ids):
    by_id = {e.id: e for e in result.entities}
    return {by_id[i].country for i in ids if i in by_id}


def _events(result, typ, *, mode="plain"):
    out = [e for e in result.events if e.type == typ]
    if mode == "plain":
        out = [e for e in out if e.mode is None]
    elif mode is not None:
        out = [e for e in out if e.mode == mode]
    return out


def _with(result, typ, source, target, *, mode="plain", evidence=None):
    return [e for e in _events(result, typ, mode=mode)
            if source in _country(result, e.source) and (target is None or target in _country(result, e.target))
            and (evidence is None or evidence in e.evidence.text)]


def test_spans_hold(founding):
    founding.check_spans()
    for ev in founding.events:
        assert founding.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text


def test_russia_sends_military_advisers_to_venezuela(founding):
    found = _with(founding, "AID", "RUS", "VEN", evidence="sent military advisers")
    assert found, [(e.type, e.evidence.text) for e in founding.events]
    ev = found[0]
    assert ev.cameo.startswith("07")
    assert ev.location is not None and ev.location.country == "VEN"
    # "over the weekend" before the 2026-06-24 article: dated from the text, not the publication date
    assert ev.date is not None and ev.date.basis == "text"


def test_trump_demands_russia_withdraw(founding):
    found = _with(founding, "REQUEST", "USA", "RUS")
    assert found
    assert any(e.cameo.startswith(("02", "10")) for e in found)
    assert any(getattr(e, "action", None) == "RETREAT" for e in found), "the request is to withdraw"
    # reported twice ("called on Moscow to get out" / "on Wednesday called on Russia to
    # withdraw"): one event, dated by the sentence that names the day
    assert len(found) == 1 and len(getattr(found[0], "also", [])) == 1
    assert found[0].date.value == "2026-06-17" and found[0].date.basis == "text"


def test_all_options_is_a_threat_to_russia(founding):
    found = _with(founding, "THREATEN", "USA", "RUS")
    assert found and found[0].cameo.startswith("13")


def test_kremlin_rejects_the_us_call(founding):
    assert _with(founding, "REJECT", "RUS", "USA", evidence="Kremlin rejected")


def test_zakharova_denial_is_not_a_base_event(founding):
    denied = [e for e in founding.events if "considering" in e.trigger.text]
    assert denied and all(e.mode == "denied" for e in denied)
    # no plain (completed) base-building event anywhere in the article
    assert not [e for e in founding.events if e.mode is None and "base" in e.evidence.text
                and e.type in ("COOPERATE", "MOBILIZE")]


def test_bondarev_base_is_a_proposal(founding):
    found = _with(founding, "COOPERATE", "RUS", "VEN", mode="proposed")
    assert found and "base" in found[0].evidence.text


def test_russia_supports_maduro(founding):
    found = _with(founding, "SUPPORT", "RUS", "VEN", evidence="backer")
    assert found
    by_id = {e.id: e for e in founding.entities}
    assert any("Maduro" in by_id[t].name for e in found for t in e.target)


def test_usa_sanctions_venezuela(founding):
    found = _with(founding, "SANCTION", "USA", "VEN", evidence="sanctions")
    assert found
    # "backs the country's opposition and has imposed sanctions": the sanctions are on the
    # country, not on the opposition the United States backs
    by_id = {e.id: e for e in founding.entities}
    assert all(by_id[i].kind == "country" for i in found[0].target)


def test_guaido_calls_on_supporters(founding):
    # PLOVER REQUEST: an appeal to others to act (the mobilisation has not happened yet;
    # MOBILIZE is a change in force posture that took place)
    found = _with(founding, "REQUEST", "VEN", None, evidence="called on his supporters")
    assert found and found[0].cameo.startswith("02")


def test_no_event_in_the_headline_or_statements_about_nothing(founding):
    # "It's the first I'm hearing about bases in Venezuela," Zakharova said: no event
    assert not [e for e in founding.events if "first I" in e.evidence.text]
