"""Plain text in the common encodings: the text is decoded exactly (BOM dropped, CRLF kept)
and every offset the cleaner reports indexes that decoded text."""
from __future__ import annotations

import codecs

import pytest

from tidings.clean import clean
from tidings.errors import BinaryInput, EmptyInput
from tidings.ingest import load, load_bytes
from tidings.ingest.text import decode

HEADLINE = "Ministers in Zürich Agree on Rail Link"
BODY = ("Transport ministers meeting in Zürich on Monday agreed to fund a new rail link between "
        "Besançon and Basel, the Swiss government said.\n"
        "The line will cost about €2 billion and should open in 2031. “It brings our regions "
        "closer,” said the French minister, Hélène Duvivier.\n")
ARTICLE = HEADLINE + "\n\n" + BODY
# the same article with only Latin-1 characters (no € or curly quotes)
LATIN1 = ARTICLE.replace("€", "EUR ").replace("“", '"').replace("”", '"')


def _check_offsets(text: str) -> None:
    doc = load_bytes(text.encode("utf-8"))
    cleaned = clean(doc)
    assert cleaned.headline == HEADLINE
    s, e = cleaned.headline_span
    assert text[s:e] == HEADLINE
    for s, e in cleaned.paragraphs:
        assert text[s:e].strip() == text[s:e] and text[s:e]
    # every view character maps back to an original character that it came from
    view = cleaned.view.text
    k = view.index("Besançon")
    s, e = cleaned.view.to_original(k, k + len("Besançon"))
    assert text[s:e] == "Besançon"


@pytest.mark.parametrize("encoding,text", [
    ("utf-8", ARTICLE),
    ("utf-8-sig", ARTICLE),
    ("utf-16", ARTICLE),          # with its BOM
    ("utf-16-be", None),          # BOM written by hand below
    ("cp1252", ARTICLE),
    ("latin-1", LATIN1),
])
def test_common_encodings_decode_exactly(encoding, text):
    if encoding == "utf-16-be":
        text = ARTICLE
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    doc = load_bytes(data, source=f"article.{encoding}.txt")
    assert doc.text == text          # the BOM is not part of the text
    assert doc.errors == []


def test_crlf_is_kept_and_offsets_index_the_crlf_text():
    text = ARTICLE.replace("\n", "\r\n")
    doc = load_bytes(text.encode("cp1252"))
    assert doc.text == text
    cleaned = clean(doc)
    s, e = cleaned.headline_span
    assert text[s:e] == HEADLINE
    view = cleaned.view.text
    assert "\r" not in view  # line ends are not part of the normalised view
    k = view.index("Hélène Duvivier")
    s, e = cleaned.view.to_original(k, k + len("Hélène Duvivier"))
    assert text[s:e] == "Hélène Duvivier"


@pytest.mark.parametrize("text", [ARTICLE, ARTICLE.replace("\n", "\r\n"), "\ufeff" + ARTICLE])
def test_offsets_of_decoded_text(text):
    if text.startswith("\ufeff"):
        doc = load_bytes(text.encode("utf-8"))
        assert doc.text == text[1:]
        text = text[1:]
    _check_offsets(text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(encoding):
    doc = load_bytes(ARTICLE.encode(encoding), source="article.txt")
    assert doc.text == ARTICLE


def test_french_latin1_is_not_read_as_central_european():
    text = "Le ministre a déclaré à Genève que les négociations reprendraient à l'été.\n"
    assert decode(text.encode("latin-1"), label="x") == text


def test_cyrillic_windows_1251_is_recognised():
    text = "Министр иностранных дел заявил в понедельник, что переговоры продолжатся в Женеве.\n"
    assert decode(text.encode("cp1251"), label="x") == text


def test_empty_and_binary_are_refused():
    with pytest.raises(EmptyInput):
        load_bytes(b"")
    with pytest.raises(EmptyInput):
        load_bytes(b"\n\n  \n")
    with pytest.raises(BinaryInput):
        load_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 100)


def test_gzipped_file_is_read(tmp_path):
    import gzip

    f = tmp_path / "article.txt.gz"
    f.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    doc = load(f)
    assert doc.text == ARTICLE and doc.id == "article"


def test_truncated_gzip_is_an_input_error(tmp_path):
    import gzip

    from tidings.errors import InputError

    f = tmp_path / "article.txt.gz"
    f.write_bytes(gzip.compress(ARTICLE.encode("utf-8"))[:30])
    with pytest.raises(InputError) as err:
        load(f)
    assert "truncated" in err.value.message
