"""Acceptance on the founding article (dated 2026-06-24, a Wednesday, by its URL).

By the rules: the weekday references form one news cycle ("a day after" Trump's call on
Wednesday, the ministry spoke on Thursday), so Thursday is the most recent Thursday,
2026-06-18, and Wednesday the day before it, 2026-06-17; "over the weekend" is the most
recent weekend, Saturday 2026-06-20; "in January" (past tense: "declared himself interim
president in January") is January 2026; "to begin on April 6" is future-oriented while
6 April 2026 had already passed, so the article must have been written before it."""
from __future__ import annotations


def _time(founding, text):
    hits = [t for t in founding.times if t.text == text]
    assert hits, f"{text!r} not among {[t.text for t in founding.times]}"
    return hits


def test_published_from_the_url(founding):
    assert founding.article.published == "2026-06-24"


def test_thursday(founding):
    for t in _time(founding, "Thursday"):
        assert (t.value, t.granularity) == ("2026-06-18", "day")


def test_wednesday(founding):
    (t,) = _time(founding, "Wednesday")
    assert (t.value, t.granularity) == ("2026-06-17", "day")


def test_over_the_weekend(founding):
    (t,) = _time(founding, "the weekend")
    assert (t.value, t.granularity) == ("2026-06-20", "weekend")


def test_in_january(founding):
    (t,) = _time(founding, "January")
    assert (t.value, t.granularity) == ("2026-01-01", "month")


def test_date_conflict_on_april_6(founding):
    flags = [f for f in founding.flags if f.kind == "date_conflict"]
    assert flags
    hit = [f for f in flags if any("to begin on April 6" in e.text for e in f.evidence)]
    assert hit, [f.message for f in flags]
    assert "before 6 April 2026" in hit[0].message
    for e in hit[0].evidence:
        assert founding.text[e.start:e.end] == e.text


def test_every_time_span_is_exact(founding):
    for t in founding.times:
        assert founding.text[t.start:t.end] == t.text
