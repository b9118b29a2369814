"""Property tests: whatever damage a pasted article carries, every span maps back exactly.

Texts are generated from words, punctuation, quotes, line breaks at arbitrary places,
hyphenated line ends, blank lines inside sentences, mojibake, doubled apostrophes, URLs
(some broken over two lines) and inserts.  The offset map is checked both ways: view
ranges map to original ranges whose (repaired) text holds the view's words, and original
word ranges map forward to view ranges that map back inside them.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.clean import clean
from tidings.clean.repair import repair_line
from tidings.document import Document

WORDS = ["Moscow", "said", "the", "minister", "advisers", "will", "stay", "in", "Venezuela",
         "emergency", "long-term", "talks", "on", "Thursday", "I’'m", "it’s", "EUâ€™s", "“we",
         "agree,”", "\"all", "options'", "café", "naïve", "2026", "U.S.", "state", "ministry",
         "—", "(Reuters)", "[Venezuela]", "O’Brien", "São", "Paulo", "\u00ad", "\ufeff"]
INSERTS = ["Related article: Talks collapse in Geneva", "Read more: Oil prices rise",
           "ADVERTISEMENT", "Page 2 of 4", "https://www.example.com/2026/01/02/story-slug",
           "https://www.example.com/2026/01/02/a-very-long-story-\nslug-continued"]


@st.composite
def damaged_texts(draw: st.DrawFn) -> str:
    parts: list[str] = []
    n = draw(st.integers(min_value=1, max_value=80))
    for _ in range(n):
        kind = draw(st.integers(min_value=0, max_value=20))
        word = draw(st.sampled_from(WORDS))
        if kind == 0:
            parts.append(word[: max(1, len(word) // 2)] + "-\n" + word[len(word) // 2:] + " ")
        elif kind == 1:
            parts.append(word + ".\n\n")
        elif kind == 2:
            parts.append(word + "\n\n")          # blank line inside a sentence
        elif kind == 3:
            parts.append("\n" + draw(st.sampled_from(INSERTS)) + "\n")
        elif kind == 4:
            parts.append(word + "\r\n")
        elif kind == 5:
            parts.append(" " * draw(st.integers(1, 3)) + word + "\n")
        else:
            parts.append(word + " ")
    return "".join(parts)


def _norm(s: str) -> str:
    s = re.sub(r"-\s*\n\s*", "", s)
    return re.sub(r"\s+", "", repair_line(s)).replace("-", "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_texts())
def test_view_words_map_back_to_the_original(text: str) -> None:
    cleaned = clean(Document(text=text))
    view = cleaned.view
    for m in re.finditer(r"\w+", view.text):
        s, e = view.to_original(m.start(), m.end())
        assert 0 <= s <= e <= len(text)
        assert m.group().replace("-", "") in _norm(text[s:e]), (m.group(), text[s:e])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_texts())
def test_original_words_map_forward_and_back(text: str) -> None:
    cleaned = clean(Document(text=text))
    view = cleaned.view
    for m in re.finditer(r"[A-Za-z]{3,}", text):
        rng = view.from_original_range(m.start(), m.end())
        if rng is None:
            continue  # the word was in a masked insert or URL
        s, e = view.to_original(*rng)
        assert m.start() <= s and e <= m.end() or (s <= m.start() and m.end() <= e), (m.group(), text[s:e])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_texts())
def test_structure_offsets_lie_inside_the_text(text: str) -> None:
    cleaned = clean(Document(text=text))
    spans = list(cleaned.paragraphs) + [(s, e) for _, s, e in cleaned.non_body]
    if cleaned.headline_span:
        spans.append(cleaned.headline_span)
    for s, e in spans:
        assert 0 <= s <= e <= len(text)
        assert text[s:e] == text[s:e].strip() or not text[s:e].strip()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(damaged_texts())
def test_every_result_span_satisfies_the_contract(pipeline, text: str) -> None:
    result = pipeline.extract({"id": "generated", "text": text})
    result.check_spans()
    for p in result.article.paragraphs:
        assert 0 <= p.start <= p.end <= len(result.text)
