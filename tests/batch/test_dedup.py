"""Near-duplicate articles and duplicate events, on three written versions of one wire story.

No model is loaded here: the results are built by hand on the real texts of the fixtures,
as the entities and events layers would report them, so the merging logic is checked on its
own.  ``test_pipeline_dedup.py`` runs the same stories through the real pipeline.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.batch import dedup
from tidings.batch.gdelt import cameo_codes, gdelt_events, gdelt_mentions, merged_tables
from tidings.document import Result

from .wire_helpers import VERSIONS, WIRE, event_rows as _rows, hand_result as _result

def test_three_wire_versions_are_one_group_and_other_news_is_not():
    others = [
        ("chile", "Workers at the Escondida copper mine in northern Chile walked off the job on "
                  "Monday after wage talks with the operator collapsed, the union said. The union "
                  "said the company had refused to raise its offer of a 3 percent pay increase."),
        ("kenya-other", "Kenya's central bank held its benchmark lending rate at 10 percent on "
                        "Tuesday, saying inflation remained within the target range and the "
                        "shilling had been stable against the dollar since January."),
    ]
    docs = [(name, VERSIONS[name][2], dedup.signature((WIRE / f"{name}.txt").read_text(encoding="utf-8"))) for name in VERSIONS]
    docs += [(name, "2026-03-10", dedup.signature(text)) for name, text in others]
    groups = dedup.group_articles(docs)
    assert len(groups) == 1
    group = groups[0]
    assert set(group.members) == set(VERSIONS)
    # the earliest published copy is the canonical one (the two from 10 March tie: by id)
    assert group.canonical == "reuters-kenya-uganda"
    # the trimmed copy (two paragraphs fewer) is the least similar, but still above threshold
    assert group.similarity["standard-kenya-uganda"] < group.similarity["monitor-kenya-uganda"] < 1.0
    assert min(group.similarity.values()) >= dedup.DEFAULT_THRESHOLD


def test_signature_is_stable_and_shingles_are_words():
    text = (WIRE / "reuters-kenya-uganda.txt").read_text(encoding="utf-8")
    assert dedup.signature(text) == dedup.signature(text)
    assert len(dedup.signature(text)) == dedup.NUM_PERM * 8
    assert b"kenya on tuesday accused uganda" in dedup.shingles(text)
    assert dedup.shingles("Too short.") == {b"too short"}
    assert dedup.shingles("") == set()


def test_same_event_in_three_wire_versions_becomes_one_event_with_three_mentions():
    results = [_result(name) for name in VERSIONS]
    rows = [row for r in results for row in _rows(r)]
    assert len(rows) == 3
    merged = dedup.merge_events(rows)
    assert len(merged) == 1
    event = merged[0]
    assert len(event.mentions) == 3 and event.num_articles == 3 and event.num_sources == 3
    events, mentions = merged_tables(merged, article_groups={n: "g1" for n in VERSIONS})
    assert events[0]["num_mentions"] == 3
    assert events[0]["actor1_name"] == "Kenya" and events[0]["actor2_country"] == "UGA"
    assert events[0]["date"] == "2026-03-10"
    # the source URL is that of the first report; every mention points into its own article
    assert events[0]["source_url"] == VERSIONS["reuters-kenya-uganda"][1]
    by_doc = {r.id: r for r in results}
    for m in mentions:
        text = by_doc[m["document_id"]].text
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence_text"]
        assert m["evidence_text"].startswith("Kenya on Tuesday accused Uganda")
        assert text[m["actor1_start"]:m["actor1_start"] + 5] == "Kenya"
        assert text[m["actor2_start"]:m["actor2_start"] + 6] == "Uganda"
        # the sentence holds the evidence: the headline is sentence 0, the lead follows
        assert m["sentence_start"] <= m["evidence_start"] < m["sentence_end"]
        assert m["article_group"] == "g1"
    g = gdelt_events(events)[0]
    assert (g["EventCode"], g["EventRootCode"], g["QuadClass"], g["GoldsteinScale"]) == ("112", "11", 3, -2.0)
    assert (g["NumMentions"], g["NumSources"], g["NumArticles"], g["SQLDATE"]) == (3, 3, 3, 20260310)
    assert g["Actor1CountryCode"] == "KEN" and g["Actor2Name"] == "UGANDA"
    gm = gdelt_mentions(mentions, events)
    assert {m["MentionSourceName"] for m in gm} == {"Reuters", "The Standard", "Daily Monitor"}
    assert all(m["GlobalEventID"] == g["GlobalEventID"] for m in gm)


def _variant(result: Result, *, target_country: str = "UGA", day: str = "2026-03-10",
             etype: str = "ACCUSE") -> list[dict]:
    rows = _rows(result)
    for row in rows:
        row["target_countries"] = [target_country]
        row["date_value"] = day
        row["type"] = etype
    return rows


def test_different_actors_types_or_dates_stay_separate_events():
    a, b = _result("reuters-kenya-uganda"), _result("standard-kenya-uganda")
    assert len(dedup.merge_events(_rows(a) + _variant(b, target_country="TZA"))) == 2
    assert len(dedup.merge_events(_rows(a) + _variant(b, etype="THREATEN"))) == 2
    # two days apart is the default window; four days apart is another event
    assert len(dedup.merge_events(_rows(a) + _variant(b, day="2026-03-12"))) == 1
    assert len(dedup.merge_events(_rows(a) + _variant(b, day="2026-03-14"))) == 2
    assert len(dedup.merge_events(_rows(a) + _variant(b, day="2026-03-12"), window_days=0)) == 2


def test_a_long_chain_of_daily_reports_is_cut_by_the_window():
    rows = []
    for day in range(1, 8):  # one accusation report per day for a week: not one event
        rows.extend(_variant(_result("reuters-kenya-uganda"), day=f"2026-03-{day:02d}"))
        rows[-1]["document_id"] = f"doc-{day}"
    merged = dedup.merge_events(rows, window_days=2)
    assert [len(e.mentions) for e in merged] == [3, 3, 1]


def test_events_with_one_side_only_merge_on_the_same_day_only():
    a, b = _result("reuters-kenya-uganda"), _result("standard-kenya-uganda")
    rows_a, same_day, next_day = _rows(a), _variant(b), _variant(b, day="2026-03-11")
    for row in rows_a + same_day + next_day:
        row["target_names"], row["target_countries"] = [], []
    assert len(dedup.merge_events(rows_a + same_day)) == 1
    assert len(dedup.merge_events(rows_a + next_day)) == 2


def test_events_without_actors_are_never_merged():
    rows = _rows(_result("reuters-kenya-uganda")) + _rows(_result("monitor-kenya-uganda"))
    for row in rows:
        for side in ("source", "target"):
            row[f"{side}_names"], row[f"{side}_countries"] = [], []
    assert len(dedup.merge_events(rows)) == 2
    # ... unless the articles are copies of one story and the evidence reads the same
    groups = {"reuters-kenya-uganda": "g1", "monitor-kenya-uganda": "g1"}
    merged = dedup.merge_events(rows, article_groups=groups)
    assert len(merged) == 1 and merged[0].num_articles == 2
    rows[1]["evidence_text"] = "Kenya on Wednesday withdrew its complaint."
    assert len(dedup.merge_events(rows, article_groups=groups)) == 2


@pytest.mark.parametrize("a,b", [("The United Nations", "united nations"),
                                 ("Zelenskyy", "ZELENSKYY"), ("Côte d'Ivoire", "Cote d Ivoire")])
def test_actor_names_match_across_spelling_of_case_accents_and_articles(a, b):
    assert dedup.normal_name(a) == dedup.normal_name(b)
    assert dedup.actor_key([a], ["x"]) == dedup.actor_key([b], ["X"])


def test_cameo_table_example_from_its_doc():
    # data/gdelt_cameo.json: "an ASSAULT event without a code exports as EventCode '18',
    # EventRootCode '18', QuadClass 4, GoldsteinScale -9.0"
    assert cameo_codes("ASSAULT", None) == ("18", "18", 4, -9.0)
    assert cameo_codes("REQUEST", "10") == ("10", "10", 3, -5.0)
    assert cameo_codes("AID", "0234") == ("0234", "02", 1, 3.0)


_ROW = st.fixed_dictionaries({
    "document_id": st.sampled_from(["a", "b", "c", "d"]),
    "type": st.sampled_from(["ACCUSE", "AID", "ASSAULT"]),
    "source_names": st.lists(st.sampled_from(["Kenya", "the Kenya", "Uganda", "Ruto"]), max_size=2),
    "target_names": st.lists(st.sampled_from(["Uganda", "KENYA", "Museveni"]), max_size=2),
    "date_value": st.one_of(st.none(), st.dates(dt.date(2026, 3, 1), dt.date(2026, 3, 12)).map(str)),
    "date_granularity": st.just("day"),
    "published": st.sampled_from([None, "2026-03-05"]),
    "evidence_text": st.sampled_from(["x", "y"]),
})


@settings(max_examples=150, deadline=None)
@given(st.lists(_ROW, max_size=25), st.integers(0, 4))
def test_merging_partitions_the_reports_into_consistent_events(rows, window):
    for n, row in enumerate(rows):
        row["event_id"] = f"v{n}"  # event ids are unique within a document
        for side in ("source", "target"):
            row[f"{side}_countries"] = ["KEN"] * len(row[f"{side}_names"])
    merged = dedup.merge_events(rows, window_days=window, article_groups={"a": "g", "b": "g"})
    ids = [id(m) for e in merged for m in e.mentions]
    assert sorted(ids) == sorted(id(r) for r in rows)  # every report in exactly one event
    for event in merged:
        keys = {(m["type"], dedup.actor_key(m["source_names"], m["source_countries"]),
                 dedup.actor_key(m["target_names"], m["target_countries"])) for m in event.mentions}
        assert len(keys) == 1
        if not any(event.key[1:3]):  # no actors: copies of one story, same evidence and date
            assert len({(m["evidence_text"], m["date_value"]) for m in event.mentions}) == 1
            continue
        days = [dedup.event_date(m) for m in event.mentions]
        if len(event.mentions) > 1 and all(days):
            assert max(days) - min(days) <= dt.timedelta(days=window)
