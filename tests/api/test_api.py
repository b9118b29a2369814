"""The HTTP API over a real uvicorn server on a free port, on SQLite and PostgreSQL."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from tidings.api import create_app
from tidings.store.synthetic import synthetic_result
from tidings.store.testing import hand_result

HOSTILE = (
    "Protesters storm <b>ministry</b> <script>alert('x')</script>\n\n"
    "Demonstrators in Tbilisi chanted \"</textarea><img src=x onerror=alert(1)>\" outside the "
    "parliament on Monday; police detained 12 people.  '; DROP TABLE documents; --")


@contextmanager
def serve(app):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def corpus(store):
    for n in range(40):
        store.upsert(synthetic_result(n, seed=3))
    store.upsert(hand_result(
        HOSTILE, id="hostile", published="2026-02-02",
        entities={"e1": ("Tbilisi", "location", "GEO")},
        events=[("COERCE", [], [], "police detained 12 people", None, "GEO")]))
    return store


@pytest.fixture(scope="module")
def api(corpus):
    with serve(create_app(corpus, write_token="w-secret")) as client:
        yield client


def test_search_and_document_round_trip(api, corpus):
    page = api.get("/api/search", params={"q": "sanctions", "limit": 5}).json()
    assert page["total"] == corpus.search("sanctions").total > 0
    assert len(page["items"]) <= 5
    for hit in page["items"]:
        doc = api.get(f"/api/documents/{hit['id']}").json()
        text = doc["result"]["text"]
        assert "sanction" in text.lower()
        for local, actor_id in doc["actors"].items():
            assert api.get(f"/api/actors/{actor_id}").status_code == 200
    listing = api.get("/api/documents", params={"limit": 100}).json()
    assert listing["total"] == corpus.counts().documents
    published = [h["published"] for h in listing["items"]]
    assert published == sorted(published, reverse=True)


def test_untrusted_text_comes_back_verbatim_as_json(api):
    hit = api.get("/api/search", params={"q": "Tbilisi"}).json()["items"][0]
    assert "<script>" in hit["headline"]
    response = api.get(f"/api/documents/{hit['id']}")
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["result"]["text"] == HOSTILE
    # the SQL in the text was data: all documents are still there
    assert api.get("/api/counts").json()["documents"] >= 41
    assert api.get("/api/search", params={"q": "'; DROP TABLE documents; --"}).status_code == 200


def test_actor_statements_and_events(api):
    actors = api.get("/api/actors", params={"limit": 3}).json()
    assert actors["total"] > 3 and len(actors["items"]) == 3
    counts = [a["n_documents"] for a in actors["items"]]
    assert counts == sorted(counts, reverse=True)
    speaker = api.get("/api/actors", params={"kind": "person", "limit": 1}).json()["items"][0]
    detail = api.get(f"/api/actors/{speaker['id']}").json()
    assert detail["actor"]["name"] == speaker["name"]
    dates = [s["date"] for s in detail["statements"]["items"]]
    assert dates == sorted(dates) and len(dates) == speaker["n_statements"]
    for st in detail["statements"]["items"]:
        assert st["actor"]["id"] == speaker["id"]
        text = api.get(f"/api/documents/{st['doc_id']}").json()["result"]["text"]
        first = st["content"][0]
        assert text[first["start"]:first["end"]] == first["text"]
    by_api = api.get("/api/statements", params={"actor": speaker["id"], "limit": 500}).json()
    assert by_api["total"] == speaker["n_statements"]
    direct = api.get("/api/statements", params={"kind": "direct", "limit": 500}).json()
    assert direct["total"] > 0 and {s["kind"] for s in direct["items"]} == {"direct"}
    assert api.get("/api/statements", params={"kind": "shouted"}).status_code == 422
    topic = api.get("/api/statements", params={"q": "ceasefire"}).json()
    assert all("ceasefire" in s["text"] for s in topic["items"]) and topic["total"] > 0

    events = api.get("/api/events", params={"type": "ASSAULT,SANCTION", "limit": 500}).json()
    assert {e["type"] for e in events["items"]} <= {"ASSAULT", "SANCTION"}
    assert all(e["score"] < 0 for e in events["items"])
    geo = api.get("/api/events", params={"country": "GEO"}).json()
    assert [e["type"] for e in geo["items"]] == ["COERCE"]
    windowed = api.get("/api/events", params={"date_from": "2025-03", "date_to": "2025-04",
                                              "limit": 500}).json()
    assert all("2025-03-01" <= e["date"] <= "2025-04-30" for e in windowed["items"])


def test_timeline_and_network(api):
    buckets = api.get("/api/timeline", params={"granularity": "year"}).json()
    assert [b["period"] for b in buckets] == sorted(b["period"] for b in buckets)
    assert sum(b["count"] for b in buckets) == api.get("/api/counts").json()["events"]
    net = api.get("/api/network", params={"limit": 10}).json()
    assert 0 < len(net["edges"]) <= 10
    ids = {n["id"] for n in net["nodes"]}
    for edge in net["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert -1.0 <= edge["score"] <= 1.0


@pytest.mark.parametrize("path,params", [
    ("/api/search", {"date_from": "last week"}), ("/api/search", {"limit": 100000}),
    ("/api/events", {"role": "bystander"}), ("/api/timeline", {"granularity": "fortnight"}),
    ("/api/actors/not-a-number", {}), ("/api/actors/99999999999999999999", {}),
    ("/api/events", {"actor": 2**40}), ("/api/search", {"offset": 10**12})])
def test_bad_parameters_are_rejected(api, path, params):
    assert api.get(path, params=params).status_code == 422


def test_missing_things_are_404(api):
    assert api.get("/api/documents/ffffffffffffffff").status_code == 404
    assert api.get("/api/actors/999999").status_code == 404


def test_openapi_schema_and_docs(api):
    schema = api.get("/openapi.json").json()
    for path in ("/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/actors",
                 "/api/actors/{actor_id}", "/api/statements", "/api/events", "/api/timeline",
                 "/api/network"):
        assert path in schema["paths"]
    assert "post" in schema["paths"]["/api/documents"]
    # answers are described, not just "any JSON"
    for name in ("DocumentHit", "ActorDetail", "StatementRow", "EventRow", "Network"):
        assert name in schema["components"]["schemas"]
    page = api.get("/docs").text
    assert "swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page  # nothing from the internet
    js = api.get("/docs-assets/swagger-ui-bundle.js")
    assert js.status_code == 200 and "SwaggerUIBundle" in js.text
    assert api.get("/docs-assets/swagger-ui.css").status_code == 200
    assert api.get("/docs-assets/..%2FMANIFEST.json").status_code == 404


def test_writes_need_the_token(corpus):
    before = corpus.counts().documents
    with serve(create_app(corpus, write_token="w-secret")) as api:
        assert api.post("/api/documents", data={"text": "x"}).status_code == 401
        assert api.post("/api/documents", data={"text": "x"},
                        headers={"Authorization": "Bearer wrong"}).status_code == 401
        # refused before the body is read: a huge declared length changes nothing
        big = api.post("/api/documents", content=b"x" * 1000,
                       headers={"Content-Type": "multipart/form-data; boundary=b"})
        assert big.status_code == 401
        assert _declared_huge_upload(api.base_url.port) == 413
    with serve(create_app(corpus, write_token=None)) as api:
        assert api.post("/api/documents", data={"text": "x"},
                        headers={"Authorization": "Bearer w-secret"}).status_code == 403
    assert corpus.counts().documents == before


def _declared_huge_upload(port: int) -> int:
    """POST declaring a 10 GB body but sending a few bytes (httpx refuses to do that)."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest("POST", "/api/documents")
        conn.putheader("Authorization", "Bearer w-secret")
        conn.putheader("Content-Type", "multipart/form-data; boundary=b")
        conn.putheader("Content-Length", str(10**10))
        conn.endheaders(b"--b--\r\n")
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_reads_can_require_a_token(corpus):
    with serve(create_app(corpus, write_token="w", read_token="r-secret")) as api:
        assert api.get("/api/counts").status_code == 401
        assert api.get("/api/search", params={"q": "talks"}).status_code == 401
        assert api.get("/api/counts", headers={"Authorization": "Bearer r-secret"}).status_code == 200
        assert api.get("/api/counts", params={"token": "r-secret"}).status_code == 200
        assert api.get("/api/counts", headers={"Authorization": "Bearer w"}).status_code == 200
        assert api.get("/api/counts", headers={"Authorization": "Bearer nope"}).status_code == 401


ARTICLE = (
    "Chile and Argentina sign water-sharing accord\n\n"
    "SANTIAGO - Chile and Argentina signed an agreement on Thursday to share water from "
    "rivers that cross the Andes, the foreign ministry said.\n\n"
    "\"This accord protects farmers on both sides of the border,\" Foreign Minister Alberto "
    "van Klaveren told reporters in Santiago.\n")


@pytest.mark.slow
def test_upload_text_html_and_pdf(corpus, pipeline):
    from fpdf import FPDF

    auth = {"Authorization": "Bearer w-secret"}
    before = corpus.counts().documents
    with serve(create_app(corpus, write_token="w-secret", pipeline=pipeline)) as api:
        first = api.post("/api/documents", data={"text": ARTICLE, "id": "water"}, headers=auth)
        assert first.status_code == 201, first.text
        body = first.json()
        assert body["created"] and body["result"]["text"] == ARTICLE
        again = api.post("/api/documents", data={"text": ARTICLE, "id": "water"}, headers=auth)
        assert again.status_code == 200 and again.json()["id"] == body["id"]
        assert api.get("/api/search", params={"q": "water Andes"}).json()["items"][0]["id"] == body["id"]

        html = ("<html><head><title>Floods in Dhaka</title></head><body><article>"
                "<h1>Floods in Dhaka</h1><p>Heavy monsoon rains flooded large parts of Dhaka on "
                "Sunday, officials said, and thousands of families left their homes.</p>"
                "<p>The government said it would send emergency aid to the worst-hit districts."
                "</p></article></body></html>")
        up = api.post("/api/documents", files={"file": ("dhaka.html", html.encode(), "text/html")},
                      headers=auth)
        assert up.status_code == 201, up.text
        assert "monsoon" in up.json()["result"]["text"] and "<p>" not in up.json()["result"]["text"]

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, "Kenya opens new rail line\n\nNAIROBI - Kenya opened a new rail "
                             "line to the port of Mombasa on Monday, the transport ministry said.")
        got = api.post("/api/documents", files={"file": ("rail.pdf", bytes(pdf.output()),
                                                         "application/pdf")}, headers=auth)
        assert got.status_code == 201, got.text
        assert "Mombasa" in got.json()["result"]["text"]

        junk = api.post("/api/documents", files={"file": ("junk.pdf", b"%PDF-1.4 garbage",
                                                          "application/pdf")}, headers=auth)
        assert junk.status_code == 422
        empty = api.post("/api/documents", data={"text": "   "}, headers=auth)
        assert empty.status_code == 422
    assert corpus.counts().documents == before + 3
