"""Property: text in any Unicode encoding that marks itself (UTF-8, or a byte-order mark)
decodes to exactly the characters written -- line ends, spaces and all -- so offsets into
the decoded text are offsets into what the author wrote."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.clean import clean
from tidings.ingest import load_bytes

PIECES = ["The", "minister", "said", "Zürich", "café", "naïve", "“talks”", "—", "€2bn", "São",
          "Paulo", "Москва", "東京", "O’Brien", "2026", ".", ",", " ", "  ", "\t",
          "\n", "\r\n", "\n\n", "\r\n\r\n"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=3, max_size=60))
    text = " ".join(parts)
    # a document must hold some words to be read at all
    return "Ministers met on Monday. " + text


@settings(max_examples=60, deadline=None)
@given(text=texts(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_keeps_every_character(text, encoding):
    doc = load_bytes(text.encode(encoding), source="doc.txt")
    assert doc.text == text
    assert doc.errors == []
    cleaned = clean(doc)
    for s, e in cleaned.paragraphs:
        assert 0 <= s <= e <= len(text)
        assert text[s:e].strip() == text[s:e]
