"""The highlight segmentation and the page rendering, without a browser (fast)."""
from __future__ import annotations

import pytest

from tests.browser import webcorpus
from tidings.document import Entity, Result, Span, Speaker, Statement
from tidings.web.highlight import highlight
from tidings.web.tone import colour, tone


def test_segments_cover_the_text_exactly_and_carry_the_facts_over_them():
    result = webcorpus.pact()
    hl = highlight(result)
    assert "".join(seg.text for seg in hl.segments) == result.text
    for seg in hl.segments:
        assert result.text[seg.start:seg.end] == seg.text
    by_key: dict[str, str] = {}
    for seg in hl.segments:
        for key in seg.keys:
            by_key[key] = by_key.get(key, "") + seg.text
    # every statement's content, speaker and cue, every event's evidence, every time
    for st in result.statements:
        assert by_key[f"st:{st.id}"] == "".join(c.text for c in st.content)
        assert by_key[f"sp:{st.id}"] == st.speaker.text
        assert by_key[f"cu:{st.id}"] == st.cue.text
    for ev in result.events:
        assert by_key[f"ev:{ev.id}"] == ev.evidence.text
    assert by_key["tm:1"] == "on Thursday"
    # the speaker "Maria Zakharova" is also an entity mention: one segment, both kinds
    seg = next(s for s in hl.segments if s.text == "Maria Zakharova")
    assert seg.kinds == ["speaker", "entity"] and seg.css == "h-speaker h-entity"
    # anchors sit where each statement and event starts
    anchors = {a: s.start for s in hl.segments for a in s.anchors}
    assert anchors["st-s1"] == result.statements[0].content[0].start
    assert anchors["ev-v2"] == result.events[1].evidence.start


def test_overlapping_and_nested_spans_split_cleanly():
    text = "Aa Bb Cc Dd"
    st = Statement(id="s1", kind="indirect", content=[Span.of(text, 0, 8)],
                   speaker=Speaker(start=3, end=5, text="Bb", entity="e1"))
    ent = Entity(id="e1", name="Bb", kind="person", mentions=[Span.of(text, 3, 5), Span.of(text, 6, 11)])
    hl = highlight(Result(text=text, statements=[st], entities=[ent]))
    assert [(s.text, s.kinds) for s in hl.segments] == [
        ("Aa ", ["statement"]), ("Bb", ["statement", "speaker", "entity"]), (" ", ["statement"]),
        ("Cc", ["statement", "entity"]), (" Dd", ["entity"])]


def test_spans_outside_the_text_are_ignored_not_fatal():
    text = "Short."
    st = Statement(id="s1", kind="direct", content=[Span(start=2, end=99, text="x")])
    hl = highlight(Result(text=text, statements=[st]))
    assert [s.text for s in hl.segments] == ["Short."] and hl.segments[0].keys == []


def test_tone_runs_from_conflict_to_cooperation():
    assert tone("ASSAULT") == -1.0 and tone("AID") == 1.0 and tone("nonsense") == 0.0
    assert colour(-1.0) == "#c81e1e" and colour(1.0) == "#1a7f37" and colour(0.0) == "#6e7681"


@pytest.fixture(scope="module")
def client(corpus_store):
    """HTTP against a real server whose corpus needs the read token "r"."""
    import httpx

    from tests.browser.conftest import LiveServer
    from tidings.api import create_app

    with LiveServer(create_app(corpus_store, write_token="w", read_token="r")) as server:
        with httpx.Client(base_url=server.url) as c:
            yield c


def test_pages_need_the_read_token_when_one_is_set(client):
    assert client.get("/").status_code == 401
    first = client.get("/search?q=pact&token=r")
    assert first.status_code == 200 and "Russia and Venezuela sign defence pact" in first.text
    assert client.get("/actors").status_code == 200  # the cookie remembers the token
    assert client.get("/documents/0000000000000000").status_code == 404


def test_hostile_text_is_escaped_in_the_html(client):
    client.get("/?token=r")
    hits = client.get("/search?q=defaced")
    html = hits.text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    doc = html.split('href="/documents/')[1].split('"')[0]
    page = client.get(f"/documents/{doc}")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert "<script>window" not in page.text and '<img src="x"' not in page.text
    assert "&lt;em&gt;website&lt;/em&gt;" in page.text
    # the annotation table is JSON inside a script element: < and > are escaped there too
    table = page.text.split('id="annotations">')[1].split("</script>")[0]
    assert "<" not in table


def test_static_files_are_served_and_paths_cannot_escape(client):
    css = client.get("/static/tidings.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200
    assert client.get("/static/../pages.py").status_code == 404
    assert client.get("/static/%2e%2e/pages.py").status_code == 404


def test_line_breaks_inside_a_paragraph_are_shown_as_spaces_between_paragraphs_kept():
    from tidings.document import Article, Paragraph

    text = "Headline\n\nFirst line of a hard-\nwrapped paragraph\ngoes on.\n\nSecond one.\n"
    first = text.index("First")
    second = text.index("Second")
    article = Article(paragraphs=[Paragraph(start=first, end=text.index("\n\nSecond")),
                                  Paragraph(start=second, end=len(text) - 1)])
    hl = highlight(Result(text=text, article=article))
    shown = "".join(s.shown for s in hl.segments)
    assert len(shown) == len(text)  # one character for one: offsets still hold
    assert shown == "Headline\n\nFirst line of a hard- wrapped paragraph goes on.\n\nSecond one.\n"


def test_pasted_text_that_names_a_file_is_taken_as_text_not_read(client, pipeline, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The server's private notes must never show.", encoding="utf-8")
    client.get("/?token=r")
    answer = client.post("/analyze", data={"text": str(secret)})
    assert answer.status_code == 200
    assert "private notes" not in answer.text and str(secret) in answer.text
