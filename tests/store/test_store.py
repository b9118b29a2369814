"""The corpus store on hand-written articles: identity, re-ingest, cross-document actors,
search, filters, network and timeline — on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from tidings.store import Store, content_hash, document_id
from tidings.store.testing import hand_result

SANCTIONS = (
    "EU widens sanctions on Moscow\n\n"
    "The European Union imposed sanctions on Russia on Monday, officials said. "
    '"Pressure will continue until the troops leave," Kaja Kallas told reporters. '
    "Russia accused the European Union of economic warfare.")

UN_TALKS = (
    "U.N. hosts talks on Venezuela\n\n"
    "The U.N. held talks with Venezuela in Geneva. "
    '"We want a negotiated solution," Nicolás Maduro said. '
    "Russia sent humanitarian aid to Venezuela.")

MADURO = (
    "Maduro rejects opposition demands\n\n"
    '"No foreign power decides our elections," NICOLAS MADURO said on Tuesday. '
    "The United Nations asked Venezuela for a ceasefire. "
    "Russian troops shelled positions held by Ukraine.")


def sanctions_result():
    return hand_result(
        SANCTIONS, id="sanctions", published="2026-03-03",
        entities={"e1": ("European Union", "organization", "IGO"),
                  "e2": ("Russia", "country", "RUS"), "e3": ("Kaja Kallas", "person", "EST")},
        statements=[("e3", "Kaja Kallas", "Pressure will continue until the troops leave",
                     "2026-03-02")],
        events=[("SANCTION", ["e1"], ["e2"], "The European Union imposed sanctions on Russia",
                 "2026-03-02", None),
                ("ACCUSE", ["e2"], ["e1"], "Russia accused the European Union of economic warfare",
                 None, None)])


def un_result():
    return hand_result(
        UN_TALKS, id="un-talks", published="2026-04-10",
        entities={"e1": ("U.N.", "organization", "IGO"), "e2": ("Venezuela", "country", "VEN"),
                  "e3": ("Nicolás Maduro", "person", "VEN"), "e4": ("Russia", "country", "RUS")},
        statements=[("e3", "Nicolás Maduro", "We want a negotiated solution", None)],
        events=[("CONSULT", ["e1"], ["e2"], "The U.N. held talks with Venezuela", "2026-04-09",
                 "CHE"),
                ("AID", ["e4"], ["e2"], "Russia sent humanitarian aid to Venezuela", "2026-04-08",
                 None)])


def maduro_result():
    return hand_result(
        MADURO, id="maduro", published="2026-05-20",
        entities={"e1": ("NICOLAS MADURO", "person", "VEN"),
                  "e2": ("United Nations", "organization", "IGO"),
                  "e3": ("Venezuela", "country", "VEN"), "e4": ("Russian", "country", "RUS"),
                  "e5": ("Ukraine", "country", "UKR")},
        statements=[("e1", "NICOLAS MADURO", "No foreign power decides our elections",
                     "2026-05-19")],
        events=[("REQUEST", ["e2"], ["e3"], "The United Nations asked Venezuela for a ceasefire",
                 "2026-05-18", None),
                ("ASSAULT", ["e4"], ["e5"], "Russian troops shelled positions held by Ukraine",
                 "2026-05-17", "UKR")])


@pytest.fixture
def corpus(store):
    for result in (sanctions_result(), un_result(), maduro_result()):
        store.upsert(result)
    return store


def test_stored_result_reads_back_unchanged(store):
    result = sanctions_result()
    doc_id = store.upsert(result)
    assert doc_id == document_id(SANCTIONS) == content_hash(SANCTIONS)[:16]
    assert store.document(doc_id).to_dict() == result.to_dict()
    assert store.document("0" * 16) is None
    stored = store.get_document(doc_id)
    assert stored.content_hash == content_hash(SANCTIONS)
    assert set(stored.actors) == {"e1", "e2", "e3"}


def _counter_drift(store: Store) -> list[tuple]:
    """Actors whose stored counters differ from what their rows say."""
    with store.engine.connect() as conn:
        return conn.execute(sql(
            "SELECT a.id, a.n_documents, a.n_statements, a.n_events, "
            "(SELECT count(DISTINCT doc_pk) FROM doc_entities de WHERE de.actor_id = a.id), "
            "(SELECT count(*) FROM statements s WHERE s.actor_id = a.id), "
            "(SELECT count(DISTINCT event_id) FROM event_actors ea WHERE ea.actor_id = a.id) "
            "FROM actors a")).all()


def test_reingest_updates_instead_of_duplicating(store):
    first = sanctions_result()
    doc_id, created = store.upsert_ex(first)
    assert created
    assert store.upsert_ex(sanctions_result()) == (doc_id, False)
    assert store.counts().documents == 1
    assert store.counts().events == 2 and store.counts().statements == 1
    # the same text extracted differently (a better extractor): the facts are replaced
    changed = sanctions_result()
    changed.events = changed.events[:1]
    changed.statements = []
    assert store.upsert_ex(changed) == (doc_id, False)
    counts = store.counts()
    assert (counts.documents, counts.events, counts.statements) == (1, 1, 0)
    assert store.document(doc_id).events[0].type == "SANCTION"
    for row in _counter_drift(store):
        assert row[1:4] == row[4:7], row


def test_a_failed_write_leaves_no_half_document(store, monkeypatch):
    from tidings.store import write

    def broken(conn, doc_pk, result, published, known, document):
        conn.execute(sql("INSERT INTO times (doc_pk, start, \"end\", text) VALUES (:d, 0, 1, 'x')"),
                     {"d": doc_pk})
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(write, "_write_children", broken)
    with pytest.raises(RuntimeError):
        store.upsert(sanctions_result())
    counts = store.counts()
    assert (counts.documents, counts.times, counts.actors) == (0, 0, 0)
    assert store.search("sanctions").total == 0
    monkeypatch.undo()  # the next write must not trust actor ids of the rolled-back one
    store.upsert(sanctions_result())
    assert store.counts().actors == 3
    for row in _counter_drift(store):
        assert row[1:4] == row[4:7], row


def test_cross_document_actors_merge_aliases_case_and_accents(corpus):
    un = corpus.actors("United Nations").items
    assert len(un) == 1 and un[0].n_documents == 2  # "U.N." and "United Nations"
    assert corpus.actors("U.N.").items[0].id == un[0].id
    maduro = corpus.actors("maduro").items
    assert len(maduro) == 1 and maduro[0].n_documents == 2 and maduro[0].n_statements == 2
    detail = corpus.actor(maduro[0].id)
    assert set(detail.names) == {"Nicolás Maduro", "NICOLAS MADURO"}
    # statements in date order; a statement without a date sits at its article's date
    dates = [(s.date, s.date_from) for s in detail.statements.items]
    assert dates == [("2026-04-10", "published"), ("2026-05-19", "statement")]
    # country entities are one actor per ISO code, whatever the article calls them
    russia = corpus.actors(country="RUS", kind="country").items
    assert len(russia) == 1 and russia[0].n_documents == 3


def test_middle_initials_join_and_find_one_person(store):
    store.upsert(_person_doc(1, "Donald J. Trump"))
    store.upsert(_person_doc(2, "Donald Trump"))
    for q in ("Donald J. Trump", "donald trump", "trump"):
        assert [a.n_documents for a in store.actors(q).items] == [2], q


def test_same_name_other_country_is_another_actor(store):
    a = hand_result("Ali Hassan spoke.", id="a", entities={"e1": ("Ali Hassan", "person", "EGY")})
    b = hand_result("Ali Hassan spoke too.", id="b",
                    entities={"e1": ("Ali Hassan", "person", "IRQ")})
    store.upsert(a)
    store.upsert(b)
    assert sorted(r.country for r in store.actors("ali hassan").items) == ["EGY", "IRQ"]


def test_actor_page_spans_point_into_the_document(corpus):
    russia = corpus.actors(country="RUS", kind="country").items[0]
    detail = corpus.actor(russia.id)
    assert {e.type for e in detail.events_as_source.items} == {"ACCUSE", "AID", "ASSAULT"}
    assert {e.type for e in detail.events_as_target.items} == {"SANCTION"}
    for ev in detail.events_as_source.items + detail.events_as_target.items:
        doc_text = corpus.document(ev.doc_id).text
        assert doc_text[ev.evidence["start"]:ev.evidence["end"]] == ev.evidence["text"]
    for st in corpus.statements().items:
        doc_text = corpus.document(st.doc_id).text
        for span in st.content + [st.speaker]:
            assert doc_text[span["start"]:span["end"]] == span["text"]


def test_search_stems_ranks_and_paginates(corpus):
    hits = corpus.search("sanction")
    assert [h.ext_id for h in hits.items] == ["sanctions"]
    snip = hits.items[0].snippet
    assert all(snip.text[s:e].lower().startswith("sanction") for s, e in snip.highlights)
    assert corpus.search("Venezuela ceasefire").total == 1  # all words must occur
    assert corpus.search("venezuela").total == 2
    assert corpus.search("venezuela", date_from="2026-05-01").total == 1
    everything = corpus.search(None)
    assert [h.published for h in everything.items] == ["2026-05-20", "2026-04-10", "2026-03-03"]
    pages = [corpus.search(None, limit=1, offset=i).items[0].id for i in range(3)]
    assert pages == [h.id for h in everything.items]
    assert corpus.search(None, limit=1, offset=3).items == []


@pytest.mark.parametrize("hostile", [
    '"', "'", "sanctions OR", "NEAR(a b)", "*", "sanc*", "a:b", "'); DROP TABLE documents; --",
    "\x00", "^", "(((", "\\", "%", "_", "-", ":", "{col}"])
def test_hostile_queries_are_plain_words(corpus, hostile):
    corpus.search(hostile)
    corpus.statements(q=hostile)
    corpus.actors(hostile)
    assert corpus.counts().documents == 3  # nothing was interpreted as SQL


def test_impossible_ids_find_nothing(corpus):
    for bad in (-1, 2**31, 10**20):
        assert corpus.actor(bad) is None
        assert corpus.statements(actor=bad).total == 0
        assert corpus.events(actor=bad).total == 0
        assert corpus.network(actor=bad).edges == []
        assert corpus.timeline(actor=bad) == []
    assert corpus.search(None, offset=10**20).items == []


def test_like_wildcards_in_actor_queries_match_literally(corpus):
    assert corpus.actors("%").total == 0
    assert corpus.actors("_").total == 0


def test_statements_by_actor_topic_and_date(corpus):
    kallas = corpus.actors("Kallas").items[0]
    by_actor = corpus.statements(actor=kallas.id)
    assert [s.text for s in by_actor.items] == ["Pressure will continue until the troops leave"]
    assert by_actor.items[0].actor.name == "Kaja Kallas"
    assert corpus.statements(q="elections").items[0].actor.name in ("NICOLAS MADURO", "Nicolás Maduro")
    assert corpus.statements(q="troops").total == 1
    window = corpus.statements(date_from="2026-04-01", date_to="2026-04-30")
    assert [s.text for s in window.items] == ["We want a negotiated solution"]


def test_events_filter_by_actor_type_country_and_date(corpus):
    russia = corpus.actors(country="RUS", kind="country").items[0].id
    assert corpus.events(actor=russia).total == 4
    assert corpus.events(actor=russia, role="target").items[0].type == "SANCTION"
    assert {e.type for e in corpus.events(type="ASSAULT,AID").items} == {"ASSAULT", "AID"}
    # country: the event's place or a participant's country
    assert {e.type for e in corpus.events(country="CHE").items} == {"CONSULT"}
    assert {e.type for e in corpus.events(country="UKR").items} == {"ASSAULT"}
    assert {e.type for e in corpus.events(country="EST").items} == set()
    assert [e.type for e in corpus.events(date_from="2026-05-01").items] == ["ASSAULT", "REQUEST"]
    assert [e.type for e in corpus.events(date_from="2026-04", date_to="2026-04").items] == [
        "AID", "CONSULT"]  # a month as the upper bound covers all of it
    assert corpus.search("venezuela", date_to="2026").total == 2
    assert [e.date for e in corpus.events(order="-date", limit=2).items] == ["2026-05-18",
                                                                              "2026-05-17"]
    undated = [e for e in corpus.events(type="ACCUSE").items]
    assert undated[0].date == "2026-03-03" and undated[0].date_from == "published"


def test_network_scores_cooperation_and_conflict(corpus):
    net = corpus.network()
    names = {n.id: n.name for n in net.nodes}
    edges = {(names[e.source], names[e.target]): e for e in net.edges}
    assert edges[("Russia", "Venezuela")].score == 1.0          # AID
    assert edges[("Russia", "Ukraine")].score == -1.0           # ASSAULT
    assert edges[("European Union", "Russia")].score < 0        # SANCTION
    assert edges[("U.N.", "Venezuela")].count == 2              # CONSULT + REQUEST, one actor
    assert edges[("U.N.", "Venezuela")].by_type == {"CONSULT": 1, "REQUEST": 1}
    ego = corpus.network(actor=corpus.actors("Ukraine").items[0].id)
    assert len(ego.edges) == 1 and len(ego.nodes) == 2


def test_timeline_buckets_by_month(corpus):
    months = {b.period: b for b in corpus.timeline(granularity="month")}
    assert sorted(months) == ["2026-03", "2026-04", "2026-05"]
    assert months["2026-05"].by_type == {"REQUEST": 1, "ASSAULT": 1}
    assert months["2026-04"].score == pytest.approx((0.3 + 1.0) / 2)
    with pytest.raises(ValueError):
        corpus.timeline(granularity="fortnight")


def test_delete_removes_the_document_and_its_counts(corpus):
    doc_id = document_id(SANCTIONS)
    assert corpus.delete(doc_id)
    assert not corpus.delete(doc_id)
    assert corpus.search("sanctions").total == 0
    assert corpus.actors("Kallas").total == 0
    assert corpus.counts().documents == 2


def test_reopening_keeps_the_corpus(store_url):
    with Store(store_url) as first:
        first.upsert(un_result())
    with Store(store_url) as again:  # migrations at head: nothing to do, nothing lost
        assert again.counts().documents == 1


def _person_doc(n: int, name: str, *, country: str = "USA"):
    body = f"Report {n}\n\n{name} spoke to reporters in Chicago about the budget, aides said."
    return hand_result(body, id=f"p{n}", published="2026-01-0%d" % (n % 9 + 1),
                       entities={"e1": (name, "person", country)})


def test_surname_alone_links_to_the_one_prominent_person(store):
    for n in range(4):
        store.upsert(_person_doc(n, "Barack Obama"))
    store.upsert(_person_doc(10, "Michelle Obama"))
    store.upsert(_person_doc(11, "Obama"))  # 4 of the 5 Obama documents are Barack's
    obamas = {a.name: a.n_documents for a in store.actors("obama").items}
    assert obamas == {"Barack Obama": 5, "Michelle Obama": 1}
    assert "Obama" in store.actor(store.actors("barack").items[0].id).names


def test_surname_alone_stays_apart_when_it_is_not_clear_who(store):
    for n in range(3):
        store.upsert(_person_doc(n, "Hillary Clinton"))
        store.upsert(_person_doc(n + 10, "Bill Clinton"))
    store.upsert(_person_doc(20, "Clinton"))
    store.upsert(_person_doc(21, "Lopez"))  # nobody else with that surname: its own actor
    assert sorted(a.name for a in store.actors("clinton").items) == [
        "Bill Clinton", "Clinton", "Hillary Clinton"]
    assert store.actors("lopez").total == 1


def test_migrations_go_down_and_up_again(store_url):
    from tidings.store.db import downgrade, make_engine, migrate

    with Store(store_url) as store:
        for n in range(3):
            store.upsert(_person_doc(n, "Barack Obama"))
    engine = make_engine(store_url)
    try:
        downgrade(engine, revision="0001")  # before surnames existed
        migrate(engine)                    # back to head: surnames filled from the keys
    finally:
        engine.dispose()
    with Store(store_url) as store:
        store.upsert(_person_doc(9, "Obama"))
        assert [a.n_documents for a in store.actors("obama").items] == [4]


def test_actor_page_role_is_the_one_most_articles_give(store):
    for n, role in enumerate(["aide", "foreign minister", "foreign minister"]):
        result = _person_doc(n, "Sergey Lavrov", country="RUS")
        result.entities[0].role = role
        store.upsert(result)
    lavrov = store.actors("lavrov").items[0]
    assert lavrov.role == "aide"  # the list keeps the first role stored (no extra query)
    detail = store.actor(lavrov.id)
    assert detail.actor.role == "foreign minister"
    assert detail.roles == ["foreign minister", "aide"]


def test_generic_groups_stay_in_their_article(store):
    for n in range(2):
        body = f"Item {n}\n\nofficials said the Kremlin had approved the plan, officials added."
        store.upsert(hand_result(body, id=f"g{n}", entities={
            "e1": ("officials", "group", None), "e2": ("Kremlin", "organization", "RUS")},
            statements=[("e1", "officials", "the Kremlin had approved the plan", None)]))
    assert [a.n_documents for a in store.actors("officials").items] == [1, 1]
    assert [a.n_documents for a in store.actors("kremlin").items] == [2]


def test_a_name_without_country_joins_the_one_actor_of_that_name(store):
    store.upsert(hand_result("Washington said no.", id="w1",
                             entities={"e1": ("Washington", "location", "USA")}))
    store.upsert(hand_result("WASHINGTON - talks resumed.", id="w2",
                             entities={"e1": ("WASHINGTON", "location", None)}))
    assert [(a.country, a.n_documents) for a in store.actors("washington").items] == [("USA", 2)]
    # with two countries of that name and no clear favourite, it stays apart
    store.upsert(hand_result("Georgia voted.", id="g1", entities={"e1": ("Georgia", "location", "USA")}))
    store.upsert(hand_result("Georgia protested.", id="g2", entities={"e1": ("Georgia", "location", "GEO")}))
    store.upsert(hand_result("Georgia waited.", id="g3", entities={"e1": ("Georgia", "location", None)}))
    assert sorted(str(a.country) for a in store.actors("georgia").items) == ["GEO", "None", "USA"]


def test_many_openers_of_a_new_sqlite_file_agree_on_one_schema(tmp_path):
    """Processes (an ingest, a server) opening a new database file at the same moment."""
    import subprocess
    import sys

    db = tmp_path / "fresh.db"
    go = tmp_path / "go"
    code = ("import os, sys, time\n"
            f"while not os.path.exists({str(go)!r}): time.sleep(0.005)\n"
            "from tidings.store import Store\n"
            f"Store('sqlite:///{db}').close()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    import time
    time.sleep(1.0)  # let them all import and wait at the start line
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with Store(f"sqlite:///{db}") as store:
        store.upsert(un_result())
        assert store.counts().documents == 1


def test_longer_codes_than_foreseen_are_stored(store):
    from tidings.document import Time

    result = sanctions_result()
    result.events[0].mode = "threatened-but-not-yet-carried-out-" * 2
    result.entities[0].sector = "INTERNATIONAL-GOVERNMENTAL"
    result.entities[0].id = "entity-" + "x" * 80
    result.events[0].source = [result.entities[0].id]
    result.times = [Time(start=0, end=2, text=SANCTIONS[:2], value="2026-03-02T14:30:00+03:00/PT2H",
                         granularity=None)]
    doc_id = store.upsert(result)
    assert store.document(doc_id).events[0].mode.startswith("threatened")
    assert store.events(type="SANCTION").items[0].sources[0].name == "European Union"
