"""HTML ingestion on pages written for the test (pages.py): body, headline, outlet, links,
publication and update dates, encodings, and pages with no article."""
from __future__ import annotations

import pytest

from tidings.clean import clean
from tidings.errors import HtmlError
from tidings.ingest import load_bytes
from tidings.ingest.html import html_text, outlet_name, repeats_title

from . import pages


@pytest.fixture(scope="module")
def page():
    return load_bytes(pages.article_page().encode("utf-8"), id="flood", source="flood.html")


def _paragraph_texts(doc) -> list[str]:
    return [doc.text[s:e] for s, e in doc.paragraphs]


def test_text_is_headline_then_body(page):
    assert page.format == "html"
    assert page.headline == pages.HEADLINE
    assert page.text.startswith(pages.HEADLINE + "\n\n")
    # the headline is not repeated as the first body paragraph
    assert page.text.count(pages.HEADLINE) == 1


def test_body_paragraphs_are_the_article_and_nothing_around_it(page):
    paras = _paragraph_texts(page)
    body = "\n".join(paras)
    for para in pages.BODY:
        assert para in body
    assert paras[0] == pages.BODY[0]
    assert paras[-1] == pages.BODY[-1]
    # headings and list items of the article are kept, each as its own block
    assert "Where to go" in paras
    for item in pages.LIST_ITEMS:
        assert item in paras
    # navigation, the most-read box and the footer are left out
    for junk in ("Subscribe", "Most read", "Council approves new budget", "All rights reserved",
                 "Privacy"):
        assert junk not in page.text


def test_br_separated_paragraphs_are_separate_paragraphs():
    doc = load_bytes(pages.article_page(br_paragraphs=True).encode(), source="flood.html")
    paras = _paragraph_texts(doc)
    assert paras[:3] == pages.BODY[:3]


def test_line_breaks_inside_a_sentence_stay_in_one_paragraph():
    from tidings.ingest.html import _split_at_sentence_breaks

    address = ["Residents can call the helpline at", "0800 555 0134 or write to the",
               "River Authority, Quay Street, Brenham."]
    assert _split_at_sentence_breaks(address) == [address]
    assert _split_at_sentence_breaks(["It rained.", "“We left,” she said."]) == \
        [["It rained."], ["“We left,” she said."]]


def test_related_insert_stays_in_the_text_but_not_in_the_body(page):
    assert pages.RELATED in page.text
    assert pages.RELATED not in _paragraph_texts(page)


def test_paragraph_offsets_index_the_text(page):
    for s, e in page.paragraphs:
        assert 0 <= s < e <= len(page.text)
        assert page.text[s:e] == page.text[s:e].strip()


def test_dates_outlet_and_urls(page):
    assert page.published == pages.PUBLISHED
    assert page.published_from == "metadata"
    # the modification date is kept as the update, not taken as the publication date
    assert page.updated == pages.UPDATED
    assert page.outlet == pages.SITE
    assert page.url == pages.URL
    assert page.urls[0] == pages.URL
    # the link inside the article is kept; the navigation links are not
    assert pages.LINK in page.urls
    assert not any(u.endswith(("/sport", "/privacy", "/a")) for u in page.urls)


def test_article_meta_reports_metadata_as_the_source_of_the_date(page):
    meta = clean(page).meta
    assert meta.published == pages.PUBLISHED and meta.published_from == "metadata"
    assert meta.outlet == pages.SITE


def test_without_date_metadata_the_date_in_the_url_is_used():
    doc = load_bytes(pages.article_page(with_dates=False).encode(), source="flood.html")
    # htmldate reads the /2025/03/14/ of the canonical URL
    assert doc.published == pages.PUBLISHED


def test_declared_windows_1252_is_decoded_with_it():
    html = pages.article_page(charset="windows-1252").replace(
        "Ruth Okafor", "Ruth Okafor-Müller “Rú”")
    doc = load_bytes(html.encode("cp1252"), source="flood.html")
    assert "Ruth Okafor-Müller “Rú”" in doc.text


def test_valid_utf8_wins_over_a_wrong_latin1_label():
    html = pages.article_page(charset="iso-8859-1").replace("Ruth Okafor", "Ruth Okafor-Müller")
    text, damage = html_text(html.encode("utf-8"), label="x")
    assert "Okafor-Müller" in text and damage is None


def test_html_is_sniffed_from_content_whatever_the_name():
    doc = load_bytes(pages.article_page().encode(), source="flood.txt", suffix=".txt")
    assert doc.format == "html"
    assert doc.headline == pages.HEADLINE


def test_page_with_no_article_is_an_error_with_a_reason():
    with pytest.raises(HtmlError) as err:
        load_bytes(pages.empty_page().encode(), source="search.html", suffix=".html")
    assert "no article text" in err.value.message
    assert err.value.document == "search.html"


def test_repeats_title():
    title = "Floods Force Thousands From Their Homes"
    assert repeats_title("Floods force thousands from their homes", title)
    assert repeats_title("Floods Force Thousands From Their Homes | Bugle", title)  # a short tail
    assert not repeats_title("Floods force thousands from their homes across the north of the "
                             "country, officials said on Monday.", title)
    assert not repeats_title("Thousands of people left their homes.", title)


def test_outlet_name_prefers_a_name_to_a_domain():
    assert outlet_name("The Daily Bugle", None) == "The Daily Bugle"
    assert outlet_name("@dailybugle", None) == "dailybugle"
    assert outlet_name(None, None) is None
    # a tagline after the name is not part of it
    assert outlet_name("Valley Courier | Your local news since 1887", None) == "Valley Courier"
    # a bare domain is kept as the site writes it when the outlet table does not know it
    assert outlet_name("RiverNews.example", None) == "RiverNews.example"
    # the page's own domain, when the page names no site
    # (named by its registered domain: a made-up capitalisation is a name the site never used)
    assert outlet_name(None, "https://www.valleycourier.example/news/1") == "valleycourier.example"


def test_links_never_name_the_outlet():
    # no canonical URL, no site name: a link to another outlet must not become the outlet
    html = pages.article_page().replace(f'<link rel="canonical" href="{pages.URL}">', "") \
        .replace(f'<meta property="og:site_name" content="{pages.SITE}">', "") \
        .replace(pages.LINK, "https://www.nytimes.com/2025/03/01/world/floods.html")
    doc = load_bytes(html.encode(), source="flood.html")
    assert clean(doc).meta.outlet is None
    assert doc.urls == []


def test_a_short_html_fragment_is_read():
    # too short for trafilatura's article detection: the page's own text blocks are used
    html = ("<div><p>The minister resigned on Monday after a week of protests in the capital, "
            "officials said.</p><nav><a href='/'>Home</a></nav></div>")
    doc = load_bytes(html.encode(), source="brief.html")
    assert doc.format == "html"
    assert [doc.text[s:e] for s, e in doc.paragraphs] == [
        "The minister resigned on Monday after a week of protests in the capital, officials said."]
