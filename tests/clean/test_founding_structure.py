"""The founding article (../shared/corpus): structure, cleaning and metadata, on the real file."""
from __future__ import annotations

import re

from tests.conftest import FOUNDING, shared_path
from tidings.clean import clean
from tidings.ingest import load


def _doc():
    return load(str(shared_path("corpus", "moscow-times-venezuela-advisers.txt")))


def test_headline_is_joined_from_its_two_lines(founding):
    assert founding.article.headline == \
        "Russian Advisers Will Stay in Venezuela ‘as Long as Necessary,' Moscow Vows"


def test_headline_offsets_cover_both_lines():
    doc = _doc()
    cleaned = clean(doc)
    start, end = cleaned.headline_span
    covered = doc.text[start:end]
    assert covered.startswith("Russian Advisers Will Stay in Venezuela")
    assert covered.endswith("Moscow Vows")
    assert "\n" in covered  # it really spans the line break


def test_paragraphs_never_break_mid_sentence(founding):
    text = founding.text
    paras = [text[p.start:p.end] for p in founding.article.paragraphs]
    assert len(paras) >= 10
    for para in paras:
        assert para.rstrip()[-1] in '.!?"”’', para
        first = next(ch for ch in para if ch.isalpha() or ch in "“\"")
        assert not first.islower(), para
    # the page-break inside "the escalating political / crisis in Venezuela" is mended
    joined = [p for p in paras if "escalating political" in p]
    assert joined and "crisis in Venezuela" in joined[0]


def test_related_article_and_urls_are_not_body(founding):
    text = founding.text
    body = "\n".join(text[p.start:p.end] for p in founding.article.paragraphs)
    assert "Related article" not in body
    assert "https://" not in body
    assert founding.article.urls == [
        "https://www.themoscowtimes.com/2026/06/24/kremlin-rejects-trumps-call-for-russia-to-pull-out-of-venezuela",
        "https://www.periscope.tv/MID_RF/1MnxnNwjPwExO",
    ]


def test_normalised_view_repairs_ocr_apostrophe():
    doc = _doc()
    assert "I’'m" in doc.text  # the damage is in the original, which is never edited
    view = clean(doc).view
    assert "I’'m" not in view.text
    at = view.text.index("the first I’m hearing")
    s, e = view.to_original(at, at + len("the first I’m hearing"))
    assert doc.text[s:e] == "the first I’'m hearing"


def test_view_joins_lines_and_maps_back():
    doc = _doc()
    view = clean(doc).view
    phrase = "the Russian Foreign Ministry has said"
    at = view.text.index(phrase)
    s, e = view.to_original(at, at + len(phrase))
    assert re.sub(r"\s+", " ", doc.text[s:e]) == phrase
    assert "\n" in doc.text[s:e]


def test_published_and_outlet_from_url(founding):
    assert founding.article.published == "2026-06-24"
    assert founding.article.published_from == "url"
    assert founding.article.outlet == "The Moscow Times"


def test_every_span_indexes_the_original_text(founding):
    assert founding.text == FOUNDING.read_text(encoding="utf-8")
    founding.check_spans()
