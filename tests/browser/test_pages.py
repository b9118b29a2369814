"""The web UI in a real headless Chromium against a real server (see conftest.py).

The corpus is the hand-coded ``webcorpus`` (three short articles written for these tests);
the paste/upload test runs the real extraction pipeline on an article written here."""
from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser import webcorpus
from tests.browser.conftest import WRITE_TOKEN

pytestmark = pytest.mark.browser

STRIKE = ("Port workers strike over unpaid wages\n\n"
          "ROTTERDAM, March 3 — Dock workers at the port of Rotterdam walked off the job on "
          "Tuesday, demanding wages they say have gone unpaid since January.\n\n"
          "\"We will not go back until every worker is paid,\" union leader Anna de Vries told "
          "reporters outside the main gate.\n\n"
          "The port authority said it was ready to meet the union on Friday.\n")
QUOTE = "We will not go back until every worker is paid"


def _texts(tab: Any, selector: str) -> list[str]:
    return tab.locator(selector).all_inner_texts()


def _facts(tab: Any, prefix: str) -> list[str]:
    """The highlighted text of each fact whose annotation key starts with ``prefix``
    ("st:" statements, "sp:" speakers, "cu:" cues, "tm:" times, "fl:" flags), joined
    across the segments it was cut into."""
    return tab.evaluate("""(prefix) => {
        const out = {};
        document.querySelectorAll('#text .seg').forEach(el => {
            el.dataset.ann.split(' ').forEach(k => {
                if (k.startsWith(prefix)) out[k] = (out[k] || '') + el.textContent;
            });
        });
        return Object.values(out);
    }""", prefix)


def test_paste_an_article_and_see_its_statements_highlighted(page, live, pipeline, shot, tmp_path):
    live.app.state.pipeline = pipeline
    page.goto("/analyze")
    page.fill("textarea[name=text]", STRIKE)
    page.fill("input[name=published]", "2026-03-03")
    shot(page, "analyze")
    page.click("button[type=submit]")
    page.wait_for_selector("#text .h-statement")
    assert any(QUOTE in t for t in _facts(page, "st:"))
    assert any("Anna de Vries" in t for t in _facts(page, "sp:"))
    assert "told" in _facts(page, "cu:")
    assert any("Tuesday" in t for t in _facts(page, "tm:"))
    assert "not stored" in page.inner_text(".notice")
    # hovering the quote shows its coding: the speaker and the cue
    page.locator("#text .h-statement", has_text="We will not go back").first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Anna de Vries" in tip.inner_text() and "cue: told" in tip.inner_text()
    shot(page, "article-pasted")

    # the same article as an uploaded file, stored with the write token: the browser lands
    # on the stored document's page, where the speaker links to an actor page
    upload = tmp_path / "strike.txt"
    upload.write_text(STRIKE, encoding="utf-8")
    page.goto("/analyze")
    page.set_input_files("input[name=file]", str(upload))
    page.check("input[name=store]")
    page.fill("input[name=token]", WRITE_TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+$"))
    assert any(QUOTE in t for t in _facts(page, "st:"))
    assert page.locator("aside a[href^='/actors/']", has_text="Anna de Vries").count() >= 1
    doc_id = page.url.rsplit("/", 1)[1]
    store = live.app.state.store
    try:
        assert store.get_document(doc_id).result["text"] == STRIKE
    finally:  # the other tests count the hand-coded corpus only
        store.delete(doc_id)


def test_storing_needs_the_write_token(page, live):
    page.goto("/analyze")
    page.fill("textarea[name=text]", "A short note that must not be stored.")
    page.check("input[name=store]")
    page.fill("input[name=token]", "wrong-token")
    page.click("button[type=submit]")
    assert "write token is not right" in page.inner_text(".errors")
    assert page.locator("textarea[name=text]").input_value().startswith("A short note")


def test_search_finds_documents_and_statements(page, shot):
    page.goto("/")
    assert "Russia and Venezuela sign defence pact" in _texts(page, ".results .title")
    shot(page, "home")
    page.fill("header input[name=q]", "sanctions")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=sanctions"))
    titles = _texts(page, "#results .title")
    assert titles == ["United States sanctions Venezuelan officials"]
    assert "sanctions" in [m.lower() for m in _texts(page, "#results mark")]
    shot(page, "search")
    # the article page shows its date conflict prominently, above the text
    page.click("#results .title")
    flags = page.locator("#flags")
    assert flags.is_visible() and "date conflict" in flags.inner_text()
    assert flags.bounding_box()["y"] < page.locator("#text").bounding_box()["y"]
    assert _facts(page, "fl:") == ["a week after the defence pact"]
    shot(page, "article-flags")
    # statements searched by topic words
    page.goto("/search?q=illegal&kind=statements")
    assert "1 statement match" in page.inner_text("#result-count")
    assert "the measures were illegal" in page.inner_text("#results")


def test_actor_page_lists_statements_in_date_order_with_links(page, shot):
    page.goto("/actors")
    shot(page, "actors")
    page.goto("/actors?q=Maduro")
    page.click("#actors a", timeout=5000) if page.locator("#actors a").count() == 1 else \
        pytest.fail(f"expected one actor named Maduro, got {_texts(page, '#actors a')}")
    assert page.inner_text("h1") == "Nicolás Maduro"
    quotes = _texts(page, "ol.statements .quote")
    # the pact (published 2026-06-19) comes before the sanctions article (2026-07-24)
    assert len(quotes) == 2
    assert "protect the country" in quotes[0] and "measures were illegal" in quotes[1]
    dates = _texts(page, "ol.statements .date")
    assert dates == sorted(dates)
    shot(page, "actor")
    # the link goes to the sentence in its article, which is focused there
    page.locator("ol.statements a", has_text="sign defence pact").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+#st-s2$"))
    focused = "".join(_texts(page, "#text .focus"))
    assert "the agreement would protect the country from foreign aggression" in focused


def test_timeline_and_network_render_with_data(page, shot):
    page.goto("/timeline")
    assert "4 events" in page.inner_text("#event-count")
    types = [t.strip() for t in _texts(page, "#timeline .type")]
    assert types[-2:] == ["SANCTION", "ACCUSE"] and set(types[:2]) == {"AGREE", "AID"}
    when = _texts(page, "#timeline .when")
    assert when == sorted(when)
    assert page.locator("#histogram rect").count() >= 2
    shot(page, "timeline")

    page.goto("/network")
    graph = page.locator("#network")
    graph.wait_for(state="visible")
    page.wait_for_function("document.getElementById('network').dataset.nodes !== undefined")
    # Russia, Venezuela, the United States; edges RUS→VEN (agree+aid), USA→VEN, VEN→USA
    assert graph.get_attribute("data-nodes") == "3"
    assert graph.get_attribute("data-edges") == "3"
    assert page.locator("#network canvas").count() >= 1
    shot(page, "network")


def test_article_text_with_html_and_script_is_shown_as_text(page, live, pipeline, shot):
    live.app.state.pipeline = pipeline
    store = live.app.state.store
    hostile_id = store.search("defaced").items[0].id
    for path in (f"/documents/{hostile_id}", "/search?q=defaced", "/search?q=defaced&kind=statements",
                 "/actors?q=ministry", "/"):
        page.goto(path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main img, main b, main em").count() == 0, path
    page.goto(f"/documents/{hostile_id}")
    body = page.inner_text("#text")
    assert webcorpus.PAYLOAD in body and "<b>bold</b>" in body
    assert page.inner_text("h1") == "Hackers deface ministry <em>website</em>"
    page.locator("#text .h-statement").first.hover()
    assert "Ministry of Communication" in page.inner_text("#tip")
    assert page.locator("#tip img, #tip script, #tip b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "article-hostile")
    # pasted, not stored: the same
    page.goto("/analyze")
    page.fill("textarea[name=text]", "Hackers strike again\n\nThe page now reads "
              + webcorpus.PAYLOAD + ", officials said on Monday.\n")
    page.click("button[type=submit]")
    page.wait_for_selector("#text")
    assert webcorpus.PAYLOAD in page.inner_text("#text")
    assert page.evaluate("typeof window.__pwned") == "undefined"
